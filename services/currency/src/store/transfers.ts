// SQL of transfers and their entries: posting one, reading it, an account's history and its balance at an instant.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { OwnerKind, Posting, TransferKind, TransferRecord } from '../domain/ledger.js';
import type { HistoryRecord } from '../domain/statements.js';

export interface NewTransfer {
  id: string;
  currencyId: string;
  kind: TransferKind;
  amountMinor: bigint;
  reference: string;
  requestHash: string;
  entryId?: string;
  entryDate?: string;
  entryMinutes?: bigint;
  paymentRequestId?: string;
  redemptionId?: string;
  postedBy: string;
  postedAt: Date;
}

/**
 * Writes a transfer, its two entries and the two balances they leave, as one posting, in one
 * statement (one round trip; the entries' foreign key is checked at its end, when the transfer exists).
 */
export async function insertPosting(db: Queryable, t: NewTransfer, posting: Posting): Promise<void> {
  await db.query(
    `with transfer as (
       insert into transfers (id, currency_id, kind, debit_account_id, credit_account_id, amount_minor, reference, request_hash,
         entry_id, entry_date, entry_minutes, payment_request_id, redemption_id, posted_by, posted_at)
       values ($1, $2, $3, $14, $17, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ), balances as (
       update accounts a set balance_minor = v.balance from (values ($14::uuid, $16::bigint), ($17::uuid, $19::bigint)) v(id, balance) where a.id = v.id
     )
     insert into entries (transfer_id, account_id, amount_minor, balance_after_minor, posted_at)
     values ($1, $14, $15, $16, $13), ($1, $17, $18, $19, $13)`,
    [
      t.id,
      t.currencyId,
      t.kind,
      t.amountMinor,
      t.reference,
      t.requestHash,
      t.entryId ?? null,
      t.entryDate ?? null,
      t.entryMinutes ?? null,
      t.paymentRequestId ?? null,
      t.redemptionId ?? null,
      t.postedBy,
      t.postedAt,
      posting.debit.accountId,
      posting.debit.amountMinor,
      posting.debit.balanceAfterMinor,
      posting.credit.accountId,
      posting.credit.amountMinor,
      posting.credit.balanceAfterMinor,
    ],
  );
}

interface TransferRow {
  id: string;
  currency_id: string;
  currency_code: string;
  kind: TransferKind;
  debit_account_id: string;
  credit_account_id: string;
  amount_minor: bigint;
  reference: string;
  request_hash: string;
  entry_id: string | null;
  entry_date: string | null;
  entry_minutes: bigint | null;
  payment_request_id: string | null;
  redemption_id: string | null;
  posted_by: string;
  posted_at: Date;
  debit_kind: OwnerKind;
  debit_owner: string;
  debit_name: string;
  credit_kind: OwnerKind;
  credit_owner: string;
  credit_name: string;
}

const transferOf = (row: TransferRow): TransferRecord => ({
  id: row.id,
  currencyId: row.currency_id,
  currencyCode: row.currency_code,
  kind: row.kind,
  debitAccountId: row.debit_account_id,
  creditAccountId: row.credit_account_id,
  amountMinor: row.amount_minor,
  reference: row.reference,
  requestHash: row.request_hash,
  entryId: row.entry_id,
  entryDate: row.entry_date,
  entryMinutes: row.entry_minutes,
  paymentRequestId: row.payment_request_id,
  redemptionId: row.redemption_id,
  postedBy: row.posted_by,
  postedAt: row.posted_at,
  debitOwner: { kind: row.debit_kind, id: row.debit_owner, name: row.debit_name },
  creditOwner: { kind: row.credit_kind, id: row.credit_owner, name: row.credit_name },
});

export async function getTransfer(db: Queryable, id: string): Promise<TransferRecord | undefined> {
  const { rows } = await db.query<TransferRow>(
    `select t.*, c.code as currency_code, d.owner_kind as debit_kind, d.owner_id as debit_owner, d.owner_name as debit_name,
       k.owner_kind as credit_kind, k.owner_id as credit_owner, k.owner_name as credit_name
     from transfers t join currencies c on c.id = t.currency_id
       join accounts d on d.id = t.debit_account_id join accounts k on k.id = t.credit_account_id
     where t.id = $1`,
    [id],
  );
  return rows[0] && transferOf(rows[0]);
}
interface HistoryRow {
  seq: bigint;
  transfer_id: string;
  kind: TransferKind;
  amount_minor: bigint;
  balance_after_minor: bigint;
  posted_at: Date;
  counterparty_kind: OwnerKind;
  counterparty_id: string;
  counterparty_name: string;
  reference: string;
  entry_date: string | null;
  entry_minutes: bigint | null;
  payment_request_id: string | null;
  redemption_id: string | null;
}

const historyOf = (row: HistoryRow): HistoryRecord => ({
  seq: row.seq,
  transferId: row.transfer_id,
  kind: row.kind,
  amountMinor: row.amount_minor,
  balanceAfterMinor: row.balance_after_minor,
  postedAt: row.posted_at,
  counterpartyKind: row.counterparty_kind,
  counterpartyId: row.counterparty_id,
  counterpartyName: row.counterparty_name,
  reference: row.reference,
  entryDate: row.entry_date,
  entryMinutes: row.entry_minutes,
  paymentRequestId: row.payment_request_id,
  redemptionId: row.redemption_id,
});

// The other side of each entry's transfer is its counterparty.
const HISTORY_SELECT = `select e.seq, e.transfer_id, t.kind, e.amount_minor, e.balance_after_minor, e.posted_at,
    o.owner_kind as counterparty_kind, o.owner_id as counterparty_id, o.owner_name as counterparty_name,
    t.reference, t.entry_date, t.entry_minutes, t.payment_request_id, t.redemption_id
  from entries e join transfers t on t.id = e.transfer_id
    join accounts o on o.id = case when t.debit_account_id = e.account_id then t.credit_account_id else t.debit_account_id end`;

/** An account's entries, latest first, each with the balance it left. */
export async function listHistory(db: Queryable, accountId: string, limit: number, cursor?: string): Promise<Page<HistoryRecord>> {
  const after = decodeCursor(cursor, ['offset']) as [number] | undefined;
  const { rows } = await db.query<HistoryRow>(
    `${HISTORY_SELECT} where e.account_id = $1 and ($2::bigint is null or e.seq < $2) order by e.seq desc limit $3`,
    [accountId, after?.[0] ?? null, limit + 1],
  );
  return pageOf(rows.map(historyOf), limit, (last) => [Number(last.seq)]);
}

/** The entries of an account posted in [start, end), in the order they were posted. */
export async function entriesBetween(db: Queryable, accountId: string, start: Date, end: Date): Promise<HistoryRecord[]> {
  const { rows } = await db.query<HistoryRow>(
    `${HISTORY_SELECT} where e.account_id = $1 and e.posted_at >= $2 and e.posted_at < $3 order by e.seq`,
    [accountId, start, end],
  );
  return rows.map(historyOf);
}

/** The account's balance at an instant: what its last entry before it left. */
export async function balanceAt(db: Queryable, accountId: string, at: Date): Promise<bigint> {
  const { rows } = await db.query<{ balance_after_minor: bigint }>(
    `select balance_after_minor from entries where account_id = $1 and posted_at < $2 order by seq desc limit 1`,
    [accountId, at],
  );
  return rows[0]?.balance_after_minor ?? 0n;
}
