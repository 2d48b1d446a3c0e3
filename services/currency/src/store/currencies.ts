// SQL of currencies: each territory's settings, and which currencies lie on a territory's path.
import type { Queryable } from '@e21/kit';
import type { CurrencyRecord } from '../domain/currencies.js';

const forUpdate = (options: { forUpdate?: boolean }) => (options.forUpdate ? ' for update' : '');

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
  await db.query(`insert into currencies (${CURRENCY_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, [
    c.id,
    c.territoryId,
    c.territoryPath,
    c.territoryName,
    c.code,
    c.name,
    c.minorUnits,
    c.ratePerHourMinor,
    c.redemptionFeeBasisPoints,
    c.issuanceAccountId,
    c.version,
    c.configuredBy,
    c.configuredAt,
    c.createdAt,
  ]);
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

export async function getCurrencyOfTerritory(
  db: Queryable,
  territoryId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CurrencyRecord | undefined> {
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies where territory_id = $1${forUpdate(options)}`, [
    territoryId,
  ]);
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
  const { rows } = await db.query<CurrencyRow>(`select ${CURRENCY_COLUMNS} from currencies where territory_id = any($1::uuid[])`, [
    territoryIds,
  ]);
  return rows.map(currencyOf);
}
