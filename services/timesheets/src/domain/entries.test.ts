import {
  changed,
  checkChange,
  checkSubmission,
  competenceAgreed,
  contractInForce,
  contractSigned,
  memberOfProject,
  notBlackout,
  notInFuture,
  periodMonthOf,
  periodOpen,
  projectOpen,
  twelveHoursADay,
  validateInput,
  withinDailyAllowance,
  withinWeeklyAllowance,
  withinYearlyHours,
  type EntryInput,
  type SubmissionFacts,
  type TimeEntry,
} from './entries.js';

const FIRST_AID = 'urn:e21:skill:first-aid';
const SOLAR = 'urn:e21:skill:solar-panel-installation';

const input = (overrides: Partial<EntryInput> = {}): EntryInput => ({
  projectId: 'p1',
  date: '2030-03-05',
  minutes: 60,
  competenceId: FIRST_AID,
  note: '',
  ...overrides,
});

/** A signed contract of 100 h a year, 4 h a week on ordinary days, nothing logged yet, on 15 March. */
type Nested = 'contract' | 'allowance' | 'project' | 'logged';
function facts(overrides: { [K in Nested]?: Partial<SubmissionFacts[K]> } = {}): SubmissionFacts {
  return {
    contract: { status: 'signed', yearlyMinutes: 6_000, competenceIds: [FIRST_AID], ...overrides.contract },
    allowance: { inForce: true, dayKind: 'ordinary', dayMaxMinutes: 240, weekAllowedMinutes: 240, ...overrides.allowance },
    project: { status: 'active', member: true, needSkillId: SOLAR, ...overrides.project },
    logged: { personDay: 0, contractDay: 0, contractWeek: 0, contractYear: 0, ...overrides.logged },
    month: '2030-03',
    periodClosed: false,
    today: '2030-03-15',
  };
}

const code = (result: { code: string } | undefined) => result?.code;

describe('the input of an entry', () => {
  it('is a calendar date, 1 to 720 whole minutes, a competence and a note of at most 1000 characters', () => {
    expect(validateInput(input())).toBeUndefined();
    const refused = validateInput(input({ date: '2030-02-30', minutes: 0, competenceId: '', note: 'x'.repeat(1001) }));
    expect(refused?.fields?.map((f) => f.field).sort()).toEqual(['competence_id', 'date', 'minutes', 'note']);
    expect(validateInput(input({ minutes: 721 }))?.fields?.[0]?.field).toBe('minutes');
    expect(validateInput(input({ minutes: 1.5 }))?.fields?.[0]?.field).toBe('minutes');
    expect(validateInput(input({ note: 'a\u0000b' }))?.fields?.[0]?.field).toBe('note');
  });
});

describe('each submission check', () => {
  it('contract_not_signed: hours are logged under a signed contract only', () => {
    expect(code(contractSigned(input(), facts({ contract: { status: 'negotiating' } })))).toBe('contract_not_signed');
    expect(code(contractSigned(input(), facts({ contract: { status: 'withdrawn' } })))).toBe('contract_not_signed');
    expect(contractSigned(input(), facts())).toBeUndefined();
  });

  it('contract_not_in_force: the contract is in force on the date (period, suspension, termination)', () => {
    expect(code(contractInForce(input(), facts({ allowance: { inForce: false, dayKind: 'outside' } })))).toBe('contract_not_in_force');
    expect(contractInForce(input(), facts())).toBeUndefined();
  });

  it('not_a_member: only members of the project’s team log hours on it', () => {
    expect(code(memberOfProject(input(), facts({ project: { member: false } })))).toBe('not_a_member');
    expect(memberOfProject(input(), facts())).toBeUndefined();
  });

  it('project_not_open: hours go to approved or running projects', () => {
    for (const status of ['draft', 'proposed', 'refused', 'completed', 'cancelled'])
      expect(code(projectOpen(input(), facts({ project: { status } })))).toBe('project_not_open');
    for (const status of ['approved', 'active']) expect(projectOpen(input(), facts({ project: { status } }))).toBeUndefined();
  });

  it('competence_not_agreed: the competence is agreed in the contract or is the need the person fills', () => {
    expect(code(competenceAgreed(input({ competenceId: 'urn:e21:skill:juggling' }), facts()))).toBe('competence_not_agreed');
    expect(competenceAgreed(input({ competenceId: FIRST_AID }), facts())).toBeUndefined();
    expect(competenceAgreed(input({ competenceId: SOLAR }), facts())).toBeUndefined();
    expect(code(competenceAgreed(input({ competenceId: SOLAR }), facts({ project: { needSkillId: undefined } })))).toBe(
      'competence_not_agreed',
    );
  });

  it('future_date: hours are logged once given, today included', () => {
    expect(code(notInFuture(input({ date: '2030-03-16' }), facts()))).toBe('future_date');
    expect(notInFuture(input({ date: '2030-03-15' }), facts())).toBeUndefined();
  });

  it('period_closed: nothing is logged in a closed month', () => {
    expect(code(periodOpen(input(), { ...facts(), periodClosed: true }))).toBe('period_closed');
    expect(periodOpen(input(), facts())).toBeUndefined();
  });

  it('blackout_day: a blackout day of the schedule allows nothing', () => {
    expect(code(notBlackout(input(), facts({ allowance: { dayKind: 'blackout', dayMaxMinutes: 0 } })))).toBe('blackout_day');
    expect(notBlackout(input(), facts({ allowance: { dayKind: 'block' } }))).toBeUndefined();
  });

  it('over_12_hours_a_day: at most 720 minutes a day for the person, across entries and contracts', () => {
    expect(code(twelveHoursADay(input({ minutes: 121 }), facts({ logged: { personDay: 600 } })))).toBe('over_12_hours_a_day');
    expect(twelveHoursADay(input({ minutes: 120 }), facts({ logged: { personDay: 600 } }))).toBeUndefined();
  });

  it('over_daily_allowance: the day’s entries stay within what the schedule allows that day', () => {
    expect(code(withinDailyAllowance(input({ minutes: 61 }), facts({ logged: { contractDay: 180 } })))).toBe('over_daily_allowance');
    expect(withinDailyAllowance(input({ minutes: 60 }), facts({ logged: { contractDay: 180 } }))).toBeUndefined();
  });

  it('over_weekly_allowance: the week’s entries stay within the week’s allowance (ordinary, blocks, holidays)', () => {
    expect(code(withinWeeklyAllowance(input({ minutes: 41 }), facts({ logged: { contractWeek: 200 } })))).toBe('over_weekly_allowance');
    expect(withinWeeklyAllowance(input({ minutes: 40 }), facts({ logged: { contractWeek: 200 } }))).toBeUndefined();
  });

  it('yearly_hours_exceeded: approved and pending minutes never go beyond the yearly minutes', () => {
    const refused = withinYearlyHours(input({ minutes: 61 }), facts({ logged: { contractYear: 5_940 } }));
    expect(code(refused)).toBe('yearly_hours_exceeded');
    expect(refused?.message).toContain('Only 1 h 00 of the contract’s 100 h 00 remain');
    expect(withinYearlyHours(input({ minutes: 60 }), facts({ logged: { contractYear: 5_940 } }))).toBeUndefined();
  });
});

describe('checkSubmission', () => {
  it('accepts an entry every check lets through', () => {
    expect(checkSubmission(input(), facts())).toBeUndefined();
  });

  it('answers with the first check that fails, the contract before the schedule', () => {
    const everythingWrong = facts({
      contract: { status: 'negotiating' },
      allowance: { inForce: false, dayKind: 'blackout' },
      project: { member: false },
    });
    expect(code(checkSubmission(input(), everythingWrong))).toBe('contract_not_signed');
    expect(code(checkSubmission(input({ minutes: 700 }), facts({ logged: { personDay: 100 } })))).toBe('over_12_hours_a_day');
  });

  it('names the field a person corrects: the date, the minutes, the competence', () => {
    expect(checkSubmission(input({ date: '2030-04-01' }), facts())?.fields?.[0]?.field).toBe('date');
    expect(checkSubmission(input({ minutes: 241 }), facts())?.fields?.[0]?.field).toBe('minutes');
  });
});

const entry = (overrides: Partial<TimeEntry> = {}): TimeEntry => ({
  id: 'e1',
  personId: 'ada',
  personName: 'Ada',
  contractId: 'c1',
  employerId: null,
  employerName: '',
  projectId: 'p1',
  projectTitle: 'Garden',
  territoryId: 't1',
  date: '2030-03-05',
  month: '2030-03',
  minutes: 60,
  competenceId: FIRST_AID,
  note: '',
  status: 'pending',
  version: 1,
  submittedAt: new Date('2030-03-05T10:00:00Z'),
  updatedAt: new Date('2030-03-05T10:00:00Z'),
  decidedBy: null,
  decidedAt: null,
  rejectionReason: '',
  carriedFrom: null,
  ...overrides,
});

describe('changing an entry', () => {
  it('is for its own person, before approval, at the version they saw', () => {
    expect(checkChange(entry(), 'ada', 1)).toBeUndefined();
    expect(checkChange(entry({ status: 'rejected' }), 'ada', 1)).toBeUndefined();
    expect(code(checkChange(entry(), 'bob', 1))).toBe('not_your_entry');
    expect(code(checkChange(entry({ status: 'approved' }), 'ada', 1))).toBe('entry_approved');
    expect(code(checkChange(entry({ status: 'withdrawn' }), 'ada', 1))).toBe('entry_withdrawn');
    expect(checkChange(entry({ version: 2 }), 'ada', 1)?.kind).toBe('stale');
  });

  it('resubmits a corrected rejected entry: pending again, reason and decision cleared, next version', () => {
    const rejected = entry({ status: 'rejected', version: 2, decidedBy: 'person:bob', rejectionReason: 'wrong day' });
    const corrected = changed(
      rejected,
      { ...input({ date: '2030-03-06', minutes: 90 }), projectTitle: 'Garden' },
      new Date('2030-03-07T09:00:00Z'),
    );
    expect(corrected).toMatchObject({
      status: 'pending',
      version: 3,
      date: '2030-03-06',
      month: '2030-03',
      minutes: 90,
      decidedBy: null,
      rejectionReason: '',
    });
  });

  it('keeps a carried entry in the month it was carried to while its date stays the same', () => {
    const carried = entry({ month: '2030-04', carriedFrom: '2030-03' });
    expect(periodMonthOf('2030-03-05', carried)).toBe('2030-04');
    expect(periodMonthOf('2030-03-06', carried)).toBe('2030-03');
    expect(changed(carried, { ...input({ minutes: 30 }), projectTitle: 'Garden' }, new Date())).toMatchObject({
      month: '2030-04',
      carriedFrom: '2030-03',
    });
  });
});
