// The officer's approval queue: projects proposed in the territories they act for, and below them.
import { html, nothing } from 'lit-html';
import { language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { listApprovals, type Project } from '../../services/programs';
import { indexTerritories } from '../../territories';
import { field } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { projectItem } from './projects';
import { officerTerritories, territoryName } from './shared';

interface Queue {
  territories: Map<string, Territory>;
  /** Where the person is an officer (or territory admin). */
  mine: string[];
  projects: Project[];
}

export const approvalsPage: PageFactory = ({ update }) => {
  let state: Loadable<Queue> = loading;
  let territoryId = '';

  async function read(): Promise<Queue> {
    const me = await reloadMe();
    const mine = officerTerritories(me);
    territoryId ||= mine[0] ?? '';
    const territories = indexTerritories((await listTerritories()).items, language()).byId;
    return { territories, mine, projects: territoryId ? (await listApprovals(territoryId)).items : [] };
  }

  const page: Page = {
    title: () => t('approvals.title'),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) state = next;
    },

    view: () =>
      whenLoaded(state, ({ territories, mine, projects }) => {
        if (!mine.length) return html`<p>${t('approvals.notOfficer')}</p>`;
        return html`
          <p>${t('approvals.intro')}</p>
          ${mine.length > 1
            ? field({ id: 'approvals-territory', label: t('approvals.territory') }, (a) =>
                html`<select id=${a.id} @change=${async (e: Event) => {
                  territoryId = (e.target as HTMLSelectElement).value;
                  state = await loadable(read);
                  update();
                }}>
                  ${mine.map((id) => html`<option value=${id} ?selected=${id === territoryId}>${territoryName(territories, id)}</option>`)}
                </select>`,
              )
            : nothing}
          <h2>${t('approvals.waiting', { territory: territoryName(territories, territoryId) })}</h2>
          ${projects.length ? html`<ul class="project-list">${projects.map((p) => projectItem(p, territories))}</ul>` : html`<p>${t('approvals.none')}</p>`}
        `;
      }),
  };
  return page;
};
