// What the timesheets pages share: days and weeks in UTC like the API's dates, and how an entry's
// status and a month are shown.
import './timesheets.css';
import { html, type TemplateResult } from 'lit-html';
import { language, t } from '../../i18n';
import type { EntryStatus } from '../../services/timesheets';

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of today, in UTC like the API's dates. */
export const today = (): string => new Date().toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** "Monday 3 March" in the current language. */
export const dayLabel = (date: string): string =>
  new Intl.DateTimeFormat(language(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** "March 2030" in the current language. */
export const monthLabel = (month: string): string =>
  new Intl.DateTimeFormat(language(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

export function entryStatusTag(status: EntryStatus): TemplateResult {
  return html`<span class="tag entry-${status}">${t(`entryStatus.${status}`)}</span>`;
}
