// The territory tree (EU > country > region > department > locality) built from the API's flat list,
// and the territories a person acts for as an officer.
import type { Me, Territory } from './services/identity';

export interface TerritoryNode {
  territory: Territory;
  children: TerritoryNode[];
}

export interface TerritoryIndex {
  byId: Map<string, Territory>;
  /** Children per parent id, sorted by name; roots are under `null`. */
  children: Map<string | null, Territory[]>;
}

export function indexTerritories(territories: readonly Territory[], locale: string): TerritoryIndex {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const children = new Map<string | null, Territory[]>();
  for (const territory of territories) {
    // A parent missing from the list makes its child a root rather than losing it.
    const parent = territory.parentId && byId.has(territory.parentId) ? territory.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(territory);
    children.set(parent, siblings);
  }
  const collator = new Intl.Collator(locale);
  for (const siblings of children.values()) siblings.sort((a, b) => collator.compare(a.name, b.name));
  return { byId, children };
}

/** Nested nodes from the roots down; a territory that is its own ancestor (bad data) is cut off. */
export function buildTree(index: TerritoryIndex): TerritoryNode[] {
  const grow = (territory: Territory, seen: Set<string>): TerritoryNode => {
    const next = new Set(seen).add(territory.id);
    const children = (index.children.get(territory.id) ?? []).filter((child) => !next.has(child.id));
    return { territory, children: children.map((child) => grow(child, next)) };
  };
  return (index.children.get(null) ?? []).map((root) => grow(root, new Set()));
}

/** The territory itself first, then its parent, and so on up to the root. */
export function pathOf(index: TerritoryIndex, id: string): Territory[] {
  const path: Territory[] = [];
  const seen = new Set<string>();
  for (let t = index.byId.get(id); t && !seen.has(t.id); t = t.parentId ? index.byId.get(t.parentId) : undefined) {
    seen.add(t.id);
    path.push(t);
  }
  return path;
}

export interface TerritoryChoice {
  id: string;
  /** The locality then its ancestors below the EU: "Marseille › Bouches-du-Rhône › … › France". */
  label: string;
}

/**
 * Places a person can live in: every locality, labelled with its path so that homonyms
 * (two Saint-Martin) can be told apart, ordered by country, region... then name.
 */
export function residenceChoices(index: TerritoryIndex, locale: string): TerritoryChoice[] {
  const collator = new Intl.Collator(locale);
  return [...index.byId.values()]
    .filter((t) => t.level === 'locality')
    .map((t) => {
      const path = pathOf(index, t.id).filter((p) => p.level !== 'eu');
      return { id: t.id, label: path.map((p) => p.name).join(' › '), sortKey: path.map((p) => p.name).reverse() };
    })
    .sort((a, b) => compareKeys(a.sortKey, b.sortKey, collator))
    .map(({ id, label }) => ({ id, label }));
}

function compareKeys(a: string[], b: string[], collator: Intl.Collator): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = collator.compare(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** A territory's name from a list, or its id when the list does not have it. */
export function territoryName(territories: ReadonlyMap<string, Territory>, id: string): string {
  return territories.get(id)?.name ?? id;
}

/** Territories where the person is an officer or territory admin: those (and below) they act on. */
export function officerTerritories(me: Me | null): string[] {
  return [
    ...new Set(
      (me?.roles ?? [])
        .filter((r) => r.scopeKind === 'territory' && (r.role === 'officer' || r.role === 'territory_admin'))
        .map((r) => r.scopeId),
    ),
  ];
}

/** The territories the person acts for as an officer, and every territory below them, each once. */
export function officerScope(me: Me | null, index: TerritoryIndex): Territory[] {
  const below = (id: string): Territory[] =>
    [index.byId.get(id)!, ...(index.children.get(id) ?? []).flatMap((child) => below(child.id))].filter(Boolean);
  return [
    ...new Map(
      officerTerritories(me)
        .filter((id) => index.byId.has(id))
        .flatMap(below)
        .map((t) => [t.id, t]),
    ).values(),
  ];
}

/** "Aubagne › Bouches-du-Rhône › … › France": a territory with its ancestors below the EU. */
export function pathLabel(index: TerritoryIndex, id: string): string {
  return pathOf(index, id)
    .filter((p) => p.level !== 'eu')
    .map((p) => p.name)
    .join(' › ');
}
