// Teams through the gRPC API: asking to join, accepting, roles, leaving, and the answers timesheets relies on.
import { systemCaller } from '@e21/kit';
import { JoinRequestStatus, TeamRole } from '@e21/proto/e21/programs/v1/programs';
import { as, person, projectIn, projectRequest, SKILLS, startPrograms, teamRole, type ProgramsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let world: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
let officer: string;

beforeAll(async () => {
  world = await startPrograms();
  territories = await createTerritoryTree(world.identityClient);
  officer = await person(world.identityClient, territories.marseille, { officerOf: territories.marseille });
});
afterAll(() => world.stop());

const TIMESHEETS = { caller: systemCaller('timesheets') };

async function approvedProject() {
  const coordinator = await person(world.identityClient, territories.marseille);
  const project = await projectIn(world.client, 'approved', { coordinator, officer }, projectRequest(territories.marseille));
  return { coordinator, project, needId: project.needs[0]!.id };
}

const ask = (projectId: string, needId: string, who: string, minutes = 120, idempotencyKey = '') =>
  world.client.requestToJoin({ projectId, needId, minutes, message: 'I grow tomatoes on my balcony', idempotencyKey }, as(who));

describe('joining a team', () => {
  it('takes a request naming the need, lets the board accept it, and fills the need', async () => {
    const { coordinator, project, needId } = await approvedProject();
    const volunteer = await person(world.identityClient, territories.marseille, { competences: [{ skillId: SKILLS.gardening, level: 3 }] });
    const request = await ask(project.id, needId, volunteer);
    expect(request).toMatchObject({ status: JoinRequestStatus.JOIN_REQUEST_STATUS_PENDING, needId, minutes: 120 });
    const pending = await world.client.listJoinRequests({ projectId: project.id, includeDecided: false }, as(coordinator));
    expect(pending.requests.map((r) => [r.personId, r.competenceLevel])).toEqual([[volunteer, 3]]);
    const member = await world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator));
    expect(member).toMatchObject({ personId: volunteer, role: TeamRole.TEAM_ROLE_CONTRIBUTOR, needId, minutes: 120 });
    const seen = await world.client.getProject({ id: project.id, language: 'en' }, as(volunteer));
    expect(seen.needs[0]).toMatchObject({ neededMinutes: 600, filledMinutes: 120, openMinutes: 480 });
    expect(seen.viewer?.role).toBe(TeamRole.TEAM_ROLE_CONTRIBUTOR);
  });

  it('lets the board decline, and the person ask again later', async () => {
    const { coordinator, project, needId } = await approvedProject();
    const volunteer = await person(world.identityClient, territories.marseille);
    const first = await ask(project.id, needId, volunteer);
    expect((await refusalOf(ask(project.id, needId, volunteer))).code).toBe('request_pending');
    const declined = await world.client.declineJoinRequest(
      { projectId: project.id, requestId: first.id, reason: 'The team is complete for spring' },
      as(coordinator),
    );
    expect(declined).toMatchObject({
      status: JoinRequestStatus.JOIN_REQUEST_STATUS_DECLINED,
      decisionReason: 'The team is complete for spring',
    });
    expect((await ask(project.id, needId, volunteer)).status).toBe(JoinRequestStatus.JOIN_REQUEST_STATUS_PENDING);
  });

  it('does not let a contributor or an outsider accept members', async () => {
    const { coordinator, project, needId } = await approvedProject();
    const contributor = await person(world.identityClient, territories.marseille);
    await world.client.acceptJoinRequest(
      { projectId: project.id, requestId: (await ask(project.id, needId, contributor)).id, reason: '' },
      as(coordinator),
    );
    const volunteer = await person(world.identityClient, territories.marseille);
    const request = await ask(project.id, needId, volunteer);
    expect(
      (await refusalOf(world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(contributor)))).code,
    ).toBe('not_on_board');
    expect(
      (await refusalOf(world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(volunteer)))).code,
    ).toBe('not_on_board');
    expect((await refusalOf(world.client.listJoinRequests({ projectId: project.id, includeDecided: false }, as(contributor)))).kind).toBe(
      'forbidden',
    );
  });

  it('refuses more minutes than the need has open', async () => {
    const { project, needId } = await approvedProject();
    const volunteer = await person(world.identityClient, territories.marseille);
    expect(await refusalOf(ask(project.id, needId, volunteer, 601))).toMatchObject({
      code: 'exceeds_open_minutes',
      fields: [{ field: 'minutes', message: 'must be at most the 600 open minutes' }],
    });
  });

  it('answers a repeated request with the same Idempotency-Key with the first request', async () => {
    const { project, needId } = await approvedProject();
    const volunteer = await person(world.identityClient, territories.marseille);
    const first = await ask(project.id, needId, volunteer, 60, 'join-1');
    const again = await ask(project.id, needId, volunteer, 60, 'join-1');
    expect(again.id).toBe(first.id);
  });
});

describe('the current team, for other services', () => {
  it('answers IsMember and CanValidate from the team as it is now: joining, becoming co-manager, leaving', async () => {
    const { coordinator, project, needId } = await approvedProject();
    const volunteer = await person(world.identityClient, territories.marseille);
    const question = { projectId: project.id, personId: volunteer };
    const timesheets = world.clientAs('timesheets');
    expect(await timesheets.isMember(question, TIMESHEETS)).toEqual({ member: false, role: '' });

    const request = await ask(project.id, needId, volunteer);
    await world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator));
    expect(await timesheets.isMember(question, TIMESHEETS)).toEqual({ member: true, role: 'contributor' });
    expect(await timesheets.canValidate(question, TIMESHEETS)).toEqual({ allowed: false, reason: 'contributors do not validate' });

    await world.client.setMemberRole({ projectId: project.id, personId: volunteer, role: teamRole('co_manager') }, as(coordinator));
    expect(await timesheets.canValidate(question, TIMESHEETS)).toEqual({ allowed: true, reason: 'co-manager of the project' });
    expect(await timesheets.canValidate({ projectId: project.id, personId: coordinator }, TIMESHEETS)).toEqual({
      allowed: true,
      reason: 'coordinator of the project',
    });

    await world.client.removeMember(question, as(volunteer));
    expect(await timesheets.isMember(question, TIMESHEETS)).toEqual({ member: false, role: '' });
    expect((await timesheets.canValidate(question, TIMESHEETS)).allowed).toBe(false);
    expect((await world.client.getProject({ id: project.id, language: 'en' }, as(coordinator))).needs[0]!.filledMinutes).toBe(0);
  });

  it('lets a person ask about themselves, and not about someone else', async () => {
    const { coordinator, project } = await approvedProject();
    const curious = await person(world.identityClient, territories.marseille);
    expect((await world.client.isMember({ projectId: project.id, personId: curious }, as(curious))).member).toBe(false);
    expect((await refusalOf(world.client.isMember({ projectId: project.id, personId: coordinator }, as(curious)))).kind).toBe('forbidden');
  });

  it('keeps the coordinator, who cannot leave, and lets the board remove a contributor', async () => {
    const { coordinator, project, needId } = await approvedProject();
    expect((await refusalOf(world.client.removeMember({ projectId: project.id, personId: coordinator }, as(coordinator)))).code).toBe(
      'coordinator_cannot_leave',
    );
    const volunteer = await person(world.identityClient, territories.marseille);
    await world.client.acceptJoinRequest(
      { projectId: project.id, requestId: (await ask(project.id, needId, volunteer)).id, reason: '' },
      as(coordinator),
    );
    const outsider = await person(world.identityClient, territories.marseille);
    expect((await refusalOf(world.client.removeMember({ projectId: project.id, personId: volunteer }, as(outsider)))).code).toBe(
      'not_on_board',
    );
    await world.client.removeMember({ projectId: project.id, personId: volunteer }, as(coordinator));
    const events = await world.programs.pool.query<{ type: string }>(
      "select type from outbox where subject = $1 and type like 'programs.project.member_%' order by seq",
      [project.id],
    );
    expect(events.rows.map((r) => r.type)).toEqual([
      'programs.project.member_joined',
      'programs.project.member_joined',
      'programs.project.member_left',
    ]);
  });
});
