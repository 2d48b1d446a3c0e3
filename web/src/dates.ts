// Days and weeks as the API counts them: dates without time (YYYY-MM-DD), in UTC.

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of today, in UTC like the API's dates. */
export const today = (): string => new Date().toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
