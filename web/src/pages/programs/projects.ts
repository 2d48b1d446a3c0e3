// Projects: find projects by territory (and below), competence, challenge, kind, status and text.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../../api';
import { language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { listChallenges, PROJECT_KINDS, PROJECT_STATUSES, searchProjects, type Challenge, type Project, type ProjectFilter } from '../../services/programs';
import { buildTree, indexTerritories, type TerritoryIndex } from '../../territories';
import { problemAlert } from '../../ui/feedback';
import { field } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { hoursText } from '../../hours';
import { officerTerritories, statusTag, territoryName } from './shared';

interface Choices {
  /** In tree order, each with its depth for indenting. */
  territories: { territory: Territory; depth: number }[];
  byId: Map<string, Territory>;
  challenges: Challenge[];
}

export const projectsPage: PageFactory = ({ update }) => {
  let choices: Loadable<Choices> = loading;
  let results: Loadable<{ items: Project[]; nextCursor: string | null }> = loading;
  let filter: ProjectFilter = {};
  let problem: unknown = null;

  async function search(more = false): Promise<void> {
    problem = null;
    try {
      const page = await searchProjects({ ...filter, cursor: more && results.status === 'ready' ? results.data.nextCursor : null });
      const earlier = more && results.status === 'ready' ? results.data.items : [];
      results = { status: 'ready', data: { items: [...earlier, ...page.items], nextCursor: page.nextCursor } };
    } catch (error) {
      if (isApiError(error, 401)) return;
      if (more) problem = error;
      else results = { status: 'failed', error };
    }
    update();
  }

  async function loadChallenges(territoryId: string): Promise<Challenge[]> {
    return territoryId ? (await listChallenges(territoryId)).items : [];
  }

  const page: Page = {
    title: () => t('projects.title'),

    async load(signal) {
      const next = await loadable(async (): Promise<Choices> => {
        const me = await reloadMe();
        const { items } = await listTerritories();
        const index = indexTerritories(items, language());
        return { territories: treeOrder(index), byId: index.byId, challenges: await loadChallenges(filter.territoryId ?? me.person.territoryId) };
      });
      if (signal.aborted) return;
      choices = next;
      await search();
    },

    view: () => html`
      <p>${t('projects.intro')}</p>
      <p class="actions">
        <a class="button primary" href="/projects/new">${t('projects.propose')}</a>
        ${officerTerritories(session().me).length ? html`<a class="button" href="/approvals">${t('projects.approvalQueue')}</a>` : nothing}
      </p>
      ${whenLoaded(choices, filters)}
      <section aria-labelledby="projects-results-heading">
        <h2 id="projects-results-heading">${t('projects.results')}</h2>
        ${problem ? problemAlert(problem) : nothing}
        ${whenLoaded(results, ({ items, nextCursor }) => list(items, nextCursor))}
      </section>
    `,
  };

  function filters(c: Choices): TemplateResult {
    const competences = session().me?.competences ?? [];
    const set = (key: keyof ProjectFilter) => (e: Event) => {
      filter = { ...filter, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value };
    };
    return html`<form class="stack filters" role="search" aria-label=${t('projects.filters')} @submit=${onSubmit}>
      ${field({ id: 'filter-territory', label: t('projects.territory'), hint: t('projects.territoryHint') }, (a) =>
        html`<select id=${a.id} aria-describedby=${ifDefined(a.describedBy)} @change=${onTerritory}>
          <option value="">${t('projects.anyTerritory')}</option>
          ${c.territories.map(({ territory, depth }) => html`<option value=${territory.id} ?selected=${territory.id === filter.territoryId}>${'\u00a0'.repeat(2 * depth)}${territory.name}</option>`)}
        </select>`,
      )}
      ${field({ id: 'filter-skill', label: t('projects.competence') }, (a) =>
        html`<select id=${a.id} @change=${set('skillId')}>
          <option value="">${t('projects.anyCompetence')}</option>
          ${competences.map((x) => html`<option value=${x.skillId} ?selected=${x.skillId === filter.skillId}>${x.label}</option>`)}
        </select>`,
      )}
      ${field({ id: 'filter-challenge', label: t('projects.challenge') }, (a) =>
        html`<select id=${a.id} @change=${set('challengeId')}>
          <option value="">${t('projects.anyChallenge')}</option>
          ${c.challenges.map((x) => html`<option value=${x.id} ?selected=${x.id === filter.challengeId}>${x.title} (${x.territoryName ?? ''})</option>`)}
        </select>`,
      )}
      ${field({ id: 'filter-kind', label: t('projects.kind') }, (a) =>
        html`<select id=${a.id} @change=${set('kind')}>
          <option value="">${t('projects.anyKind')}</option>
          ${PROJECT_KINDS.map((k) => html`<option value=${k} ?selected=${k === filter.kind}>${t(`projectKind.${k}`)}</option>`)}
        </select>`,
      )}
      ${field({ id: 'filter-status', label: t('projects.status') }, (a) =>
        html`<select id=${a.id} @change=${set('status')}>
          <option value="">${t('projects.anyStatus')}</option>
          ${PROJECT_STATUSES.filter((s) => s !== 'draft').map((s) => html`<option value=${s} ?selected=${s === filter.status}>${t(`projectStatus.${s}`)}</option>`)}
        </select>`,
      )}
      ${field({ id: 'filter-text', label: t('projects.text') }, (a) => html`<input id=${a.id} type="search" maxlength="200" .value=${filter.q ?? ''} @input=${set('q')} />`)}
      <div class="actions"><button type="submit" class="primary">${t('projects.search')}</button></div>
    </form>`;
  }

  async function onTerritory(event: Event): Promise<void> {
    filter = { ...filter, territoryId: (event.target as HTMLSelectElement).value, challengeId: '' };
    if (choices.status !== 'ready') return;
    const territoryId = filter.territoryId || session().me?.person.territoryId || '';
    try {
      choices = { status: 'ready', data: { ...choices.data, challenges: await loadChallenges(territoryId) } };
    } catch (error) {
      problem = error;
    }
    update();
  }

  function onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    results = loading;
    update();
    void search();
  }

  function list(items: Project[], nextCursor: string | null): TemplateResult {
    if (!items.length) return html`<p>${t('projects.none')}</p>`;
    const byId = choices.status === 'ready' ? choices.data.byId : new Map<string, Territory>();
    return html`<ul class="project-list">
        ${items.map((p) => projectItem(p, byId))}
      </ul>
      ${nextCursor ? html`<p><button type="button" @click=${() => void search(true)}>${t('projects.more')}</button></p>` : nothing}`;
  }

  return page;
};

/** One project in a list: title, status, kind, place, the hours it still needs and for what. */
export function projectItem(p: Project, territories: ReadonlyMap<string, Territory>, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const open = p.neededMinutes - p.filledMinutes;
  return html`<li>
    <h3><a href="/projects/${encodeURIComponent(p.id)}">${p.title}</a></h3>
    <p>
      ${statusTag(p.status)} <span class="tag">${t(`projectKind.${p.kind}`)}</span>
      <span class="muted">${territoryName(territories, p.territoryId)}</span>
    </p>
    <p>
      ${t('projects.openHours', { open: hoursText(open), needed: hoursText(p.neededMinutes) })}
      ${p.needs.length ? html`<span class="muted">— ${p.needs.map((n) => n.skillLabel).join(', ')}</span>` : nothing}
    </p>
    ${extra}
  </li>`;
}

/** The territories from the root down, each followed by those below it. */
export function treeOrder(index: TerritoryIndex): { territory: Territory; depth: number }[] {
  const flat: { territory: Territory; depth: number }[] = [];
  const walk = (nodes: ReturnType<typeof buildTree>, depth: number) => {
    for (const node of nodes) {
      flat.push({ territory: node.territory, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(buildTree(index), 0);
  return flat;
}
