// Calendar dates as day numbers (days since 1970-01-01) for the schedule's week-by-week arithmetic,
// and date ranges. The dates themselves (YYYY-MM-DD, isIsoDate, yearOf) are the kit's calendar.
import { daysBetween, type IsoDate } from '@e21/kit/calendar';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Monday ... 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday of the ISO week a day falls in. */
export function isoWeekStart(day: number): number {
  return day - weekdayOf(day);
}

export interface DateRange {
  startDate: IsoDate;
  endDate: IsoDate;
}

export function contains(range: DateRange, day: number): boolean {
  return dayNumber(range.startDate) <= day && day <= dayNumber(range.endDate);
}

export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** The days of a range, both ends included. */
export const daysIn = (range: DateRange): number => daysBetween(range.startDate, range.endDate);
