// What a posted transfer means for payroll: how each person's wallet moved (the balance printed at
// a month's end), and what an approved entry was paid (the currency credited on its form).

/** A transfer as currency announces it, its enums read. */
export interface PostedTransfer {
  id: string;
  kind: string;
  currencyId: string;
  currencyCode: string;
  amountMinor: number;
  postedAt: Date;
  entryId: string;
  debitOwner: { kind: string; id: string };
  creditOwner: { kind: string; id: string };
}

export interface WalletMovement {
  transferId: string;
  personId: string;
  currencyId: string;
  /** Signed: a credit is positive, a debit negative. */
  amountMinor: number;
  postedAt: Date;
}

export interface HoursCredit {
  entryId: string;
  personId: string;
  currencyId: string;
  currencyCode: string;
  amountMinor: number;
  postedAt: Date;
}

/** Each person's side of the transfer: organizations and the issuance account hold no wallet of a person. */
export function walletMovementsOf(transfer: PostedTransfer): WalletMovement[] {
  const sides = [
    { owner: transfer.creditOwner, amountMinor: transfer.amountMinor },
    { owner: transfer.debitOwner, amountMinor: -transfer.amountMinor },
  ];
  return sides
    .filter((side) => side.owner.kind === 'person')
    .map((side) => ({
      transferId: transfer.id,
      personId: side.owner.id,
      currencyId: transfer.currencyId,
      amountMinor: side.amountMinor,
      postedAt: transfer.postedAt,
    }));
}

/** What the transfer paid for an approved entry: only pay for hours, credited to a person. */
export function hoursCreditOf(transfer: PostedTransfer): HoursCredit | undefined {
  if (transfer.kind !== 'hours' || !transfer.entryId || transfer.creditOwner.kind !== 'person') return undefined;
  return {
    entryId: transfer.entryId,
    personId: transfer.creditOwner.id,
    currencyId: transfer.currencyId,
    currencyCode: transfer.currencyCode,
    amountMinor: transfer.amountMinor,
    postedAt: transfer.postedAt,
  };
}
