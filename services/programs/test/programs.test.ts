// Local programs through the gRPC API: an officer assembles the approved projects of a territory for a year.
import { waitFor } from '@e21/devinfra';
import { ProgramStatus } from '@e21/proto/e21/programs/v1/programs';
import { as, person, projectIn, projectRequest, SKILLS, startPrograms, SYSTEM, type ProgramsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let world: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
let officer: string;
let ids: Record<string, string>;
let heat: string;
let food: string;

beforeAll(async () => {
  world = await startPrograms();
  territories = await createTerritoryTree(world.identityClient);
  officer = await person(world.identityClient, territories.marseille, { officerOf: territories.marseille });
  const coordinator = await person(world.identityClient, territories.marseille);
  const define = async (title: string) =>
    (await world.client.defineChallenge({ territoryId: territories.marseille, title, description: '', sdgs: [11], refinesId: '' }, SYSTEM))
      .id;
  heat = await define('Heat waves');
  food = await define('Local food');
  const need = (skillId: string, neededMinutes: number) => ({ id: '', skillId, neededMinutes, startDate: '', endDate: '' });
  const make = async (target: 'proposed' | 'approved' | 'active', overrides: Parameters<typeof projectRequest>[1]) =>
    (await projectIn(world.client, target, { coordinator, officer }, projectRequest(territories.marseille, overrides))).id;
  ids = {
    garden: await make('approved', {
      title: 'Garden',
      challengeIds: [heat, food],
      needs: [need(SKILLS.gardening, 1200), need(SKILLS.composting, 300)],
    }),
    shade: await make('active', { title: 'Shade', challengeIds: [heat], needs: [need(SKILLS.carpentry, 600)] }),
    library: await make('approved', { title: 'Library', needs: [need(SKILLS.firstAid, 120)] }),
    proposed: await make('proposed', { title: 'Not yet approved' }),
    nextYear: await make('approved', { title: 'Next year', startDate: '2027-01-01', endDate: '2027-06-30' }),
  };
});
afterAll(() => world.stop());

describe('the local program draft', () => {
  it('offers the approved and running projects of the territory for the year', async () => {
    const { projects } = await world.client.listProgramCandidates(
      { territoryId: territories.marseille, year: 2026, language: 'en' },
      as(officer),
    );
    expect(projects.map((p) => p.title)).toEqual(['Garden', 'Library', 'Shade']);
  });

  it('totals the needed hours per challenge, and stays a draft', async () => {
    const program = await world.client.draftProgram(
      { territoryId: territories.marseille, year: 2026, projectIds: [ids.garden!, ids.shade!, ids.library!], language: 'en' },
      as(officer),
    );
    expect(program).toMatchObject({
      status: ProgramStatus.PROGRAM_STATUS_DRAFT,
      year: 2026,
      version: 1,
      neededMinutes: 2220,
      territoryName: 'Marseille',
    });
    expect(program.totals).toEqual([
      { challengeId: heat, challengeTitle: 'Heat waves', neededMinutes: 2100, projectCount: 2 },
      { challengeId: food, challengeTitle: 'Local food', neededMinutes: 1500, projectCount: 1 },
      { challengeId: '', challengeTitle: '', neededMinutes: 120, projectCount: 1 },
    ]);
    const events = await waitFor(
      async () => {
        const { rows } = await world.programs.pool.query<{ type: string }>(
          'select type from outbox where subject = $1 and published_at is not null',
          [program.id],
        );
        return rows.length ? rows : undefined;
      },
      { what: 'programs.program.drafted to be published' },
    );
    expect(events.map((e) => e.type)).toEqual(['programs.program.drafted']);
  });

  it('redrafts the same program for the same territory and year, at the version read', async () => {
    const [current] = (await world.client.listPrograms({ territoryId: territories.marseille, language: 'en' }, as(officer))).programs;
    const again = await world.client.draftProgram(
      { territoryId: territories.marseille, year: 2026, projectIds: [ids.garden!], expectedVersion: current!.version, language: 'en' },
      as(officer),
    );
    expect(again).toMatchObject({ id: current!.id, version: current!.version + 1, neededMinutes: 1500 });
    const stale = world.client.draftProgram(
      { territoryId: territories.marseille, year: 2026, projectIds: [ids.garden!], expectedVersion: current!.version, language: 'en' },
      as(officer),
    );
    expect((await refusalOf(stale)).kind).toBe('stale');
  });

  it('refuses projects that are not approved, or not of that year, naming them', async () => {
    const refusal = await refusalOf(
      world.client.draftProgram(
        { territoryId: territories.marseille, year: 2026, projectIds: [ids.garden!, ids.proposed!, ids.nextYear!], language: 'en' },
        as(officer),
      ),
    );
    expect(refusal.fields).toEqual([
      { field: 'project_ids.1', message: 'is proposed; a program holds approved projects' },
      { field: 'project_ids.2', message: 'does not run in 2026' },
    ]);
  });

  it('is drafted by officers of the territory or above only; anyone reads it', async () => {
    const inhabitant = await person(world.identityClient, territories.marseille);
    const aubagneOfficer = await person(world.identityClient, territories.aubagne, { officerOf: territories.aubagne });
    for (const who of [inhabitant, aubagneOfficer]) {
      expect(
        (
          await refusalOf(
            world.client.draftProgram(
              { territoryId: territories.marseille, year: 2026, projectIds: [ids.garden!], language: 'en' },
              as(who),
            ),
          )
        ).kind,
      ).toBe('forbidden');
    }
    const [program] = (await world.client.listPrograms({ territoryId: territories.marseille, language: 'en' }, as(inhabitant))).programs;
    expect((await world.client.getProgram({ id: program!.id, language: 'en' }, as(inhabitant))).projects.map((p) => p.title)).toEqual([
      'Garden',
    ]);
  });
});
