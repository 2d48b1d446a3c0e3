// SQL for the currency service's tables; the only module that knows their names.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { CurrencyRecord } from './domain/currencies.js';
import type { LedgerAccount, OwnerKind, Posting, TransferKind } from './domain/ledger.js';
import type { Merchant } from './domain/merchants.js';
import type { RedemptionStatus } from './domain/redemptions.js';
import type { StatementLine } from './domain/statements.js';

const forUpdate = (options: { forUpdate?: boolean }) => (options.forUpdate ? ' for update' : '');

/** Serializes work on one key (a transfer id, the currency map) until the transaction ends. */
export async function lockKey(db: Queryable, key: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}

// Currencies

interface CurrencyRow {
  id: string;
  territory_id: string;
  territory_path: string[];
  territory_name: string;
  code: string;
  name: string;
  minor_units: number;
  rate_per_hour_minor: bigint;
  redemption_fee_basis_points: number;
  issuance_account_id: string;
  version: number;
  configured_by: string;
  configured_at: Date;
  created_at: Date;
}

const CURRENCY_COLUMNS = `id, territory_id, territory_path, territory_name, code, name, minor_units, rate_per_hour_minor,
  redemption_fee_basis_points, issuance_account_id, version, configured_by, configured_at, created_at`;

const currencyOf = (row: CurrencyRow): CurrencyRecord => ({
  id: row.id,
  territoryId: row.territory_id,
  territoryPath: row.territory_path,
  territoryName: row.territory_name,
  code: row.code,
  name: row.name,
  minorUnits: row.minor_units,
  ratePerHourMinor: row.rate_per_hour_minor,
  redemptionFeeBasisPoints: row.redemption_fee_basis_points,
  issuanceAccountId: row.issuance_account_id,
  version: row.version,
  configuredBy: row.configured_by,
  configuredAt: row.configured_at,
  createdAt: row.created_at,
});

export async function insertCurrency(db: Queryable, c: CurrencyRecord): Promise<void> {
  await db.query(
    `insert into currencies (${CURRENCY_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [c.id, c.territoryId, c.territoryPath, c.territoryName, c.code, c.name, c.minorUnits, c.ratePerHourMinor, c.redemptionFeeBasisPoints, c.issuanceAccountId, c.version, c.configuredBy, c.configuredAt, c.createdAt],
  );
}

export async function updateCurrency(db: Queryable, c: CurrencyRecord): Promise<void> {
  await db.query(
    `update currencies set name = $2, rate_per_hour_minor = $3, redemption_fee_basis_points = $4, version = $5, configured_by = $6, configured_at = $7 where id = $1`,
    [c.id, c.name, c.ratePerHourMinor, c.redemptionFeeBasisPoints, c.version, c.configuredBy, c.configuredAt],
  );
}

export async function getCurrency(db: Queryable, id: string): Promise<CurrencyRecord | undefined> {
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies where id = $1`, [id]);
  return rows[0] && currencyOf(rows[0]);
}

export async function getCurrencyOfTerritory(db: Queryable, territoryId: string, options: { forUpdate?: boolean } = {}): Promise<CurrencyRecord | undefined> {
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies where territory_id = $1${forUpdate(options)}`, [territoryId]);
  return rows[0] && currencyOf(rows[0]);
}

export async function getCurrencyByCode(db: Queryable, code: string): Promise<CurrencyRecord | undefined> {
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies where code = $1`, [code]);
  return rows[0] && currencyOf(rows[0]);
}

export async function listCurrencies(db: Queryable): Promise<CurrencyRecord[]> {
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies order by code`);
  return rows.map(currencyOf);
}

/** Currencies defined on any of the territories given. */
export async function currenciesOn(db: Queryable, territoryIds: string[]): Promise<CurrencyRecord[]> {
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies where territory_id = any($1::uuid[])`, [territoryIds]);
  return rows.map(currencyOf);
}

// Accounts

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

interface AccountRow {
  id: string;
  currency_id: string;
  currency_code: string;
  minor_units: number;
  owner_kind: OwnerKind;
  owner_id: string;
  owner_name: string;
  organization_kind: string | null;
  balance_minor: bigint;
  created_at: Date;
  pending_redemption_minor: bigint;
}

const ACCOUNT_SELECT = `select a.id, a.currency_id, c.code as currency_code, c.minor_units, a.owner_kind, a.owner_id, a.owner_name,
    a.organization_kind, a.balance_minor, a.created_at,
    coalesce((select sum(r.amount_minor) from redemptions r where r.account_id = a.id and r.status = 'requested'), 0)::bigint as pending_redemption_minor
  from accounts a join currencies c on c.id = a.currency_id`;

const accountOf = (row: AccountRow): AccountRecord => ({
  id: row.id,
  currencyId: row.currency_id,
  currencyCode: row.currency_code,
  minorUnits: row.minor_units,
  ownerKind: row.owner_kind,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  organizationKind: row.organization_kind,
  balanceMinor: row.balance_minor,
  createdAt: row.created_at,
  pendingRedemptionMinor: row.pending_redemption_minor,
});

export interface NewAccount {
  id: string;
  currencyId: string;
  ownerKind: OwnerKind;
  ownerId: string;
  ownerName: string;
  organizationKind: string | null;
  createdAt: Date;
}

/** Opens the account, or keeps the one already open for the same owner and currency; returns it. */
export async function openAccount(db: Queryable, a: NewAccount): Promise<AccountRecord> {
  await db.query(
    `insert into accounts (id, currency_id, owner_kind, owner_id, owner_name, organization_kind, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (currency_id, owner_kind, owner_id) do nothing`,
    [a.id, a.currencyId, a.ownerKind, a.ownerId, a.ownerName, a.organizationKind, a.createdAt],
  );
  return (await findAccount(db, a.currencyId, a.ownerKind, a.ownerId))!;
}

export async function getAccount(db: Queryable, id: string): Promise<AccountRecord | undefined> {
  const { rows } = await db.query<AccountRow>(`${ACCOUNT_SELECT} where a.id = $1`, [id]);
  return rows[0] && accountOf(rows[0]);
}

export async function findAccount(db: Queryable, currencyId: string, ownerKind: OwnerKind, ownerId: string): Promise<AccountRecord | undefined> {
  const { rows } = await db.query<AccountRow>(`${ACCOUNT_SELECT} where a.currency_id = $1 and a.owner_kind = $2 and a.owner_id = $3`, [currencyId, ownerKind, ownerId]);
  return rows[0] && accountOf(rows[0]);
}

export async function listAccountsOf(db: Queryable, ownerKind: OwnerKind, ownerId: string): Promise<AccountRecord[]> {
  const { rows } = await db.query<AccountRow>(`${ACCOUNT_SELECT} where a.owner_kind = $1 and a.owner_id = $2 order by c.code`, [ownerKind, ownerId]);
  return rows.map(accountOf);
}

export interface LockedAccount extends LedgerAccount {
  currencyCode: string;
  ownerId: string;
  ownerName: string;
}

/**
 * Locks the accounts' rows in id order (the sort runs before the rows are locked) and returns their
 * balances as they are under the lock.
 */
export async function lockAccounts(db: Queryable, ids: string[]): Promise<LockedAccount[]> {
  const { rows } = await db.query<{ id: string; currency_id: string; code: string; owner_kind: OwnerKind; owner_id: string; owner_name: string; balance_minor: bigint; verified: boolean | null }>(
    `select a.id, a.currency_id, c.code, a.owner_kind, a.owner_id, a.owner_name, a.balance_minor, m.verified
     from accounts a join currencies c on c.id = a.currency_id
       left join merchants m on a.owner_kind = 'organization' and m.organization_id = a.owner_id
     where a.id = any($1::uuid[]) order by a.id for update of a`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.id,
    currencyId: row.currency_id,
    currencyCode: row.code,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    balanceMinor: row.balance_minor,
    verified: row.verified === true,
  }));
}

// Transfers and entries

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

export interface TransferRecord extends Required<Pick<NewTransfer, 'id' | 'currencyId' | 'kind' | 'amountMinor' | 'reference' | 'requestHash' | 'postedBy' | 'postedAt'>> {
  currencyCode: string;
  debitAccountId: string;
  creditAccountId: string;
  entryId: string | null;
  entryDate: string | null;
  entryMinutes: bigint | null;
  paymentRequestId: string | null;
  redemptionId: string | null;
  debitOwner: { kind: OwnerKind; id: string; name: string };
  creditOwner: { kind: OwnerKind; id: string; name: string };
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
      t.id, t.currencyId, t.kind, t.amountMinor, t.reference, t.requestHash, t.entryId ?? null, t.entryDate ?? null, t.entryMinutes ?? null,
      t.paymentRequestId ?? null, t.redemptionId ?? null, t.postedBy, t.postedAt,
      posting.debit.accountId, posting.debit.amountMinor, posting.debit.balanceAfterMinor,
      posting.credit.accountId, posting.credit.amountMinor, posting.credit.balanceAfterMinor,
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

export interface HistoryRecord extends StatementLine {
  seq: bigint;
  counterpartyId: string;
  entryDate: string | null;
  entryMinutes: bigint | null;
  paymentRequestId: string | null;
  redemptionId: string | null;
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
  const { rows } = await db.query<HistoryRow>(`${HISTORY_SELECT} where e.account_id = $1 and ($2::bigint is null or e.seq < $2) order by e.seq desc limit $3`, [accountId, after?.[0] ?? null, limit + 1]);
  return pageOf(rows.map(historyOf), limit, (last) => [Number(last.seq)]);
}

/** The entries of an account posted in [start, end), in the order they were posted. */
export async function entriesBetween(db: Queryable, accountId: string, start: Date, end: Date): Promise<HistoryRecord[]> {
  const { rows } = await db.query<HistoryRow>(`${HISTORY_SELECT} where e.account_id = $1 and e.posted_at >= $2 and e.posted_at < $3 order by e.seq`, [accountId, start, end]);
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

// Merchants (identity's verifications, kept by the merchants consumer)

interface MerchantRow {
  organization_id: string;
  name: string;
  legal_id: string;
  kind: string;
  territory_id: string;
  verified: boolean;
  decided_at: Date;
  version: number;
}

const merchantOf = (row: MerchantRow): Merchant => ({
  organizationId: row.organization_id,
  name: row.name,
  legalId: row.legal_id,
  kind: row.kind,
  territoryId: row.territory_id,
  verified: row.verified,
  decidedAt: row.decided_at,
  version: row.version,
});

/** Keeps identity's decision unless a newer one is already kept; true when it changed the fact. */
export async function keepMerchant(db: Queryable, m: Merchant): Promise<boolean> {
  const result = await db.query(
    `insert into merchants (organization_id, name, legal_id, kind, territory_id, verified, decided_at, version, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now())
     on conflict (organization_id) do update set name = excluded.name, legal_id = excluded.legal_id, kind = excluded.kind,
       territory_id = excluded.territory_id, verified = excluded.verified, decided_at = excluded.decided_at, version = excluded.version, updated_at = now()
     where merchants.version < excluded.version`,
    [m.organizationId, m.name, m.legalId, m.kind, m.territoryId, m.verified, m.decidedAt, m.version],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function getMerchant(db: Queryable, organizationId: string): Promise<Merchant | undefined> {
  const { rows } = await db.query<MerchantRow>('select organization_id, name, legal_id, kind, territory_id, verified, decided_at, version from merchants where organization_id = $1', [organizationId]);
  return rows[0] && merchantOf(rows[0]);
}

// Payment requests

export interface PaymentRequestRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  accountId: string;
  currencyId: string;
  currencyCode: string;
  minorUnits: number;
  amountMinor: bigint;
  reference: string;
  expiresAt: Date;
  requestHash: string;
  createdBy: string;
  createdAt: Date;
  paidAt: Date | null;
  paidBy: string | null;
  paidByName: string | null;
  transferId: string | null;
  /** The merchant as currency knows it now (null when never verified): payers see it. */
  merchant: Pick<Merchant, 'legalId' | 'verified' | 'decidedAt'> | null;
}

interface PaymentRequestRow {
  id: string;
  organization_id: string;
  organization_name: string;
  account_id: string;
  currency_id: string;
  currency_code: string;
  minor_units: number;
  amount_minor: bigint;
  reference: string;
  expires_at: Date;
  request_hash: string;
  created_by: string;
  created_at: Date;
  paid_at: Date | null;
  paid_by: string | null;
  paid_by_name: string | null;
  transfer_id: string | null;
  merchant_legal_id: string | null;
  merchant_verified: boolean | null;
  merchant_decided_at: Date | null;
}

const paymentRequestOf = (row: PaymentRequestRow): PaymentRequestRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  accountId: row.account_id,
  currencyId: row.currency_id,
  currencyCode: row.currency_code,
  minorUnits: row.minor_units,
  amountMinor: row.amount_minor,
  reference: row.reference,
  expiresAt: row.expires_at,
  requestHash: row.request_hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  paidAt: row.paid_at,
  paidBy: row.paid_by,
  paidByName: row.paid_by_name,
  transferId: row.transfer_id,
  merchant: row.merchant_decided_at ? { legalId: row.merchant_legal_id ?? '', verified: row.merchant_verified === true, decidedAt: row.merchant_decided_at } : null,
});

const REQUEST_SELECT = `select p.*, c.code as currency_code, c.minor_units,
    m.legal_id as merchant_legal_id, m.verified as merchant_verified, m.decided_at as merchant_decided_at
  from payment_requests p join currencies c on c.id = p.currency_id left join merchants m on m.organization_id = p.organization_id`;

export async function insertPaymentRequest(db: Queryable, p: PaymentRequestRecord): Promise<void> {
  await db.query(
    `insert into payment_requests (id, organization_id, organization_name, account_id, currency_id, amount_minor, reference, expires_at, request_hash, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.organizationId, p.organizationName, p.accountId, p.currencyId, p.amountMinor, p.reference, p.expiresAt, p.requestHash, p.createdBy, p.createdAt],
  );
}

/** With `forUpdate`, one payment of the request at a time. */
export async function getPaymentRequest(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<PaymentRequestRecord | undefined> {
  const { rows } = await db.query<PaymentRequestRow>(`${REQUEST_SELECT} where p.id = $1${options.forUpdate ? ' for update of p' : ''}`, [id]);
  return rows[0] && paymentRequestOf(rows[0]);
}

export async function markPaymentRequestPaid(db: Queryable, id: string, paid: { at: Date; by: string; byName: string; transferId: string }): Promise<void> {
  await db.query(`update payment_requests set paid_at = $2, paid_by = $3, paid_by_name = $4, transfer_id = $5 where id = $1`, [id, paid.at, paid.by, paid.byName, paid.transferId]);
}

/** An organization's payment requests, latest first; `at` decides which are open or expired. */
export async function listPaymentRequests(db: Queryable, organizationId: string, status: string | undefined, at: Date, limit: number, cursor?: string): Promise<Page<PaymentRequestRecord>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<PaymentRequestRow>(
    `${REQUEST_SELECT} where p.organization_id = $1
       and ($3::text is null or ($3 = 'paid' and p.paid_at is not null)
         or ($3 = 'open' and p.paid_at is null and p.expires_at > $4) or ($3 = 'expired' and p.paid_at is null and p.expires_at <= $4))
       and ($5::timestamptz is null or (p.created_at, p.id) < ($5, $6::uuid))
     order by p.created_at desc, p.id desc limit $2`,
    [organizationId, limit + 1, status ?? null, at, after?.[0] ?? null, after?.[1] ?? null],
  );
  return pageOf(rows.map(paymentRequestOf), limit, (last) => [last.createdAt.toISOString(), last.id]);
}

// Redemptions

export interface RedemptionRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  accountId: string;
  currencyId: string;
  currencyCode: string;
  minorUnits: number;
  amountMinor: bigint;
  feeBasisPoints: number;
  feeMinor: bigint;
  status: RedemptionStatus;
  requestHash: string;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  payoutReference: string;
  rejectionReason: string;
  transferId: string | null;
}

interface RedemptionRow {
  id: string;
  organization_id: string;
  organization_name: string;
  account_id: string;
  currency_id: string;
  currency_code: string;
  minor_units: number;
  amount_minor: bigint;
  fee_basis_points: number;
  fee_minor: bigint;
  status: RedemptionStatus;
  request_hash: string;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  payout_reference: string;
  rejection_reason: string;
  transfer_id: string | null;
}

const redemptionOf = (row: RedemptionRow): RedemptionRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  accountId: row.account_id,
  currencyId: row.currency_id,
  currencyCode: row.currency_code,
  minorUnits: row.minor_units,
  amountMinor: row.amount_minor,
  feeBasisPoints: row.fee_basis_points,
  feeMinor: row.fee_minor,
  status: row.status,
  requestHash: row.request_hash,
  requestedBy: row.requested_by,
  requestedAt: row.requested_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  payoutReference: row.payout_reference,
  rejectionReason: row.rejection_reason,
  transferId: row.transfer_id,
});

const REDEMPTION_SELECT = `select r.*, c.code as currency_code, c.minor_units from redemptions r join currencies c on c.id = r.currency_id`;

export async function insertRedemption(db: Queryable, r: RedemptionRecord): Promise<void> {
  await db.query(
    `insert into redemptions (id, organization_id, organization_name, account_id, currency_id, amount_minor, fee_basis_points, fee_minor, status, request_hash, requested_by, requested_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [r.id, r.organizationId, r.organizationName, r.accountId, r.currencyId, r.amountMinor, r.feeBasisPoints, r.feeMinor, r.status, r.requestHash, r.requestedBy, r.requestedAt],
  );
}

export async function getRedemption(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<RedemptionRecord | undefined> {
  const { rows } = await db.query<RedemptionRow>(`${REDEMPTION_SELECT} where r.id = $1${options.forUpdate ? ' for update of r' : ''}`, [id]);
  return rows[0] && redemptionOf(rows[0]);
}

export async function decideRedemption(db: Queryable, r: RedemptionRecord): Promise<void> {
  await db.query(
    `update redemptions set status = $2, fee_basis_points = $3, fee_minor = $4, decided_by = $5, decided_at = $6, payout_reference = $7, rejection_reason = $8, transfer_id = $9 where id = $1`,
    [r.id, r.status, r.feeBasisPoints, r.feeMinor, r.decidedBy, r.decidedAt, r.payoutReference, r.rejectionReason, r.transferId],
  );
}

/** Redemptions of an organization, or of a currency, latest first. */
export async function listRedemptions(db: Queryable, filter: { organizationId?: string; currencyId?: string; status?: RedemptionStatus }, limit: number, cursor?: string): Promise<Page<RedemptionRecord>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<RedemptionRow>(
    `${REDEMPTION_SELECT} where ($1::uuid is null or r.organization_id = $1) and ($2::uuid is null or r.currency_id = $2) and ($3::text is null or r.status = $3)
       and ($4::timestamptz is null or (r.requested_at, r.id) < ($4, $5::uuid))
     order by r.requested_at desc, r.id desc limit $6`,
    [filter.organizationId ?? null, filter.currencyId ?? null, filter.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(redemptionOf), limit, (last) => [last.requestedAt.toISOString(), last.id]);
}

// Supply

export interface SupplyFigures {
  issuedMinor: bigint;
  redeemedMinor: bigint;
  inCirculationMinor: bigint;
  feesMinor: bigint;
  pendingRedemptionMinor: bigint;
  pendingRedemptions: number;
  accounts: number;
  transfers: bigint;
  balancesSumMinor: bigint;
  entriesSumMinor: bigint;
  mismatchedAccounts: number;
}

/** Every figure of a currency read by one statement, so all of them come from the same snapshot. */
export async function supplyOf(db: Queryable, currency: CurrencyRecord): Promise<SupplyFigures> {
  const { rows } = await db.query<Record<string, bigint>>(
    `select
       (select coalesce(sum(amount_minor), 0) from transfers where currency_id = $1 and kind = 'hours')::bigint as issued,
       (select coalesce(sum(amount_minor), 0) from transfers where currency_id = $1 and kind = 'redemption')::bigint as redeemed,
       (select -balance_minor from accounts where id = $2) as in_circulation,
       (select coalesce(sum(fee_minor), 0) from redemptions where currency_id = $1 and status = 'approved')::bigint as fees,
       (select coalesce(sum(amount_minor), 0) from redemptions where currency_id = $1 and status = 'requested')::bigint as pending_minor,
       (select count(*) from redemptions where currency_id = $1 and status = 'requested') as pending,
       (select count(*) from accounts where currency_id = $1) as accounts,
       (select count(*) from transfers where currency_id = $1) as transfers,
       (select coalesce(sum(balance_minor), 0) from accounts where currency_id = $1)::bigint as balances_sum,
       (select coalesce(sum(e.amount_minor), 0) from entries e join accounts a on a.id = e.account_id where a.currency_id = $1)::bigint as entries_sum,
       (select count(*) from accounts a
          left join (select account_id, sum(amount_minor) as total from entries group by account_id) s on s.account_id = a.id
        where a.currency_id = $1 and a.balance_minor <> coalesce(s.total, 0)) as mismatched`,
    [currency.id, currency.issuanceAccountId],
  );
  const row = rows[0]!;
  return {
    issuedMinor: row.issued!,
    redeemedMinor: row.redeemed!,
    inCirculationMinor: row.in_circulation ?? 0n,
    feesMinor: row.fees!,
    pendingRedemptionMinor: row.pending_minor!,
    pendingRedemptions: Number(row.pending),
    accounts: Number(row.accounts),
    transfers: row.transfers!,
    balancesSumMinor: row.balances_sum!,
    entriesSumMinor: row.entries_sum!,
    mismatchedAccounts: Number(row.mismatched),
  };
}

// Approved hours waiting for a currency

export interface UnpaidHours {
  entryId: string;
  personId: string;
  territoryId: string;
  territoryPath: string[];
  entryDate: string;
  minutes: bigint;
  receivedAt: Date;
}

export async function insertUnpaidHours(db: Queryable, u: UnpaidHours): Promise<void> {
  await db.query(
    `insert into unpaid_hours (entry_id, person_id, territory_id, territory_path, entry_date, minutes, received_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [u.entryId, u.personId, u.territoryId, u.territoryPath, u.entryDate, u.minutes, u.receivedAt],
  );
}

export async function isUnpaid(db: Queryable, entryId: string): Promise<boolean> {
  const { rowCount } = await db.query(`select 1 from unpaid_hours where entry_id = $1`, [entryId]);
  return (rowCount ?? 0) > 0;
}

/** Unpaid hours in the territory or below it, locked until the transaction that pays them ends. */
export async function unpaidHoursUnder(db: Queryable, territoryId: string): Promise<UnpaidHours[]> {
  const { rows } = await db.query<{ entry_id: string; person_id: string; territory_id: string; territory_path: string[]; entry_date: string; minutes: bigint; received_at: Date }>(
    `select * from unpaid_hours where territory_path @> array[$1::uuid] order by received_at, entry_id for update`,
    [territoryId],
  );
  return rows.map((r) => ({ entryId: r.entry_id, personId: r.person_id, territoryId: r.territory_id, territoryPath: r.territory_path, entryDate: r.entry_date, minutes: r.minutes, receivedAt: r.received_at }));
}

export async function deleteUnpaidHours(db: Queryable, entryId: string): Promise<void> {
  await db.query(`delete from unpaid_hours where entry_id = $1`, [entryId]);
}
