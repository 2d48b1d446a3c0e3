// Every figure here is worked out by hand in the comment beside it. 2026-01-01 is a Thursday.
import { isIsoDate } from '@e21/kit/calendar';
import { dateOf, dayNumber, isoWeekStart } from './dates.js';
import { allowanceOn, checkFits, plannedMinutes, scheduleProblems, shareOf, weekFigures, type ScheduledContract } from './schedule.js';

const YEAR_2026 = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };

function contract(overrides: Partial<ScheduledContract['schedule']> = {}, more: Partial<ScheduledContract> = {}): ScheduledContract {
  return {
    ...YEAR_2026,
    yearlyMinutes: 10_000,
    schedule: { weeklyAllowanceMinutes: 120, blocks: [], blackouts: [], ...overrides },
    holidays: [],
    ...more,
  };
}

const signed = { inForce: true };

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const value of ['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', ''])
      expect(isIsoDate(value)).toBe(false);
  });

  it('starts ISO weeks on Monday, across a year boundary', () => {
    expect(dateOf(isoWeekStart(dayNumber('2026-01-01')))).toBe('2025-12-29');
    expect(dateOf(isoWeekStart(dayNumber('2026-01-04')))).toBe('2025-12-29'); // a Sunday
    expect(dateOf(isoWeekStart(dayNumber('2026-01-05')))).toBe('2026-01-05'); // a Monday
    expect(dateOf(isoWeekStart(dayNumber('2027-01-03')))).toBe('2026-12-28');
  });
});

describe('allowanceOn: week boundaries', () => {
  it('gives a week cut by the start of the period its allowance pro rata, rounded down', () => {
    // Week Mon 2025-12-29 .. Sun 2026-01-04; in the period: Thu 1 .. Sun 4 = 4 days; floor(120 x 4 / 7) = floor(68.57) = 68.
    expect(allowanceOn(contract(), '2026-01-02', signed)).toEqual({
      date: '2026-01-02',
      inForce: true,
      dayKind: 'ordinary',
      dayMaxMinutes: 68,
      weekStart: '2025-12-29',
      weekEnd: '2026-01-04',
      weekAllowedMinutes: 68,
      weekOrdinaryMinutes: 68,
      weekBlockMinutes: 0,
      weekHolidayMinutes: 0,
    });
  });

  it('gives a full week its whole allowance, from Monday to Sunday', () => {
    expect(allowanceOn(contract(), '2026-01-05', signed)).toMatchObject({
      weekStart: '2026-01-05',
      weekEnd: '2026-01-11',
      weekAllowedMinutes: 120,
      dayMaxMinutes: 120,
    });
    expect(allowanceOn(contract(), '2026-01-11', signed)).toMatchObject({ weekStart: '2026-01-05', weekAllowedMinutes: 120 });
  });

  it('cuts the last week at the end of the period', () => {
    // Week Mon 2026-12-28 .. Sun 2027-01-03; in the period: Mon 28 .. Thu 31 = 4 days -> 68.
    expect(allowanceOn(contract(), '2026-12-31', signed)).toMatchObject({
      weekStart: '2026-12-28',
      weekEnd: '2027-01-03',
      weekAllowedMinutes: 68,
    });
  });

  it('allows nothing outside the period, nor when the contract is not in force', () => {
    expect(allowanceOn(contract(), '2025-12-31', signed)).toMatchObject({
      inForce: false,
      dayKind: 'outside',
      dayMaxMinutes: 0,
      weekAllowedMinutes: 0,
      weekStart: '2025-12-29',
    });
    expect(allowanceOn(contract(), '2026-06-10', { inForce: false })).toMatchObject({
      inForce: false,
      dayMaxMinutes: 0,
      weekAllowedMinutes: 0,
    });
  });

  it('stops at the termination date, cutting its week', () => {
    // Terminated on Wed 2026-01-07: week Jan 5..11 keeps Mon, Tue, Wed = 3 days; floor(120 x 3 / 7) = floor(51.43) = 51.
    expect(allowanceOn(contract(), '2026-01-06', { inForce: true, lastDay: '2026-01-07' })).toMatchObject({
      weekAllowedMinutes: 51,
      dayMaxMinutes: 51,
    });
    expect(allowanceOn(contract(), '2026-01-08', { inForce: true, lastDay: '2026-01-07' })).toMatchObject({
      inForce: false,
      dayMaxMinutes: 0,
    });
  });
});

describe('allowanceOn: blocks override the weekly allowance', () => {
  it('splits 35 h over the first two weeks of a project half and half, capping a day at 10 h', () => {
    // Block Mon 2026-03-02 .. Sun 2026-03-15 (14 days), 2100 min: week 1 = floor(2100 x 7 / 14) = 1050, week 2 = 2100 - 1050 = 1050.
    const kickOff = contract({ blocks: [{ startDate: '2026-03-02', endDate: '2026-03-15', minutes: 2100, label: 'kick-off' }] });
    expect(allowanceOn(kickOff, '2026-03-04', signed)).toMatchObject({
      dayKind: 'block',
      weekBlockMinutes: 1050,
      weekOrdinaryMinutes: 0,
      weekAllowedMinutes: 1050,
      dayMaxMinutes: 600,
    });
    expect(allowanceOn(kickOff, '2026-03-15', signed)).toMatchObject({
      weekStart: '2026-03-09',
      weekBlockMinutes: 1050,
      weekAllowedMinutes: 1050,
    });
  });

  it('mixes a block with ordinary days in a week it covers partly', () => {
    // Block Wed 2026-03-04 .. Tue 2026-03-10 (7 days), 1000 min.
    // Week Mar 2..8: block days Wed..Sun = 5 -> floor(1000 x 5 / 7) = 714; ordinary Mon, Tue = 2 -> floor(240 / 7) = 34; week 748.
    // Week Mar 9..15: block = 1000 - 714 = 286; ordinary Wed..Sun = 5 -> floor(600 / 7) = 85; week 371.
    const block = contract({ blocks: [{ startDate: '2026-03-04', endDate: '2026-03-10', minutes: 1000, label: '' }] });
    expect(allowanceOn(block, '2026-03-02', signed)).toMatchObject({
      dayKind: 'ordinary',
      dayMaxMinutes: 34,
      weekOrdinaryMinutes: 34,
      weekBlockMinutes: 714,
      weekAllowedMinutes: 748,
    });
    expect(allowanceOn(block, '2026-03-05', signed)).toMatchObject({ dayKind: 'block', dayMaxMinutes: 600, weekAllowedMinutes: 748 });
    expect(allowanceOn(block, '2026-03-09', signed)).toMatchObject({
      dayKind: 'block',
      dayMaxMinutes: 286,
      weekBlockMinutes: 286,
      weekOrdinaryMinutes: 85,
      weekAllowedMinutes: 371,
    });
    expect(allowanceOn(block, '2026-03-12', signed)).toMatchObject({ dayKind: 'ordinary', dayMaxMinutes: 85 });
  });

  it('spreads a block so that its weekly parts add up to the whole block', () => {
    const block = { startDate: '2026-04-01', endDate: '2026-05-13', minutes: 4_001 };
    let total = 0;
    for (let monday = isoWeekStart(dayNumber(block.startDate)); monday <= dayNumber(block.endDate); monday += 7)
      total += shareOf(block, monday, monday + 6);
    expect(total).toBe(4_001);
  });
});

describe('allowanceOn: blackout days allow nothing', () => {
  it('gives a blackout day zero and takes blackout days out of the week’s ordinary days', () => {
    // Blackout Wed 2026-07-01 .. Mon 2026-08-31. Week Jun 29..Jul 5: ordinary Mon 29, Tue 30 -> floor(240 / 7) = 34.
    const summer = contract({ blackouts: [{ startDate: '2026-07-01', endDate: '2026-08-31', reason: 'high season' }] });
    expect(allowanceOn(summer, '2026-06-30', signed)).toMatchObject({ dayKind: 'ordinary', dayMaxMinutes: 34, weekAllowedMinutes: 34 });
    expect(allowanceOn(summer, '2026-07-01', signed)).toMatchObject({ dayKind: 'blackout', dayMaxMinutes: 0, weekAllowedMinutes: 34 });
    expect(allowanceOn(summer, '2026-07-15', signed)).toMatchObject({ dayKind: 'blackout', dayMaxMinutes: 0, weekAllowedMinutes: 0 });
  });
});

describe('allowanceOn: approved SAR holidays', () => {
  it('allows the holidays on their dates instead of the weekly allowance', () => {
    // Holidays Mon 2026-05-11 .. Fri 2026-05-15, 1500 min. Week May 11..17: holidays 1500; ordinary Sat, Sun -> floor(240 / 7) = 34.
    const withHolidays = contract({}, { holidays: [{ startDate: '2026-05-11', endDate: '2026-05-15', minutes: 1500 }] });
    expect(allowanceOn(withHolidays, '2026-05-12', signed)).toMatchObject({
      dayKind: 'holiday',
      dayMaxMinutes: 600,
      weekHolidayMinutes: 1500,
      weekOrdinaryMinutes: 34,
      weekAllowedMinutes: 1534,
    });
    expect(allowanceOn(withHolidays, '2026-05-16', signed)).toMatchObject({ dayKind: 'ordinary', dayMaxMinutes: 34 });
  });
});

describe('plannedMinutes and checkFits: the schedule fits within the yearly minutes', () => {
  it('adds up the weeks of a year: two 4-day weeks and 51 full ones', () => {
    // 68 (Jan 1..4) + 51 x 120 (Jan 5..Dec 27) + 68 (Dec 28..31) = 6256.
    expect(plannedMinutes(contract())).toBe(6_256);
    expect(weekFigures(contract(), dayNumber('2026-01-05')).ordinaryMinutes).toBe(120);
  });

  it('accepts a schedule planning exactly the yearly minutes and refuses one minute more, stating the excess', () => {
    expect(checkFits(contract({}, { yearlyMinutes: 6_256 }))).toBeUndefined();
    const refused = checkFits(contract({}, { yearlyMinutes: 6_255 }));
    expect(refused?.code).toBe('schedule_exceeds_yearly_minutes');
    expect(refused?.message).toContain('1 minutes (0 h 01) more than the 6255 yearly minutes');
  });

  it('counts a block instead of the ordinary days it covers', () => {
    // A full week Mar 2..8 in a block of 300 min: 6256 - 120 + 300 = 6436.
    expect(plannedMinutes(contract({ blocks: [{ startDate: '2026-03-02', endDate: '2026-03-08', minutes: 300, label: '' }] }))).toBe(6_436);
  });
});

describe('scheduleProblems', () => {
  const period = { startDate: '2026-01-01', endDate: '2026-12-31' };
  const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

  it('refuses a block that falls in a blackout', () => {
    const problems = scheduleProblems(
      {
        weeklyAllowanceMinutes: 60,
        blocks: [{ startDate: '2026-07-10', endDate: '2026-07-20', minutes: 600, label: '' }],
        blackouts: [{ startDate: '2026-07-01', endDate: '2026-07-15', reason: '' }],
      },
      period,
      [],
    );
    expect(problems).toEqual([{ field: 'schedule.blocks.0', message: 'falls in the blackout 2026-07-01 to 2026-07-15' }]);
  });

  it('refuses overlapping blocks, blocks outside the period, and more minutes than ten hours a day', () => {
    const block = (startDate: string, endDate: string, minutes = 60) => ({ startDate, endDate, minutes, label: '' });
    expect(
      fields(
        scheduleProblems(
          { weeklyAllowanceMinutes: 0, blocks: [block('2026-03-01', '2026-03-10'), block('2026-03-10', '2026-03-12')], blackouts: [] },
          period,
          [],
        ),
      ),
    ).toEqual(['schedule.blocks.1']);
    expect(
      fields(scheduleProblems({ weeklyAllowanceMinutes: 0, blocks: [block('2025-12-30', '2026-01-02')], blackouts: [] }, period, [])),
    ).toEqual(['schedule.blocks.0.start_date']);
    expect(
      fields(scheduleProblems({ weeklyAllowanceMinutes: 0, blocks: [block('2026-03-01', '2026-03-02', 1201)], blackouts: [] }, period, [])),
    ).toEqual(['schedule.blocks.0.minutes']);
    expect(
      scheduleProblems({ weeklyAllowanceMinutes: 0, blocks: [block('2026-03-01', '2026-03-02', 1200)], blackouts: [] }, period, []),
    ).toEqual([]);
  });

  it('refuses a weekly allowance beyond 48 hours, or not a whole number of minutes', () => {
    expect(fields(scheduleProblems({ weeklyAllowanceMinutes: 2881, blocks: [], blackouts: [] }, period, []))).toEqual([
      'schedule.weekly_allowance_minutes',
    ]);
    expect(fields(scheduleProblems({ weeklyAllowanceMinutes: 1.5, blocks: [], blackouts: [] }, period, []))).toEqual([
      'schedule.weekly_allowance_minutes',
    ]);
  });

  it('refuses a blackout over approved holidays', () => {
    const problems = scheduleProblems(
      { weeklyAllowanceMinutes: 0, blocks: [], blackouts: [{ startDate: '2026-05-01', endDate: '2026-05-31', reason: '' }] },
      period,
      [{ startDate: '2026-05-11', endDate: '2026-05-15', minutes: 600 }],
    );
    expect(fields(problems)).toEqual(['schedule.blackouts.0']);
  });
});
