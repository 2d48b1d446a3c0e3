// A project's lifecycle through the gRPC API: who moves it, what is refused, what is recorded and published.
import { waitFor } from '@e21/devinfra';
import { systemCaller } from '@e21/kit';
import { ProjectStatus } from '@e21/proto/e21/programs/v1/programs';
import { as, person, projectIn, projectRequest, startPrograms, status, SYSTEM, type ProgramsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let world: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
let marseilleOfficer: string;
let regionalOfficer: string;
let aubagneOfficer: string;

beforeAll(async () => {
  world = await startPrograms();
  territories = await createTerritoryTree(world.identityClient);
  marseilleOfficer = await person(world.identityClient, territories.marseille, { officerOf: territories.marseille });
  regionalOfficer = await person(world.identityClient, territories.marseille, { officerOf: territories.paca });
  aubagneOfficer = await person(world.identityClient, territories.aubagne, { officerOf: territories.aubagne });
});
afterAll(() => world.stop());

const move = (id: string, to: string, who: string, reason = '') =>
  world.client.changeProjectStatus({ id, status: status(to), reason, language: 'en' }, as(who));

describe('approving projects', () => {
  it('lets an officer of the project’s territory, or of a territory above it, approve', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const first = await projectIn(
      world.client,
      'proposed',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    expect((await move(first.id, 'approved', marseilleOfficer)).status).toBe(ProjectStatus.PROJECT_STATUS_APPROVED);
    const second = await projectIn(
      world.client,
      'proposed',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    expect((await move(second.id, 'approved', regionalOfficer)).status).toBe(ProjectStatus.PROJECT_STATUS_APPROVED);
  });

  it('does not let an officer of another territory, nor an inhabitant, approve', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const project = await projectIn(
      world.client,
      'proposed',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    expect(await refusalOf(move(project.id, 'approved', aubagneOfficer))).toMatchObject({ kind: 'forbidden', code: 'not_an_officer' });
    const inhabitant = await person(world.identityClient, territories.marseille);
    expect((await refusalOf(move(project.id, 'approved', inhabitant))).kind).toBe('forbidden');
    expect((await world.client.getProject({ id: project.id, language: 'en' }, as(coordinator))).status).toBe(
      ProjectStatus.PROJECT_STATUS_PROPOSED,
    );
  });

  it('does not let a coordinator approve their own project, even as an officer', async () => {
    const project = await projectIn(
      world.client,
      'proposed',
      { coordinator: marseilleOfficer, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    expect(await refusalOf(move(project.id, 'approved', marseilleOfficer))).toMatchObject({ kind: 'forbidden', code: 'own_project' });
  });

  it('refuses with a reason, recorded with who and when', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const project = await projectIn(
      world.client,
      'proposed',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    expect(await refusalOf(move(project.id, 'refused', marseilleOfficer))).toMatchObject({ kind: 'invalid', code: 'reason_required' });
    const refused = await move(project.id, 'refused', marseilleOfficer, 'Already covered by the city');
    expect(refused.refusalReason).toBe('Already covered by the city');
    const history = (await world.client.getProject({ id: project.id, language: 'en' }, as(coordinator))).history;
    expect(history.map((h) => [h.from, h.to, h.by, h.reason])).toEqual([
      [ProjectStatus.PROJECT_STATUS_DRAFT, ProjectStatus.PROJECT_STATUS_PROPOSED, `person:${coordinator}`, ''],
      [
        ProjectStatus.PROJECT_STATUS_PROPOSED,
        ProjectStatus.PROJECT_STATUS_REFUSED,
        `person:${marseilleOfficer}`,
        'Already covered by the city',
      ],
    ]);
    expect(history.every((h) => Date.now() - Date.parse(h.at) < 60_000)).toBe(true);
  });
});

describe('the lifecycle', () => {
  it('refuses transitions that are not in the lifecycle with a clear error, and changes nothing', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const draft = await projectIn(world.client, 'draft', { coordinator, officer: marseilleOfficer }, projectRequest(territories.marseille));
    const refusal = await refusalOf(move(draft.id, 'completed', coordinator));
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'invalid_transition' });
    expect(refusal.message).toBe('A draft project cannot become completed: from draft it can become proposed or cancelled');
    const active = await projectIn(
      world.client,
      'active',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    expect((await refusalOf(move(active.id, 'proposed', coordinator))).code).toBe('invalid_transition');
    expect((await world.client.getProject({ id: draft.id, language: 'en' }, as(coordinator))).version).toBe(draft.version);
  });

  it('refuses every member to a cancelled project', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const project = await projectIn(
      world.client,
      'approved',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    const volunteer = await person(world.identityClient, territories.marseille);
    const early = await world.client.requestToJoin(
      { projectId: project.id, needId: project.needs[0]!.id, minutes: 60, message: '', idempotencyKey: '' },
      as(volunteer),
    );
    await move(project.id, 'cancelled', coordinator);
    const late = await person(world.identityClient, territories.marseille);
    expect(
      await refusalOf(
        world.client.requestToJoin(
          { projectId: project.id, needId: project.needs[0]!.id, minutes: 60, message: '', idempotencyKey: '' },
          as(late),
        ),
      ),
    ).toMatchObject({ code: 'project_closed' });
    expect(
      await refusalOf(world.client.acceptJoinRequest({ projectId: project.id, requestId: early.id, reason: '' }, as(coordinator))),
    ).toMatchObject({ code: 'project_closed' });
    const { members } = await world.client.listMembers({ projectId: project.id }, as(coordinator));
    expect(members.map((m) => m.personId)).toEqual([coordinator]);
  });

  it('keeps drafts to their team: others do not find them', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const draft = await projectIn(world.client, 'draft', { coordinator, officer: marseilleOfficer }, projectRequest(territories.marseille));
    expect((await refusalOf(world.client.getProject({ id: draft.id, language: 'en' }, as(marseilleOfficer)))).kind).toBe('not_found');
    expect((await world.client.getProject({ id: draft.id, language: 'en' }, SYSTEM)).id).toBe(draft.id);
  });

  it('refuses a stale version and keeps the project as it was', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const draft = await projectIn(world.client, 'draft', { coordinator, officer: marseilleOfficer }, projectRequest(territories.marseille));
    const stale = world.client.changeProjectStatus(
      { id: draft.id, status: status('proposed'), reason: '', expectedVersion: draft.version + 1, language: 'en' },
      as(coordinator),
    );
    expect((await refusalOf(stale)).kind).toBe('stale');
  });

  it('answers the contracts service’s GetProject with the fields it relies on', async () => {
    const coordinator = await person(world.identityClient, territories.aubagne);
    const created = await projectIn(
      world.client,
      'approved',
      { coordinator, officer: aubagneOfficer },
      projectRequest(territories.aubagne, { kind: 'PROJECT_KIND_INDIVIDUAL_INITIATIVE' as never }),
    );
    const seen = await world.clientAs('contracts').getProject({ id: created.id, language: '' }, { caller: systemCaller('contracts') });
    expect(seen).toMatchObject({
      id: created.id,
      territoryId: territories.aubagne,
      kind: 'PROJECT_KIND_INDIVIDUAL_INITIATIVE',
      status: 'PROJECT_STATUS_APPROVED',
      coordinatorId: coordinator,
      title: created.title,
    });
    expect(seen.needs[0]).toMatchObject({ neededMinutes: 600, filledMinutes: 0, openMinutes: 600 });
  });
});

describe('events', () => {
  it('writes every transition with its events to the outbox, in the same transaction, and publishes them', async () => {
    const coordinator = await person(world.identityClient, territories.marseille);
    const project = await projectIn(
      world.client,
      'approved',
      { coordinator, officer: marseilleOfficer },
      projectRequest(territories.marseille),
    );
    const outbox = async () =>
      (
        await world.programs.pool.query<{ type: string; published: boolean }>(
          'select type, published_at is not null as published from outbox where subject = $1 order by seq',
          [project.id],
        )
      ).rows;
    const rows = await waitFor(async () => ((await outbox()).every((r) => r.published) ? outbox() : undefined), { what: 'the relay' });
    expect(rows.map((r) => r.type)).toEqual([
      'programs.project.drafted',
      'programs.project.member_joined',
      'programs.project.status_changed',
      'programs.project.proposed',
      'programs.project.status_changed',
      'programs.project.approved',
    ]);
  });
});
