// Every gateway route of timesheets, called by anonymous, the person whose hours they are, another
// contributor of the project, its coordinator, the officer of the person's territory, the officer
// of another locality and an integrating body of the region.
import { createClient, toProtoEnum } from '@e21/kit';
import { allRoutes } from '@e21/gateway/app';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { Role as GrantRole, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { api, PASSWORD, startPlatform, SYSTEM, type Platform } from '../../tests/support/platform.js';
import {
  as,
  createContractsWorld,
  NO_PARTY,
  SKILLS,
  terms,
  YEAR,
  type ContractsWorld,
  type ProgramsClient,
} from '../../tests/support/contracts-world.js';
import { join, submit, teamProject, type TeamProject, type TimesheetsClient } from '../../tests/support/timesheets-world.js';

const ROLES = ['anonymous', 'person', 'contributor', 'coordinator', 'officer', 'otherOfficer', 'integrator'] as const;
type Role = (typeof ROLES)[number];
const TIMESHEETS_TAGS = ['timesheets'];
const INTEGRATOR = { id: 'integrator-paca', secret: 'integrator-secret' };

let platform: Platform;
let world: ContractsWorld;
let timesheets: TimesheetsClient;
let programs: ProgramsClient;
let project: TeamProject;
let contractId: string;
/** Jeanne's approved entries of December of the year before, a closed month: one for each correction row. */
const closedMonthEntries: { id: string; version: number }[] = [];
const tokens = {} as Record<Role, string | undefined>;

/** Jeanne (retired, Marseille) logs the hours; Lucas contributes; Claire coordinates; Marc is Marseille's officer, Nadia Aubagne's. */
const who = (role: 'person' | 'contributor' | 'coordinator' | 'officer' | 'otherOfficer') =>
  ({
    person: world.people.jeanne,
    contributor: world.people.lucas,
    coordinator: world.people.claire,
    officer: world.people.marc,
    otherOfficer: world.people.nadia,
  })[role];

let day = 0;
/** A new pending entry of Jeanne's, ten minutes on a day of its own (February onwards). */
async function entry() {
  const date = new Date(Date.UTC(YEAR, 1, 1 + day++)).toISOString().slice(0, 10);
  return submit(timesheets, world.people.jeanne.id, {
    contractId,
    projectId: project.id,
    date,
    minutes: 10,
    competenceId: SKILLS.gardening,
  });
}

/** The anonymous caller is refused before anything is looked up: its rows need no fixture. */
const ANYONE = '00000000-0000-4000-8000-000000000000';
const entryFor = async (role: Role) => (role === 'anonymous' ? { id: ANYONE, version: 1, date: `${YEAR}-02-01` } : entry());

interface Case {
  method: string;
  route: string;
  what: string;
  request(role: Role): Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expect: [
    anonymous: number,
    person: number,
    contributor: number,
    coordinator: number,
    officer: number,
    otherOfficer: number,
    integrator: number,
  ];
}

const IF_1 = { 'if-match': '"1"' };
const marseille = () => world.territories.marseille;

const cases: Case[] = [
  {
    method: 'GET',
    route: '/v1/timesheets/entries',
    what: 'list my hours of February',
    request: async () => ({ path: `/v1/timesheets/entries?from=${YEAR}-02-01&to=${YEAR}-02-28` }),
    expect: [401, 200, 200, 200, 200, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/entries',
    what: 'log hours under Jeanne’s contract',
    request: async () => ({
      path: '/v1/timesheets/entries',
      body: {
        contractId,
        projectId: project.id,
        date: new Date(Date.UTC(YEAR, 1, 1 + day++)).toISOString().slice(0, 10),
        minutes: 10,
        competenceId: SKILLS.gardening,
      },
    }),
    expect: [401, 201, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/timesheets/entries/:entryId',
    what: 'read Jeanne’s entry',
    request: async (role) => ({ path: `/v1/timesheets/entries/${(await entryFor(role)).id}` }),
    expect: [401, 200, 403, 200, 200, 403, 403],
  },
  {
    method: 'PUT',
    route: '/v1/timesheets/entries/:entryId',
    what: 'change Jeanne’s entry',
    async request(role) {
      const e = await entryFor(role);
      return {
        path: `/v1/timesheets/entries/${e.id}`,
        body: { projectId: project.id, date: e.date, minutes: 5, competenceId: SKILLS.gardening },
        headers: IF_1,
      };
    },
    expect: [401, 200, 403, 403, 403, 403, 403],
  },
  {
    method: 'DELETE',
    route: '/v1/timesheets/entries/:entryId',
    what: 'withdraw Jeanne’s entry',
    request: async (role) => ({ path: `/v1/timesheets/entries/${(await entryFor(role)).id}`, headers: IF_1 }),
    expect: [401, 200, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/timesheets/queue',
    what: 'read the project’s validation queue',
    request: async () => ({ path: `/v1/timesheets/queue?projectId=${project.id}` }),
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/entries/:entryId/approval',
    what: 'approve Jeanne’s entry',
    request: async (role) => ({ path: `/v1/timesheets/entries/${(await entryFor(role)).id}/approval`, body: {}, headers: IF_1 }),
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/entries/:entryId/rejection',
    what: 'reject Jeanne’s entry',
    request: async (role) => ({
      path: `/v1/timesheets/entries/${(await entryFor(role)).id}/rejection`,
      body: { reason: 'not that day' },
      headers: IF_1,
    }),
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/approvals',
    what: 'approve two of Jeanne’s entries at once',
    async request(role) {
      const entries = [await entryFor(role), await entryFor(role)];
      return { path: '/v1/timesheets/approvals', body: { entries: entries.map((e) => ({ entryId: e.id, version: 1 })) } };
    },
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/rejections',
    what: 'reject one of Jeanne’s entries',
    request: async (role) => ({
      path: '/v1/timesheets/rejections',
      body: { entries: [{ entryId: (await entryFor(role)).id, version: 1 }], reason: 'wrong project' },
    }),
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/timesheets/contracts/:contractId/balance',
    what: 'read Jeanne’s balance',
    request: async () => ({ path: `/v1/timesheets/contracts/${contractId}/balance?date=${YEAR}-02-04` }),
    expect: [401, 200, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/timesheets/territories/:territoryId/periods',
    what: 'see Marseille’s periods',
    request: async () => ({ path: `/v1/timesheets/territories/${marseille()}/periods?year=${YEAR}` }),
    expect: [401, 403, 403, 403, 200, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/territories/:territoryId/periods/:month/closure',
    what: 'close Marseille’s January',
    request: async () => ({ path: `/v1/timesheets/territories/${marseille()}/periods/${YEAR}-01/closure`, body: {} }),
    expect: [401, 403, 403, 403, 200, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/timesheets/territories/:territoryId/report',
    what: 'read Marseille’s hours per project',
    request: async () => ({ path: `/v1/timesheets/territories/${marseille()}/report?by=project&from=${YEAR}-01&to=${YEAR}-12` }),
    expect: [401, 403, 403, 403, 200, 403, 200],
  },
  {
    method: 'POST',
    route: '/v1/timesheets/entries/:entryId/correction',
    what: 'correct Jeanne’s approved entry of a closed month',
    async request(role) {
      const e = role === 'anonymous' ? { id: ANYONE, version: 2 } : closedMonthEntries.shift()!;
      return {
        path: `/v1/timesheets/entries/${e.id}/correction`,
        body: { minutes: 5, reason: 'Gave five minutes, not ten' },
        headers: { 'if-match': `"${e.version}"` },
      };
    },
    expect: [401, 403, 403, 403, 200, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/timesheets/entries/:entryId/corrections',
    what: 'read the corrections of Jeanne’s entry',
    request: async () => ({ path: `/v1/timesheets/entries/${correctedEntryId}/corrections` }),
    expect: [401, 200, 403, 403, 200, 403, 403],
  },
];
let correctedEntryId = ANYONE;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createContractsWorld(platform.identityClient, {
    password: PASSWORD,
    signIn: ['jeanne', 'lucas', 'claire', 'marc', 'nadia'],
  });
  const contracts = createClient(ContractsServiceService, `127.0.0.1:${platform.services.contracts!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  programs = createClient(ProgramsServiceService, `127.0.0.1:${platform.services.programs!.grpcPort}`, { from: 'test' });
  timesheets = createClient(TimesheetsServiceService, `127.0.0.1:${platform.services.timesheets!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  const { jeanne, lucas, claire, marc } = world.people;
  const proposal = terms({
    yearlyMinutes: 40_000n,
    competenceSkillIds: [SKILLS.gardening],
    schedule: { weeklyAllowanceMinutes: 600n, blocks: [], blackouts: [] },
  });
  contractId = (
    await contracts.proposeContract(
      { personId: jeanne.id, employerId: '', terms: proposal, comment: '', party: NO_PARTY, idempotencyKey: '' },
      as(jeanne.id),
    )
  ).contract!.id;
  await contracts.acceptVersion({ contractId, version: 1, comment: '', party: NO_PARTY }, as(marc.id));
  project = await teamProject(programs, world, claire.id);
  await join(programs, project, jeanne.id, claire.id, { need: 1 });
  await join(programs, project, lucas.id, claire.id);
  // December of the year before, under a contract of its own, closed: out of the report's year.
  const before = terms({
    periodStart: `${YEAR - 1}-01-01`,
    periodEnd: `${YEAR - 1}-12-31`,
    yearlyMinutes: 40_000n,
    competenceSkillIds: [SKILLS.gardening],
    schedule: { weeklyAllowanceMinutes: 600n, blocks: [], blackouts: [] },
  });
  const earlier = (
    await contracts.proposeContract(
      { personId: jeanne.id, employerId: '', terms: before, comment: '', party: NO_PARTY, idempotencyKey: '' },
      as(jeanne.id),
    )
  ).contract!.id;
  await contracts.acceptVersion({ contractId: earlier, version: 1, comment: '', party: NO_PARTY }, as(marc.id));
  contracts.close();
  for (let i = 1; i <= 6; i++) {
    const logged = await submit(timesheets, jeanne.id, {
      contractId: earlier,
      projectId: project.id,
      date: `${YEAR - 1}-12-0${i}`,
      minutes: 10,
      competenceId: SKILLS.gardening,
    });
    const [approved] = (
      await timesheets.approveEntries({ entries: [{ entryId: logged.id, version: logged.version }], reason: '' }, as(claire.id))
    ).entries;
    closedMonthEntries.push({ id: approved!.id, version: approved!.version });
  }
  await timesheets.closePeriod({ territoryId: world.territories.marseille, month: `${YEAR - 1}-12`, carryPending: false }, as(marc.id));
  // The officer's row corrects the fifth entry (person, contributor, coordinator, officer take them in turn).
  correctedEntryId = closedMonthEntries[3]!.id;
  await platform.identityClient.grantRole(
    {
      grantee: `client:${INTEGRATOR.id}`,
      role: toProtoEnum<GrantRole>('ROLE', 'integrator'),
      scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
      scopeId: world.territories.paca,
    },
    SYSTEM,
  );
  tokens.anonymous = undefined;
  for (const role of ['person', 'contributor', 'coordinator', 'officer', 'otherOfficer'] as const)
    tokens[role] = await platform.tokenFor(who(role).email);
  tokens.integrator = await platform.clientToken(INTEGRATOR.id, INTEGRATOR.secret);
}, 120_000);
afterAll(async () => {
  timesheets?.close();
  programs?.close();
  await platform?.stop();
});

describe('who may call each timesheets route', () => {
  it('has a row for every timesheets route the gateway serves', () => {
    const served = allRoutes({} as never)
      .filter((route) => TIMESHEETS_TAGS.includes(route.tag))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    expect(cases.map((c) => `${c.method} ${c.route}`).sort()).toEqual(served);
  });

  const rows = cases.flatMap((c) => ROLES.map((role, index) => [c.method, c.route, c.what, role, c.expect[index]!, c] as const));
  it.each(rows)('%s %s (%s) as %s answers %i', async (method, _route, _what, role, expected, testCase) => {
    const request = await testCase.request(role);
    const response = await api(platform.gateway.url, tokens[role])(method, request.path, request.body, request.headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status: expected }));
    if (expected >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('the report as CSV', () => {
  it('answers CSV to Accept: text/csv and to format=csv, with a row per project and the total', async () => {
    await timesheets.approveEntries({ entries: [{ entryId: (await entry()).id, version: 1 }], reason: '' }, as(world.people.claire.id));
    const path = `/v1/timesheets/territories/${world.territories.paca}/report?by=project&from=${YEAR}-01&to=${YEAR}-12`;
    const json = await api(platform.gateway.url, tokens.integrator)('GET', path);
    // The coordinator's rows of the table approved one entry, then two; this test a fourth: 40 minutes.
    expect(json.body.rows).toEqual([
      { key: project.id, label: expect.stringMatching(/^Solar roofs/), approvedMinutes: 40, entryCount: 4, personCount: 1 },
    ]);
    const byHeader = await fetch(`${platform.gateway.url}${path}`, {
      headers: { authorization: `Bearer ${tokens.integrator}`, accept: 'text/csv' },
    });
    expect(byHeader.headers.get('content-type')).toContain('text/csv');
    expect(byHeader.headers.get('content-disposition')).toContain(`hours-by-project-${YEAR}-01-${YEAR}-12.csv`);
    const lines = (await byHeader.text()).trim().split('\r\n');
    expect(lines).toEqual([
      'project,label,approved_minutes,entries,people',
      `${project.id},${json.body.rows[0].label},40,4,1`,
      'total,,40,4,',
    ]);
    const byQuery = await fetch(`${platform.gateway.url}${path}&format=csv`, { headers: { authorization: `Bearer ${tokens.integrator}` } });
    expect(await byQuery.text()).toBe(lines.join('\r\n') + '\r\n');
  });
});
