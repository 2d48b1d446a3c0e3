// The form to propose SAR terms and their schedule (first proposal, counter-proposal, amendment),
// with a calendar of its blocks and blackouts as they are typed.
import './schedule.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError, type FieldError } from '../api';
import { hoursInput, minutesFromHours } from '../hours';
import { t } from '../i18n';
import type { Schedule, Terms, TermsInput } from '../services/contracts';
import { problemAlert } from './feedback';
import { field, type FormErrors } from './forms';
import { scheduleCalendar } from './schedule-calendar';

export interface TermsDraft {
  periodStart: string;
  periodEnd: string;
  yearlyHours: string;
  weeklyHours: string;
  competences: string[];
  blocks: { startDate: string; endDate: string; hours: string; label: string }[];
  blackouts: { startDate: string; endDate: string; reason: string }[];
  /** Kept from the version the draft starts from; not edited here. */
  preferredProjectIds: string[];
  comment: string;
}

export function draftFrom(terms: Terms | undefined, year = new Date().getUTCFullYear()): TermsDraft {
  if (!terms) {
    return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, yearlyHours: '', weeklyHours: '', competences: [], blocks: [], blackouts: [], preferredProjectIds: [], comment: '' };
  }
  return {
    periodStart: terms.periodStart,
    periodEnd: terms.periodEnd,
    yearlyHours: hoursInput(terms.yearlyMinutes),
    weeklyHours: hoursInput(terms.schedule.weeklyAllowanceMinutes),
    competences: terms.competences.map((c) => c.skillId),
    blocks: terms.schedule.blocks.map((b) => ({ startDate: b.startDate, endDate: b.endDate, hours: hoursInput(b.minutes), label: b.label })),
    blackouts: terms.schedule.blackouts.map((b) => ({ ...b })),
    preferredProjectIds: terms.preferredProjectIds,
    comment: '',
  };
}

/** The schedule a draft shows on the calendar (hours not yet valid count as 0). */
function draftSchedule(draft: TermsDraft): Schedule {
  return {
    weeklyAllowanceMinutes: minutesFromHours(draft.weeklyHours) ?? 0,
    blocks: draft.blocks.map((b) => ({ startDate: b.startDate, endDate: b.endDate, minutes: minutesFromHours(b.hours) ?? 0, label: b.label })),
    blackouts: draft.blackouts,
  };
}

/** The terms to send, or the fields whose hours are not hours (checked here, the rest by the gateway). */
export function termsFromDraft(draft: TermsDraft): { terms: TermsInput } | { errors: FormErrors } {
  const fields: FormErrors['fields'] = {};
  const hours = (text: string, key: string) => {
    const minutes = minutesFromHours(text);
    if (minutes === null) fields[key] = [t('terms.hoursInvalid')];
    return minutes ?? 0;
  };
  const terms: TermsInput = {
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    yearlyMinutes: hours(draft.yearlyHours, 'yearlyMinutes'),
    competences: draft.competences,
    schedule: {
      weeklyAllowanceMinutes: hours(draft.weeklyHours, 'weeklyAllowanceMinutes'),
      blocks: draft.blocks.map((b, i) => ({ startDate: b.startDate, endDate: b.endDate, minutes: hours(b.hours, `blocks.${i}`), label: b.label.trim() })),
      blackouts: draft.blackouts.map((b) => ({ startDate: b.startDate, endDate: b.endDate, reason: b.reason.trim() })),
    },
    preferredProjectIds: draft.preferredProjectIds,
  };
  return Object.keys(fields).length ? { errors: { fields, unattached: [] } } : { terms };
}

const FIELD_KEYS: [prefix: string, key: string][] = [
  ['terms.periodStart', 'periodStart'],
  ['terms.periodEnd', 'periodEnd'],
  ['terms.yearlyMinutes', 'yearlyMinutes'],
  ['terms.competences', 'competences'],
  ['terms.schedule.weeklyAllowanceMinutes', 'weeklyAllowanceMinutes'],
  ['comment', 'comment'],
];

/** The gateway's field errors placed on the form: a block's or blackout's errors go to its row. */
export function termsErrorsFrom(error: unknown): FormErrors {
  const result: FormErrors = { fields: {}, unattached: [] };
  if (!isApiError(error)) return result;
  for (const problem of error.fieldErrors) {
    const name = problem.field.replace(/^body\./, '');
    const row = /^terms\.schedule\.(blocks|blackouts)\.(\d+)/.exec(name);
    const key = row ? `${row[1]}.${row[2]}` : name === 'terms.schedule' ? 'schedule' : FIELD_KEYS.find(([prefix]) => name === prefix || name.startsWith(`${prefix}.`))?.[1];
    if (key) (result.fields[key] ??= []).push(problem.message);
    else result.unattached.push(problem as FieldError);
  }
  return result;
}

export interface TermsFormOptions {
  id: string;
  legend: string;
  draft: TermsDraft;
  /** The competences of the person's profile that may be agreed. */
  competences: { skillId: string; label: string }[];
  errors: FormErrors;
  problem: unknown;
  submitLabel: string;
  busy: boolean;
  onSubmit(event: SubmitEvent): void;
  onCancel?(): void;
  /** Redraws the page after a change of the draft's shape (a row added or removed). */
  update(): void;
}

export function termsForm(o: TermsFormOptions): TemplateResult {
  const { draft, errors, id } = o;
  const input = (key: string, label: string, value: string, set: (value: string) => void, type = 'text', hint?: string) =>
    field({ id: `${id}-${key}`, label, hint, errors: errors.fields[key] }, (a) =>
      html`<input id=${a.id} type=${type} inputmode=${ifDefined(type === 'text' ? 'decimal' : undefined)} .value=${value} aria-invalid=${a.invalid}
        aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} @change=${o.update} />`,
    );
  const remove = (list: unknown[], index: number) => () => {
    list.splice(index, 1);
    o.update();
  };
  return html`<form class="stack wide" aria-label=${o.legend} novalidate @submit=${o.onSubmit}>
    ${o.problem ? problemAlert(o.problem, errors.unattached) : nothing}
    <fieldset>
      <legend>${t('terms.period')}</legend>
      <div class="row">
        ${input('periodStart', t('terms.periodStart'), draft.periodStart, (v) => (draft.periodStart = v), 'date')}
        ${input('periodEnd', t('terms.periodEnd'), draft.periodEnd, (v) => (draft.periodEnd = v), 'date', t('terms.periodHint'))}
      </div>
    </fieldset>
    ${input('yearlyMinutes', t('terms.yearlyHours'), draft.yearlyHours, (v) => (draft.yearlyHours = v), 'text', t('terms.hoursHint'))}
    <fieldset class="choices">
      <legend>${t('terms.competences')}</legend>
      ${o.competences.length
        ? o.competences.map(
            (c, i) => html`<div class="choice">
              <input type="checkbox" id=${`${id}-competence-${i}`} .checked=${draft.competences.includes(c.skillId)}
                @change=${(e: Event) => {
                  const checked = (e.target as HTMLInputElement).checked;
                  draft.competences = checked ? [...draft.competences, c.skillId] : draft.competences.filter((s) => s !== c.skillId);
                }} />
              <label for=${`${id}-competence-${i}`}>${c.label}</label>
            </div>`,
          )
        : html`<p class="muted">${t('terms.noCompetences')}</p>`}
      ${errors.fields.competences ? html`<p class="field-error">${errors.fields.competences.join(' ')}</p>` : nothing}
    </fieldset>
    <fieldset>
      <legend>${t('terms.schedule')}</legend>
      ${errors.fields.schedule ? html`<p class="field-error">${errors.fields.schedule.join(' ')}</p>` : nothing}
      ${input('weeklyAllowanceMinutes', t('terms.weeklyHours'), draft.weeklyHours, (v) => (draft.weeklyHours = v), 'text', t('terms.weeklyHint'))}
      <h3>${t('terms.blocks')}</h3>
      <p class="hint">${t('terms.blocksHint')}</p>
      ${draft.blocks.map(
        (block, i) => html`<fieldset class="schedule-row">
          <legend>${t('terms.blockN', { n: i + 1 })}</legend>
          ${errors.fields[`blocks.${i}`] ? html`<p class="field-error">${errors.fields[`blocks.${i}`]!.join(' ')}</p>` : nothing}
          <div class="row">
            ${input(`block-${i}-start`, t('terms.blockStart', { n: i + 1 }), block.startDate, (v) => (block.startDate = v), 'date')}
            ${input(`block-${i}-end`, t('terms.blockEnd', { n: i + 1 }), block.endDate, (v) => (block.endDate = v), 'date')}
            ${input(`block-${i}-hours`, t('terms.blockHours', { n: i + 1 }), block.hours, (v) => (block.hours = v))}
          </div>
          ${input(`block-${i}-label`, t('terms.blockLabel', { n: i + 1 }), block.label, (v) => (block.label = v))}
          <button type="button" @click=${remove(draft.blocks, i)}>${t('terms.removeBlock', { n: i + 1 })}</button>
        </fieldset>`,
      )}
      <button type="button" @click=${() => {
        draft.blocks.push({ startDate: draft.periodStart, endDate: draft.periodStart, hours: '', label: '' });
        o.update();
      }}>${t('terms.addBlock')}</button>
      <h3>${t('terms.blackouts')}</h3>
      <p class="hint">${t('terms.blackoutsHint')}</p>
      ${draft.blackouts.map(
        (blackout, i) => html`<fieldset class="schedule-row">
          <legend>${t('terms.blackoutN', { n: i + 1 })}</legend>
          ${errors.fields[`blackouts.${i}`] ? html`<p class="field-error">${errors.fields[`blackouts.${i}`]!.join(' ')}</p>` : nothing}
          <div class="row">
            ${input(`blackout-${i}-start`, t('terms.blackoutStart', { n: i + 1 }), blackout.startDate, (v) => (blackout.startDate = v), 'date')}
            ${input(`blackout-${i}-end`, t('terms.blackoutEnd', { n: i + 1 }), blackout.endDate, (v) => (blackout.endDate = v), 'date')}
          </div>
          ${input(`blackout-${i}-reason`, t('terms.blackoutReason', { n: i + 1 }), blackout.reason, (v) => (blackout.reason = v))}
          <button type="button" @click=${remove(draft.blackouts, i)}>${t('terms.removeBlackout', { n: i + 1 })}</button>
        </fieldset>`,
      )}
      <button type="button" @click=${() => {
        draft.blackouts.push({ startDate: draft.periodStart, endDate: draft.periodStart, reason: '' });
        o.update();
      }}>${t('terms.addBlackout')}</button>
      <details>
        <summary>${t('terms.calendar')}</summary>
        ${scheduleCalendar({ startDate: draft.periodStart, endDate: draft.periodEnd }, draftSchedule(draft))}
      </details>
    </fieldset>
    ${field({ id: `${id}-comment`, label: t('terms.comment'), errors: errors.fields.comment }, (a) =>
      html`<textarea id=${a.id} rows="3" maxlength="1000" .value=${draft.comment} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
        @input=${(e: Event) => (draft.comment = (e.target as HTMLTextAreaElement).value)}></textarea>`,
    )}
    <div class="actions">
      <button type="submit" class="primary" aria-disabled=${o.busy ? 'true' : 'false'}>${o.submitLabel}</button>
      ${o.onCancel ? html`<button type="button" @click=${o.onCancel}>${t('common.cancel')}</button>` : nothing}
    </div>
  </form>`;
}
