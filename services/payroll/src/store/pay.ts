// SQL of what currency paid: each entry's hours credit and every movement of a person's wallet.
import type { Queryable } from '@e21/kit';

const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

/** Records what an entry was paid; false when it was already known. */
export async function recordHoursCredit(
  db: Queryable,
  credit: { entryId: string; personId: string; currencyId: string; currencyCode: string; amountMinor: number; postedAt: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into hours_credits (entry_id, person_id, currency_id, currency_code, amount_minor, posted_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (entry_id) do nothing`,
    [credit.entryId, credit.personId, credit.currencyId, credit.currencyCode, credit.amountMinor, credit.postedAt],
  );
  return (rowCount ?? 0) > 0;
}

export async function recordWalletMovement(
  db: Queryable,
  movement: { transferId: string; personId: string; currencyId: string; amountMinor: number; postedAt: Date },
): Promise<void> {
  await db.query(
    `insert into wallet_movements (transfer_id, person_id, currency_id, amount_minor, posted_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing`,
    [movement.transferId, movement.personId, movement.currencyId, movement.amountMinor, movement.postedAt],
  );
}

/** What currency paid for each of these entries. */
export async function hoursCredits(db: Queryable, entryIds: string[]): Promise<Map<string, { amountMinor: number; currencyId: string }>> {
  if (entryIds.length === 0) return new Map();
  const { rows } = await db.query<{ entry_id: string; amount_minor: bigint; currency_id: string }>(
    'select entry_id, amount_minor, currency_id from hours_credits where entry_id = any($1::uuid[])',
    [entryIds],
  );
  return new Map(rows.map((row) => [row.entry_id, { amountMinor: count(row.amount_minor), currencyId: row.currency_id }]));
}

/** A person's wallet balance in a currency just before an instant. */
export async function walletBalanceBefore(db: Queryable, personId: string, currencyId: string, before: Date): Promise<number> {
  const { rows } = await db.query<{ balance: bigint | null }>(
    'select sum(amount_minor) as balance from wallet_movements where person_id = $1 and currency_id = $2 and posted_at < $3',
    [personId, currencyId, before],
  );
  return count(rows[0]?.balance);
}
