import { figuresFingerprint } from './forms.js';
import { contractYearStarts, planForms, samePlans, waitsForPay, type PayrollRecords, type PersonMonth } from './issuing.js';

const entry = (id: string, contractId: string, minutes: number) => ({ id, contractId, projectId: 'p1', competenceId: 'solar', minutes });
const contract = (id: string, periodStart: string) => ({
  id,
  version: 1,
  kind: 'employee',
  employerId: null,
  employerName: '',
  periodStart,
  periodEnd: '',
  yearlyMinutes: 6000,
});

const facts = (overrides: Partial<PersonMonth> = {}): PersonMonth => ({
  person: { id: 'amina', name: 'Amina Haddad', language: 'fr' },
  territory: { id: 't', name: 'Marseille' },
  month: '2030-03',
  entries: [entry('e1', 'c1', 60), entry('e2', 'c1', 30), entry('e3', 'c2', 45)],
  contracts: new Map([
    ['c1', contract('c1', '2030-01-01')],
    ['c2', contract('c2', '2029-06-15')],
  ]),
  projects: new Map([['p1', { title: 'Toits solaires', challengeIds: [] }]]),
  challengeTitles: new Map(),
  skills: new Map(),
  currency: { id: 'ecu', code: 'ÉCU', minorUnits: 2 },
  ...overrides,
});

const paid = (...entryIds: string[]) => new Map(entryIds.map((id) => [id, { amountMinor: 100, currencyId: 'ecu' }]));
const records = (overrides: Partial<PayrollRecords> = {}): PayrollRecords => ({
  inForce: [],
  credits: paid('e1', 'e2', 'e3'),
  balanceAtMonthEndMinor: 1000,
  earlierMinutes: new Map([['c1', 120]]),
  ...overrides,
});

describe('the forms a person’s month calls for', () => {
  it('plans a first version per contract with approved entries, with what currency paid and the contract year so far', () => {
    const plans = planForms(facts(), records());
    const shown = plans.map(({ figures, version, supersedesId, entryIds }) => [
      figures.contractId,
      version,
      supersedesId,
      entryIds,
      figures.totalMinutes,
      figures.yearToDateMinutes,
    ]);
    expect(shown).toEqual([
      ['c1', 1, null, ['e1', 'e2'], 90, 210],
      ['c2', 1, null, ['e3'], 45, 45],
    ]);
    const currency = { currencyId: 'ecu', code: 'ÉCU', minorUnits: 2, creditedMinor: 200, balanceAtMonthEndMinor: 1000 };
    expect(plans[0]!.figures.currency).toEqual(currency);
  });

  it('plans nothing for a contract whose form in force says the same, and a new version where it differs', () => {
    const [c1] = planForms(facts(), records());
    const inForce = [
      { id: 'f1', contractId: 'c1', version: 1, figuresSha256: figuresFingerprint(c1!.figures) },
      { id: 'f2', contractId: 'c2', version: 1, figuresSha256: 'another' },
    ];
    const plans = planForms(facts(), records({ inForce }));
    expect(plans.map((p) => [p.figures.contractId, p.version, p.supersedesId])).toEqual([['c2', 2, 'f2']]);
  });

  it('counts a credit in another currency as not paid, and waits for currency only where one applies', () => {
    expect(waitsForPay(facts(), records())).toBe(false);
    const elsewhere = new Map([...paid('e1', 'e2'), ['e3', { amountMinor: 100, currencyId: 'other' }]]);
    expect(waitsForPay(facts(), records({ credits: elsewhere }))).toBe(true);
    expect(waitsForPay(facts({ currency: null }), records({ credits: new Map() }))).toBe(false);
  });

  it('counts each contract’s earlier minutes from the first month of its contract year', () => {
    expect(contractYearStarts(facts())).toEqual(
      new Map([
        ['c1', '2030-01'],
        ['c2', '2029-06'],
      ]),
    );
  });
});

describe('telling whether the documents rendered are still right', () => {
  it('takes the same plan for the same versions of the same figures, and another for any change', () => {
    const before = planForms(facts(), records());
    expect(samePlans(before, planForms(facts(), records()))).toBe(true);
    // A wallet movement, a credit, a form issued meanwhile: each changes what would be written.
    expect(samePlans(before, planForms(facts(), records({ balanceAtMonthEndMinor: 1100 })))).toBe(false);
    expect(samePlans(before, planForms(facts(), records({ credits: paid('e1', 'e3') })))).toBe(false);
    const issuedMeanwhile = [{ id: 'f9', contractId: 'c2', version: 1, figuresSha256: 'x' }];
    expect(samePlans(before, planForms(facts(), records({ inForce: issuedMeanwhile })))).toBe(false);
  });
});
