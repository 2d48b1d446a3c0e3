// The validation queue of a coordinator or co-manager: other people's hours on their projects,
// approved one by one or many at once, or rejected with a reason.
import './timesheets.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { formatDate, t, type MessageKey } from '../../i18n';
import type { Params } from '../../i18n/format';
import type { Page, PageFactory } from '../../router';
import { approveEntries, approveEntry, listQueue, rejectEntry, type TimeEntry } from '../../services/timesheets';
import { statusLine } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';

export const validationPage: PageFactory = ({ update }) => {
  let selected = new Set<string>();
  /** The entry whose rejection reason is being written, and the reason so far. */
  let rejecting: { id: string; reason: string } | null = null;
  const queue = resource(async () => {
    const entries: TimeEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = await listQueue(cursor);
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const ids = new Set(entries.map((e) => e.id));
    selected = new Set([...selected].filter((id) => ids.has(id)));
    return entries;
  }, update);
  const status = statusLine();
  // Whatever a decision answered, the queue is read again: someone else may have decided meanwhile.
  const deciding = submission(update, { status, onFailure: () => queue.reload() });

  const page: Page = {
    title: () => t('validation.title'),
    load: (signal) => queue.load(signal),
    view: () => html`
      <p>${t('validation.intro')}</p>
      ${status.view()} ${deciding.alert()}
      ${queue.view((entries) => (entries.length ? table(entries) : html`<p class="notice">${t('validation.empty')}</p>`))}
    `,
  };

  const who = (e: TimeEntry) => ({ person: e.personName, date: formatDate(e.date) });

  /** A decision, then its outcome said and the queue as it now is. */
  const decide = (work: () => Promise<void>, done: () => [MessageKey, Params?]) => async () => {
    await work();
    status.say(...done());
    await queue.reload();
  };

  function table(entries: TimeEntry[]): TemplateResult {
    const all = entries.every((e) => selected.has(e.id));
    return html`
      <div class="actions">
        ${deciding.action(t('validation.approveSelected', { count: selected.size }), approveSelected(entries), {
          kind: 'primary',
          unavailable: selected.size === 0,
        })}
      </div>
      ${dataTable({
        className: 'queue',
        columns: [
          {
            label: html`<input
              type="checkbox"
              aria-label=${t('validation.selectAll')}
              .checked=${all}
              @change=${(e: Event) => selectAll(entries, (e.target as HTMLInputElement).checked)}
            />`,
          },
          t('validation.person'),
          t('validation.project'),
          t('validation.date'),
          t('validation.hours'),
          t('validation.note'),
          t('validation.decision'),
        ],
        rows: entries.map(row),
      })}
    `;
  }

  function row(e: TimeEntry): TemplateResult {
    const names = who(e);
    return html`<tr class=${selected.has(e.id) ? 'selected' : ''} data-entry=${e.id}>
      <td>
        <input
          type="checkbox"
          aria-label=${t('validation.select', names)}
          .checked=${selected.has(e.id)}
          @change=${(ev: Event) => select(e, (ev.target as HTMLInputElement).checked)}
        />
      </td>
      <th scope="row">${e.personName}</th>
      <td>${e.projectTitle}</td>
      <td>
        ${formatDate(e.date)}${
          e.carriedFrom ? html`<span class="block muted">${t('hours.carried', { month: e.carriedFrom })}</span>` : nothing
        }
      </td>
      <td>${hoursText(e.minutes)}</td>
      <td>${e.note}</td>
      <td>${rejecting?.id === e.id ? rejectForm(e, rejecting) : decisionButtons(e)}</td>
    </tr>`;
  }

  function decisionButtons(e: TimeEntry): TemplateResult {
    const names = who(e);
    const approve = decide(
      async () => {
        await approveEntry(e);
        selected.delete(e.id);
      },
      () => ['validation.approved', names],
    );
    return html`<span class="actions">
      ${deciding.action(t('validation.approve'), approve, { ariaLabel: t('validation.approveLabel', names) })}
      <button type="button" aria-label=${t('validation.rejectLabel', names)} @click=${() => openReject(e)}>
        ${t('validation.reject')}
      </button>
    </span>`;
  }

  function rejectForm(e: TimeEntry, draft: { reason: string }): TemplateResult {
    const reject = decide(
      async () => {
        await rejectEntry(e, draft.reason.trim());
        rejecting = null;
        selected.delete(e.id);
      },
      () => ['validation.rejected', who(e)],
    );
    return deciding.form(
      { className: 'reject-form', send: reject, alert: false },
      html`<div class="field">
          <label for=${`reason-${e.id}`}>${t('validation.reason', who(e))}</label>
          <input
            id=${`reason-${e.id}`}
            type="text"
            maxlength="1000"
            .value=${draft.reason}
            @input=${(ev: Event) => (draft.reason = (ev.target as HTMLInputElement).value)}
          />
        </div>
        ${deciding.button(t('validation.confirmReject'), 'danger')}
        <button type="button" @click=${() => ((rejecting = null), update())}>${t('common.cancel')}</button>`,
    );
  }

  function approveSelected(entries: TimeEntry[]): () => Promise<void> {
    let count = 0;
    return decide(
      async () => {
        const chosen = entries.filter((e) => selected.has(e.id));
        count = chosen.length;
        if (count === 0) return;
        await approveEntries(chosen);
        selected = new Set();
      },
      () => (count === 0 ? ['validation.noneSelected'] : ['validation.approvedMany', { count }]),
    );
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

  return page;
};
