// SQL of redemptions to euros.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { RedemptionRecord, RedemptionStatus } from '../domain/redemptions.js';

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
    [
      r.id,
      r.organizationId,
      r.organizationName,
      r.accountId,
      r.currencyId,
      r.amountMinor,
      r.feeBasisPoints,
      r.feeMinor,
      r.status,
      r.requestHash,
      r.requestedBy,
      r.requestedAt,
    ],
  );
}

export async function getRedemption(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RedemptionRecord | undefined> {
  const { rows } = await db.query<RedemptionRow>(`${REDEMPTION_SELECT} where r.id = $1${options.forUpdate ? ' for update of r' : ''}`, [
    id,
  ]);
  return rows[0] && redemptionOf(rows[0]);
}

export async function decideRedemption(db: Queryable, r: RedemptionRecord): Promise<void> {
  await db.query(
    `update redemptions set status = $2, fee_basis_points = $3, fee_minor = $4, decided_by = $5, decided_at = $6, payout_reference = $7, rejection_reason = $8, transfer_id = $9 where id = $1`,
    [r.id, r.status, r.feeBasisPoints, r.feeMinor, r.decidedBy, r.decidedAt, r.payoutReference, r.rejectionReason, r.transferId],
  );
}

/** Redemptions of an organization, or of a currency, latest first. */
export async function listRedemptions(
  db: Queryable,
  filter: { organizationId?: string; currencyId?: string; status?: RedemptionStatus },
  limit: number,
  cursor?: string,
): Promise<Page<RedemptionRecord>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<RedemptionRow>(
    `${REDEMPTION_SELECT} where ($1::uuid is null or r.organization_id = $1) and ($2::uuid is null or r.currency_id = $2) and ($3::text is null or r.status = $3)
       and ($4::timestamptz is null or (r.requested_at, r.id) < ($4, $5::uuid))
     order by r.requested_at desc, r.id desc limit $6`,
    [filter.organizationId ?? null, filter.currencyId ?? null, filter.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(redemptionOf), limit, (last) => [last.requestedAt.toISOString(), last.id]);
}
