// My hours: a week of my entries day by day, my contract's balance bar, and the quick entry form
// that logs hours (or changes a pending entry, or corrects a rejected one).
import './timesheets.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { addDays, mondayOf, today } from '../../dates';
import { hoursText } from '../../hours';
import { formatDate, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { listInbox, type SarContract } from '../../services/contracts';
import { listMyProjects } from '../../services/programs';
import { getBalance, listMyEntries, withdrawEntry, type Balance, type TimeEntry } from '../../services/timesheets';
import { statusLine } from '../../ui/feedback';
import { figure } from '../../ui/figures';
import { focusLater } from '../../ui/focus';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { covers, entryForm, type EntryChoices } from './entry-form';
import { dayLabel, entryStatusTag } from './shared';

interface Week extends EntryChoices {
  entries: TimeEntry[];
  balance: Balance | null;
}

const OPEN_PROJECTS = ['approved', 'active'];

/** Contracts under which I log hours: mine, signed at least once. */
const loggable = (contract: SarContract) =>
  contract.inForceVersion !== null && ['signed', 'suspended', 'terminated'].includes(contract.status);

/** What a day allows: its hours, or that it is a blackout, or nothing outside the contract. */
function allowed(day: Balance['week']['days'][number] | undefined): string {
  if (!day || day.dayKind === 'outside') return '—';
  return day.dayKind === 'blackout' ? t('hours.blackout') : hoursText(day.allowedMinutes);
}

export const hoursPage: PageFactory = ({ update }) => {
  const requested = new URLSearchParams(location.search).get('week');
  let monday = mondayOf(requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : today());
  const week = resource(read, update);
  const status = statusLine();
  const form = entryForm(update, status, () => week.reload(), monday, addDays(monday, 6));
  // A withdrawal refused (the entry was decided meanwhile) shows the week as it now is.
  const withdrawing = submission(update, { status, onFailure: () => week.reload() });

  async function read(): Promise<Week> {
    const sunday = addDays(monday, 6);
    const [inbox, projects, entries] = await Promise.all([listInbox(), listMyProjects(), listMyEntries(monday, sunday)]);
    const contracts = inbox.items.filter((i) => i.callerParties.includes('person') && loggable(i.contract)).map((i) => i.contract);
    const current = contracts.find((c) => covers(c, monday) || covers(c, sunday));
    const balance = current ? await getBalance(current.id, monday) : null;
    return { contracts, projects: projects.items.filter((p) => OPEN_PROJECTS.includes(p.status)), entries: entries.items, balance };
  }

  const page: Page = {
    title: () => t('hours.title'),
    load: (signal) => week.load(signal),
    view: () => html`
      <p>${t('hours.intro')}</p>
      ${status.view()}
      ${week.view((w) =>
        w.contracts.length === 0
          ? html`<p class="notice">${t('hours.noContract')} <a href="/contracts">${t('hours.toContracts')}</a></p>`
          : html`${balanceBar(w.balance)} ${weekTable(w)} ${form.view(w)}`,
      )}
    `,
  };

  function balanceBar(b: Balance | null): TemplateResult {
    if (!b) return html`<p class="notice">${t('hours.noContractThisWeek')}</p>`;
    const used = b.approvedMinutes + b.pendingMinutes;
    const weekBar = t('hours.weekBar', { used: hoursText(b.week.usedMinutes), allowed: hoursText(b.week.allowedMinutes) });
    return html`<section aria-labelledby="balance-heading" class="balance">
      <h2 id="balance-heading">${t('hours.balance')}</h2>
      <div class="figures">
        ${figure(t('hours.yearly'), hoursText(b.yearlyMinutes))} ${figure(t('hours.approved'), hoursText(b.approvedMinutes))}
        ${figure(t('hours.pending'), hoursText(b.pendingMinutes))} ${figure(t('hours.remaining'), hoursText(b.remainingMinutes))}
      </div>
      <label for="balance-year">${t('hours.yearBar', { used: hoursText(used), yearly: hoursText(b.yearlyMinutes) })}</label>
      <meter id="balance-year" min="0" max=${Math.max(1, b.yearlyMinutes)} value=${used}></meter>
      <label for="balance-week">${weekBar}</label>
      <meter id="balance-week" min="0" max=${Math.max(1, b.week.allowedMinutes)} value=${b.week.usedMinutes}></meter>
    </section>`;
  }

  function weekTable(w: Week): TemplateResult {
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    return html`<section aria-labelledby="week-heading">
      <h2 id="week-heading" tabindex="-1">${t('hours.week', { date: formatDate(monday) })}</h2>
      <div class="actions">
        <button type="button" @click=${() => go(-7)}>${t('hours.previousWeek')}</button>
        <button type="button" @click=${() => go(7)} aria-disabled=${addDays(monday, 7) > today() ? 'true' : 'false'}>
          ${t('hours.nextWeek')}
        </button>
      </div>
      ${withdrawing.alert()}
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
                <td>${allowed(allowance)}</td>
                <td>
                  ${
                    entries.length
                      ? html`<ul class="entries">
                          ${entries.map((e) => entryItem(e, w))}
                        </ul>`
                      : nothing
                  }
                </td>
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
      ${
        e.status === 'rejected' && e.rejectionReason
          ? html`<span class="block">${t('hours.rejectedBecause', { reason: e.rejectionReason })}</span>`
          : nothing
      }
      ${e.carriedFrom ? html`<span class="block muted">${t('hours.carried', { month: e.carriedFrom })}</span>` : nothing}
      ${
        changeable
          ? html`<span class="actions">
              <button
                type="button"
                aria-label=${t(e.status === 'rejected' ? 'hours.correctLabel' : 'hours.changeLabel', { date: when })}
                @click=${() => form.edit(e, w)}
              >
                ${t(e.status === 'rejected' ? 'hours.correct' : 'hours.change')}
              </button>
              ${withdrawing.action(t('hours.withdraw'), () => withdraw(e), { ariaLabel: t('hours.withdrawLabel', { date: when }) })}
            </span>`
          : nothing
      }
    </li>`;
  }

  async function withdraw(e: TimeEntry): Promise<void> {
    await withdrawEntry(e);
    status.say('hours.withdrawn');
    await week.reload();
  }

  function go(days: number): void {
    const next = addDays(monday, days);
    if (days > 0 && next > today()) return;
    monday = next;
    history.replaceState(null, '', `/hours?week=${monday}`);
    status.clear();
    form.moveTo(monday, addDays(monday, 6));
    void week.reload({ fresh: true }).then(() => focusLater('#week-heading'));
  }

  return page;
};
