import { describe, expect, it } from '@jest/globals';
import type { Territory } from './services/identity';
import { buildTree, indexTerritories, pathOf, residenceChoices } from './territories';

const territory = (id: string, parentId: string | null, level: Territory['level'], name: string): Territory => ({
  id,
  parentId,
  level,
  code: id.toUpperCase(),
  name,
});

const list: Territory[] = [
  territory('marseille', 'bdr', 'locality', 'Marseille'),
  territory('eu', null, 'eu', 'European Union'),
  territory('aix', 'bdr', 'locality', 'Aix-en-Provence'),
  territory('fr', 'eu', 'country', 'France'),
  territory('paca', 'fr', 'region', "Provence-Alpes-Côte d'Azur"),
  territory('bdr', 'paca', 'department', 'Bouches-du-Rhône'),
  territory('be', 'eu', 'country', 'Belgique'),
  territory('bxl', 'be', 'locality', 'Bruxelles'),
];

describe('territory tree', () => {
  const index = indexTerritories(list, 'fr');

  it('nests every territory under its parent, siblings by name', () => {
    const [eu] = buildTree(index);
    expect(eu?.territory.id).toBe('eu');
    expect(eu?.children.map((c) => c.territory.name)).toEqual(['Belgique', 'France']);
    const bdr = eu?.children[1]?.children[0]?.children[0];
    expect(bdr?.children.map((c) => c.territory.name)).toEqual(['Aix-en-Provence', 'Marseille']);
  });

  it('gives the path from a territory up to the EU, the territory first', () => {
    expect(pathOf(index, 'marseille').map((t) => t.id)).toEqual(['marseille', 'bdr', 'paca', 'fr', 'eu']);
  });

  it('keeps a territory whose parent is missing, as a root', () => {
    const orphan = territory('x', 'unknown', 'locality', 'Orphan');
    expect(buildTree(indexTerritories([orphan], 'en')).map((n) => n.territory.id)).toEqual(['x']);
  });

  it('stops at a cycle instead of looping', () => {
    const a = territory('a', 'b', 'region', 'A');
    const b = territory('b', 'a', 'region', 'B');
    expect(pathOf(indexTerritories([a, b], 'en'), 'a').map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('offers only localities as residences, labelled with their path below the EU, ordered by country', () => {
    expect(residenceChoices(index, 'fr')).toEqual([
      { id: 'bxl', label: 'Bruxelles › Belgique' },
      { id: 'aix', label: "Aix-en-Provence › Bouches-du-Rhône › Provence-Alpes-Côte d'Azur › France" },
      { id: 'marseille', label: "Marseille › Bouches-du-Rhône › Provence-Alpes-Côte d'Azur › France" },
    ]);
  });
});
