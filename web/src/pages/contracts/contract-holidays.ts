// A contract's SAR holidays: those asked for and where each stands, the decisions of the employer
// and the office, and the person's request for a block of SAR time on a project they lead.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { hoursText, minutesFromHours } from '../../hours';
import { formatDate, t, type MessageKey } from '../../i18n';
import { session } from '../../session';
import {
  decideHolidays,
  listMyProjects,
  requestHolidays,
  type ContractDetail,
  type Holidays,
  type HolidaysDecision,
} from '../../services/contracts';
import type { Component } from '../../ui/component';
import { field, inputField, withName } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { invalid, submission } from '../../ui/submit';
import { actionsColumn, dataTable } from '../../ui/table';
import type { ContractContext } from './contract';
import { holidaysStatusLabel } from './labels';

const HOLIDAY_KINDS = ['individual_initiative', 'international_solidarity'];
const LIVE_PROJECT = ['approved', 'active'];

const emptyDraft = () => ({ projectId: '', startDate: '', endDate: '', hours: '', comment: '' });

/** Only the person asks, under a signed contract. */
const mayRequest = (detail: ContractDetail) => detail.callerParties.includes('person') && detail.contract.status === 'signed';

export function contractHolidays(context: ContractContext): Component<[detail: ContractDetail]> {
  const { update } = context;
  let draft = emptyDraft();
  // The projects the person coordinates that SAR holidays may go to.
  const projects = resource(async () => {
    const me = session().me;
    const { items } = await listMyProjects();
    return items.filter((p) => HOLIDAY_KINDS.includes(p.kind) && LIVE_PROJECT.includes(p.status) && p.coordinatorId === me?.person.id);
  }, update);
  const request = submission(update, { fields: ['projectId', 'startDate', 'endDate', 'minutes', 'comment'], status: context.status });
  // A decision on a request that moved meanwhile is refused: the contract is read again to show it.
  const deciding = submission(update, { status: context.status, onFailure: context.reload });

  async function send(key: string): Promise<void> {
    const minutes = minutesFromHours(draft.hours);
    if (!draft.projectId || minutes === null) {
      throw invalid({
        ...(draft.projectId ? {} : { projectId: [t('holidays.projectRequired')] }),
        ...(minutes === null ? { minutes: [t('terms.hoursInvalid')] } : {}),
      });
    }
    const { projectId, startDate, endDate, comment } = draft;
    await requestHolidays(context.contractId, { projectId, startDate, endDate, minutes, comment: comment.trim() || undefined }, key);
    draft = emptyDraft();
    context.status.say('holidays.requested');
    await context.reload();
  }

  function decisionButtons(detail: ContractDetail, h: Holidays): TemplateResult[] {
    const mine = detail.callerParties;
    const employee = detail.contract.kind === 'employee';
    const waitingForOffice = h.status === 'employer_agreed' || (h.status === 'requested' && !employee);
    const buttons: [HolidaysDecision, MessageKey][] = [];
    if (mine.includes('employer') && h.status === 'requested' && employee)
      buttons.push(['agreement', 'holidays.agree'], ['refusal', 'holidays.refuse']);
    if (mine.includes('office') && waitingForOffice) buttons.push(['approval', 'holidays.approve'], ['refusal', 'holidays.refuse']);
    if (mine.includes('person') && (h.status === 'requested' || h.status === 'employer_agreed'))
      buttons.push(['cancellation', 'holidays.cancel']);
    return [...new Map(buttons.map((b) => [b[0], b])).values()].map(([decision, label]) =>
      deciding.action(withName(t(label), h.projectTitle), async () => {
        await decideHolidays(h.id, decision, h.version);
        context.status.say(`holidays.${decision}Done`);
        await context.reload();
      }),
    );
  }

  function requestForm(): TemplateResult {
    const date = (key: 'startDate' | 'endDate', label: string) =>
      inputField({
        id: `holidays-${key}`,
        label,
        type: 'date',
        errors: request.errorsOf(key),
        value: draft[key],
        onInput: (v) => (draft[key] = v),
      });
    const choices = projects.data ?? [];
    return request.form(
      { label: t('holidays.request'), send, heading: html`<h3>${t('holidays.request')}</h3>` },
      html`${field(
          { id: 'holidays-project', label: t('holidays.project'), hint: t('holidays.projectHint'), errors: request.errorsOf('projectId') },
          (a) =>
            choices.length
              ? html`<select
                  id=${a.id}
                  aria-invalid=${a.invalid}
                  aria-describedby=${ifDefined(a.describedBy)}
                  @change=${(e: Event) => (draft.projectId = (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!draft.projectId}>—</option>
                  ${choices.map((p) => html`<option value=${p.id} ?selected=${p.id === draft.projectId}>${p.title}</option>`)}
                </select>`
              : html`<p id=${a.id} class="muted">${t('holidays.noProjects')}</p>`,
        )}
        <div class="row">${date('startDate', t('holidays.startDate'))} ${date('endDate', t('holidays.endDate'))}</div>
        ${inputField({
          id: 'holidays-hours',
          label: t('holidays.hours'),
          hint: t('terms.hoursHint'),
          inputmode: 'decimal',
          errors: request.errorsOf('minutes'),
          value: draft.hours,
          onInput: (v) => (draft.hours = v),
        })}
        ${inputField({
          id: 'holidays-comment',
          label: t('terms.comment'),
          maxlength: 1000,
          errors: request.errorsOf('comment'),
          value: draft.comment,
          onInput: (v) => (draft.comment = v),
        })}
        <div class="actions">${request.button(t('holidays.submit'))}</div>`,
    );
  }

  return {
    async load(signal) {
      const detail = context.detail();
      if (detail && mayRequest(detail)) await projects.load(signal);
    },

    view: (detail) =>
      html`<section aria-labelledby="holidays" id="holidays-section">
        <h2 id="holidays" tabindex="-1">${t('holidays.heading')}</h2>
        <p class="hint">${t('holidays.intro')}</p>
        ${deciding.alert()}
        ${
          detail.holidays.length
            ? dataTable({
                columns: [t('holidays.project'), t('holidays.dates'), t('holidays.hours'), t('contracts.status'), actionsColumn()],
                rows: detail.holidays.map(
                  (h) =>
                    html`<tr>
                      <th scope="row">${h.projectTitle}</th>
                      <td>${formatDate(h.startDate)} – ${formatDate(h.endDate)}</td>
                      <td>${hoursText(h.minutes)}</td>
                      <td>${holidaysStatusLabel(h.status)}${h.decisionComment ? html` <q>${h.decisionComment}</q>` : nothing}</td>
                      <td><div class="actions">${decisionButtons(detail, h)}</div></td>
                    </tr>`,
                ),
              })
            : html`<p class="muted">${t('holidays.none')}</p>`
        }
        ${mayRequest(detail) ? requestForm() : nothing}
      </section>`,
  };
}
