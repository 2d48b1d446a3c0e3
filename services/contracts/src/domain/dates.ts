// Calendar dates ("YYYY-MM-DD") as day numbers, and ISO weeks (Monday to Sunday), in UTC.

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

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

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOf(dayNumber(date) + days);
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

export function daysIn(range: DateRange): number {
  return dayNumber(range.endDate) - dayNumber(range.startDate) + 1;
}
