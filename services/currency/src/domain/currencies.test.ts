import {
  checkNoOverlap,
  checkSettingsChange,
  nearestCurrency,
  validateSettings,
  type CurrencyRecord,
  type CurrencySettings,
} from './currencies.js';

const settings = (overrides: Partial<CurrencySettings> = {}): CurrencySettings => ({
  code: 'ÉCU-BDR',
  name: 'Écu des Bouches-du-Rhône',
  minorUnits: 2,
  ratePerHourMinor: 1000n,
  redemptionFeeBasisPoints: 500,
  ...overrides,
});
const existing = (overrides: Partial<CurrencyRecord> = {}): CurrencyRecord => ({
  ...settings(),
  id: 'c1',
  territoryId: 'bdr',
  territoryPath: ['eu', 'fr', 'paca', 'bdr'],
  territoryName: 'Bouches-du-Rhône',
  issuanceAccountId: 'a1',
  version: 3,
  configuredBy: 'person:odile',
  configuredAt: new Date(0),
  createdAt: new Date(0),
  ...overrides,
});

describe('validateSettings', () => {
  it('accepts a code with accents and hyphens, and trims the name', () => {
    expect(validateSettings(settings({ name: '  Écu  ' }))).toMatchObject({ code: 'ÉCU-BDR', name: 'Écu' });
    expect(validateSettings(settings({ code: 'MRS' }))).toMatchObject({ code: 'MRS' });
  });

  it('refuses lower-case, too short or hyphen-ended codes', () => {
    for (const code of ['écu', 'E', 'ECU-', '-ECU', 'ECU BDR', 'ABCDEFGHIJKLM'])
      expect(validateSettings(settings({ code }))).toMatchObject({ fields: [{ field: 'code' }] });
  });

  it('refuses more decimals than the euro has, a zero rate and a fee over half', () => {
    const refused = validateSettings(settings({ minorUnits: 3, ratePerHourMinor: 0n, redemptionFeeBasisPoints: 5001 }));
    expect(refused).toMatchObject({ code: 'invalid_currency' });
    expect((refused as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
      'minor_units',
      'rate_per_hour_minor',
      'redemption_fee_basis_points',
    ]);
  });
});

describe('checkSettingsChange', () => {
  it('creates a currency without a version, and changes one only with its current version', () => {
    expect(checkSettingsChange(undefined, undefined, settings())).toBeUndefined();
    expect(checkSettingsChange(existing(), 3, settings({ ratePerHourMinor: 1200n }))).toBeUndefined();
    expect(checkSettingsChange(existing(), undefined, settings())).toMatchObject({ code: 'precondition_required' });
    expect(checkSettingsChange(existing(), 2, settings())).toMatchObject({ kind: 'stale', code: 'stale_version' });
    expect(checkSettingsChange(undefined, 1, settings())).toMatchObject({ kind: 'stale' });
  });

  it('keeps the code and the minor units once the currency exists', () => {
    expect(checkSettingsChange(existing(), 3, settings({ code: 'MRS' }))).toMatchObject({
      code: 'currency_fixed',
      fields: [{ field: 'code' }],
    });
    expect(checkSettingsChange(existing(), 3, settings({ minorUnits: 0 }))).toMatchObject({
      code: 'currency_fixed',
      fields: [{ field: 'minor_units' }],
    });
  });
});

describe('checkNoOverlap: one currency per place', () => {
  const path = ['eu', 'fr', 'paca', 'bdr'];
  it('refuses a currency under a territory that has one, or over one that has one', () => {
    expect(checkNoOverlap('bdr', path, ['marseille', 'aubagne'], ['paca'])).toMatchObject({ code: 'currency_overlaps' });
    expect(checkNoOverlap('bdr', path, ['marseille', 'aubagne'], ['marseille'])).toMatchObject({ code: 'currency_overlaps' });
  });

  it('allows it beside another (a neighbouring department) and over its own', () => {
    expect(checkNoOverlap('bdr', path, ['marseille'], ['var', 'bdr'])).toBeUndefined();
  });
});

describe('nearestCurrency', () => {
  it('applies the currency of the nearest territory at or above a locality', () => {
    const currencies = [
      { territoryId: 'bdr', code: 'ÉCU-BDR' },
      { territoryId: 'var', code: 'VAR' },
    ];
    expect(nearestCurrency(['marseille', 'bdr', 'paca', 'fr', 'eu'], currencies)?.code).toBe('ÉCU-BDR');
    expect(nearestCurrency(['montpellier', 'occitanie', 'fr', 'eu'], currencies)).toBeUndefined();
  });
});
