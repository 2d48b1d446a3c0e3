// Projects: find projects by territory (and below), competence, challenge, kind, status and text.
import { html, nothing, type TemplateResult } from 'lit-html';
import { language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import {
  listChallenges,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  searchProjects,
  type Challenge,
  type Project,
  type ProjectFilter,
} from '../../services/programs';
import { buildTree, indexTerritories, officerTerritories, territoryName, type TerritoryIndex } from '../../territories';
import { inputField, selectField, type SelectOption } from '../../ui/forms';
import { hoursText } from '../../hours';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { statusTag } from './shared';

interface Choices {
  /** In tree order, each with its depth for indenting. */
  territories: { territory: Territory; depth: number }[];
  byId: Map<string, Territory>;
}

export const projectsPage: PageFactory = ({ update }) => {
  let filter: ProjectFilter = {};
  const choices = resource(async (): Promise<Choices> => {
    const index = indexTerritories((await listTerritories()).items, language());
    return { territories: treeOrder(index), byId: index.byId };
  }, update);
  // The challenges seen from the territory filtered on (or where the person lives).
  const challenges = resource(async (): Promise<Challenge[]> => {
    const territoryId = filter.territoryId || session().me?.person.territoryId || '';
    return territoryId ? (await listChallenges(territoryId)).items : [];
  }, update);
  const results = resource(() => searchProjects({ ...filter, cursor: null }), update);
  const searching = submission(update);
  const more = submission(update);

  const page: Page = {
    title: () => t('projects.title'),

    async load(signal) {
      await reloadMe();
      await Promise.all([choices.load(signal), challenges.load(signal), results.load(signal)]);
    },

    view: () => html`
      <p>${t('projects.intro')}</p>
      <p class="actions">
        <a class="button primary" href="/projects/new">${t('projects.propose')}</a>
        ${officerTerritories(session().me).length ? html`<a class="button" href="/approvals">${t('projects.approvalQueue')}</a>` : nothing}
      </p>
      ${choices.view(filters)}
      <section aria-labelledby="projects-results-heading">
        <h2 id="projects-results-heading">${t('projects.results')}</h2>
        ${more.alert()} ${results.view(({ items, nextCursor }) => list(items, nextCursor))}
      </section>
    `,
  };

  function filters(c: Choices): TemplateResult {
    const set = (key: keyof ProjectFilter) => (value: string) => (filter = { ...filter, [key]: value });
    const select = (id: string, key: keyof ProjectFilter, label: string, any: string, choices: SelectOption[], hint?: string) =>
      selectField({
        id,
        label,
        hint,
        options: [{ value: '', label: any }, ...choices],
        value: String(filter[key] ?? ''),
        onChange: key === 'territoryId' ? chooseTerritory : set(key),
      });
    // Territories are indented under their parent.
    const territories = c.territories.map(({ territory, depth }) => ({
      value: territory.id,
      label: `${'\u00a0'.repeat(2 * depth)}${territory.name}`,
    }));
    const competences = (session().me?.competences ?? []).map((x) => ({ value: x.skillId, label: x.label }));
    const challengeOptions = (challenges.data ?? []).map((x) => ({ value: x.id, label: `${x.title} (${x.territoryName ?? ''})` }));
    const territoryHint = t('projects.territoryHint');
    const kinds = PROJECT_KINDS.map((k) => ({ value: k, label: t(`projectKind.${k}`) }));
    const statuses = PROJECT_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`projectStatus.${s}`) }));
    // A search: what fails is said where the results go, not at the form.
    const search = () => results.reload({ fresh: true });
    return searching.form(
      { className: 'stack filters', role: 'search', label: t('projects.filters'), send: search },
      html`${select('filter-territory', 'territoryId', t('projects.territory'), t('projects.anyTerritory'), territories, territoryHint)}
        ${select('filter-skill', 'skillId', t('projects.competence'), t('projects.anyCompetence'), competences)}
        ${select('filter-challenge', 'challengeId', t('projects.challenge'), t('projects.anyChallenge'), challengeOptions)}
        ${select('filter-kind', 'kind', t('projects.kind'), t('projects.anyKind'), kinds)}
        ${select('filter-status', 'status', t('projects.status'), t('projects.anyStatus'), statuses)}
        ${inputField({
          id: 'filter-text',
          label: t('projects.text'),
          type: 'search',
          maxlength: 200,
          value: filter.q ?? '',
          onInput: set('q'),
        })}
        <div class="actions">${searching.button(t('projects.search'))}</div>`,
    );
  }

  function chooseTerritory(territoryId: string): void {
    filter = { ...filter, territoryId, challengeId: '' };
    void challenges.reload();
  }

  function list(items: Project[], nextCursor: string | null): TemplateResult {
    if (!items.length) return html`<p>${t('projects.none')}</p>`;
    const byId = choices.data?.byId ?? new Map<string, Territory>();
    return html`<ul class="project-list">
        ${items.map((p) => projectItem(p, byId))}
      </ul>
      ${nextCursor ? html`<p>${more.action(t('projects.more'), () => loadMore(items, nextCursor))}</p>` : nothing}`;
  }

  async function loadMore(earlier: Project[], cursor: string): Promise<void> {
    const next = await searchProjects({ ...filter, cursor });
    results.set({ items: [...earlier, ...next.items], nextCursor: next.nextCursor });
  }

  return page;
};

/** One project in a list: title, status, kind, place, the hours it still needs and for what. */
export function projectItem(
  p: Project,
  territories: ReadonlyMap<string, Territory>,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
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
