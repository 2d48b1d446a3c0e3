// The double-entry ledger's rules: what a transfer may move, the balances it leaves, the order its
// accounts are locked in, and how a retried transfer is told from a reused id.
import { refusal, type RefusalValue } from '@e21/kit';
import { checkAmount } from './amounts.js';

export const OWNER_KINDS = ['person', 'organization', 'issuance'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export const TRANSFER_KINDS = ['hours', 'payment', 'request', 'redemption'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface LedgerAccount {
  id: string;
  currencyId: string;
  ownerKind: OwnerKind;
  balanceMinor: bigint;
  /** An organization's: whether an Engagement 21 officer verified it (currency's fact of identity's decision). */
  verified?: boolean;
}

/** The two entries of a transfer: the debit (negative) and the credit, with the balances they leave. */
export interface Posting {
  debit: { accountId: string; amountMinor: bigint; balanceAfterMinor: bigint };
  credit: { accountId: string; amountMinor: bigint; balanceAfterMinor: bigint };
}

/** Which accounts each kind of transfer moves money between. */
const ALLOWED: Record<TransferKind, { debit: OwnerKind[]; credit: OwnerKind[] }> = {
  // Money is issued only to pay for hours...
  hours: { debit: ['issuance'], credit: ['person'] },
  payment: { debit: ['person', 'organization'], credit: ['person', 'organization'] },
  request: { debit: ['person'], credit: ['organization'] },
  // ...and leaves circulation only when a merchant redeems it.
  redemption: { debit: ['organization'], credit: ['issuance'] },
};

/**
 * The entries moving `amountMinor` from `debit` to `credit`. Debits equal credits in every
 * transfer; no balance goes below zero except the issuance account's, whose negative balance is
 * the money in circulation.
 */
export function postTransfer(kind: TransferKind, debit: LedgerAccount, credit: LedgerAccount, amountMinor: bigint): Posting | RefusalValue {
  const amount = checkAmount(amountMinor);
  if (amount) return amount;
  if (debit.id === credit.id)
    return refusal('invalid', 'same_account', 'An account cannot pay itself', [
      { field: 'to_account_id', message: 'is the account paying' },
    ]);
  if (debit.currencyId !== credit.currencyId) {
    return refusal('invalid', 'currency_mismatch', 'Both accounts must hold the same currency', [
      { field: 'to_account_id', message: 'holds another currency' },
    ]);
  }
  const allowed = ALLOWED[kind];
  if (!allowed.debit.includes(debit.ownerKind) || !allowed.credit.includes(credit.ownerKind)) {
    return refusal(
      'invalid',
      'transfer_not_allowed',
      `A ${kind} transfer does not go from a ${debit.ownerKind} account to a ${credit.ownerKind} account`,
      [{ field: 'to_account_id', message: `cannot receive a ${kind} transfer` }],
    );
  }
  // Anyone can register an organization under a merchant's name: money reaches only verified ones.
  if (credit.ownerKind === 'organization' && credit.verified !== true) {
    return refusal('conflict', 'merchant_not_verified', 'This organization is not verified by Engagement 21: it cannot be paid', [
      { field: 'to_account_id', message: 'belongs to an organization that is not verified' },
    ]);
  }
  const debitAfter = debit.balanceMinor - amountMinor;
  if (debit.ownerKind !== 'issuance' && debitAfter < 0n) {
    return refusal('conflict', 'insufficient_funds', `The balance (${debit.balanceMinor} minor units) is less than ${amountMinor}`, [
      { field: 'amount_minor', message: 'is more than the balance' },
    ]);
  }
  return {
    debit: { accountId: debit.id, amountMinor: -amountMinor, balanceAfterMinor: debitAfter },
    credit: { accountId: credit.id, amountMinor, balanceAfterMinor: credit.balanceMinor + amountMinor },
  };
}

/**
 * Accounts in the order their rows are locked: by id. Two transfers over the same accounts then
 * take the locks in the same order and wait for each other instead of deadlocking.
 */
export function lockOrder(accountIds: string[]): string[] {
  return [...new Set(accountIds)].sort();
}

/**
 * A transfer id already posted: the same request again is a retry and gets the first transfer;
 * another request under the same id (idempotency key) is refused and changes nothing.
 */
export function checkRetry(posted: { requestHash: string }, requestHash: string): RefusalValue | undefined {
  if (posted.requestHash === requestHash) return undefined;
  return refusal('conflict', 'idempotency_key_reused', 'This Idempotency-Key was used for another request', [
    { field: 'idempotency_key', message: 'was used for another request' },
  ]);
}

/** An account as the ledger keeps it: its owner, its balance, and what its owner has asked to redeem. */
export interface AccountRecord extends LedgerAccount {
  currencyCode: string;
  minorUnits: number;
  ownerId: string;
  ownerName: string;
  organizationKind: string | null;
  createdAt: Date;
  /** Redemptions asked and not yet decided (organizations). */
  pendingRedemptionMinor: bigint;
}

/** A posted transfer: never changed once written; what it paid for (an entry, a request, a redemption) when anything. */
export interface TransferRecord {
  id: string;
  currencyId: string;
  currencyCode: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amountMinor: bigint;
  reference: string;
  requestHash: string;
  entryId: string | null;
  entryDate: string | null;
  entryMinutes: bigint | null;
  paymentRequestId: string | null;
  redemptionId: string | null;
  postedBy: string;
  postedAt: Date;
  debitOwner: { kind: OwnerKind; id: string; name: string };
  creditOwner: { kind: OwnerKind; id: string; name: string };
}
