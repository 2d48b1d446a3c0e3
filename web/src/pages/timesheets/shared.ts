// What the timesheets pages share: how a day and an entry's status are shown.
import './timesheets.css';
import { html, type TemplateResult } from 'lit-html';
import { language, t } from '../../i18n';
import type { EntryStatus } from '../../services/timesheets';

/** "Monday 3 March" in the current language. */
export const dayLabel = (date: string): string =>
  new Intl.DateTimeFormat(language(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

export function entryStatusTag(status: EntryStatus): TemplateResult {
  return html`<span class="tag entry-${status}">${t(`entryStatus.${status}`)}</span>`;
}
