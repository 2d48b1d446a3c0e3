// A territory's currency: its settings, how they may change, and which currency applies where.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { checkText } from './amounts.js';

/** Amounts are at par with the euro, so a currency has at most the euro's two decimals: payouts stay exact in cents. */
export const MAX_MINOR_UNITS = 2;
export const MAX_RATE_PER_HOUR_MINOR = 1_000_000n;
/** At most half of a redemption is kept as a fee (real local currencies keep 3 to 5 %). */
export const MAX_FEE_BASIS_POINTS = 5_000;
const NAME_MAX_LENGTH = 80;
/** 2 to 12 upper-case letters (accents allowed), digits and inner hyphens: "ÉCU-BDR", "MRS". */
const CODE = /^[A-Z0-9À-ÖØ-Þ][A-Z0-9À-ÖØ-Þ-]{0,10}[A-Z0-9À-ÖØ-Þ]$/u;

export interface CurrencySettings {
  code: string;
  name: string;
  minorUnits: number;
  ratePerHourMinor: bigint;
  redemptionFeeBasisPoints: number;
}

export interface CurrencyRecord extends CurrencySettings {
  id: string;
  territoryId: string;
  /** Root first, down to territoryId. */
  territoryPath: string[];
  territoryName: string;
  issuanceAccountId: string;
  version: number;
  configuredBy: string;
  configuredAt: Date;
  createdAt: Date;
}

const inRange = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** The settings, trimmed, or every field that is wrong with them. */
export function validateSettings(input: CurrencySettings): CurrencySettings | RefusalValue {
  const problems: FieldProblem[] = [];
  const settings = { ...input, code: input.code.trim(), name: input.name.trim() };
  if (!CODE.test(settings.code))
    problems.push({ field: 'code', message: 'must be 2 to 12 upper-case letters, digits or inner hyphens, e.g. ÉCU-BDR' });
  const name = checkText(settings.name, 'name', NAME_MAX_LENGTH, { required: true });
  if (name) problems.push(...(name.fields ?? []));
  if (!inRange(settings.minorUnits, 0, MAX_MINOR_UNITS))
    problems.push({ field: 'minor_units', message: `must be 0 to ${MAX_MINOR_UNITS}` });
  if (settings.ratePerHourMinor < 1n || settings.ratePerHourMinor > MAX_RATE_PER_HOUR_MINOR)
    problems.push({ field: 'rate_per_hour_minor', message: `must be 1 to ${MAX_RATE_PER_HOUR_MINOR} minor units an hour` });
  if (!inRange(settings.redemptionFeeBasisPoints, 0, MAX_FEE_BASIS_POINTS))
    problems.push({ field: 'redemption_fee_basis_points', message: `must be 0 to ${MAX_FEE_BASIS_POINTS} (500 = 5 %)` });
  if (problems.length) return refusal('invalid', 'invalid_currency', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  return settings;
}

/**
 * Whether settings may be written over `existing`: a change names the version it replaces
 * (If-Match), and the code and minor units never change once amounts are counted in them.
 */
export function checkSettingsChange(
  existing: CurrencyRecord | undefined,
  expectedVersion: number | undefined,
  next: CurrencySettings,
): RefusalValue | undefined {
  if (existing && expectedVersion === undefined) {
    return refusal(
      'invalid',
      'precondition_required',
      `The territory has its currency (version ${existing.version}): send If-Match with the version you are changing`,
      [{ field: 'header.if-match', message: 'is required' }],
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== (existing?.version ?? 0)) {
    return refusal('stale', 'stale_version', `The currency is at version ${existing?.version ?? 0}, not ${expectedVersion}; reload it`);
  }
  if (existing && existing.code !== next.code)
    return refusal('conflict', 'currency_fixed', `The code stays ${existing.code}: amounts are counted in it`, [
      { field: 'code', message: `stays ${existing.code}` },
    ]);
  if (existing && existing.minorUnits !== next.minorUnits)
    return refusal('conflict', 'currency_fixed', `The minor units stay ${existing.minorUnits}: amounts are counted in them`, [
      { field: 'minor_units', message: `stays ${existing.minorUnits}` },
    ]);
  return undefined;
}

/**
 * One currency per place: a territory gets none when a territory above it or below it has one, so
 * that every locality has at most one currency, that of its nearest territory with one.
 */
export function checkNoOverlap(
  territoryId: string,
  territoryPath: string[],
  descendantIds: string[],
  currencyTerritoryIds: string[],
): RefusalValue | undefined {
  const above = currencyTerritoryIds.find((id) => id !== territoryId && territoryPath.includes(id));
  const below = currencyTerritoryIds.find((id) => id !== territoryId && descendantIds.includes(id));
  if (!above && !below) return undefined;
  return refusal(
    'conflict',
    'currency_overlaps',
    above ? 'A territory above this one has a currency, which applies here' : 'A territory below this one has its own currency',
    [{ field: 'territory_id', message: 'already has a currency above or below it' }],
  );
}

/** The currency of the nearest territory on a path given nearest first (the locality, then up). */
export function nearestCurrency<T extends { territoryId: string }>(pathNearestFirst: string[], currencies: T[]): T | undefined {
  for (const territoryId of pathNearestFirst) {
    const found = currencies.find((c) => c.territoryId === territoryId);
    if (found) return found;
  }
  return undefined;
}
