// The negotiation inbox: every contract the person is a party to (their own, for their employer,
// for their office), those waiting for them first, and the SAR holidays waiting for their decision.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, t } from '../../i18n';
import { hoursText } from '../../hours';
import type { Page, PageFactory } from '../../router';
import { listHolidaysWaiting, listInbox, type Holidays, type InboxItem } from '../../services/contracts';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';
import { contractStatusLabel, partiesLabel, periodLabel } from './labels';

interface Inbox {
  items: InboxItem[];
  nextCursor: string | null;
  holidays: Holidays[];
}

export const contractsInboxPage: PageFactory = ({ update }) => {
  const inbox = resource(async (): Promise<Inbox> => {
    const [contracts, holidays] = await Promise.all([listInbox(), listHolidaysWaiting()]);
    return { ...contracts, holidays: holidays.items };
  }, update);
  const more = submission(update);

  const page: Page = {
    title: () => t('contracts.inboxTitle'),
    load: (signal) => inbox.load(signal),
    view: () => html`
      <p>${t('contracts.inboxIntro')}</p>
      <p><a class="button primary" href="/contracts/new">${t('contracts.proposeLink')}</a></p>
      ${more.alert()}
      ${inbox.view((data) => {
        const waiting = data.items.filter((i) => i.awaitingYou || i.holidaysAwaitingYou > 0);
        const negotiating = data.items.filter((i) => !waiting.includes(i) && i.contract.pendingVersion !== null);
        const others = data.items.filter((i) => !waiting.includes(i) && !negotiating.includes(i));
        return html`
          ${section('inbox-waiting', t('contracts.waitingForYou'), waiting, t('contracts.nothingWaiting'))}
          ${section('inbox-negotiating', t('contracts.inNegotiation'), negotiating, t('contracts.noneNegotiating'))}
          ${section('inbox-others', t('contracts.allContracts'), others, t('contracts.noContracts'))}
          ${data.nextCursor ? html`<p>${more.action(t('contracts.more'), () => loadMore(data, data.nextCursor!))}</p>` : nothing}
          ${holidaysSection(data.holidays, data.items)}
        `;
      })}
    `,
  };

  function section(id: string, heading: string, items: InboxItem[], empty: string): TemplateResult {
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${heading}</h2>
      ${
        items.length
          ? dataTable({
              columns: [
                t('contracts.person'),
                t('contracts.youActAs'),
                t('contracts.period'),
                t('contracts.yearlyHours'),
                t('contracts.status'),
                t('contracts.waitingFor'),
              ],
              rows: items.map(
                ({ contract, callerParties, awaiting }) =>
                  html`<tr>
                    <th scope="row"><a href="/contracts/${encodeURIComponent(contract.id)}">${contract.personName}</a></th>
                    <td>${partiesLabel(callerParties)}</td>
                    <td>${periodLabel(contract.terms.periodStart, contract.terms.periodEnd)}</td>
                    <td>${hoursText(contract.terms.yearlyMinutes)}</td>
                    <td>
                      ${contractStatusLabel(contract.status)}${
                        contract.pendingVersion
                          ? html` <span class="tag">${t('contracts.versionN', { n: contract.pendingVersion })}</span>`
                          : nothing
                      }
                    </td>
                    <td>${awaiting.length ? partiesLabel(awaiting) : '—'}</td>
                  </tr>`,
              ),
            })
          : html`<p class="muted">${empty}</p>`
      }
    </section>`;
  }

  function holidaysSection(holidays: Holidays[], items: InboxItem[]): TemplateResult {
    if (!holidays.length) return html``;
    const personOf = (contractId: string) => items.find((i) => i.contract.id === contractId)?.contract.personName ?? '';
    return html`<section aria-labelledby="inbox-holidays">
      <h2 id="inbox-holidays">${t('holidays.waitingForYou')}</h2>
      <ul>
        ${holidays.map(
          (h) =>
            html`<li>
              <a href="/contracts/${encodeURIComponent(h.contractId)}#holidays">${personOf(h.contractId) || h.projectTitle}</a>:
              ${h.projectTitle}, ${formatDate(h.startDate)} – ${formatDate(h.endDate)} (${hoursText(h.minutes)})
            </li>`,
        )}
      </ul>
    </section>`;
  }

  async function loadMore(data: Inbox, cursor: string): Promise<void> {
    const next = await listInbox(cursor);
    inbox.set({ ...data, items: [...data.items, ...next.items], nextCursor: next.nextCursor });
  }

  return page;
};
