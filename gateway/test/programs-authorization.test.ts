// Every gateway route of programs, called by anonymous, an inhabitant, a project's contributor,
// co-manager and coordinator, an officer of the project's territory and an officer of another one.
import { allRoutes } from '@e21/gateway/app';
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';
import { createProgramsWorld, YEAR, type ProgramsWorld } from './programs-support.js';

/** The OpenAPI tags of programs' routes. */
const PROGRAMS_TAGS = ['challenges', 'projects', 'teams', 'boards', 'programs'];

const ROLES = ['anonymous', 'inhabitant', 'member', 'coManager', 'coordinator', 'officer', 'otherOfficer'] as const;
type Role = (typeof ROLES)[number];

interface Case {
  method: string;
  route: string;
  what: string;
  /** Builds the request for one role, creating what it needs so that roles do not interfere. */
  request(
    role: Role,
  ):
    | Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>
    | { path: string; body?: unknown; headers?: Record<string, string> };
  expect: [
    anonymous: number,
    inhabitant: number,
    member: number,
    coManager: number,
    coordinator: number,
    officer: number,
    otherOfficer: number,
  ];
}

let platform: Platform;
let world: World;
let programs: ProgramsWorld;
const tokens = {} as Record<Role, string | undefined>;
/** Read-only fixtures shared by the rows that only read. */
const shared = {} as { approved: { id: string; needId: string }; challengeId: string; programId: string };

const soon = () => new Date(Date.now() + 3_600_000).toISOString();
const projectBody = () => ({
  territoryId: world.territories.marseille,
  title: 'Repair café',
  kind: 'general_interest',
  startDate: `${YEAR}-04-01`,
  endDate: `${YEAR}-10-31`,
  needs: [{ skillId: 'urn:e21:skill:carpentry', neededMinutes: 600 }],
});

const cases: Case[] = [
  {
    method: 'GET',
    route: '/v1/sdgs',
    what: 'list the SDGs',
    request: () => ({ path: '/v1/sdgs' }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/challenges',
    what: 'list the challenges seen from Marseille',
    request: () => ({ path: `/v1/challenges?territoryId=${world.territories.marseille}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/challenges',
    what: 'set a challenge on Marseille',
    request: () => ({ path: '/v1/challenges', body: { territoryId: world.territories.marseille, title: 'Cool islands', sdgs: [11] } }),
    expect: [401, 403, 403, 403, 403, 201, 403],
  },
  {
    method: 'GET',
    route: '/v1/challenges/:challengeId',
    what: 'read a challenge',
    request: () => ({ path: `/v1/challenges/${shared.challengeId}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'PUT',
    route: '/v1/challenges/:challengeId',
    what: 'change a Marseille challenge',
    request: async () => ({
      path: `/v1/challenges/${(await programs.challenge()).id}`,
      body: { title: 'Shade and water', sdgs: [6] },
      headers: { 'if-match': '"1"' },
    }),
    expect: [401, 403, 403, 403, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/projects',
    what: 'search the projects of Bouches-du-Rhône',
    request: () => ({ path: `/v1/projects?territoryId=${world.territories.bouchesDuRhone}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/projects',
    what: 'start a project',
    request: () => ({ path: '/v1/projects', body: projectBody() }),
    expect: [401, 201, 201, 201, 201, 201, 201],
  },
  {
    method: 'GET',
    route: '/v1/projects/:projectId',
    what: 'read an approved project',
    request: () => ({ path: `/v1/projects/${shared.approved.id}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/projects/:projectId',
    what: 'read a draft, which only its team sees',
    request: async () => ({ path: `/v1/projects/${(await programs.project('draft')).id}` }),
    expect: [401, 404, 404, 404, 200, 404, 404],
  },
  {
    method: 'PUT',
    route: '/v1/projects/:projectId',
    what: 'edit an approved project',
    request: async () => {
      const project = await programs.project('approved');
      return {
        path: `/v1/projects/${project.id}`,
        body: {
          ...projectBody(),
          title: 'Jardin partagé et verger',
          needs: [{ id: project.needId, skillId: 'urn:e21:skill:urban-gardening', neededMinutes: 6000 }],
        },
        headers: { 'if-match': '"3"' },
      };
    },
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/status',
    what: 'propose a draft',
    request: async () => ({ path: `/v1/projects/${(await programs.project('draft')).id}/status`, body: { status: 'proposed' } }),
    expect: [401, 404, 404, 404, 200, 404, 404],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/status',
    what: 'approve a proposed Marseille project',
    request: async () => ({ path: `/v1/projects/${(await programs.project('proposed')).id}/status`, body: { status: 'approved' } }),
    expect: [401, 403, 403, 403, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/status',
    what: 'start an approved project',
    request: async () => ({ path: `/v1/projects/${(await programs.project('approved')).id}/status`, body: { status: 'active' } }),
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/status',
    what: 'cancel an active project',
    request: async () => ({
      path: `/v1/projects/${(await programs.project('active')).id}/status`,
      body: { status: 'cancelled', reason: 'No more volunteers' },
    }),
    expect: [401, 403, 403, 200, 200, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/me/projects',
    what: 'list my projects',
    request: () => ({ path: '/v1/me/projects' }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/me/project-suggestions',
    what: 'list projects for me',
    request: () => ({ path: '/v1/me/project-suggestions' }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/project-approvals',
    what: 'read the approval queue of Marseille',
    request: () => ({ path: `/v1/project-approvals?territoryId=${world.territories.marseille}` }),
    expect: [401, 403, 403, 403, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/projects/:projectId/members',
    what: 'read a team',
    request: () => ({ path: `/v1/projects/${shared.approved.id}/members` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/join-requests',
    what: 'ask to join (those on the team already are)',
    request: async () => {
      const project = await programs.project('approved');
      return { path: `/v1/projects/${project.id}/join-requests`, body: { needId: project.needId, minutes: 60 } };
    },
    expect: [401, 201, 409, 409, 409, 201, 201],
  },
  {
    method: 'GET',
    route: '/v1/projects/:projectId/join-requests',
    what: 'read who asked to join',
    request: () => ({ path: `/v1/projects/${shared.approved.id}/join-requests` }),
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/join-requests/:requestId/accept',
    what: 'accept a request to join',
    request: async () => {
      const project = await programs.project('approved');
      const { requestId } = await programs.applicant(project.id, project.needId);
      return { path: `/v1/projects/${project.id}/join-requests/${requestId}/accept` };
    },
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/join-requests/:requestId/decline',
    what: 'decline a request to join',
    request: async () => {
      const project = await programs.project('approved');
      const { requestId } = await programs.applicant(project.id, project.needId);
      return { path: `/v1/projects/${project.id}/join-requests/${requestId}/decline`, body: { reason: 'Full' } };
    },
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'PUT',
    route: '/v1/projects/:projectId/members/:personId',
    what: 'make a contributor co-manager',
    request: async () => {
      const project = await programs.project('approved');
      return { path: `/v1/projects/${project.id}/members/${programs.member.id}`, body: { role: 'co_manager' } };
    },
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'DELETE',
    route: '/v1/projects/:projectId/members/:personId',
    what: 'remove the contributor (or leave, as the contributor)',
    request: async () => ({ path: `/v1/projects/${(await programs.project('approved')).id}/members/${programs.member.id}` }),
    expect: [401, 403, 204, 204, 204, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/projects/:projectId/decisions',
    what: 'read the board’s decisions',
    request: () => ({ path: `/v1/projects/${shared.approved.id}/decisions` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/decisions',
    what: 'put a decision to the board',
    request: async () => ({
      path: `/v1/projects/${(await programs.project('active')).id}/decisions`,
      body: { title: 'Open on Sundays', deadline: soon() },
    }),
    expect: [401, 403, 403, 201, 201, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/projects/:projectId/decisions/:decisionId/votes',
    what: 'vote on a decision',
    request: async () => {
      const project = await programs.project('active');
      const decision = await programs.decision(project.id);
      return { path: `/v1/projects/${project.id}/decisions/${decision.id}/votes`, body: { vote: 'for' } };
    },
    expect: [401, 403, 403, 201, 201, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/projects/:projectId/feedback',
    what: 'read the feedback',
    request: () => ({ path: `/v1/projects/${shared.approved.id}/feedback` }),
    expect: [401, 403, 403, 200, 200, 403, 403],
  },
  {
    method: 'PUT',
    route: '/v1/projects/:projectId/my-feedback',
    what: 'rate an active project',
    request: async () => ({
      path: `/v1/projects/${(await programs.project('active')).id}/my-feedback`,
      body: { rating: 4, comment: 'Nice' },
    }),
    expect: [401, 200, 200, 403, 403, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/programs',
    what: 'list the programs of Marseille',
    request: () => ({ path: `/v1/programs?territoryId=${world.territories.marseille}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/program-candidates',
    what: 'list the candidates of Marseille’s program',
    request: () => ({ path: `/v1/program-candidates?territoryId=${world.territories.marseille}&year=${YEAR}` }),
    expect: [401, 403, 403, 403, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/programs',
    what: 'draft Marseille’s program',
    request: () => ({
      path: '/v1/programs',
      body: { territoryId: world.territories.marseille, year: YEAR, projectIds: [shared.approved.id] },
    }),
    expect: [401, 403, 403, 403, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/programs/:programId',
    what: 'read a program',
    request: () => ({ path: `/v1/programs/${shared.programId}` }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
];

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  programs = await createProgramsWorld(platform, world);
  const people: Record<Exclude<Role, 'anonymous'>, { email: string }> = {
    inhabitant: world.inhabitant,
    member: programs.member,
    coManager: programs.coManager,
    coordinator: programs.coordinator,
    officer: world.officer,
    otherOfficer: programs.otherOfficer,
  };
  for (const [role, person] of Object.entries(people)) tokens[role as Role] = await platform.tokenFor(person.email);
  shared.approved = await programs.project('approved');
  shared.challengeId = (await programs.challenge('paca')).id;
  shared.programId = (
    await programs.client.draftProgram(
      { territoryId: world.territories.marseille, year: YEAR, projectIds: [shared.approved.id], language: 'en' },
      { caller: { kind: 'system', service: 'test' } },
    )
  ).id;
}, 120_000);
afterAll(() => platform.stop());

describe('who may call each programs route', () => {
  it('has a row for every programs route the gateway serves', () => {
    const served = allRoutes({} as never)
      .filter((route) => PROGRAMS_TAGS.includes(route.tag))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    expect([...new Set(cases.map((c) => `${c.method} ${c.route}`))].sort()).toEqual(served);
  });

  const rows = cases.flatMap((c) => ROLES.map((role, index) => [c.method, c.route, c.what, role, c.expect[index]!, c] as const));
  it.each(rows)('%s %s (%s) as %s answers %i', async (method, _route, _what, role, expected, testCase) => {
    const request = await testCase.request(role);
    const response = await api(platform.gateway.url, tokens[role])(method, request.path, request.body, request.headers);
    expect({ status: response.status, type: response.body?.type, detail: response.body?.detail }).toEqual(
      expect.objectContaining({ status: expected }),
    );
    if (expected >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
