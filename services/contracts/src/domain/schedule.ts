// Flexibility schedules: what a schedule may hold, whether it fits in the yearly minutes, and how
// many minutes a person may log on a date and in its ISO week.
//
// The rules, in one place:
// - The weekly allowance applies to ordinary days: days of the period that are not in a block, in
//   approved SAR holidays or in a blackout. A week with fewer than 7 ordinary days gets the
//   allowance pro rata, rounded down to the minute: floor(allowance x ordinary days / 7).
// - A block (or approved holidays) replaces the weekly allowance on its dates. Its minutes are
//   spread over its days, all days counted; the part of a week is the difference of the running
//   totals floor(minutes x k / days) at the week's edges, so the parts always add up to the block.
// - Blackout days allow nothing. Blocks and holidays never fall in a blackout.
// - No day allows more than DAY_CAP_MINUTES, whatever the week allows.
// - The schedule fits when the ordinary minutes of every week plus every block and every approved
//   holiday add up to at most the yearly minutes.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { isIsoDate, type IsoDate } from '@e21/kit/calendar';
import { contains, dateOf, dayNumber, daysIn, isoWeekStart, overlaps, type DateRange } from './dates.js';

export interface ScheduleBlock extends DateRange {
  minutes: number;
  label: string;
}

export interface Blackout extends DateRange {
  reason: string;
}

export interface Schedule {
  weeklyAllowanceMinutes: number;
  blocks: ScheduleBlock[];
  blackouts: Blackout[];
}

/** Approved SAR holidays: a block of the SAR taken at once, for a project the person initiated. */
export interface HolidayBlock extends DateRange {
  minutes: number;
}

export interface ScheduledContract {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  yearlyMinutes: number;
  schedule: Schedule;
  holidays: HolidayBlock[];
}

/** Ten hours: the longest working day French labour law allows. */
export const DAY_CAP_MINUTES = 600;
/** Forty-eight hours: the longest working week the EU Working Time Directive allows. */
export const MAX_WEEKLY_ALLOWANCE_MINUTES = 2_880;
export const MAX_BLOCKS = 50;
export const MAX_BLACKOUTS = 50;
export const LABEL_MAX_LENGTH = 200;

export const EMPTY_SCHEDULE: Schedule = { weeklyAllowanceMinutes: 0, blocks: [], blackouts: [] };

export type DayKind = 'outside' | 'ordinary' | 'block' | 'holiday' | 'blackout';

/** Minutes of a block that fall on its days from..to (inclusive), as the running totals split them. */
export function shareOf(block: DateRange & { minutes: number }, from: number, to: number): number {
  const start = dayNumber(block.startDate);
  const days = daysIn(block);
  const first = Math.max(from, start);
  const last = Math.min(to, dayNumber(block.endDate));
  if (first > last) return 0;
  const runningTotal = (k: number) => Math.floor((block.minutes * k) / days);
  return runningTotal(last - start + 1) - runningTotal(first - start);
}

export function dayKindOf(contract: ScheduledContract, day: number, lastDay = dayNumber(contract.periodEnd)): DayKind {
  if (day < dayNumber(contract.periodStart) || day > lastDay) return 'outside';
  if (contract.schedule.blackouts.some((b) => contains(b, day))) return 'blackout';
  if (contract.holidays.some((h) => contains(h, day))) return 'holiday';
  if (contract.schedule.blocks.some((b) => contains(b, day))) return 'block';
  return 'ordinary';
}

export interface WeekFigures {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  ordinaryDays: number;
  ordinaryMinutes: number;
  blockMinutes: number;
  holidayMinutes: number;
}

/** What the ISO week starting on `monday` allows, up to `lastDay` (the period's end or the termination). */
export function weekFigures(contract: ScheduledContract, monday: number, lastDay = dayNumber(contract.periodEnd)): WeekFigures {
  const sunday = monday + 6;
  let ordinaryDays = 0;
  for (let day = monday; day <= sunday; day++) if (dayKindOf(contract, day, lastDay) === 'ordinary') ordinaryDays++;
  const from = Math.max(monday, dayNumber(contract.periodStart));
  const to = Math.min(sunday, lastDay);
  const sum = (blocks: (DateRange & { minutes: number })[]) => blocks.reduce((total, block) => total + shareOf(block, from, to), 0);
  return {
    weekStart: dateOf(monday),
    weekEnd: dateOf(sunday),
    ordinaryDays,
    ordinaryMinutes: Math.floor((contract.schedule.weeklyAllowanceMinutes * ordinaryDays) / 7),
    blockMinutes: sum(contract.schedule.blocks),
    holidayMinutes: sum(contract.holidays),
  };
}

/** Every minute the schedule plans over the period: ordinary weeks, blocks and approved holidays. */
export function plannedMinutes(contract: ScheduledContract): number {
  const last = dayNumber(contract.periodEnd);
  let ordinary = 0;
  for (let monday = isoWeekStart(dayNumber(contract.periodStart)); monday <= last; monday += 7) {
    ordinary += weekFigures(contract, monday).ordinaryMinutes;
  }
  const blocks = contract.schedule.blocks.reduce((total, b) => total + b.minutes, 0);
  const holidays = contract.holidays.reduce((total, h) => total + h.minutes, 0);
  return ordinary + blocks + holidays;
}

export interface Allowance {
  date: IsoDate;
  inForce: boolean;
  dayKind: DayKind;
  dayMaxMinutes: number;
  weekStart: IsoDate;
  weekEnd: IsoDate;
  weekAllowedMinutes: number;
  weekOrdinaryMinutes: number;
  weekBlockMinutes: number;
  weekHolidayMinutes: number;
}

/**
 * How many minutes may be logged on `date` and in its ISO week. `inForce` is false when the
 * contract is not signed (or suspended); `lastDay` is its termination date when terminated.
 */
export function allowanceOn(
  contract: ScheduledContract,
  date: IsoDate,
  options: { inForce: boolean; lastDay?: IsoDate | null },
): Allowance {
  const day = dayNumber(date);
  const monday = isoWeekStart(day);
  const lastDay = Math.min(dayNumber(contract.periodEnd), options.lastDay ? dayNumber(options.lastDay) : Infinity);
  const kind = options.inForce ? dayKindOf(contract, day, lastDay) : 'outside';
  const week = { weekStart: dateOf(monday), weekEnd: dateOf(monday + 6) };
  if (kind === 'outside') {
    return {
      date,
      inForce: false,
      dayKind: kind,
      dayMaxMinutes: 0,
      ...week,
      weekAllowedMinutes: 0,
      weekOrdinaryMinutes: 0,
      weekBlockMinutes: 0,
      weekHolidayMinutes: 0,
    };
  }
  const figures = weekFigures(contract, monday, lastDay);
  const dayKindMinutes: Record<Exclude<DayKind, 'outside'>, () => number> = {
    blackout: () => 0,
    ordinary: () => figures.ordinaryMinutes,
    block: () =>
      shareOf(
        contract.schedule.blocks.find((b) => contains(b, day))!,
        monday,
        Math.min(monday + 6, lastDay),
      ),
    holiday: () =>
      shareOf(
        contract.holidays.find((h) => contains(h, day))!,
        monday,
        Math.min(monday + 6, lastDay),
      ),
  };
  return {
    date,
    inForce: true,
    dayKind: kind,
    dayMaxMinutes: Math.min(dayKindMinutes[kind](), DAY_CAP_MINUTES),
    ...week,
    weekAllowedMinutes: figures.ordinaryMinutes + figures.blockMinutes + figures.holidayMinutes,
    weekOrdinaryMinutes: figures.ordinaryMinutes,
    weekBlockMinutes: figures.blockMinutes,
    weekHolidayMinutes: figures.holidayMinutes,
  };
}

/** "12 h 05" for 725 minutes. */
export function hoursText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const absolute = Math.abs(minutes);
  return `${sign}${Math.floor(absolute / 60)} h ${String(absolute % 60).padStart(2, '0')}`;
}

function rangeProblems(range: DateRange, field: string, period: DateRange): FieldProblem[] {
  if (!isIsoDate(range.startDate)) return [{ field: `${field}.start_date`, message: 'must be a date YYYY-MM-DD' }];
  if (!isIsoDate(range.endDate)) return [{ field: `${field}.end_date`, message: 'must be a date YYYY-MM-DD' }];
  if (range.endDate < range.startDate) return [{ field: `${field}.end_date`, message: 'must not be before the start date' }];
  if (range.startDate < period.startDate || range.endDate > period.endDate) {
    return [{ field: `${field}.start_date`, message: `must lie within the contract period ${period.startDate} to ${period.endDate}` }];
  }
  return [];
}

function textProblem(text: string, field: string): FieldProblem[] {
  if (text.length > LABEL_MAX_LENGTH) return [{ field, message: `must be at most ${LABEL_MAX_LENGTH} characters` }];
  // PostgreSQL text cannot hold NUL; it is never part of a label anyway.
  return text.includes('\u0000') ? [{ field, message: 'must not contain NUL characters' }] : [];
}

function overlapProblems<T extends DateRange>(ranges: T[], field: string, what: string): FieldProblem[] {
  return ranges.flatMap((range, i) =>
    ranges.slice(0, i).some((earlier) => overlaps(earlier, range)) ? [{ field: `${field}.${i}`, message: `overlaps another ${what}` }] : [],
  );
}

/** What is wrong with the shape of a schedule: dates, minutes, overlaps. Fields are relative to the schedule. */
export function scheduleProblems(schedule: Schedule, period: DateRange, holidays: HolidayBlock[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const weekly = schedule.weeklyAllowanceMinutes;
  if (!Number.isSafeInteger(weekly) || weekly < 0 || weekly > MAX_WEEKLY_ALLOWANCE_MINUTES) {
    problems.push({
      field: 'schedule.weekly_allowance_minutes',
      message: `must be a whole number of minutes from 0 to ${MAX_WEEKLY_ALLOWANCE_MINUTES}`,
    });
  }
  if (schedule.blocks.length > MAX_BLOCKS) problems.push({ field: 'schedule.blocks', message: `must hold at most ${MAX_BLOCKS} blocks` });
  if (schedule.blackouts.length > MAX_BLACKOUTS)
    problems.push({ field: 'schedule.blackouts', message: `must hold at most ${MAX_BLACKOUTS} blackouts` });
  if (problems.length) return problems;

  schedule.blackouts.forEach((blackout, i) => {
    problems.push(
      ...rangeProblems(blackout, `schedule.blackouts.${i}`, period),
      ...textProblem(blackout.reason, `schedule.blackouts.${i}.reason`),
    );
  });
  schedule.blocks.forEach((block, i) => {
    const field = `schedule.blocks.${i}`;
    const dates = rangeProblems(block, field, period);
    problems.push(...dates, ...textProblem(block.label, `${field}.label`));
    if (dates.length) return;
    const most = daysIn(block) * DAY_CAP_MINUTES;
    if (!Number.isSafeInteger(block.minutes) || block.minutes < 1 || block.minutes > most) {
      problems.push({
        field: `${field}.minutes`,
        message: `must be a whole number of minutes from 1 to ${most} (${DAY_CAP_MINUTES} a day)`,
      });
    }
  });
  if (problems.length) return problems;

  problems.push(
    ...overlapProblems(schedule.blocks, 'schedule.blocks', 'block'),
    ...overlapProblems(schedule.blackouts, 'schedule.blackouts', 'blackout'),
  );
  schedule.blocks.forEach((block, i) => {
    const blackout = schedule.blackouts.find((b) => overlaps(b, block));
    if (blackout)
      problems.push({ field: `schedule.blocks.${i}`, message: `falls in the blackout ${blackout.startDate} to ${blackout.endDate}` });
  });
  for (const holiday of holidays) {
    const i = schedule.blocks.findIndex((b) => overlaps(b, holiday));
    if (i >= 0)
      problems.push({
        field: `schedule.blocks.${i}`,
        message: `overlaps approved SAR holidays ${holiday.startDate} to ${holiday.endDate}`,
      });
    const j = schedule.blackouts.findIndex((b) => overlaps(b, holiday));
    if (j >= 0)
      problems.push({
        field: `schedule.blackouts.${j}`,
        message: `covers approved SAR holidays ${holiday.startDate} to ${holiday.endDate}`,
      });
  }
  return problems;
}

/** Refused when the schedule plans more than the yearly minutes; the refusal states by how much. */
export function checkFits(contract: ScheduledContract): RefusalValue | undefined {
  const planned = plannedMinutes(contract);
  if (planned <= contract.yearlyMinutes) return undefined;
  const excess = planned - contract.yearlyMinutes;
  return refusal(
    'invalid',
    'schedule_exceeds_yearly_minutes',
    `The schedule plans ${planned} minutes (${hoursText(planned)}), ${excess} minutes (${hoursText(excess)}) more than the ${contract.yearlyMinutes} yearly minutes (${hoursText(contract.yearlyMinutes)})`,
    [{ field: 'schedule', message: `plans ${excess} minutes (${hoursText(excess)}) more than the yearly minutes` }],
  );
}
