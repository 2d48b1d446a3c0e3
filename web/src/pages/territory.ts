// My territory: where the person lives, the territories above and below it, and the whole tree.
import { html, nothing, type TemplateResult } from 'lit-html';
import { language, t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { reloadMe } from '../session';
import { listTerritories, listTerritoryChildren, type Territory } from '../services/identity';
import { buildTree, indexTerritories, type TerritoryNode } from '../territories';
import { resource } from '../ui/resource';
import { territoryPath } from '../ui/territory';

interface TerritoryView {
  /** Residence first, then its ancestors up to the EU. */
  path: Territory[];
  children: Territory[];
  tree: TerritoryNode[];
}

export const territoryPage: PageFactory = ({ update }) => {
  const state = resource(async (): Promise<TerritoryView> => {
    const me = await reloadMe();
    const [children, all] = await Promise.all([listTerritoryChildren(me.person.territoryId), listTerritories()]);
    return { path: me.territoryPath, children: children.items, tree: buildTree(indexTerritories(all.items, language())) };
  }, update);

  const page: Page = {
    title: () => t('territory.title'),

    load: (signal) => state.load(signal),

    view: () =>
      state.view(({ path, children, tree }) => {
        const [residence, ...ancestors] = path;
        if (!residence) return html``;
        const onPath = new Set(path.map((p) => p.id));
        return html`
          <section aria-labelledby="territory-residence-heading">
            <h2 id="territory-residence-heading">${t('territory.residence')}</h2>
            <p class="lead">${residence.name} <span class="muted">(${describe(residence)})</span></p>
            ${territoryPath(path)}
          </section>

          <section aria-labelledby="territory-ancestors-heading">
            <h2 id="territory-ancestors-heading">${t('territory.ancestors', { name: residence.name })}</h2>
            ${listOf(ancestors, t('territory.noAncestors'))}
          </section>

          <section aria-labelledby="territory-children-heading">
            <h2 id="territory-children-heading">${t('territory.children', { name: residence.name })}</h2>
            ${listOf(children, t('territory.noChildren', { name: residence.name }))}
          </section>

          <section aria-labelledby="territory-tree-heading">
            <h2 id="territory-tree-heading">${t('territory.tree')}</h2>
            ${treeList(tree, residence.id, onPath)}
          </section>
        `;
      }),
  };
  return page;
};

// The branch leading to the residence is emphasised; the residence itself is named as such.
function treeList(nodes: TerritoryNode[], residenceId: string, onPath: Set<string>): TemplateResult {
  return html`<ul class="tree">
    ${nodes.map(({ territory, children }) => {
      const name = onPath.has(territory.id) ? html`<strong>${territory.name}</strong>` : territory.name;
      return html`<li>
        ${name} <span class="muted">(${describe(territory)})</span>
        ${territory.id === residenceId ? html`<span class="tag">${t('territory.yours')}</span>` : nothing}
        ${children.length ? treeList(children, residenceId, onPath) : nothing}
      </li>`;
    })}
  </ul>`;
}

/** Territories with their level and code, or the sentence that says there are none. */
function listOf(territories: Territory[], none: string): TemplateResult {
  if (!territories.length) return html`<p>${none}</p>`;
  return html`<ul>
    ${territories.map((x) => html`<li>${x.name} <span class="muted">(${describe(x)})</span></li>`)}
  </ul>`;
}

function describe(territory: Territory): string {
  return t('territory.levelAndCode', { level: t(`territoryLevel.${territory.level}`), code: territory.code });
}
