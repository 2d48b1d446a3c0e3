// The negotiation inbox: every contract the person is a party to (their own, for their employer,
// for their office), those waiting for them first, and the SAR holidays waiting for their decision.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { formatDate, t } from '../../i18n';
import { hoursText } from '../../hours';
import type { Page, PageFactory } from '../../router';
import { listHolidaysWaiting, listInbox, type Holidays, type InboxItem } from '../../services/contracts';
import { problemAlert } from '../../ui/feedback';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { contractStatusLabel, partiesLabel, periodLabel } from './labels';

interface Inbox {
  items: InboxItem[];
  nextCursor: string | null;
  holidays: Holidays[];
}

export const contractsInboxPage: PageFactory = ({ update }) => {
  let state: Loadable<Inbox> = loading;
  let loadingMore = false;
  let problem: unknown = null;

  const page: Page = {
    title: () => t('contracts.inboxTitle'),

    async load(signal) {
      const next = await loadable(async (): Promise<Inbox> => {
        const [inbox, holidays] = await Promise.all([listInbox(), listHolidaysWaiting()]);
        return { ...inbox, holidays: holidays.items };
      });
      if (!signal.aborted) state = next;
    },

    view: () => html`
      <p>${t('contracts.inboxIntro')}</p>
      <p><a class="button primary" href="/contracts/new">${t('contracts.proposeLink')}</a></p>
      ${problem ? problemAlert(problem) : nothing}
      ${whenLoaded(state, (inbox) => {
        const waiting = inbox.items.filter((i) => i.awaitingYou || i.holidaysAwaitingYou > 0);
        const negotiating = inbox.items.filter((i) => !waiting.includes(i) && i.contract.pendingVersion !== null);
        const others = inbox.items.filter((i) => !waiting.includes(i) && !negotiating.includes(i));
        return html`
          ${section('inbox-waiting', t('contracts.waitingForYou'), waiting, t('contracts.nothingWaiting'))}
          ${section('inbox-negotiating', t('contracts.inNegotiation'), negotiating, t('contracts.noneNegotiating'))}
          ${section('inbox-others', t('contracts.allContracts'), others, t('contracts.noContracts'))}
          ${inbox.nextCursor
            ? html`<p><button type="button" aria-disabled=${loadingMore ? 'true' : 'false'} @click=${loadMore}>${t('contracts.more')}</button></p>`
            : nothing}
          ${holidaysSection(inbox.holidays, inbox.items)}
        `;
      })}
    `,
  };

  function section(id: string, heading: string, items: InboxItem[], empty: string): TemplateResult {
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${heading}</h2>
      ${items.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('contracts.person')}</th>
                  <th scope="col">${t('contracts.youActAs')}</th>
                  <th scope="col">${t('contracts.period')}</th>
                  <th scope="col">${t('contracts.yearlyHours')}</th>
                  <th scope="col">${t('contracts.status')}</th>
                  <th scope="col">${t('contracts.waitingFor')}</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  ({ contract, callerParties, awaiting }) => html`<tr>
                    <th scope="row"><a href="/contracts/${encodeURIComponent(contract.id)}">${contract.personName}</a></th>
                    <td>${partiesLabel(callerParties)}</td>
                    <td>${periodLabel(contract.terms.periodStart, contract.terms.periodEnd)}</td>
                    <td>${hoursText(contract.terms.yearlyMinutes)}</td>
                    <td>${contractStatusLabel(contract.status)}${contract.pendingVersion ? html` <span class="tag">${t('contracts.versionN', { n: contract.pendingVersion })}</span>` : nothing}</td>
                    <td>${awaiting.length ? partiesLabel(awaiting) : '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${empty}</p>`}
    </section>`;
  }

  function holidaysSection(holidays: Holidays[], items: InboxItem[]): TemplateResult {
    if (!holidays.length) return html``;
    const personOf = (contractId: string) => items.find((i) => i.contract.id === contractId)?.contract.personName ?? '';
    return html`<section aria-labelledby="inbox-holidays">
      <h2 id="inbox-holidays">${t('holidays.waitingForYou')}</h2>
      <ul>
        ${holidays.map(
          (h) => html`<li>
            <a href="/contracts/${encodeURIComponent(h.contractId)}#holidays">${personOf(h.contractId) || h.projectTitle}</a>:
            ${h.projectTitle}, ${formatDate(h.startDate)} – ${formatDate(h.endDate)} (${hoursText(h.minutes)})
          </li>`,
        )}
      </ul>
    </section>`;
  }

  async function loadMore(): Promise<void> {
    if (state.status !== 'ready' || !state.data.nextCursor || loadingMore) return;
    loadingMore = true;
    problem = null;
    update();
    try {
      const more = await listInbox(state.data.nextCursor);
      if (state.status === 'ready') state = { status: 'ready', data: { ...state.data, items: [...state.data.items, ...more.items], nextCursor: more.nextCursor } };
    } catch (error) {
      if (!isApiError(error, 401)) problem = error;
    } finally {
      loadingMore = false;
    }
    update();
  }

  return page;
};
