// My hours: a week of my entries day by day, my contract's balance bar, and the quick entry form
// that logs hours (or changes a pending entry, or corrects a rejected one).
import './timesheets.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../../api';
import { hoursInput, hoursText, minutesFromHours } from '../../hours';
import { formatDate, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { listInbox, type SarContract } from '../../services/contracts';
import { listMyProjects, type Project } from '../../services/programs';
import { getBalance, listMyEntries, submitEntry, updateEntry, withdrawEntry, type Balance, type EntryFields, type TimeEntry } from '../../services/timesheets';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { addDays, dayLabel, entryStatusTag, mondayOf, today } from './shared';

interface Week {
  contracts: SarContract[];
  projects: Project[];
  entries: TimeEntry[];
  balance: Balance | null;
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

const FIELDS = ['projectId', 'date', 'minutes', 'competenceId', 'note', 'contractId'];
const OPEN_PROJECTS = ['approved', 'active'];

/** Contracts under which I log hours: mine, signed at least once. */
const loggable = (contract: SarContract) => contract.inForceVersion !== null && ['signed', 'suspended', 'terminated'].includes(contract.status);
const covers = (contract: SarContract, date: string) => contract.terms.periodStart <= date && date <= contract.terms.periodEnd;

export const hoursPage: PageFactory = ({ update }) => {
  const requested = new URLSearchParams(location.search).get('week');
  let monday = mondayOf(requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : today());
  let week: Loadable<Week> = loading;
  let draft: Draft = { editing: null, contractId: '', projectId: '', date: today() < addDays(monday, 6) ? today() : monday, hours: '', competenceId: '', note: '' };
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let saving = false;
  // One key per entry: a retried click logs the hours once.
  let idempotencyKey = crypto.randomUUID();

  async function read(): Promise<Week> {
    const sunday = addDays(monday, 6);
    const [inbox, projects, entries] = await Promise.all([listInbox(), listMyProjects(), listMyEntries(monday, sunday)]);
    const contracts = inbox.items.filter((i) => i.callerParties.includes('person') && loggable(i.contract)).map((i) => i.contract);
    const current = contracts.find((c) => covers(c, monday) || covers(c, sunday));
    const balance = current ? await getBalance(current.id, monday) : null;
    return { contracts, projects: projects.items.filter((p) => OPEN_PROJECTS.includes(p.status)), entries: entries.items, balance };
  }

  async function reload(): Promise<void> {
    week = await loadable(read);
    update();
  }

  const page: Page = {
    title: () => t('hours.title'),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) week = next;
    },

    view: () => html`
      <p>${t('hours.intro')}</p>
      ${statusRegion(message)}
      ${whenLoaded(week, (w) =>
        w.contracts.length === 0
          ? html`<p class="notice">${t('hours.noContract')} <a href="/contracts">${t('hours.toContracts')}</a></p>`
          : html`${balanceBar(w)} ${weekTable(w)} ${entryForm(w)}`,
      )}
    `,
  };

  function balanceBar(w: Week): TemplateResult {
    const b = w.balance;
    if (!b) return html`<p class="notice">${t('hours.noContractThisWeek')}</p>`;
    const used = b.approvedMinutes + b.pendingMinutes;
    return html`<section aria-labelledby="balance-heading" class="balance">
      <h2 id="balance-heading">${t('hours.balance')}</h2>
      <div class="figures">
        ${figure(t('hours.yearly'), b.yearlyMinutes)} ${figure(t('hours.approved'), b.approvedMinutes)} ${figure(t('hours.pending'), b.pendingMinutes)}
        ${figure(t('hours.remaining'), b.remainingMinutes)}
      </div>
      <label for="balance-year">${t('hours.yearBar', { used: hoursText(used), yearly: hoursText(b.yearlyMinutes) })}</label>
      <meter id="balance-year" min="0" max=${Math.max(1, b.yearlyMinutes)} value=${used}></meter>
      <label for="balance-week">${t('hours.weekBar', { used: hoursText(b.week.usedMinutes), allowed: hoursText(b.week.allowedMinutes) })}</label>
      <meter id="balance-week" min="0" max=${Math.max(1, b.week.allowedMinutes)} value=${b.week.usedMinutes}></meter>
    </section>`;
  }

  function figure(label: string, minutes: number): TemplateResult {
    return html`<div class="figure"><span class="figure-label">${label}</span> <span class="figure-value">${hoursText(minutes)}</span></div>`;
  }

  function weekTable(w: Week): TemplateResult {
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    return html`<section aria-labelledby="week-heading">
      <h2 id="week-heading" tabindex="-1">${t('hours.week', { date: formatDate(monday) })}</h2>
      <div class="actions">
        <button type="button" @click=${() => go(-7)}>${t('hours.previousWeek')}</button>
        <button type="button" @click=${() => go(7)} aria-disabled=${addDays(monday, 7) > today() ? 'true' : 'false'}>${t('hours.nextWeek')}</button>
      </div>
      <div class="table-wrap">
        <table class="week">
          <thead>
            <tr>
              <th scope="col">${t('hours.day')}</th>
              <th scope="col">${t('hours.allowed')}</th>
              <th scope="col">${t('hours.entries')}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map((day) => {
              const allowance = w.balance?.week.days.find((d) => d.date === day);
              const entries = w.entries.filter((e) => e.date === day && e.status !== 'withdrawn');
              return html`<tr>
                <th scope="row">${dayLabel(day)}</th>
                <td>${allowance ? (allowance.dayKind === 'blackout' ? t('hours.blackout') : allowance.dayKind === 'outside' ? '—' : hoursText(allowance.allowedMinutes)) : '—'}</td>
                <td>${entries.length ? html`<ul class="entries">${entries.map((e) => entryItem(e, w))}</ul>` : nothing}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  function entryItem(e: TimeEntry, w: Week): TemplateResult {
    const when = formatDate(e.date);
    const changeable = e.status === 'pending' || e.status === 'rejected';
    return html`<li data-entry=${e.id}>
      <strong>${hoursText(e.minutes)}</strong> ${e.projectTitle} ${entryStatusTag(e.status)}
      ${e.status === 'rejected' && e.rejectionReason ? html`<span class="block">${t('hours.rejectedBecause', { reason: e.rejectionReason })}</span>` : nothing}
      ${e.carriedFrom ? html`<span class="block muted">${t('hours.carried', { month: e.carriedFrom })}</span>` : nothing}
      ${changeable
        ? html`<span class="actions">
            <button type="button" aria-label=${t(e.status === 'rejected' ? 'hours.correctLabel' : 'hours.changeLabel', { date: when })} @click=${() => edit(e, w)}>
              ${t(e.status === 'rejected' ? 'hours.correct' : 'hours.change')}
            </button>
            <button type="button" aria-label=${t('hours.withdrawLabel', { date: when })} @click=${() => withdraw(e)}>${t('hours.withdraw')}</button>
          </span>`
        : nothing}
    </li>`;
  }

  function competencesFor(w: Week, contractId: string, projectId: string): { id: string; label: string }[] {
    const contract = w.contracts.find((c) => c.id === contractId);
    const project = w.projects.find((p) => p.id === projectId);
    const options = new Map<string, string>();
    for (const c of contract?.terms.competences ?? []) options.set(c.skillId, c.label);
    for (const n of project?.needs ?? []) if (!options.has(n.skillId)) options.set(n.skillId, n.skillLabel);
    return [...options].map(([id, label]) => ({ id, label }));
  }

  function entryForm(w: Week): TemplateResult {
    const d = draft;
    const contractId = d.contractId || w.contracts.find((c) => covers(c, d.date))?.id || w.contracts[0]!.id;
    const projectId = d.projectId || w.projects[0]?.id || '';
    const competences = competencesFor(w, contractId, projectId);
    const competenceId = competences.some((c) => c.id === d.competenceId) ? d.competenceId : (competences[0]?.id ?? '');
    const set = (key: keyof Draft) => (e: Event) => ((draft as unknown as Record<string, string>)[key] = (e.target as HTMLInputElement).value);
    const setAndRender = (key: keyof Draft) => (e: Event) => {
      set(key)(e);
      update();
    };
    const heading = d.editing ? t(d.editing.status === 'rejected' ? 'hours.correctTitle' : 'hours.changeTitle', { date: formatDate(d.editing.date) }) : t('hours.logTitle');
    return html`<form class="stack" aria-labelledby="entry-form-heading" novalidate @submit=${(e: SubmitEvent) => save(e, { contractId, projectId, competenceId })}>
      <h2 id="entry-form-heading" tabindex="-1">${heading}</h2>
      ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${w.projects.length === 0 ? html`<p class="notice">${t('hours.noProject')} <a href="/projects">${t('hours.toProjects')}</a></p>` : nothing}
      ${w.contracts.length > 1 && !d.editing
        ? field({ id: 'entry-contract', label: t('hours.contract'), errors: errors.fields.contractId }, (a) =>
            html`<select id=${a.id} @change=${setAndRender('contractId')}>
              ${w.contracts.map((c) => html`<option value=${c.id} ?selected=${c.id === contractId}>${t('hours.contractOption', { start: formatDate(c.terms.periodStart), end: formatDate(c.terms.periodEnd) })}</option>`)}
            </select>`,
          )
        : nothing}
      ${field({ id: 'entry-date', label: t('hours.date'), errors: errors.fields.date }, (a) =>
        html`<input id=${a.id} type="date" max=${today()} .value=${d.date} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${set('date')} />`,
      )}
      ${field({ id: 'entry-project', label: t('hours.project'), errors: errors.fields.projectId }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${setAndRender('projectId')}>
          ${w.projects.map((p) => html`<option value=${p.id} ?selected=${p.id === projectId}>${p.title}</option>`)}
        </select>`,
      )}
      ${field({ id: 'entry-competence', label: t('hours.competence'), hint: t('hours.competenceHint'), errors: errors.fields.competenceId }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${setAndRender('competenceId')}>
          ${competences.map((c) => html`<option value=${c.id} ?selected=${c.id === competenceId}>${c.label}</option>`)}
        </select>`,
      )}
      ${field({ id: 'entry-hours', label: t('hours.hours'), hint: t('hours.hoursHint'), errors: errors.fields.minutes }, (a) =>
        html`<input id=${a.id} type="text" inputmode="decimal" autocomplete="off" .value=${d.hours} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${set('hours')} />`,
      )}
      ${field({ id: 'entry-note', label: t('hours.note'), errors: errors.fields.note }, (a) =>
        html`<textarea id=${a.id} rows="2" maxlength="1000" .value=${d.note} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${set('note')}></textarea>`,
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${saving ? 'true' : 'false'}>${t(d.editing ? (d.editing.status === 'rejected' ? 'hours.saveCorrection' : 'hours.saveChange') : 'hours.submit')}</button>
        ${d.editing ? html`<button type="button" @click=${cancelEdit}>${t('common.cancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  function go(days: number): void {
    const next = addDays(monday, days);
    if (days > 0 && next > today()) return;
    monday = next;
    history.replaceState(null, '', `/hours?week=${monday}`);
    message = null;
    if (!draft.editing) draft = { ...draft, date: addDays(monday, 6) < today() ? monday : today() };
    week = loading;
    update();
    void reload().then(() => focusLater('#week-heading'));
  }

  function edit(e: TimeEntry, w: Week): void {
    draft = { editing: e, contractId: e.contractId, projectId: e.projectId, date: e.date, hours: hoursInput(e.minutes), competenceId: e.competenceId, note: e.note };
    if (!w.projects.some((p) => p.id === e.projectId)) draft.projectId = '';
    errors = noErrors;
    problem = null;
    update();
    focusLater('#entry-form-heading');
  }

  function cancelEdit(): void {
    draft = { ...draft, editing: null, hours: '', note: '' };
    errors = noErrors;
    problem = null;
    update();
  }

  async function withdraw(e: TimeEntry): Promise<void> {
    problem = null;
    try {
      await withdrawEntry(e);
      message = { key: 'hours.withdrawn' };
      await reload();
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
      await reload();
    }
  }

  async function save(event: SubmitEvent, chosen: { contractId: string; projectId: string; competenceId: string }): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const minutes = minutesFromHours(draft.hours);
    problem = null;
    if (!minutes || !chosen.projectId) {
      errors = { fields: { ...(minutes ? {} : { minutes: [t('hours.hoursInvalid')] }), ...(chosen.projectId ? {} : { projectId: [t('hours.projectRequired')] }) }, unattached: [] };
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    const body: EntryFields = { projectId: chosen.projectId, date: draft.date, minutes, competenceId: chosen.competenceId, note: draft.note.trim() };
    saving = true;
    update();
    try {
      const editing = draft.editing;
      if (editing) await updateEntry(editing, body);
      else await submitEntry({ ...body, contractId: chosen.contractId }, idempotencyKey);
      message = { key: editing ? (editing.status === 'rejected' ? 'hours.corrected' : 'hours.changed') : 'hours.logged', params: { hours: hoursText(minutes), date: formatDate(body.date) } };
      idempotencyKey = crypto.randomUUID();
      draft = { ...draft, editing: null, hours: '', note: '', projectId: chosen.projectId, contractId: '' };
      errors = noErrors;
      await reload();
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, FIELDS);
      problem = error;
    } finally {
      saving = false;
      update();
    }
  }

  return page;
};
