// Bad input on every programs write route: a 4xx problem naming the field, and nothing changed.
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';
import { createProgramsWorld, SKILL, YEAR, type ProgramsWorld } from './programs-support.js';

let platform: Platform;
let world: World;
let programs: ProgramsWorld;
let coordinator: ReturnType<typeof api>;
let officer: ReturnType<typeof api>;
let inhabitant: ReturnType<typeof api>;
let active: { id: string; needId: string };
let draft: { id: string; needId: string };
let proposed: { id: string; needId: string };
let challengeId: string;
let requestId: string;
let decisionId: string;
/** What the state was before the bad requests, to compare with after them. */
let before: {
  active: unknown;
  draft: unknown;
  proposed: unknown;
  challenge: unknown;
  members: unknown;
  requests: unknown;
  decisions: unknown;
  feedback: unknown;
  programs: unknown;
  mine: unknown;
};

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const past = () => new Date(Date.now() - 60_000).toISOString();
const soon = () => new Date(Date.now() + 3_600_000).toISOString();

const validProject = () => ({
  territoryId: world.territories.marseille,
  title: 'Repair café',
  description: '',
  kind: 'general_interest',
  challengeIds: [] as string[],
  startDate: `${YEAR}-04-01`,
  endDate: `${YEAR}-10-31`,
  needs: [{ skillId: SKILL, neededMinutes: 600 }] as Record<string, unknown>[],
});

async function snapshot() {
  const read = async (path: string) => (await coordinator('GET', path)).body;
  return {
    active: await read(`/v1/projects/${active.id}`),
    draft: await read(`/v1/projects/${draft.id}`),
    proposed: await read(`/v1/projects/${proposed.id}`),
    challenge: await read(`/v1/challenges/${challengeId}`),
    members: await read(`/v1/projects/${active.id}/members`),
    requests: await read(`/v1/projects/${active.id}/join-requests?all=true`),
    decisions: await read(`/v1/projects/${active.id}/decisions`),
    feedback: await read(`/v1/projects/${active.id}/feedback`),
    programs: await read(`/v1/programs?territoryId=${world.territories.marseille}`),
    mine: await read('/v1/me/projects'),
  };
}

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  programs = await createProgramsWorld(platform, world);
  coordinator = api(platform.gateway.url, await platform.tokenFor(programs.coordinator.email));
  officer = api(platform.gateway.url, await platform.tokenFor(world.officer.email));
  inhabitant = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
  active = await programs.project('active');
  draft = await programs.project('draft');
  proposed = await programs.project('proposed');
  challengeId = (await programs.challenge()).id;
  requestId = (await programs.applicant(active.id, active.needId)).requestId;
  decisionId = (await programs.decision(active.id)).id;
  before = await snapshot();
}, 120_000);
afterAll(() => platform.stop());

type Caller = () => ReturnType<typeof api>;
const cases: [
  what: string,
  who: Caller,
  method: string,
  path: () => string,
  body: () => unknown,
  status: number,
  field: string | undefined,
  headers?: () => Record<string, string>,
][] = [
  // challenges
  [
    'a challenge without a title',
    () => officer,
    'POST',
    () => '/v1/challenges',
    () => ({ territoryId: world.territories.marseille, title: ' ' }),
    400,
    'body.title',
  ],
  [
    'a challenge with goal 18',
    () => officer,
    'POST',
    () => '/v1/challenges',
    () => ({ territoryId: world.territories.marseille, title: 'x', sdgs: [18] }),
    400,
    'body.sdgs.0',
  ],
  [
    'a challenge in a territory that does not exist',
    () => officer,
    'POST',
    () => '/v1/challenges',
    () => ({ territoryId: NOWHERE, title: 'x' }),
    400,
    'body.territoryId',
  ],
  [
    'a challenge refining one that does not exist',
    () => officer,
    'POST',
    () => '/v1/challenges',
    () => ({ territoryId: world.territories.marseille, title: 'x', refinesId: NOWHERE }),
    400,
    'body.refinesId',
  ],
  [
    'a challenge refining one of its own territory',
    () => officer,
    'POST',
    () => '/v1/challenges',
    () => ({ territoryId: world.territories.marseille, title: 'x', refinesId: challengeId }),
    400,
    'body.refinesId',
  ],
  [
    'a challenge with an unknown field',
    () => officer,
    'POST',
    () => '/v1/challenges',
    () => ({ territoryId: world.territories.marseille, title: 'x', priority: 1 }),
    400,
    'body.priority',
  ],
  [
    'a challenge change without If-Match',
    () => officer,
    'PUT',
    () => `/v1/challenges/${challengeId}`,
    () => ({ title: 'x' }),
    400,
    'header.if-match',
  ],
  [
    'a challenge change at a stale version',
    () => officer,
    'PUT',
    () => `/v1/challenges/${challengeId}`,
    () => ({ title: 'x' }),
    412,
    undefined,
    () => ({ 'if-match': '"7"' }),
  ],
  [
    'a challenge id that is not a UUID',
    () => officer,
    'PUT',
    () => '/v1/challenges/heat',
    () => ({ title: 'x' }),
    400,
    'params.challengeId',
    () => ({ 'if-match': '"1"' }),
  ],
  // projects
  [
    'a project without a title',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), title: '' }),
    400,
    'body.title',
  ],
  [
    'a project of an unknown kind',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), kind: 'party' }),
    400,
    'body.kind',
  ],
  [
    'a project whose dates are not YYYY-MM-DD',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), startDate: '01/04/2026' }),
    400,
    'body.startDate',
  ],
  [
    'a project on a day that does not exist',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), startDate: `${YEAR}-02-30` }),
    400,
    'body.startDate',
  ],
  [
    'a project ending before it starts',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), endDate: `${YEAR}-01-01` }),
    400,
    'body.endDate',
  ],
  [
    'a need in hours with a fraction of a minute',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), needs: [{ skillId: SKILL, neededMinutes: 90.5 }] }),
    400,
    'body.needs.0.neededMinutes',
  ],
  [
    'a need of zero minutes',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), needs: [{ skillId: SKILL, neededMinutes: 0 }] }),
    400,
    'body.needs.0.neededMinutes',
  ],
  [
    'a need for a skill that does not exist',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), needs: [{ skillId: 'urn:e21:skill:juggling', neededMinutes: 60 }] }),
    400,
    'body.needs.0.skillId',
  ],
  [
    'a need outside the project’s period',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), needs: [{ skillId: SKILL, neededMinutes: 60, startDate: `${YEAR}-01-15` }] }),
    400,
    'body.needs.0.startDate',
  ],
  [
    'a project in a territory that does not exist',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), territoryId: NOWHERE }),
    400,
    'body.territoryId',
  ],
  [
    'a challenge that is not the territory’s',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), challengeIds: [NOWHERE] }),
    400,
    'body.challengeIds.0',
  ],
  [
    'minutes as a string',
    () => coordinator,
    'POST',
    () => '/v1/projects',
    () => ({ ...validProject(), needs: [{ skillId: SKILL, neededMinutes: '600' }] }),
    400,
    'body.needs.0.neededMinutes',
  ],
  ['an edit without If-Match', () => coordinator, 'PUT', () => `/v1/projects/${draft.id}`, () => validProject(), 400, 'header.if-match'],
  [
    'an edit at a stale version',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${draft.id}`,
    () => validProject(),
    412,
    undefined,
    () => ({ 'if-match': '"9"' }),
  ],
  [
    'an edit naming a need the project does not have',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${draft.id}`,
    () => ({ ...validProject(), needs: [{ id: NOWHERE, skillId: SKILL, neededMinutes: 60 }] }),
    400,
    'body.needs.0.id',
    () => ({ 'if-match': '"1"' }),
  ],
  [
    'removing a need that members fill',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${active.id}`,
    () => ({ ...validProject(), needs: [] }),
    409,
    'body.needs',
    () => ({ 'if-match': '"4"' }),
  ],
  [
    'changing the territory after the draft',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${active.id}`,
    () => ({
      ...validProject(),
      territoryId: world.territories.aubagne,
      needs: [{ id: active.needId, skillId: SKILL, neededMinutes: 6000 }],
    }),
    409,
    'body.territoryId',
    () => ({ 'if-match': '"4"' }),
  ],
  [
    'an unknown status',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/status`,
    () => ({ status: 'paused' }),
    400,
    'body.status',
  ],
  [
    'a move the lifecycle does not allow',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/status`,
    () => ({ status: 'proposed' }),
    409,
    'body.status',
  ],
  [
    'a refusal without a reason',
    () => officer,
    'POST',
    () => `/v1/projects/${proposed.id}/status`,
    () => ({ status: 'refused', reason: '  ' }),
    400,
    'body.reason',
  ],
  [
    'a malformed If-Match',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/status`,
    () => ({ status: 'completed' }),
    400,
    'header.if-match',
    () => ({ 'if-match': 'latest' }),
  ],
  [
    'a project id that is not a UUID',
    () => coordinator,
    'POST',
    () => '/v1/projects/garden/status',
    () => ({ status: 'completed' }),
    400,
    'params.projectId',
  ],
  [
    'a project that does not exist',
    () => coordinator,
    'POST',
    () => `/v1/projects/${NOWHERE}/status`,
    () => ({ status: 'completed' }),
    404,
    undefined,
  ],
  // teams
  [
    'more minutes than the need has open',
    () => inhabitant,
    'POST',
    () => `/v1/projects/${active.id}/join-requests`,
    () => ({ needId: active.needId, minutes: 100_000 }),
    409,
    'body.minutes',
  ],
  [
    'a need of another project',
    () => inhabitant,
    'POST',
    () => `/v1/projects/${active.id}/join-requests`,
    () => ({ needId: draft.needId, minutes: 60 }),
    400,
    'body.needId',
  ],
  [
    'negative minutes',
    () => inhabitant,
    'POST',
    () => `/v1/projects/${active.id}/join-requests`,
    () => ({ needId: active.needId, minutes: -60 }),
    400,
    'body.minutes',
  ],
  [
    'an overlong message',
    () => inhabitant,
    'POST',
    () => `/v1/projects/${active.id}/join-requests`,
    () => ({ needId: active.needId, minutes: 60, message: 'x'.repeat(1001) }),
    400,
    'body.message',
  ],
  [
    'a malformed Idempotency-Key',
    () => inhabitant,
    'POST',
    () => `/v1/projects/${active.id}/join-requests`,
    () => ({ needId: active.needId, minutes: 60 }),
    400,
    'header.idempotency-key',
    () => ({ 'idempotency-key': 'no spaces allowed' }),
  ],
  [
    'accepting a request that does not exist',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/join-requests/${NOWHERE}/accept`,
    () => undefined,
    404,
    undefined,
  ],
  [
    'a request id that is not a UUID',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/join-requests/first/accept`,
    () => undefined,
    400,
    'params.requestId',
  ],
  [
    'an overlong reason to decline',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/join-requests/${requestId}/decline`,
    () => ({ reason: 'x'.repeat(1001) }),
    400,
    'body.reason',
  ],
  [
    'making someone coordinator',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${active.id}/members/${programs.member.id}`,
    () => ({ role: 'coordinator' }),
    400,
    'body.role',
  ],
  [
    'a role for someone not on the team',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${active.id}/members/${world.inhabitant.id}`,
    () => ({ role: 'co_manager' }),
    404,
    undefined,
  ],
  [
    'the coordinator leaving',
    () => coordinator,
    'DELETE',
    () => `/v1/projects/${active.id}/members/${programs.coordinator.id}`,
    () => undefined,
    409,
    undefined,
  ],
  [
    'a person id that is not a UUID',
    () => coordinator,
    'DELETE',
    () => `/v1/projects/${active.id}/members/mia`,
    () => undefined,
    400,
    'params.personId',
  ],
  // board
  [
    'a decision with a deadline in the past',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/decisions`,
    () => ({ title: 'x', deadline: past() }),
    400,
    'body.deadline',
  ],
  [
    'a decision with a deadline that is not an instant',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/decisions`,
    () => ({ title: 'x', deadline: 'next friday' }),
    400,
    'body.deadline',
  ],
  [
    'a decision without a title',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/decisions`,
    () => ({ deadline: soon() }),
    400,
    'body.title',
  ],
  [
    'an unknown vote',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/decisions/${decisionId}/votes`,
    () => ({ vote: 'maybe' }),
    400,
    'body.vote',
  ],
  [
    'a vote on a decision that does not exist',
    () => coordinator,
    'POST',
    () => `/v1/projects/${active.id}/decisions/${NOWHERE}/votes`,
    () => ({ vote: 'for' }),
    404,
    undefined,
  ],
  ['a rating of 6', () => inhabitant, 'PUT', () => `/v1/projects/${active.id}/my-feedback`, () => ({ rating: 6 }), 400, 'body.rating'],
  ['a rating of 3.5', () => inhabitant, 'PUT', () => `/v1/projects/${active.id}/my-feedback`, () => ({ rating: 3.5 }), 400, 'body.rating'],
  [
    'an overlong comment',
    () => inhabitant,
    'PUT',
    () => `/v1/projects/${active.id}/my-feedback`,
    () => ({ rating: 3, comment: 'x'.repeat(2001) }),
    400,
    'body.comment',
  ],
  [
    'feedback on a project not running yet',
    () => inhabitant,
    'PUT',
    () => `/v1/projects/${proposed.id}/my-feedback`,
    () => ({ rating: 3 }),
    409,
    undefined,
  ],
  [
    'feedback from the board on its own project',
    () => coordinator,
    'PUT',
    () => `/v1/projects/${active.id}/my-feedback`,
    () => ({ rating: 5 }),
    403,
    undefined,
  ],
  // programs
  [
    'a program for the year 1999',
    () => officer,
    'POST',
    () => '/v1/programs',
    () => ({ territoryId: world.territories.marseille, year: 1999, projectIds: [active.id] }),
    400,
    'body.year',
  ],
  [
    'a program without projects',
    () => officer,
    'POST',
    () => '/v1/programs',
    () => ({ territoryId: world.territories.marseille, year: YEAR, projectIds: [] }),
    400,
    'body.projectIds',
  ],
  [
    'a program holding a draft',
    () => officer,
    'POST',
    () => '/v1/programs',
    () => ({ territoryId: world.territories.marseille, year: YEAR, projectIds: [active.id, draft.id] }),
    400,
    'body.projectIds.1',
  ],
  [
    'a program in a territory that does not exist',
    () => officer,
    'POST',
    () => '/v1/programs',
    () => ({ territoryId: NOWHERE, year: YEAR, projectIds: [active.id] }),
    400,
    'body.territoryId',
  ],
  [
    'a program with project ids that are not UUIDs',
    () => officer,
    'POST',
    () => '/v1/programs',
    () => ({ territoryId: world.territories.marseille, year: YEAR, projectIds: ['garden'] }),
    400,
    'body.projectIds.0',
  ],
  // reads
  [
    'a status filter that is not a status',
    () => inhabitant,
    'GET',
    () => '/v1/projects?status=approved,paused',
    () => undefined,
    400,
    'query.status',
  ],
  ['a forged cursor', () => inhabitant, 'GET', () => '/v1/projects?cursor=bm90LWEtY3Vyc29y', () => undefined, 400, 'query.cursor'],
  [
    'a cursor of the right shape holding no instant',
    () => inhabitant,
    'GET',
    () => `/v1/projects?cursor=${Buffer.from(JSON.stringify(['yesterday', NOWHERE])).toString('base64url')}`,
    () => undefined,
    400,
    'query.cursor',
  ],
  [
    'a search in a territory that does not exist',
    () => inhabitant,
    'GET',
    () => `/v1/projects?territoryId=${NOWHERE}`,
    () => undefined,
    400,
    'query.territoryId',
  ],
];

describe('bad input on programs routes', () => {
  it.each(cases.map((row) => [row[0], row] as const))(
    'refuses %s with a problem naming the field',
    async (_what, [, who, method, path, body, status, field, headers]) => {
      const response = await who()(method, path(), body(), headers?.());
      expect({ status: response.status, detail: response.body?.detail }).toEqual(expect.objectContaining({ status }));
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.type).toMatch(/^\/v1\/problems\/[a-z_]+$/);
      expect(response.body.title).toEqual(expect.any(String));
      if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    },
  );

  it('changed nothing: projects, team, requests, decisions, feedback and programs are as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
