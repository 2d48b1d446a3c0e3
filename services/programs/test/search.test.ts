// Finding projects on a seeded data set: filters (the territory one including territories below) and
// "projects for me" ranking open needs for a person's competences and place.
import { ProjectStatus, type Project } from '@e21/proto/e21/programs/v1/programs';
import { as, kind, person, projectIn, projectRequest, SKILLS, startPrograms, status, SYSTEM, type ProgramsUnderTest } from './support.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let world: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
const projects: Record<string, Project> = {};
let challenges: Record<'eu' | 'paca' | 'marseille', string>;
let seeker: string;

beforeAll(async () => {
  world = await startPrograms();
  territories = await createTerritoryTree(world.identityClient);
  const officerFrance = await person(world.identityClient, territories.marseille, { officerOf: territories.france });
  const coordinator = await person(world.identityClient, territories.marseille);
  const define = async (territory: TerritoryName, title: string, refinesId = '') =>
    (await world.client.defineChallenge({ territoryId: territories[territory], title, description: '', sdgs: [13], refinesId }, SYSTEM)).id;
  const eu = await define('eu', 'Climate neutrality');
  const paca = await define('paca', 'Regional energy transition', eu);
  const marseille = await define('marseille', 'Solar roofs for schools', paca);
  challenges = { eu, paca, marseille };

  const need = (skillId: string, neededMinutes = 600) => ({ id: '', skillId, neededMinutes, startDate: '', endDate: '' });
  const seed = async (
    key: string,
    target: 'draft' | 'proposed' | 'approved' | 'active',
    territory: TerritoryName,
    overrides: Parameters<typeof projectRequest>[1],
  ) => {
    projects[key] = await projectIn(
      world.client,
      target,
      { coordinator, officer: officerFrance },
      projectRequest(territories[territory], overrides),
    );
  };
  await seed('solarMarseille', 'active', 'marseille', {
    title: 'Toits solaires des écoles',
    challengeIds: [marseille],
    needs: [need(SKILLS.solar), need(SKILLS.carpentry)],
  });
  await seed('gardenMarseille', 'approved', 'marseille', {
    title: 'Jardin partagé Belle de Mai',
    needs: [need(SKILLS.gardening), need(SKILLS.composting)],
  });
  await seed('solarAubagne', 'approved', 'aubagne', {
    title: 'Ombrières solaires du marché',
    challengeIds: [paca],
    needs: [need(SKILLS.solar)],
  });
  await seed('firstAidToulon', 'active', 'toulon', { title: 'Premiers secours sur les plages', needs: [need(SKILLS.firstAid)] });
  await seed('solidarityMarseille', 'approved', 'marseille', {
    title: 'Écoles au Sénégal',
    kind: kind('international_solidarity'),
    needs: [need(SKILLS.carpentry)],
  });
  await seed('solarMontpellier', 'approved', 'montpellier', { title: 'Solar trams depot', needs: [need(SKILLS.solar)] });
  await seed('proposedAubagne', 'proposed', 'aubagne', { title: 'Repair café', needs: [need(SKILLS.carpentry)] });
  await seed('draftMarseille', 'draft', 'marseille', { title: 'Secret draft', needs: [need(SKILLS.solar)] });
  seeker = await person(world.identityClient, territories.marseille, {
    competences: [
      { skillId: SKILLS.solar, level: 4 },
      { skillId: SKILLS.gardening, level: 1 },
    ],
  });
});
afterAll(() => world.stop());

async function titles(filter: Partial<Parameters<typeof world.client.searchProjects>[0]>, who = seeker) {
  const { projects: found } = await world.client.searchProjects(
    {
      territoryId: '',
      skillId: '',
      challengeId: '',
      kind: kind('unspecified'),
      statuses: [],
      text: '',
      limit: 100,
      cursor: '',
      language: 'en',
      ...filter,
    },
    as(who),
  );
  return found.map((p) => p.title).sort();
}

const titleOf = (...keys: string[]) => keys.map((k) => projects[k]!.title).sort();

describe('searching projects', () => {
  it('filters by territory including every territory below it', async () => {
    expect(await titles({ territoryId: territories.bouchesDuRhone })).toEqual(
      titleOf('solarMarseille', 'gardenMarseille', 'solarAubagne', 'solidarityMarseille', 'proposedAubagne'),
    );
    expect(await titles({ territoryId: territories.paca })).toEqual(
      titleOf('solarMarseille', 'gardenMarseille', 'solarAubagne', 'firstAidToulon', 'solidarityMarseille', 'proposedAubagne'),
    );
    expect(await titles({ territoryId: territories.marseille })).toEqual(
      titleOf('solarMarseille', 'gardenMarseille', 'solidarityMarseille'),
    );
  });

  it('filters by competence needed, kind, status and text', async () => {
    expect(await titles({ skillId: SKILLS.solar })).toEqual(titleOf('solarMarseille', 'solarAubagne', 'solarMontpellier'));
    expect(await titles({ kind: kind('international_solidarity') })).toEqual(titleOf('solidarityMarseille'));
    expect(await titles({ statuses: [status('active')] })).toEqual(titleOf('solarMarseille', 'firstAidToulon'));
    expect(await titles({ statuses: [status('proposed'), status('active')], territoryId: territories.bouchesDuRhone })).toEqual(
      titleOf('solarMarseille', 'proposedAubagne'),
    );
    expect(await titles({ text: 'ecoles' })).toEqual(titleOf('solarMarseille', 'solidarityMarseille'));
  });

  it('filters by challenge, including the projects of challenges refining it', async () => {
    expect(await titles({ challengeId: challenges.marseille })).toEqual(titleOf('solarMarseille'));
    expect(await titles({ challengeId: challenges.paca })).toEqual(titleOf('solarMarseille', 'solarAubagne'));
    expect(await titles({ challengeId: challenges.eu })).toEqual(titleOf('solarMarseille', 'solarAubagne'));
  });

  it('combines filters', async () => {
    expect(await titles({ territoryId: territories.bouchesDuRhone, skillId: SKILLS.solar, statuses: [status('approved')] })).toEqual(
      titleOf('solarAubagne'),
    );
  });

  it('shows drafts only to their own team', async () => {
    expect(await titles({ text: 'secret' })).toEqual([]);
    expect(await titles({ text: 'secret' }, projects.draftMarseille!.coordinatorId)).toEqual(['Secret draft']);
  });

  it('pages through results with a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await world.client.searchProjects(
        {
          territoryId: territories.paca,
          skillId: '',
          challengeId: '',
          kind: kind('unspecified'),
          statuses: [],
          text: '',
          limit: 2,
          cursor,
          language: 'en',
        },
        as(seeker),
      );
      seen.push(...page.projects.map((p) => p.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(await titles({ territoryId: territories.paca }));
  });
});

describe('projects for me', () => {
  it('ranks open needs by competence, then proximity, and explains each score', async () => {
    const { suggestions } = await world.client.suggestNeeds({ limit: 10, language: 'en' }, as(seeker));
    const ranked = suggestions.map((s) => `${s.project!.title} / ${s.need!.skillId} = ${s.score}`);
    // expert solar: 60; basic gardening: 36; same locality 40, same department 30, same country 10
    expect(ranked.slice(0, 4)).toEqual([
      `${projects.solarMarseille!.title} / ${SKILLS.solar} = 100`,
      `${projects.solarAubagne!.title} / ${SKILLS.solar} = 90`,
      `${projects.gardenMarseille!.title} / ${SKILLS.gardening} = 76`,
      `${projects.solarMontpellier!.title} / ${SKILLS.solar} = 70`,
    ]);
    const best = suggestions[0]!;
    expect(best.reasons.map((r) => [r.code, r.points, r.params.skillLabel ?? r.params.territoryName])).toEqual([
      ['competence_exact', 60, 'solar panel installation'],
      ['territory_same', 40, 'Marseille'],
    ]);
  });

  it('suggests only needs of approved or running projects, never drafts or proposals, nor projects the person is on', async () => {
    const { suggestions } = await world.client.suggestNeeds({ limit: 50, language: 'en' }, as(seeker));
    const statuses = new Set(suggestions.map((s) => s.project!.status));
    expect([...statuses].every((s) => s === ProjectStatus.PROJECT_STATUS_APPROVED || s === ProjectStatus.PROJECT_STATUS_ACTIVE)).toBe(true);
    const coordinator = projects.solarMarseille!.coordinatorId;
    const own = await world.client.suggestNeeds({ limit: 50, language: 'en' }, as(coordinator));
    expect(own.suggestions.map((s) => s.project!.id)).not.toContain(projects.solarMarseille!.id);
  });
});
