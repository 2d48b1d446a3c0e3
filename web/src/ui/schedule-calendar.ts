// A contract's schedule as month calendars: concentrated blocks, blackouts and SAR holidays by day.
import './schedule.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { language, t } from '../i18n';
import type { Schedule } from '../services/contracts';

type Range = { startDate: string; endDate: string };
type DayKind = 'outside' | 'ordinary' | 'block' | 'blackout' | 'holiday';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Calendars for at most a year and a month, whatever dates a draft holds. */
const MAX_MONTHS = 13;

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const within = (range: Range, day: number) => utc(range.startDate) <= day && day <= utc(range.endDate);

function kindOf(day: number, period: Range, schedule: Schedule, holidays: Range[]): DayKind {
  if (!within(period, day)) return 'outside';
  if (schedule.blackouts.some((b) => ISO_DATE.test(b.startDate) && ISO_DATE.test(b.endDate) && within(b, day))) return 'blackout';
  if (holidays.some((h) => within(h, day))) return 'holiday';
  if (schedule.blocks.some((b) => ISO_DATE.test(b.startDate) && ISO_DATE.test(b.endDate) && within(b, day))) return 'block';
  return 'ordinary';
}

/** Monday-first weekday names in the current language. */
function weekdays(): string[] {
  const format = new Intl.DateTimeFormat(language(), { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i)))); // 2024-01-01 was a Monday
}

function month(year: number, monthIndex: number, period: Range, schedule: Schedule, holidays: Range[]): TemplateResult {
  const first = Date.UTC(year, monthIndex, 1);
  const days = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const offset = (new Date(first).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: days }, (_, i) => first + i * DAY_MS)];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const caption = new Intl.DateTimeFormat(language(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(first));
  return html`<table class="calendar">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${weekdays().map((name) => html`<th scope="col">${name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) =>
          html`<tr>
            ${week.map((day) => {
              if (day === null) return html`<td></td>`;
              const kind = kindOf(day, period, schedule, holidays);
              const marked = kind === 'block' || kind === 'blackout' || kind === 'holiday';
              return html`<td class="day-${kind}">
                ${new Date(day).getUTCDate()}${marked ? html`<span class="visually-hidden"> ${t(`calendar.${kind}`)}</span>` : nothing}
              </td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The months of the period, each day marked as block, blackout or holidays. */
export function scheduleCalendar(period: Range, schedule: Schedule, holidays: Range[] = []): TemplateResult {
  if (!ISO_DATE.test(period.startDate) || !ISO_DATE.test(period.endDate) || utc(period.endDate) < utc(period.startDate)) return html``;
  const start = new Date(utc(period.startDate));
  const end = new Date(utc(period.endDate));
  const months: [number, number][] = [];
  const last = end.getUTCFullYear() * 12 + end.getUTCMonth();
  for (let index = start.getUTCFullYear() * 12 + start.getUTCMonth(); index <= last && months.length < MAX_MONTHS; index++) {
    months.push([Math.floor(index / 12), index % 12]);
  }
  return html`<div class="calendar-legend" aria-hidden="true">
      <span class="day-block">${t('calendar.block')}</span>
      <span class="day-blackout">${t('calendar.blackout')}</span>
      <span class="day-holiday">${t('calendar.holiday')}</span>
    </div>
    <div class="calendars">${months.map(([y, m]) => month(y, m, period, schedule, holidays))}</div>`;
}
