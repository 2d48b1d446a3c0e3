// The officer's period screen: the months of a territory they act for, open or closed, with the
// hours still pending in each, and the close (carrying pending hours to the next month if asked).
import './timesheets.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { hoursText } from '../../hours';
import { formatDate, language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { closePeriod, listPeriods, type Period } from '../../services/timesheets';
import { indexTerritories, pathOf, type TerritoryIndex } from '../../territories';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { field } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { officerTerritories } from '../programs/shared';
import { monthLabel, today } from './shared';

interface Screen {
  /** The territories the person acts for as an officer, and everything below them. */
  choices: Territory[];
  index: TerritoryIndex;
}

const nextMonthOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);

export const periodsPage: PageFactory = ({ update }) => {
  const thisYear = new Date().getUTCFullYear();
  let screen: Loadable<Screen> = loading;
  let periods: Loadable<Period[]> | null = null;
  let territoryId = new URLSearchParams(location.search).get('territory') ?? '';
  let year = thisYear;
  let carry = new Set<string>();
  let message: Message | null = null;
  let problem: unknown = null;
  let busy = false;

  async function read(): Promise<Screen> {
    const me = await reloadMe();
    const index = indexTerritories((await listTerritories()).items, language());
    const below = (id: string): Territory[] => [index.byId.get(id)!, ...(index.children.get(id) ?? []).flatMap((child) => below(child.id))].filter(Boolean);
    const choices = [...new Map(officerTerritories(me).filter((id) => index.byId.has(id)).flatMap(below).map((t) => [t.id, t])).values()];
    if (!choices.some((c) => c.id === territoryId)) territoryId = (choices.find((c) => c.level === 'locality') ?? choices[0])?.id ?? '';
    return { choices, index };
  }

  async function loadPeriods(): Promise<void> {
    periods = territoryId ? loading : null;
    update();
    if (territoryId) periods = await loadable(async () => (await listPeriods(territoryId, year)).items);
    update();
  }

  const page: Page = {
    title: () => t('periods.title'),

    async load(signal) {
      const next = await loadable(read);
      if (signal.aborted) return;
      screen = next;
      if (territoryId) periods = await loadable(async () => (await listPeriods(territoryId, year)).items);
    },

    view: () =>
      whenLoaded(screen, (s) => {
        if (!s.choices.length) return html`<p class="notice">${t('periods.notOfficer')}</p>`;
        return html`
          <p>${t('periods.intro')}</p>
          <form class="row" aria-label=${t('periods.choose')} @submit=${(e: Event) => e.preventDefault()}>
            ${field({ id: 'periods-territory', label: t('periods.territory') }, (a) =>
              html`<select id=${a.id} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value, year)}>
                ${s.choices.map((c) => html`<option value=${c.id} ?selected=${c.id === territoryId}>${pathOf(s.index, c.id).filter((p) => p.level !== 'eu').map((p) => p.name).join(' › ')}</option>`)}
              </select>`,
            )}
            ${field({ id: 'periods-year', label: t('periods.year') }, (a) =>
              html`<select id=${a.id} @change=${(e: Event) => choose(territoryId, Number((e.target as HTMLSelectElement).value))}>
                ${[thisYear, thisYear - 1].map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
              </select>`,
            )}
          </form>
          ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
          ${periods ? whenLoaded(periods, table) : nothing}
        `;
      }),
  };

  function table(list: Period[]): TemplateResult {
    const currentMonth = today().slice(0, 7);
    return html`<div class="table-wrap">
      <table class="periods">
        <thead>
          <tr>
            <th scope="col">${t('periods.month')}</th>
            <th scope="col">${t('periods.status')}</th>
            <th scope="col">${t('periods.pending')}</th>
            <th scope="col">${t('periods.approved')}</th>
            <th scope="col">${t('periods.rejected')}</th>
            <th scope="col">${t('periods.close')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map((p) => {
            const name = monthLabel(p.month);
            return html`<tr data-month=${p.month}>
              <th scope="row">${name}</th>
              <td>${p.status === 'closed' ? t('periods.closedOn', { date: formatDate(p.closedAt ?? '') }) : t('periods.open')}</td>
              <td>${t('periods.count', { count: p.pendingCount, hours: hoursText(p.pendingMinutes) })}${p.carriedInCount ? html`<span class="block muted">${t('periods.carriedIn', { count: p.carriedInCount })}</span>` : nothing}</td>
              <td>${t('periods.count', { count: p.approvedCount, hours: hoursText(p.approvedMinutes) })}</td>
              <td>${p.rejectedCount}</td>
              <td>${p.status === 'open' && p.month < currentMonth ? closeControls(p, name) : p.status === 'closed' && p.carriedEntryIds.length ? t('periods.carriedOut', { count: p.carriedEntryIds.length }) : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  function closeControls(p: Period, name: string): TemplateResult {
    return html`<div class="stack">
      ${p.pendingCount
        ? html`<div class="choice">
            <input type="checkbox" id=${`carry-${p.month}`} .checked=${carry.has(p.month)} @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? carry.add(p.month) : carry.delete(p.month), update())} />
            <label for=${`carry-${p.month}`}>${t('periods.carry', { count: p.pendingCount, month: monthLabel(nextMonthOf(p.month)) })}</label>
          </div>`
        : nothing}
      <button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => close(p, name)}>${t('periods.closeMonth', { month: name })}</button>
    </div>`;
  }

  function choose(nextTerritory: string, nextYear: number): void {
    territoryId = nextTerritory;
    year = nextYear;
    message = null;
    problem = null;
    history.replaceState(null, '', `/periods?territory=${encodeURIComponent(territoryId)}`);
    void loadPeriods();
  }

  async function close(p: Period, name: string): Promise<void> {
    if (busy) return;
    busy = true;
    problem = null;
    message = null;
    update();
    try {
      await closePeriod(p.territoryId, p.month, carry.has(p.month));
      message = { key: 'periods.closed', params: { month: name } };
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    } finally {
      busy = false;
      await loadPeriods();
    }
  }

  return page;
};
