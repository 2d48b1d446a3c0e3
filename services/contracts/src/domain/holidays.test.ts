import { isRefusal, type RefusalValue } from '@e21/kit';
import { checkHolidaysRequest, decideHolidays, holidaysAwaiting, type ContractForHolidays, type HolidaysRequest } from './holidays.js';

const PERSON = 'person-1';

const contract = (overrides: Partial<ContractForHolidays> = {}): ContractForHolidays => ({
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  lastDay: '2026-12-31',
  yearlyMinutes: 10_000,
  status: 'signed',
  schedule: {
    weeklyAllowanceMinutes: 120,
    blocks: [],
    blackouts: [{ startDate: '2026-07-01', endDate: '2026-08-31', reason: 'high season' }],
  },
  holidays: [],
  pendingHolidays: [],
  ...overrides,
});

const request = (overrides: Partial<HolidaysRequest> = {}): HolidaysRequest => ({
  startDate: '2026-05-11',
  endDate: '2026-05-15',
  minutes: 1_500,
  personId: PERSON,
  project: { kind: 'international_solidarity', status: 'approved', coordinatorId: PERSON },
  ...overrides,
});

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('checkHolidaysRequest', () => {
  it('accepts a block for an approved project the person initiated', () => {
    expect(checkHolidaysRequest(request(), contract())).toBeUndefined();
  });

  it('is only for individual initiatives and international solidarity, approved, coordinated by the person', () => {
    expect(
      refused(
        checkHolidaysRequest(request({ project: { kind: 'general_interest', status: 'approved', coordinatorId: PERSON } }), contract()),
      ).code,
    ).toBe('project_not_eligible');
    expect(
      refused(
        checkHolidaysRequest(
          request({ project: { kind: 'individual_initiative', status: 'proposed', coordinatorId: PERSON } }),
          contract(),
        ),
      ).code,
    ).toBe('project_not_approved');
    expect(
      refused(
        checkHolidaysRequest(
          request({ project: { kind: 'individual_initiative', status: 'active', coordinatorId: 'someone-else' } }),
          contract(),
        ),
      ).code,
    ).toBe('not_project_initiator');
  });

  it('refuses holidays in a blackout, over other holidays, or outside the contract', () => {
    expect(
      refused(checkHolidaysRequest(request({ startDate: '2026-08-30', endDate: '2026-09-02' }), contract())).fields![0]!.message,
    ).toContain('a blackout');
    expect(
      refused(checkHolidaysRequest(request(), contract({ pendingHolidays: [{ startDate: '2026-05-15', endDate: '2026-05-20' }] })))
        .fields![0]!.message,
    ).toContain('other SAR holidays');
    expect(
      refused(checkHolidaysRequest(request({ endDate: '2026-10-02', startDate: '2026-09-28' }), contract({ lastDay: '2026-09-30' })))
        .fields![0]!.field,
    ).toBe('start_date');
  });

  it('refuses holidays that would take the SAR beyond its yearly minutes, stating by how much', () => {
    // 120 min a week over 2026 plans 6256; the blackout (Wed Jul 1 .. Mon Aug 31) takes 86 (week of Jun 29 keeps 34),
    // 8 x 120 = 960 (Jul 6 .. Aug 30) and 18 (week of Aug 31 keeps floor(720 / 7) = 102): 5192 planned. The holidays
    // take 86 ordinary minutes of their week and add 1500: 6606, that is 606 minutes (10 h 06) beyond 6000.
    const result = refused(checkHolidaysRequest(request(), contract({ yearlyMinutes: 6_000 })));
    expect(result.code).toBe('holidays_exceed_sar');
    expect(result.message).toContain('6606 minutes (110 h 06), 606 minutes (10 h 06) more than its 6000 yearly minutes');
    expect(checkHolidaysRequest(request(), contract({ yearlyMinutes: 6_606 }))).toBeUndefined();
  });

  it('needs a contract in force', () => {
    expect(refused(checkHolidaysRequest(request(), contract({ status: 'suspended' }))).code).toBe('contract_not_in_force');
  });
});

describe('decideHolidays', () => {
  it('takes an employee’s holidays from the employer’s agreement to the office’s approval', () => {
    expect(decideHolidays({ status: 'requested', version: 1 }, 'agree', 'employer', 'employee', 1)).toBe('employer_agreed');
    expect(refused(decideHolidays({ status: 'requested', version: 1 }, 'approve', 'office', 'employee', 1)).code).toBe('not_your_decision');
    expect(decideHolidays({ status: 'employer_agreed', version: 2 }, 'approve', 'office', 'employee', 2)).toBe('approved');
  });

  it('sends a retired person’s holidays straight to the office', () => {
    expect(decideHolidays({ status: 'requested', version: 1 }, 'approve', 'office', 'retired', 1)).toBe('approved');
    expect(holidaysAwaiting('requested', 'retired')).toBe('office');
    expect(holidaysAwaiting('requested', 'employee')).toBe('employer');
  });

  it('refuses a decision on a stale version or on decided holidays', () => {
    expect(refused(decideHolidays({ status: 'requested', version: 2 }, 'agree', 'employer', 'employee', 1)).kind).toBe('stale');
    expect(refused(decideHolidays({ status: 'approved', version: 3 }, 'refuse', 'office', 'employee', 3)).code).toBe('holidays_decided');
  });

  it('lets only the person cancel, before a decision', () => {
    expect(decideHolidays({ status: 'employer_agreed', version: 2 }, 'cancel', 'person', 'employee', 2)).toBe('cancelled');
    expect(refused(decideHolidays({ status: 'requested', version: 1 }, 'cancel', 'office', 'employee', 1)).code).toBe('not_your_decision');
  });
});
