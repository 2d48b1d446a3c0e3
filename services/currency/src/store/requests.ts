// SQL of merchants' payment requests.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { PaymentRequestRecord } from '../domain/requests.js';

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
  merchant: row.merchant_decided_at
    ? { legalId: row.merchant_legal_id ?? '', verified: row.merchant_verified === true, decidedAt: row.merchant_decided_at }
    : null,
});

const REQUEST_SELECT = `select p.*, c.code as currency_code, c.minor_units,
    m.legal_id as merchant_legal_id, m.verified as merchant_verified, m.decided_at as merchant_decided_at
  from payment_requests p join currencies c on c.id = p.currency_id left join merchants m on m.organization_id = p.organization_id`;

export async function insertPaymentRequest(db: Queryable, p: PaymentRequestRecord): Promise<void> {
  await db.query(
    `insert into payment_requests (id, organization_id, organization_name, account_id, currency_id, amount_minor, reference, expires_at, request_hash, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.id,
      p.organizationId,
      p.organizationName,
      p.accountId,
      p.currencyId,
      p.amountMinor,
      p.reference,
      p.expiresAt,
      p.requestHash,
      p.createdBy,
      p.createdAt,
    ],
  );
}

/** With `forUpdate`, one payment of the request at a time. */
export async function getPaymentRequest(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PaymentRequestRecord | undefined> {
  const { rows } = await db.query<PaymentRequestRow>(`${REQUEST_SELECT} where p.id = $1${options.forUpdate ? ' for update of p' : ''}`, [
    id,
  ]);
  return rows[0] && paymentRequestOf(rows[0]);
}

export async function markPaymentRequestPaid(
  db: Queryable,
  id: string,
  paid: { at: Date; by: string; byName: string; transferId: string },
): Promise<void> {
  await db.query(`update payment_requests set paid_at = $2, paid_by = $3, paid_by_name = $4, transfer_id = $5 where id = $1`, [
    id,
    paid.at,
    paid.by,
    paid.byName,
    paid.transferId,
  ]);
}

/** An organization's payment requests, latest first; `at` decides which are open or expired. */
export async function listPaymentRequests(
  db: Queryable,
  organizationId: string,
  status: string | undefined,
  at: Date,
  limit: number,
  cursor?: string,
): Promise<Page<PaymentRequestRecord>> {
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
