// The form to propose SAR terms and their schedule (first proposal, counter-proposal, amendment),
// with a calendar of its blocks and blackouts as they are typed.
import './schedule.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError, type FieldError } from '../api';
import { hoursInput, minutesFromHours } from '../hours';
import { t } from '../i18n';
import type { Schedule, Terms, TermsInput } from '../services/contracts';
import { checkboxes, inputField, textareaField, type FormErrors } from './forms';
import { scheduleCalendar } from './schedule-calendar';
import { invalid, type Send, type Submission } from './submit';

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
    return {
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      yearlyHours: '',
      weeklyHours: '',
      competences: [],
      blocks: [],
      blackouts: [],
      preferredProjectIds: [],
      comment: '',
    };
  }
  return {
    periodStart: terms.periodStart,
    periodEnd: terms.periodEnd,
    yearlyHours: hoursInput(terms.yearlyMinutes),
    weeklyHours: hoursInput(terms.schedule.weeklyAllowanceMinutes),
    competences: terms.competences.map((c) => c.skillId),
    blocks: terms.schedule.blocks.map((b) => ({
      startDate: b.startDate,
      endDate: b.endDate,
      hours: hoursInput(b.minutes),
      label: b.label,
    })),
    blackouts: terms.schedule.blackouts.map((b) => ({ ...b })),
    preferredProjectIds: terms.preferredProjectIds,
    comment: '',
  };
}

/** The schedule a draft shows on the calendar (hours not yet valid count as 0). */
function draftSchedule(draft: TermsDraft): Schedule {
  return {
    weeklyAllowanceMinutes: minutesFromHours(draft.weeklyHours) ?? 0,
    blocks: draft.blocks.map((b) => ({
      startDate: b.startDate,
      endDate: b.endDate,
      minutes: minutesFromHours(b.hours) ?? 0,
      label: b.label,
    })),
    blackouts: draft.blackouts,
  };
}

/** The terms to send; hours that are not hours are refused here (the rest is checked by the gateway). */
export function termsFromDraft(draft: TermsDraft): TermsInput {
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
      blocks: draft.blocks.map((b, i) => ({
        startDate: b.startDate,
        endDate: b.endDate,
        minutes: hours(b.hours, `blocks.${i}`),
        label: b.label.trim(),
      })),
      blackouts: draft.blackouts.map((b) => ({ startDate: b.startDate, endDate: b.endDate, reason: b.reason.trim() })),
    },
    preferredProjectIds: draft.preferredProjectIds,
  };
  if (Object.keys(fields).length) throw invalid(fields);
  return terms;
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
    const key = row
      ? `${row[1]}.${row[2]}`
      : name === 'terms.schedule'
        ? 'schedule'
        : FIELD_KEYS.find(([prefix]) => name === prefix || name.startsWith(`${prefix}.`))?.[1];
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
  form: Submission;
  send: Send;
  submitLabel: string;
  onCancel?(): void;
  /** Redraws the page after a change of the draft's shape (a row added or removed) or of its calendar. */
  update(): void;
}

export function termsForm(o: TermsFormOptions): TemplateResult {
  const { draft, form, id } = o;
  const input = (key: string, label: string, value: string, set: (value: string) => void, type: 'text' | 'date' = 'text', hint?: string) =>
    inputField({
      id: `${id}-${key}`,
      label,
      hint,
      errors: form.errorsOf(key),
      type,
      inputmode: type === 'text' ? 'decimal' : undefined,
      value,
      onInput: set,
      onChange: o.update,
    });
  const hours = (key: string, label: string, value: string, set: (value: string) => void, hint?: string) =>
    input(key, label, value, set, 'text', hint);
  const date = (key: string, label: string, value: string, set: (value: string) => void, hint?: string) =>
    input(key, label, value, set, 'date', hint);
  const text = (key: string, label: string, value: string, set: (value: string) => void) =>
    inputField({ id: `${id}-${key}`, label, errors: form.errorsOf(key), value, onInput: set, onChange: o.update });
  const rowErrors = (key: string) => (form.errorsOf(key) ? html`<p class="field-error">${form.errorsOf(key)!.join(' ')}</p>` : nothing);
  const remove = (list: unknown[], index: number) => () => {
    list.splice(index, 1);
    o.update();
  };
  const add = (push: () => void) => () => {
    push();
    o.update();
  };
  return form.form(
    { label: o.legend, className: 'stack wide', send: o.send },
    html`<fieldset>
        <legend>${t('terms.period')}</legend>
        <div class="row">
          ${date('periodStart', t('terms.periodStart'), draft.periodStart, (v) => (draft.periodStart = v))}
          ${date('periodEnd', t('terms.periodEnd'), draft.periodEnd, (v) => (draft.periodEnd = v), t('terms.periodHint'))}
        </div>
      </fieldset>
      ${hours('yearlyMinutes', t('terms.yearlyHours'), draft.yearlyHours, (v) => (draft.yearlyHours = v), t('terms.hoursHint'))}
      ${checkboxes({
        id: `${id}-competence`,
        legend: t('terms.competences'),
        items: o.competences.map((c) => ({ value: c.skillId, label: c.label })),
        checked: (skillId) => draft.competences.includes(skillId),
        onToggle: (skillId, on) =>
          (draft.competences = on ? [...draft.competences, skillId] : draft.competences.filter((s) => s !== skillId)),
        errors: form.errorsOf('competences'),
        empty: html`<p class="muted">${t('terms.noCompetences')}</p>`,
      })}
      <fieldset>
        <legend>${t('terms.schedule')}</legend>
        ${rowErrors('schedule')}
        ${hours('weeklyAllowanceMinutes', t('terms.weeklyHours'), draft.weeklyHours, (v) => (draft.weeklyHours = v), t('terms.weeklyHint'))}
        <h3>${t('terms.blocks')}</h3>
        <p class="hint">${t('terms.blocksHint')}</p>
        ${draft.blocks.map(
          (block, i) =>
            html`<fieldset class="schedule-row">
              <legend>${t('terms.blockN', { n: i + 1 })}</legend>
              ${rowErrors(`blocks.${i}`)}
              <div class="row">
                ${date(`block-${i}-start`, t('terms.blockStart', { n: i + 1 }), block.startDate, (v) => (block.startDate = v))}
                ${date(`block-${i}-end`, t('terms.blockEnd', { n: i + 1 }), block.endDate, (v) => (block.endDate = v))}
                ${hours(`block-${i}-hours`, t('terms.blockHours', { n: i + 1 }), block.hours, (v) => (block.hours = v))}
              </div>
              ${text(`block-${i}-label`, t('terms.blockLabel', { n: i + 1 }), block.label, (v) => (block.label = v))}
              <button type="button" @click=${remove(draft.blocks, i)}>${t('terms.removeBlock', { n: i + 1 })}</button>
            </fieldset>`,
        )}
        <button
          type="button"
          @click=${add(() => draft.blocks.push({ startDate: draft.periodStart, endDate: draft.periodStart, hours: '', label: '' }))}
        >
          ${t('terms.addBlock')}
        </button>
        <h3>${t('terms.blackouts')}</h3>
        <p class="hint">${t('terms.blackoutsHint')}</p>
        ${draft.blackouts.map(
          (blackout, i) =>
            html`<fieldset class="schedule-row">
              <legend>${t('terms.blackoutN', { n: i + 1 })}</legend>
              ${rowErrors(`blackouts.${i}`)}
              <div class="row">
                ${date(`blackout-${i}-start`, t('terms.blackoutStart', { n: i + 1 }), blackout.startDate, (v) => (blackout.startDate = v))}
                ${date(`blackout-${i}-end`, t('terms.blackoutEnd', { n: i + 1 }), blackout.endDate, (v) => (blackout.endDate = v))}
              </div>
              ${text(`blackout-${i}-reason`, t('terms.blackoutReason', { n: i + 1 }), blackout.reason, (v) => (blackout.reason = v))}
              <button type="button" @click=${remove(draft.blackouts, i)}>${t('terms.removeBlackout', { n: i + 1 })}</button>
            </fieldset>`,
        )}
        <button
          type="button"
          @click=${add(() => draft.blackouts.push({ startDate: draft.periodStart, endDate: draft.periodStart, reason: '' }))}
        >
          ${t('terms.addBlackout')}
        </button>
        <details>
          <summary>${t('terms.calendar')}</summary>
          ${scheduleCalendar({ startDate: draft.periodStart, endDate: draft.periodEnd }, draftSchedule(draft))}
        </details>
      </fieldset>
      ${textareaField({
        id: `${id}-comment`,
        label: t('terms.comment'),
        errors: form.errorsOf('comment'),
        rows: 3,
        maxlength: 1000,
        value: draft.comment,
        onInput: (v) => (draft.comment = v),
      })}
      ${form.actions(o.submitLabel, { cancel: o.onCancel })}`,
  );
}
