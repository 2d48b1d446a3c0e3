// The officer's issuing runs: each closed month's forms being issued, with a progress bar that
// follows the run until every person of the territory has their form.
import './payroll.css';
import { html, type TemplateResult } from 'lit-html';
import { formatDate, formatMonth, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { listRuns, type IssuingRun } from '../../services/payroll';
import { pathLabel } from '../../territories';
import { choiceForm, selectField } from '../../ui/forms';
import { officerChoices } from '../../ui/officer-territory';
import { resource } from '../../ui/resource';

const POLL_MS = 1000;

export const issuingPage: PageFactory = ({ update }) => {
  let territoryId = new URLSearchParams(location.search).get('territory') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const screen = resource(async () => {
    const scope = await officerChoices(territoryId);
    territoryId = scope.territoryId;
    return scope;
  }, update);
  const runs = resource(async () => (await listRuns(territoryId)).items, update);

  /** Reads the runs, and reads them again every second while one is running. */
  async function poll(): Promise<void> {
    clearTimeout(timer);
    if (!territoryId || disposed) return;
    await runs.reload();
    // Also while none is there yet: a month just closed starts its run a moment later.
    const list = runs.data;
    const waiting = list !== undefined && (list.length === 0 || list.some((r) => r.status === 'running'));
    if (waiting && !disposed) timer = setTimeout(() => void poll(), POLL_MS);
  }

  const page: Page = {
    title: () => t('issuing.title'),
    async load(signal) {
      await screen.load(signal);
      if (!signal.aborted && territoryId) void poll();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
    view: () =>
      screen.view(({ choices, index }) => {
        if (!choices.length) return html`<p class="notice">${t('issuing.notOfficer')}</p>`;
        return html`
          <p>${t('issuing.intro')}</p>
          ${choiceForm(
            {},
            html`${selectField({
              id: 'issuing-territory',
              label: t('issuing.territory'),
              options: choices.map((c) => ({ value: c.id, label: pathLabel(index, c.id) })),
              value: territoryId,
              onChange: choose,
            })}`,
          )}
          ${territoryId ? runs.view(list) : ''}
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
  const label = t(`issuing.trigger.${r.trigger}`, { month: formatMonth(r.month) });
  const completed = () => t('issuing.completed', { forms: r.formsIssued, date: formatDate(r.completedAt ?? '') });
  const outcome = r.status === 'completed' ? completed() : t('issuing.running');
  return html`<section class="form-card" data-run=${r.id} data-status=${r.status} aria-label=${label}>
    <h2>${label}</h2>
    <label for=${`run-${r.id}`}>${t('issuing.progress', { done: r.done, total: r.total, percent: r.percent })}</label>
    <progress id=${`run-${r.id}`} class="run-progress" max=${Math.max(r.total, 1)} .value=${r.total ? r.done : 1}>${r.percent} %</progress>
    <p role="status">${outcome}</p>
  </section>`;
}
