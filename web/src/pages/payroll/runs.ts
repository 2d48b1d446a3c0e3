// The officer's issuing runs: each closed month's forms being issued, with a progress bar that
// follows the run until every person of the territory has their form.
import './payroll.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { listRuns, type IssuingRun } from '../../services/payroll';
import { indexTerritories, pathOf, type TerritoryIndex } from '../../territories';
import { field } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { officerTerritories } from '../programs/shared';
import { monthLabel } from '../timesheets/shared';

interface Screen {
  choices: Territory[];
  index: TerritoryIndex;
}

const POLL_MS = 1000;

export const issuingPage: PageFactory = ({ update }) => {
  let screen: Loadable<Screen> = loading;
  let runs: Loadable<IssuingRun[]> | null = null;
  let territoryId = new URLSearchParams(location.search).get('territory') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  async function read(): Promise<Screen> {
    const me = await reloadMe();
    const index = indexTerritories((await listTerritories()).items, language());
    const below = (id: string): Territory[] => [index.byId.get(id)!, ...(index.children.get(id) ?? []).flatMap((child) => below(child.id))].filter(Boolean);
    const choices = [...new Map(officerTerritories(me).filter((id) => index.byId.has(id)).flatMap(below).map((c) => [c.id, c])).values()];
    if (!choices.some((c) => c.id === territoryId)) territoryId = (choices.find((c) => c.level === 'locality') ?? choices[0])?.id ?? '';
    return { choices, index };
  }

  /** Reads the runs, and reads them again every second while one is running. */
  async function poll(): Promise<void> {
    clearTimeout(timer);
    if (!territoryId || disposed) return;
    runs = await loadable(async () => (await listRuns(territoryId)).items);
    update();
    // Also while none is there yet: a month just closed starts its run a moment later.
    const waiting = runs.status === 'ready' && (runs.data.length === 0 || runs.data.some((r) => r.status === 'running'));
    if (waiting && !disposed) timer = setTimeout(() => void poll(), POLL_MS);
  }

  const page: Page = {
    title: () => t('issuing.title'),
    async load(signal) {
      const next = await loadable(read);
      if (signal.aborted) return;
      screen = next;
      if (territoryId) void poll();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
    view: () =>
      whenLoaded(screen, (s) => {
        if (!s.choices.length) return html`<p class="notice">${t('issuing.notOfficer')}</p>`;
        return html`
          <p>${t('issuing.intro')}</p>
          <form class="row" @submit=${(e: Event) => e.preventDefault()}>
            ${field({ id: 'issuing-territory', label: t('issuing.territory') }, (a) =>
              html`<select id=${a.id} @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
                ${s.choices.map((c) => html`<option value=${c.id} ?selected=${c.id === territoryId}>${pathOf(s.index, c.id).filter((p) => p.level !== 'eu').map((p) => p.name).join(' › ')}</option>`)}
              </select>`,
            )}
          </form>
          ${runs ? whenLoaded(runs, list) : nothing}
        `;
      }),
  };

  function choose(next: string): void {
    territoryId = next;
    history.replaceState(null, '', `/issuing?territory=${encodeURIComponent(territoryId)}`);
    void poll();
  }

  return page;
};

function list(runs: IssuingRun[]): TemplateResult {
  if (!runs.length) return html`<p class="notice" role="status">${t('issuing.none')}</p>`;
  return html`${runs.map(run)}`;
}

function run(r: IssuingRun): TemplateResult {
  const label = t(`issuing.trigger.${r.trigger}`, { month: monthLabel(r.month) });
  return html`<section class="form-card" data-run=${r.id} data-status=${r.status} aria-label=${label}>
    <h2>${label}</h2>
    <label for=${`run-${r.id}`}>${t('issuing.progress', { done: r.done, total: r.total, percent: r.percent })}</label>
    <progress id=${`run-${r.id}`} class="run-progress" max=${Math.max(r.total, 1)} .value=${r.total ? r.done : 1}>${r.percent} %</progress>
    <p role="status">${r.status === 'completed' ? t('issuing.completed', { forms: r.formsIssued, date: formatDate(r.completedAt ?? '') }) : t('issuing.running')}</p>
  </section>`;
}
