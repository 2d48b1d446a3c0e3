// The quick entry form of My hours: log hours on a project with the competence used, or change a
// pending entry, or correct a rejected one.
import { html, nothing, type TemplateResult } from 'lit-html';
import { today } from '../../dates';
import { hoursInput, hoursText, minutesFromHours } from '../../hours';
import { formatDate, t } from '../../i18n';
import type { SarContract } from '../../services/contracts';
import type { Project } from '../../services/programs';
import { submitEntry, updateEntry, type EntryFields, type TimeEntry } from '../../services/timesheets';
import type { Component, Update } from '../../ui/component';
import type { StatusLine } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { inputField, selectField, textareaField } from '../../ui/forms';
import { invalid, submission } from '../../ui/submit';

/** What the form offers: the person's contracts and the projects they log hours on. */
export interface EntryChoices {
  contracts: SarContract[];
  projects: Project[];
}

interface Draft {
  /** The entry being changed or corrected; null for new hours. */
  editing: TimeEntry | null;
  contractId: string;
  projectId: string;
  date: string;
  hours: string;
  competenceId: string;
  note: string;
}

export interface EntryForm extends Component<[choices: EntryChoices]> {
  /** Starts changing (or correcting) an entry of the week. */
  edit(entry: TimeEntry, choices: EntryChoices): void;
  /** The week shown moved: new hours default to a day of it. */
  moveTo(monday: string, sunday: string): void;
}

export const covers = (contract: SarContract, date: string) => contract.terms.periodStart <= date && date <= contract.terms.periodEnd;

/** `saved` reads the week again after hours were logged, changed or corrected. */
export function entryForm(update: Update, status: StatusLine, saved: () => Promise<void>, monday: string, sunday: string): EntryForm {
  let draft: Draft = {
    editing: null,
    contractId: '',
    projectId: '',
    date: today() < sunday ? today() : monday,
    hours: '',
    competenceId: '',
    note: '',
  };
  // One key per entry: a retried click logs the hours once.
  const form = submission(update, { fields: ['projectId', 'date', 'minutes', 'competenceId', 'note', 'contractId'], status });

  /** The competences of the contract, then those the project needs. */
  function competencesFor(choices: EntryChoices, contractId: string, projectId: string): { id: string; label: string }[] {
    const contract = choices.contracts.find((c) => c.id === contractId);
    const project = choices.projects.find((p) => p.id === projectId);
    const options = new Map<string, string>();
    for (const c of contract?.terms.competences ?? []) options.set(c.skillId, c.label);
    for (const n of project?.needs ?? []) if (!options.has(n.skillId)) options.set(n.skillId, n.skillLabel);
    return [...options].map(([id, label]) => ({ id, label }));
  }

  async function save(chosen: { contractId: string; projectId: string; competenceId: string }, key: string): Promise<void> {
    const minutes = minutesFromHours(draft.hours);
    if (!minutes || !chosen.projectId) {
      throw invalid({
        ...(minutes ? {} : { minutes: [t('hours.hoursInvalid')] }),
        ...(chosen.projectId ? {} : { projectId: [t('hours.projectRequired')] }),
      });
    }
    const body: EntryFields = {
      projectId: chosen.projectId,
      date: draft.date,
      minutes,
      competenceId: chosen.competenceId,
      note: draft.note.trim(),
    };
    const editing = draft.editing;
    if (editing) await updateEntry(editing, body);
    else await submitEntry({ ...body, contractId: chosen.contractId }, key);
    const done = editing ? (editing.status === 'rejected' ? 'hours.corrected' : 'hours.changed') : 'hours.logged';
    status.say(done, { hours: hoursText(minutes), date: formatDate(body.date) });
    draft = { ...draft, editing: null, hours: '', note: '', projectId: chosen.projectId, contractId: '' };
    await saved();
  }

  function cancel(): void {
    draft = { ...draft, editing: null, hours: '', note: '' };
    form.reset();
    update();
  }

  function view(choices: EntryChoices): TemplateResult {
    const d = draft;
    const contractId = d.contractId || choices.contracts.find((c) => covers(c, d.date))?.id || choices.contracts[0]!.id;
    const projectId = d.projectId || choices.projects[0]?.id || '';
    const competences = competencesFor(choices, contractId, projectId);
    const competenceId = competences.some((c) => c.id === d.competenceId) ? d.competenceId : (competences[0]?.id ?? '');
    const redraw = (set: (value: string) => void) => (value: string) => {
      set(value);
      update();
    };
    const rejected = d.editing?.status === 'rejected';
    const heading = d.editing
      ? t(rejected ? 'hours.correctTitle' : 'hours.changeTitle', { date: formatDate(d.editing.date) })
      : t('hours.logTitle');
    return form.form(
      {
        labelledBy: 'entry-form-heading',
        send: (key) => save({ contractId, projectId, competenceId }, key),
        heading: html`<h2 id="entry-form-heading" tabindex="-1">${heading}</h2>`,
      },
      html`${
        choices.projects.length === 0
          ? html`<p class="notice">${t('hours.noProject')} <a href="/projects">${t('hours.toProjects')}</a></p>`
          : nothing
      }
      ${
        choices.contracts.length > 1 && !d.editing
          ? selectField({
              id: 'entry-contract',
              label: t('hours.contract'),
              errors: form.errorsOf('contractId'),
              options: choices.contracts.map((c) => ({
                value: c.id,
                label: t('hours.contractOption', { start: formatDate(c.terms.periodStart), end: formatDate(c.terms.periodEnd) }),
              })),
              value: contractId,
              onChange: redraw((v) => (d.contractId = v)),
            })
          : nothing
      }
      ${inputField({
        id: 'entry-date',
        label: t('hours.date'),
        type: 'date',
        max: today(),
        errors: form.errorsOf('date'),
        value: d.date,
        onInput: (v) => (d.date = v),
      })}
      ${selectField({
        id: 'entry-project',
        label: t('hours.project'),
        errors: form.errorsOf('projectId'),
        options: choices.projects.map((p) => ({ value: p.id, label: p.title })),
        value: projectId,
        onChange: redraw((v) => (d.projectId = v)),
      })}
      ${selectField({
        id: 'entry-competence',
        label: t('hours.competence'),
        hint: t('hours.competenceHint'),
        errors: form.errorsOf('competenceId'),
        options: competences.map((c) => ({ value: c.id, label: c.label })),
        value: competenceId,
        onChange: redraw((v) => (d.competenceId = v)),
      })}
      ${inputField({
        id: 'entry-hours',
        label: t('hours.hours'),
        hint: t('hours.hoursHint'),
        inputmode: 'decimal',
        autocomplete: 'off',
        errors: form.errorsOf('minutes'),
        value: d.hours,
        onInput: (v) => (d.hours = v),
      })}
      ${textareaField({
        id: 'entry-note',
        label: t('hours.note'),
        rows: 2,
        maxlength: 1000,
        errors: form.errorsOf('note'),
        value: d.note,
        onInput: (v) => (d.note = v),
      })}
      ${form.actions(t(d.editing ? (rejected ? 'hours.saveCorrection' : 'hours.saveChange') : 'hours.submit'), {
        cancel: d.editing ? cancel : undefined,
      })}`,
    );
  }

  return {
    view,
    edit(e, choices) {
      draft = {
        editing: e,
        contractId: e.contractId,
        projectId: e.projectId,
        date: e.date,
        hours: hoursInput(e.minutes),
        competenceId: e.competenceId,
        note: e.note,
      };
      if (!choices.projects.some((p) => p.id === e.projectId)) draft.projectId = '';
      form.reset();
      update();
      focusLater('#entry-form-heading');
    },
    moveTo(nextMonday, nextSunday) {
      if (!draft.editing) draft = { ...draft, date: nextSunday < today() ? nextMonday : today() };
    },
  };
}
