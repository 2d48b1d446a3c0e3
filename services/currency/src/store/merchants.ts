// SQL of merchants: identity's verifications of organizations, kept by the merchants consumer.
import type { Queryable } from '@e21/kit';
import type { Merchant } from '../domain/merchants.js';

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
  const { rows } = await db.query<MerchantRow>(
    'select organization_id, name, legal_id, kind, territory_id, verified, decided_at, version from merchants where organization_id = $1',
    [organizationId],
  );
  return rows[0] && merchantOf(rows[0]);
}
