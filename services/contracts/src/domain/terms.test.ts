import { isRefusal, type RefusalValue } from '@e21/kit';
import { diffTerms, validateTerms, type Terms, type TermsInput } from './terms.js';

const FIRST_AID = 'urn:e21:skill:first-aid';
const SOLAR = 'urn:e21:skill:solar-panel-installation';
const profile = new Map([
  [FIRST_AID, { en: 'first aid', fr: 'premiers secours' }],
  [SOLAR, { en: 'install solar panels', fr: 'installer des panneaux solaires' }],
]);

const input = (overrides: Partial<TermsInput> = {}): TermsInput => ({
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  yearlyMinutes: 6_256,
  competenceSkillIds: [FIRST_AID],
  schedule: { weeklyAllowanceMinutes: 120, blocks: [], blackouts: [] },
  preferredProjectIds: [],
  ...overrides,
});

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const fieldsOf = (result: unknown) => refused(result).fields!.map((p) => p.field);

describe('validateTerms', () => {
  it('keeps the labels of the competences agreed from the person’s profile', () => {
    const terms = validateTerms(input(), { profile, holidays: [] }) as Terms;
    expect(terms.competences).toEqual([{ skillId: FIRST_AID, labels: { en: 'first aid', fr: 'premiers secours' } }]);
  });

  it('refuses competences that are not on the person’s profile, and the same one twice', () => {
    expect(fieldsOf(validateTerms(input({ competenceSkillIds: ['urn:e21:skill:juggling'] }), { profile, holidays: [] }))).toEqual([
      'competence_skill_ids.0',
    ]);
    expect(fieldsOf(validateTerms(input({ competenceSkillIds: [FIRST_AID, FIRST_AID] }), { profile, holidays: [] }))).toEqual([
      'competence_skill_ids.1',
    ]);
  });

  it('keeps a contract within one calendar year, the year of the employer’s commitment', () => {
    expect(fieldsOf(validateTerms(input({ periodEnd: '2027-01-31' }), { profile, holidays: [] }))).toEqual(['period_end']);
    expect(fieldsOf(validateTerms(input({ periodStart: '2026-02-30' }), { profile, holidays: [] }))).toEqual(['period_start']);
  });

  it('refuses yearly minutes out of range', () => {
    expect(fieldsOf(validateTerms(input({ yearlyMinutes: 96_421 }), { profile, holidays: [] }))).toEqual(['yearly_minutes']);
    expect(fieldsOf(validateTerms(input({ yearlyMinutes: 59 }), { profile, holidays: [] }))).toEqual(['yearly_minutes']);
  });

  it('refuses an over-allocated schedule with the excess', () => {
    expect(refused(validateTerms(input({ yearlyMinutes: 6_000 }), { profile, holidays: [] })).code).toBe('schedule_exceeds_yearly_minutes');
  });

  it('keeps approved holidays within the period and counts them in the schedule', () => {
    const holidays = [{ startDate: '2026-05-11', endDate: '2026-05-15', minutes: 1_500 }];
    expect(fieldsOf(validateTerms(input({ periodStart: '2026-06-01', yearlyMinutes: 50_000 }), { profile, holidays }))).toEqual([
      'period_start',
    ]);
    // 6256 - 86 ordinary minutes of the 5 holiday days (floor(120 x 2 / 7) = 34 left that week) + 1500 = 7670.
    expect(refused(validateTerms(input({ yearlyMinutes: 7_669 }), { profile, holidays })).code).toBe('schedule_exceeds_yearly_minutes');
    expect(isRefusal(validateTerms(input({ yearlyMinutes: 7_670 }), { profile, holidays }))).toBe(false);
  });
});

describe('diffTerms', () => {
  it('lists what changed between two versions, field by field', () => {
    const before = validateTerms(input(), { profile, holidays: [] }) as Terms;
    const after = validateTerms(
      input({
        yearlyMinutes: 7_000,
        competenceSkillIds: [FIRST_AID, SOLAR],
        schedule: {
          weeklyAllowanceMinutes: 120,
          blocks: [],
          blackouts: [{ startDate: '2026-07-01', endDate: '2026-08-31', reason: 'high season' }],
        },
      }),
      { profile, holidays: [] },
    ) as Terms;
    expect(diffTerms(before, after)).toEqual([
      { field: 'yearly_minutes', before: '6256 min (104 h 16)', after: '7000 min (116 h 40)' },
      { field: 'competences', before: 'first aid', after: 'first aid, install solar panels' },
      { field: 'schedule.blackouts', before: '', after: '2026-07-01 to 2026-08-31 (high season)' },
    ]);
    expect(diffTerms(before, before)).toEqual([]);
  });
});
