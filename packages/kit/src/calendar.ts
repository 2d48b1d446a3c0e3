// Calendar dates ("YYYY-MM-DD"), months ("YYYY-MM") and ISO weeks (Monday to Sunday), in UTC: one
// calendar for every service that counts hours by day, week and month.

export type IsoDate = string;
export type Month = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}

export function isMonth(value: string): boolean {
  return MONTH.test(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100;
}

export const monthOf = (date: IsoDate): Month => date.slice(0, 7);

export const yearOf = (date: IsoDate | Month): number => Number(date.slice(0, 4));

/** The day of an instant, in UTC. */
export const dateOf = (at: Date): IsoDate => at.toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function addMonths(month: Month, count: number): Month {
  const index = yearOf(month) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const nextMonth = (month: Month): Month => addMonths(month, 1);

export const firstDayOf = (month: Month): IsoDate => `${month}-01`;

export const lastDayOf = (month: Month): IsoDate => addDays(firstDayOf(nextMonth(month)), -1);

/** Monday and Sunday of the ISO week a date falls in. */
export function isoWeekOf(date: IsoDate): { weekStart: IsoDate; weekEnd: IsoDate } {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 for Monday
  const weekStart = addDays(date, -weekday);
  return { weekStart, weekEnd: addDays(weekStart, 6) };
}

/** Days between two dates, both included (1 for the same day). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
}

/** What services read the time from: passed in, so rules and tests choose "now" (never new Date() in a handler). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
