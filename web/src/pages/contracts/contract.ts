// One SAR contract as its parties see it: terms, what each party can do now (accept, counter-propose,
// withdraw, amend, suspend, terminate), the signed documents, the schedule as a calendar, the
// versions side by side with what changed, the history, and the SAR holidays.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { ApiError, isApiError } from '../../api';
import { hoursText, minutesFromHours } from '../../hours';
import { formatDate, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { session } from '../../session';
import {
  acceptVersion,
  decideHolidays,
  documentHref,
  getContract,
  listMyProjects,
  listPersonCompetences,
  proposeTerms,
  requestHolidays,
  resumeContract,
  suspendContract,
  terminateContract,
  withdrawVersion,
  type ContractDetail,
  type ContractVersion,
  type Holidays,
  type HolidaysDecision,
  type MyProject,
  type Party,
  type Terms,
} from '../../services/contracts';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { scheduleCalendar } from '../../ui/schedule-calendar';
import { draftFrom, termsErrorsFrom, termsForm, termsFromDraft, type TermsDraft } from '../../ui/terms-form';
import { contractStatusLabel, holidaysStatusLabel, partiesLabel, partyLabel, periodLabel } from './labels';

type Editor = { draft: TermsDraft; errors: FormErrors; problem: unknown; competences: Loadable<{ skillId: string; label: string }[]> };
type Form = 'suspend' | 'terminate' | null;

const HOLIDAY_KINDS = ['individual_initiative', 'international_solidarity'];
const LIVE_PROJECT = ['approved', 'active'];

export const contractPage: PageFactory = ({ params, update }) => {
  const contractId = params.id ?? '';
  let state: Loadable<ContractDetail> = loading;
  let message: Message | null = null;
  let problem: unknown = null;
  let busy = false;
  let actAs: Party | undefined;
  let acceptComment = '';
  let editor: Editor | null = null;
  let form: Form = null;
  let reason = '';
  let endDate = '';
  let formErrors: FormErrors = noErrors;
  let holidaysDraft = { projectId: '', startDate: '', endDate: '', hours: '', comment: '' };
  let holidaysErrors: FormErrors = noErrors;
  let holidaysProblem: unknown = null;
  let projects: Loadable<MyProject[]> | null = null;

  const page: Page = {
    title: () => (state.status === 'ready' ? t('contracts.contractOf', { name: state.data.contract.personName }) : t('contracts.contractTitle')),

    async load(signal) {
      const next = await loadable(() => getContract(contractId));
      if (signal.aborted) return;
      state = next;
      if (next.status === 'ready' && next.data.callerParties.includes('person') && next.data.contract.status === 'signed' && !projects) void loadProjects();
    },

    view: () => whenLoaded(state, (detail) => html`
      <p><a href="/contracts">${t('contracts.backToInbox')}</a></p>
      ${summary(detail)}
      ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
      ${actions(detail)}
      ${editor ? editorView(detail, editor) : nothing}
      ${documents(detail)}
      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">${t('contracts.scheduleHeading')}</h2>
        ${scheduleView(detail)}
      </section>
      ${versionsView(detail)}
      ${historyView(detail)}
      ${holidaysView(detail)}
    `),
  };

  // What the contract is

  function summary(detail: ContractDetail): TemplateResult {
    const c = detail.contract;
    return html`<dl class="details">
      <dt>${t('contracts.person')}</dt>
      <dd>${c.personName} <span class="muted">(${t(`contractKind.${c.kind}`)})</span></dd>
      ${c.employerName ? html`<dt>${t('party.employer')}</dt><dd>${c.employerName}</dd>` : nothing}
      <dt>${t('party.office')}</dt>
      <dd>${c.officeName}</dd>
      <dt>${t('contracts.status')}</dt>
      <dd data-testid="contract-status">
        <strong>${contractStatusLabel(c.status)}</strong>${c.terminationDate ? html` — ${t('contracts.endsOn', { date: formatDate(c.terminationDate) })}` : nothing}
      </dd>
      <dt>${t('contracts.youActAs')}</dt>
      <dd>${partiesLabel(detail.callerParties)}</dd>
      ${c.inForceVersion ? html`<dt>${t('contracts.inForce')}</dt><dd>${t('contracts.versionSignedOn', { n: c.inForceVersion, date: formatDate(c.signedAt ?? '') })}</dd>` : nothing}
      ${c.pendingVersion
        ? html`<dt>${t('contracts.underNegotiation')}</dt>
            <dd>${t('contracts.versionN', { n: c.pendingVersion })} — ${detail.awaiting.length ? t('contracts.waitingForParties', { parties: partiesLabel(detail.awaiting) }) : ''}</dd>`
        : nothing}
    </dl>`;
  }

  function shownTerms(detail: ContractDetail): Terms {
    const number = detail.contract.pendingVersion ?? detail.contract.inForceVersion ?? detail.contract.latestVersion;
    return detail.versions.find((v) => v.version === number)!.terms;
  }

  function scheduleView(detail: ContractDetail): TemplateResult {
    const terms = shownTerms(detail);
    const holidays = detail.holidays.filter((h) => h.status === 'approved');
    return html`<p>${t('contracts.weeklyAllowanceIs', { hours: hoursText(terms.schedule.weeklyAllowanceMinutes) })}</p>
      ${scheduleCalendar({ startDate: terms.periodStart, endDate: terms.periodEnd }, terms.schedule, holidays)}`;
  }

  // What the caller can do now

  function actions(detail: ContractDetail): TemplateResult {
    const c = detail.contract;
    const mine = detail.callerParties;
    const awaitingMe = detail.awaiting.some((p) => mine.includes(p));
    const forEmployerOrOffice = mine.some((p) => p === 'employer' || p === 'office');
    const live = c.status === 'signed' || c.status === 'suspended';
    if (!mine.length || (!c.pendingVersion && !live)) return html``;
    return html`<section aria-labelledby="actions-heading">
      <h2 id="actions-heading" tabindex="-1">${t('contracts.yourPart')}</h2>
      ${mine.length > 1
        ? html`<div class="field">
            <label for="act-as">${t('contracts.actAs')}</label>
            <select id="act-as" @change=${(e: Event) => (actAs = (e.target as HTMLSelectElement).value as Party)}>
              ${mine.map((p) => html`<option value=${p} ?selected=${p === (actAs ?? mine[0])}>${partyLabel(p)}</option>`)}
            </select>
          </div>`
        : nothing}
      ${c.pendingVersion && awaitingMe
        ? html`<p>${t('contracts.awaitsYourAcceptance', { n: c.pendingVersion })}</p>
            ${field({ id: 'accept-comment', label: t('contracts.acceptComment') }, (a) =>
              html`<input id=${a.id} type="text" maxlength="1000" .value=${acceptComment} @input=${(e: Event) => (acceptComment = (e.target as HTMLInputElement).value)} />`,
            )}`
        : nothing}
      ${c.pendingVersion && !awaitingMe ? html`<p>${t('contracts.youAccepted', { n: c.pendingVersion })}</p>` : nothing}
      <div class="actions">
        ${c.pendingVersion && awaitingMe
          ? html`<button type="button" class="primary" @click=${() => act(() => acceptVersion(contractId, c.pendingVersion!, { comment: acceptComment.trim() || undefined, party: party(detail) }), 'contracts.accepted')}>
              ${t('contracts.acceptVersion', { n: c.pendingVersion })}
            </button>`
          : nothing}
        ${c.pendingVersion ? html`<button type="button" @click=${() => openEditor(detail)}>${t('contracts.counterPropose')}</button>` : nothing}
        ${c.pendingVersion
          ? html`<button type="button" @click=${() => act(() => withdrawVersion(contractId, c.pendingVersion!, { party: party(detail) }), 'contracts.withdrawn')}>
              ${t('contracts.withdrawVersion', { n: c.pendingVersion })}
            </button>`
          : nothing}
        ${!c.pendingVersion && c.status === 'signed' ? html`<button type="button" @click=${() => openEditor(detail)}>${t('contracts.amend')}</button>` : nothing}
        ${c.status === 'signed' && forEmployerOrOffice ? html`<button type="button" @click=${() => openForm('suspend')}>${t('contracts.suspend')}</button>` : nothing}
        ${c.status === 'suspended' && forEmployerOrOffice
          ? html`<button type="button" @click=${() => act(() => resumeContract(contractId, { party: party(detail) }), 'contracts.resumed')}>${t('contracts.resume')}</button>`
          : nothing}
        ${live ? html`<button type="button" @click=${() => openForm('terminate')}>${t('contracts.terminate')}</button>` : nothing}
      </div>
      ${form ? formView(detail) : nothing}
    </section>`;
  }

  function party(detail: ContractDetail): Party | undefined {
    if (detail.callerParties.length < 2) return undefined;
    return actAs ?? detail.callerParties.find((p) => detail.awaiting.includes(p)) ?? detail.callerParties[0];
  }

  function formView(detail: ContractDetail): TemplateResult {
    const terminating = form === 'terminate';
    return html`<form class="stack" aria-label=${t(terminating ? 'contracts.terminate' : 'contracts.suspend')} novalidate @submit=${(e: SubmitEvent) => submitForm(e, detail)}>
      ${terminating
        ? field({ id: 'end-date', label: t('contracts.endDate'), errors: formErrors.fields.endDate }, (a) =>
            html`<input id=${a.id} type="date" .value=${endDate} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (endDate = (e.target as HTMLInputElement).value)} />`,
          )
        : nothing}
      ${field({ id: 'reason', label: t('contracts.reason'), errors: formErrors.fields.reason }, (a) =>
        html`<input id=${a.id} type="text" maxlength="1000" .value=${reason} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (reason = (e.target as HTMLInputElement).value)} />`,
      )}
      <div class="actions">
        <button type="submit" class="danger">${t(terminating ? 'contracts.confirmTerminate' : 'contracts.confirmSuspend')}</button>
        <button type="button" @click=${() => openForm(null)}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  function openForm(next: Form): void {
    form = next;
    formErrors = noErrors;
    update();
    if (next) focusLater(next === 'terminate' ? '#end-date' : '#reason');
  }

  async function submitForm(event: SubmitEvent, detail: ContractDetail): Promise<void> {
    event.preventDefault();
    const fields: FormErrors['fields'] = {};
    if (!reason.trim()) fields.reason = [t('contracts.reasonRequired')];
    if (form === 'terminate' && !endDate) fields.endDate = [t('contracts.endDateRequired')];
    formErrors = { fields, unattached: [] };
    if (Object.keys(fields).length) {
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    const call =
      form === 'terminate'
        ? () => terminateContract(contractId, { endDate, reason: reason.trim(), party: party(detail) })
        : () => suspendContract(contractId, { reason: reason.trim(), party: party(detail) });
    const done = await act(call, form === 'terminate' ? 'contracts.terminated' : 'contracts.suspended');
    if (done) {
      form = null;
      reason = '';
    } else {
      formErrors = formErrorsFrom(problem, ['endDate', 'reason']);
    }
    update();
  }

  /** Runs a contract action; shows its outcome, and the latest contract when someone acted in between. */
  async function act(call: () => Promise<ContractDetail>, done: Message['key']): Promise<boolean> {
    if (busy) return false;
    busy = true;
    message = null;
    problem = null;
    update();
    try {
      state = { status: 'ready', data: await call() };
      message = { key: done };
      acceptComment = '';
      return true;
    } catch (error) {
      if (isApiError(error, 401)) return false;
      problem = isApiError(error, 412) ? new ApiError({ status: 412, title: t('contracts.staleTitle'), detail: t('contracts.stale') }) : error;
      if (isApiError(error, 412)) state = await loadable(() => getContract(contractId));
      return false;
    } finally {
      busy = false;
      update();
      focusLater('#actions-heading');
    }
  }

  // Counter-proposals and amendments

  function openEditor(detail: ContractDetail): void {
    const latest = detail.versions[detail.versions.length - 1]!;
    editor = { draft: draftFrom(latest.terms), errors: noErrors, problem: null, competences: loading };
    form = null;
    update();
    focusLater('#terms-editor-heading');
    void loadEditorCompetences(detail, latest);
  }

  async function loadEditorCompetences(detail: ContractDetail, latest: ContractVersion): Promise<void> {
    if (!editor) return;
    const me = session().me;
    const target = editor;
    target.competences = await loadable(async () => {
      const profile = me && detail.contract.personId === me.person.id ? me.competences : (await listPersonCompetences(detail.contract.personId)).items;
      const known = new Set(profile.map((c) => c.skillId));
      // Competences already agreed stay offered even if the profile can no longer be read.
      return [...profile.map((c) => ({ skillId: c.skillId, label: c.label })), ...latest.terms.competences.filter((c) => !known.has(c.skillId))];
    });
    update();
  }

  function editorView(detail: ContractDetail, e: Editor): TemplateResult {
    const amendment = !detail.contract.pendingVersion;
    const heading = t(amendment ? 'contracts.amendHeading' : 'contracts.counterHeading');
    return html`<section aria-labelledby="terms-editor-heading">
      <h2 id="terms-editor-heading" tabindex="-1">${heading}</h2>
      ${whenLoaded(e.competences, (competences) =>
        termsForm({
          id: 'edit-terms',
          legend: heading,
          draft: e.draft,
          competences,
          errors: e.errors,
          problem: e.problem,
          submitLabel: t(amendment ? 'contracts.submitAmendment' : 'contracts.submitCounter'),
          busy,
          onSubmit: (event) => void submitTerms(event, detail, e),
          onCancel: () => {
            editor = null;
            update();
            focusLater('#actions-heading');
          },
          update,
        }),
      )}
    </section>`;
  }

  async function submitTerms(event: SubmitEvent, detail: ContractDetail, e: Editor): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const result = termsFromDraft(e.draft);
    e.problem = null;
    if ('errors' in result) {
      e.errors = result.errors;
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    busy = true;
    update();
    try {
      state = { status: 'ready', data: await proposeTerms(contractId, detail.contract.latestVersion, { terms: result.terms, comment: e.draft.comment.trim() || undefined, party: party(detail) }) };
      editor = null;
      message = { key: 'contracts.proposed' };
      focusLater('#actions-heading');
    } catch (error) {
      if (isApiError(error, 401)) return;
      e.errors = termsErrorsFrom(error);
      e.problem = isApiError(error, 412) ? new ApiError({ status: 412, title: t('contracts.staleTitle'), detail: t('contracts.stale') }) : error;
    } finally {
      busy = false;
      update();
    }
  }

  // Documents, versions, history

  function documents(detail: ContractDetail): TemplateResult {
    const version = detail.contract.inForceVersion;
    if (!version) return html``;
    return html`<section aria-labelledby="documents-heading">
      <h2 id="documents-heading">${t('contracts.documents')}</h2>
      <ul>
        <li><a href=${documentHref(contractId, 'pdf')} target="_blank" rel="noopener">${t('contracts.documentPdf', { n: version })}</a></li>
        <li><a href=${documentHref(contractId, 'json')} target="_blank" rel="noopener">${t('contracts.documentJson', { n: version })}</a></li>
      </ul>
    </section>`;
  }

  function versionsView(detail: ContractDetail): TemplateResult {
    const rows: [string, (v: ContractVersion) => string][] = [
      [t('contracts.period'), (v) => periodLabel(v.terms.periodStart, v.terms.periodEnd)],
      [t('contracts.yearlyHours'), (v) => hoursText(v.terms.yearlyMinutes)],
      [t('terms.weeklyHours'), (v) => hoursText(v.terms.schedule.weeklyAllowanceMinutes)],
      [t('terms.blocks'), (v) => v.terms.schedule.blocks.map((b) => `${formatDate(b.startDate)} – ${formatDate(b.endDate)}: ${hoursText(b.minutes)}${b.label ? ` (${b.label})` : ''}`).join('; ') || '—'],
      [t('terms.blackouts'), (v) => v.terms.schedule.blackouts.map((b) => `${formatDate(b.startDate)} – ${formatDate(b.endDate)}${b.reason ? ` (${b.reason})` : ''}`).join('; ') || '—'],
      [t('terms.competences'), (v) => v.terms.competences.map((c) => c.label).join(', ') || '—'],
      [t('terms.comment'), (v) => v.comment || '—'],
      [t('contracts.acceptedBy'), (v) => v.acceptances.map((a) => `${partyLabel(a.party)}: ${a.acceptedByName}`).join('; ') || '—'],
    ];
    const versions = detail.versions;
    return html`<section aria-labelledby="versions-heading">
      <h2 id="versions-heading">${t('contracts.versions')}</h2>
      <div class="table-wrap">
        <table class="versions">
          <thead>
            <tr>
              <td></td>
              ${versions.map(
                (v) => html`<th scope="col">
                  ${t('contracts.versionN', { n: v.version })}${v.amendment ? html` <span class="tag">${t('contracts.amendmentTag')}</span>` : nothing}
                  <span class="block">${t('contracts.proposedBy', { name: v.proposedByName, party: partyLabel(v.proposedByParty) })}</span>
                  <span class="block">${formatDate(v.proposedAt)}</span>
                  ${v.version === detail.contract.inForceVersion ? html`<span class="tag">${t('contracts.inForceTag')}</span>` : nothing}
                  ${v.version === detail.contract.pendingVersion ? html`<span class="tag">${t('contracts.pendingTag')}</span>` : nothing}
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              ([label, text]) => html`<tr>
                <th scope="row">${label}</th>
                ${versions.map((v, i) => {
                  const value = text(v);
                  const changed = i > 0 && value !== text(versions[i - 1]!);
                  return html`<td class=${changed ? 'changed' : ''}>${value}${changed ? html`<span class="visually-hidden"> ${t('contracts.changed')}</span>` : nothing}</td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  function historyView(detail: ContractDetail): TemplateResult {
    return html`<section aria-labelledby="history-heading">
      <h2 id="history-heading">${t('contracts.history')}</h2>
      <ol class="history">
        ${detail.history.map(
          (s) => html`<li>
            <time datetime=${s.at}>${formatDate(s.at)}</time> —
            ${t(`step.${s.step}` as never, { name: s.actorName, party: s.party ? partyLabel(s.party) : '', n: s.version ?? '' })}
            ${s.comment ? html`<q>${s.comment}</q>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  // SAR holidays

  function holidaysView(detail: ContractDetail): TemplateResult {
    const mine = detail.callerParties;
    const person = mine.includes('person');
    return html`<section aria-labelledby="holidays" id="holidays-section">
      <h2 id="holidays" tabindex="-1">${t('holidays.heading')}</h2>
      <p class="hint">${t('holidays.intro')}</p>
      ${detail.holidays.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('holidays.project')}</th>
                  <th scope="col">${t('holidays.dates')}</th>
                  <th scope="col">${t('holidays.hours')}</th>
                  <th scope="col">${t('contracts.status')}</th>
                  <th scope="col"><span class="visually-hidden">${t('common.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${detail.holidays.map((h) => html`<tr>
                  <th scope="row">${h.projectTitle}</th>
                  <td>${formatDate(h.startDate)} – ${formatDate(h.endDate)}</td>
                  <td>${hoursText(h.minutes)}</td>
                  <td>${holidaysStatusLabel(h.status)}${h.decisionComment ? html` <q>${h.decisionComment}</q>` : nothing}</td>
                  <td><div class="actions">${holidaysActions(detail, h)}</div></td>
                </tr>`)}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${t('holidays.none')}</p>`}
      ${person && detail.contract.status === 'signed' ? holidaysForm() : nothing}
    </section>`;
  }

  function holidaysActions(detail: ContractDetail, h: Holidays): TemplateResult[] {
    const mine = detail.callerParties;
    const employee = detail.contract.kind === 'employee';
    const waitingForOffice = h.status === 'employer_agreed' || (h.status === 'requested' && !employee);
    const buttons: [HolidaysDecision, string][] = [];
    if (mine.includes('employer') && h.status === 'requested' && employee) buttons.push(['agreement', 'holidays.agree'], ['refusal', 'holidays.refuse']);
    if (mine.includes('office') && waitingForOffice) buttons.push(['approval', 'holidays.approve'], ['refusal', 'holidays.refuse']);
    if (mine.includes('person') && (h.status === 'requested' || h.status === 'employer_agreed')) buttons.push(['cancellation', 'holidays.cancel']);
    return [...new Map(buttons.map((b) => [b[0], b])).values()].map(
      ([decision, label]) => html`<button type="button" @click=${() => decide(h, decision)}>${t(label as never)}<span class="visually-hidden"> ${h.projectTitle}</span></button>`,
    );
  }

  async function decide(h: Holidays, decision: HolidaysDecision): Promise<void> {
    if (busy) return;
    busy = true;
    holidaysProblem = null;
    message = null;
    update();
    try {
      await decideHolidays(h.id, decision, h.version);
      state = await loadable(() => getContract(contractId));
      message = { key: `holidays.${decision}Done` as Message['key'] };
    } catch (error) {
      if (isApiError(error, 401)) return;
      holidaysProblem = error;
      state = await loadable(() => getContract(contractId));
    } finally {
      busy = false;
      update();
    }
  }

  async function loadProjects(): Promise<void> {
    const me = session().me;
    projects = await loadable(async () =>
      (await listMyProjects()).items.filter((p) => HOLIDAY_KINDS.includes(p.kind) && LIVE_PROJECT.includes(p.status) && p.coordinatorId === me?.person.id),
    );
    update();
  }

  function holidaysForm(): TemplateResult {
    const d = holidaysDraft;
    const errors = holidaysErrors;
    const date = (key: 'startDate' | 'endDate', label: string) =>
      field({ id: `holidays-${key}`, label, errors: errors.fields[key] }, (a) =>
        html`<input id=${a.id} type="date" .value=${d[key]} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (d[key] = (e.target as HTMLInputElement).value)} />`,
      );
    return html`<form class="stack" aria-label=${t('holidays.request')} novalidate @submit=${submitHolidays}>
      <h3>${t('holidays.request')}</h3>
      ${holidaysProblem ? problemAlert(holidaysProblem, errors.unattached) : nothing}
      ${field({ id: 'holidays-project', label: t('holidays.project'), hint: t('holidays.projectHint'), errors: errors.fields.projectId }, (a) =>
        projects?.status === 'ready' && projects.data.length
          ? html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${(e: Event) => (d.projectId = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!d.projectId}>—</option>
              ${projects.data.map((p) => html`<option value=${p.id} ?selected=${p.id === d.projectId}>${p.title}</option>`)}
            </select>`
          : html`<p id=${a.id} class="muted">${t('holidays.noProjects')}</p>`,
      )}
      <div class="row">${date('startDate', t('holidays.startDate'))} ${date('endDate', t('holidays.endDate'))}</div>
      ${field({ id: 'holidays-hours', label: t('holidays.hours'), hint: t('terms.hoursHint'), errors: errors.fields.minutes }, (a) =>
        html`<input id=${a.id} type="text" inputmode="decimal" .value=${d.hours} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (d.hours = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field({ id: 'holidays-comment', label: t('terms.comment'), errors: errors.fields.comment }, (a) =>
        html`<input id=${a.id} type="text" maxlength="1000" .value=${d.comment} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (d.comment = (e.target as HTMLInputElement).value)} />`,
      )}
      <div class="actions"><button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t('holidays.submit')}</button></div>
    </form>`;
  }

  async function submitHolidays(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const d = holidaysDraft;
    const minutes = minutesFromHours(d.hours);
    const fields: FormErrors['fields'] = {};
    if (!d.projectId) fields.projectId = [t('holidays.projectRequired')];
    if (minutes === null) fields.minutes = [t('terms.hoursInvalid')];
    holidaysErrors = { fields, unattached: [] };
    holidaysProblem = null;
    if (Object.keys(fields).length) {
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    busy = true;
    update();
    try {
      await requestHolidays(contractId, { projectId: d.projectId, startDate: d.startDate, endDate: d.endDate, minutes: minutes!, comment: d.comment.trim() || undefined }, crypto.randomUUID());
      holidaysDraft = { projectId: '', startDate: '', endDate: '', hours: '', comment: '' };
      state = await loadable(() => getContract(contractId));
      message = { key: 'holidays.requested' };
    } catch (error) {
      if (isApiError(error, 401)) return;
      holidaysErrors = formErrorsFrom(error, ['projectId', 'startDate', 'endDate', 'minutes', 'comment']);
      holidaysProblem = error;
    } finally {
      busy = false;
      update();
    }
  }

  return page;
};
