// The validation queue of a coordinator or co-manager: other people's hours on their projects,
// approved one by one or many at once, or rejected with a reason.
import './timesheets.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { hoursText } from '../../hours';
import { formatDate, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { approveEntries, approveEntry, listQueue, rejectEntry, type TimeEntry } from '../../services/timesheets';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';

export const validationPage: PageFactory = ({ update }) => {
  let queue: Loadable<TimeEntry[]> = loading;
  let selected = new Set<string>();
  /** The entry whose rejection reason is being written, and the reason so far. */
  let rejecting: { id: string; reason: string } | null = null;
  let message: Message | null = null;
  let problem: unknown = null;
  let busy = false;

  async function read(): Promise<TimeEntry[]> {
    const entries: TimeEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = await listQueue(cursor);
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }

  async function reload(): Promise<void> {
    queue = await loadable(read);
    if (queue.status === 'ready') {
      const ids = new Set(queue.data.map((e) => e.id));
      selected = new Set([...selected].filter((id) => ids.has(id)));
    }
    update();
  }

  const page: Page = {
    title: () => t('validation.title'),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) queue = next;
    },

    view: () => html`
      <p>${t('validation.intro')}</p>
      ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
      ${whenLoaded(queue, (entries) => (entries.length ? table(entries) : html`<p class="notice">${t('validation.empty')}</p>`))}
    `,
  };

  const who = (e: TimeEntry) => ({ person: e.personName, date: formatDate(e.date) });

  function table(entries: TimeEntry[]): TemplateResult {
    const all = entries.every((e) => selected.has(e.id));
    return html`
      <div class="actions">
        <button type="button" class="primary" aria-disabled=${busy || selected.size === 0 ? 'true' : 'false'} @click=${() => approveSelected(entries)}>
          ${t('validation.approveSelected', { count: selected.size })}
        </button>
      </div>
      <div class="table-wrap">
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label=${t('validation.selectAll')} .checked=${all} @change=${(e: Event) => selectAll(entries, (e.target as HTMLInputElement).checked)} />
              </th>
              <th scope="col">${t('validation.person')}</th>
              <th scope="col">${t('validation.project')}</th>
              <th scope="col">${t('validation.date')}</th>
              <th scope="col">${t('validation.hours')}</th>
              <th scope="col">${t('validation.note')}</th>
              <th scope="col">${t('validation.decision')}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map((e) => row(e))}
          </tbody>
        </table>
      </div>
    `;
  }

  function row(e: TimeEntry): TemplateResult {
    const names = who(e);
    return html`<tr class=${selected.has(e.id) ? 'selected' : ''} data-entry=${e.id}>
      <td><input type="checkbox" aria-label=${t('validation.select', names)} .checked=${selected.has(e.id)} @change=${(ev: Event) => select(e, (ev.target as HTMLInputElement).checked)} /></td>
      <th scope="row">${e.personName}</th>
      <td>${e.projectTitle}</td>
      <td>${formatDate(e.date)}${e.carriedFrom ? html`<span class="block muted">${t('hours.carried', { month: e.carriedFrom })}</span>` : nothing}</td>
      <td>${hoursText(e.minutes)}</td>
      <td>${e.note}</td>
      <td>
        ${rejecting?.id === e.id
          ? html`<form class="reject-form" @submit=${(ev: SubmitEvent) => reject(ev, e)}>
              <div class="field">
                <label for=${`reason-${e.id}`}>${t('validation.reason', names)}</label>
                <input id=${`reason-${e.id}`} type="text" maxlength="1000" .value=${rejecting.reason} @input=${(ev: Event) => (rejecting!.reason = (ev.target as HTMLInputElement).value)} />
              </div>
              <button type="submit" class="danger" aria-disabled=${busy ? 'true' : 'false'}>${t('validation.confirmReject')}</button>
              <button type="button" @click=${() => ((rejecting = null), update())}>${t('common.cancel')}</button>
            </form>`
          : html`<span class="actions">
              <button type="button" aria-label=${t('validation.approveLabel', names)} aria-disabled=${busy ? 'true' : 'false'} @click=${() => approveOne(e)}>${t('validation.approve')}</button>
              <button type="button" aria-label=${t('validation.rejectLabel', names)} @click=${() => openReject(e)}>${t('validation.reject')}</button>
            </span>`}
      </td>
    </tr>`;
  }

  function select(e: TimeEntry, on: boolean): void {
    if (on) selected.add(e.id);
    else selected.delete(e.id);
    update();
  }

  function selectAll(entries: TimeEntry[], on: boolean): void {
    selected = on ? new Set(entries.map((e) => e.id)) : new Set();
    update();
  }

  function openReject(e: TimeEntry): void {
    rejecting = { id: e.id, reason: '' };
    update();
    focusLater(`#reason-${e.id}`);
  }

  /** Runs a decision, then shows its outcome and the queue as it now is. */
  async function decide(work: () => Promise<Message>): Promise<void> {
    if (busy) return;
    busy = true;
    problem = null;
    message = null;
    update();
    try {
      message = await work();
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    } finally {
      busy = false;
      await reload();
    }
  }

  const approveOne = (e: TimeEntry) =>
    decide(async () => {
      await approveEntry(e);
      selected.delete(e.id);
      return { key: 'validation.approved', params: who(e) };
    });

  const approveSelected = (entries: TimeEntry[]) =>
    decide(async () => {
      const chosen = entries.filter((e) => selected.has(e.id));
      if (chosen.length === 0) return { key: 'validation.noneSelected' };
      await approveEntries(chosen);
      selected = new Set();
      return { key: 'validation.approvedMany', params: { count: chosen.length } };
    });

  function reject(event: SubmitEvent, e: TimeEntry): Promise<void> {
    event.preventDefault();
    const reason = rejecting?.reason.trim() ?? '';
    return decide(async () => {
      await rejectEntry(e, reason);
      rejecting = null;
      selected.delete(e.id);
      return { key: 'validation.rejected', params: who(e) };
    });
  }

  return page;
};
