// Strategic challenges through the gRPC API: set by officers, refining those above, inherited below.
import { as, person, startPrograms, SYSTEM, type ProgramsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let world: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
let ids: Record<string, string>;

beforeAll(async () => {
  world = await startPrograms();
  territories = await createTerritoryTree(world.identityClient);
  const define = async (territory: TerritoryName, title: string, sdgs: number[], refinesId = '') =>
    (await world.client.defineChallenge({ territoryId: territories[territory], title, description: '', sdgs, refinesId }, SYSTEM)).id;
  const eu = await define('eu', 'European Green Deal', [7, 13]);
  const france = await define('france', 'Plan de sobriété énergétique', [7], eu);
  const paca = await define('paca', 'Water resilience', [6, 13], eu);
  const marseille = await define('marseille', 'Shade in schoolyards', [3, 11, 13], paca);
  const occitanie = await define('occitanie', 'Vineyards and drought', [2, 6]);
  const montpellier = await define('montpellier', 'Trams for all', [11]);
  const aubagne = await define('aubagne', 'Clay heritage', [11]);
  ids = { eu, france, paca, marseille, occitanie, montpellier, aubagne };
});
afterAll(() => world.stop());

const titlesSeenFrom = async (territory: TerritoryName, includeInherited = true) =>
  (await world.client.listChallenges({ territoryId: territories[territory], includeInherited, language: 'en' }, SYSTEM)).challenges.map(
    (c) => c.title,
  );

describe('challenge inheritance', () => {
  it('lists for a locality its own challenges and those of its region, country and the EU, from the top', async () => {
    expect(await titlesSeenFrom('marseille')).toEqual([
      'European Green Deal',
      'Plan de sobriété énergétique',
      'Water resilience',
      'Shade in schoolyards',
    ]);
  });

  it('does not list a sibling region’s challenges, nor a neighbouring locality’s', async () => {
    const seen = await titlesSeenFrom('marseille');
    expect(seen).not.toContain('Vineyards and drought');
    expect(seen).not.toContain('Trams for all');
    expect(seen).not.toContain('Clay heritage');
  });

  it('lists only a territory’s own challenges when not asked for the inherited ones', async () => {
    expect(await titlesSeenFrom('marseille', false)).toEqual(['Shade in schoolyards']);
  });

  it('names the territory each challenge comes from, and what it refines', async () => {
    const { challenges } = await world.client.listChallenges(
      { territoryId: territories.marseille, includeInherited: true, language: 'en' },
      SYSTEM,
    );
    const shade = challenges.find((c) => c.id === ids.marseille)!;
    expect(shade).toMatchObject({ territoryName: 'Marseille', refinesId: ids.paca, sdgs: [3, 11, 13] });
    expect(challenges.find((c) => c.id === ids.eu)?.territoryName).toBe('European Union');
  });
});

describe('setting challenges', () => {
  it('lets an officer of the territory or above set one, and nobody else', async () => {
    const regional = await person(world.identityClient, territories.marseille, { officerOf: territories.paca });
    const local = await person(world.identityClient, territories.marseille, { officerOf: territories.marseille });
    const inhabitant = await person(world.identityClient, territories.marseille);
    const request = (territory: TerritoryName) => ({
      territoryId: territories[territory],
      title: 'Cool islands',
      description: 'Trees and fountains',
      sdgs: [11],
      refinesId: '',
    });
    expect((await world.client.defineChallenge(request('marseille'), as(regional))).createdBy).toBe(`person:${regional}`);
    expect((await world.client.defineChallenge(request('marseille'), as(local))).territoryId).toBe(territories.marseille);
    expect((await refusalOf(world.client.defineChallenge(request('paca'), as(local)))).kind).toBe('forbidden');
    expect((await refusalOf(world.client.defineChallenge(request('marseille'), as(inhabitant)))).kind).toBe('forbidden');
  });

  it('refines only a challenge set above: not a sibling’s, nor one of its own territory', async () => {
    const sibling = await refusalOf(
      world.client.defineChallenge(
        { territoryId: territories.marseille, title: 'x', description: '', sdgs: [], refinesId: ids.occitanie! },
        SYSTEM,
      ),
    );
    expect(sibling).toMatchObject({ kind: 'invalid', code: 'refines_not_above' });
    const same = await refusalOf(
      world.client.defineChallenge({ territoryId: territories.paca, title: 'x', description: '', sdgs: [], refinesId: ids.paca! }, SYSTEM),
    );
    expect(same.code).toBe('refines_not_above');
  });

  it('updates a challenge at the version it was read, and refuses a stale one', async () => {
    const created = await world.client.defineChallenge(
      { territoryId: territories.aubagne, title: 'Markets', description: '', sdgs: [12], refinesId: '' },
      SYSTEM,
    );
    const updated = await world.client.updateChallenge(
      { id: created.id, title: 'Local markets', description: 'Short supply chains', sdgs: [12, 2], refinesId: ids.eu!, expectedVersion: 1 },
      SYSTEM,
    );
    expect(updated).toMatchObject({ title: 'Local markets', sdgs: [2, 12], version: 2, refinesId: ids.eu });
    expect(
      (
        await refusalOf(
          world.client.updateChallenge(
            { id: created.id, title: 'x', description: '', sdgs: [], refinesId: '', expectedVersion: 1 },
            SYSTEM,
          ),
        )
      ).kind,
    ).toBe('stale');
  });

  it('ships the 17 SDGs with English and French labels', async () => {
    const { goals } = await world.client.listSdgs({ language: 'fr' }, SYSTEM);
    expect(goals.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(goals[12]).toMatchObject({
      number: 13,
      label: 'Mesures relatives à la lutte contre les changements climatiques',
      labels: { en: 'Climate action' },
    });
  });
});
