// Every gateway route of contracts, called by anonymous, the contract's person, a colleague, the
// employer's HR manager, another employer's HR manager, the office's officer and another locality's officer.
import { randomUUID } from 'node:crypto';
import { createClient } from '@e21/kit';
import { allRoutes } from '@e21/gateway/app';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { api, PASSWORD, startPlatform, type Platform } from '../../tests/support/platform.js';
import {
  approvedProject,
  as,
  commit,
  createContractsWorld,
  NO_PARTY,
  terms,
  YEAR,
  type ContractsClient,
  type ContractsWorld,
  type ProgramsClient,
} from '../../tests/support/contracts-world.js';

const ROLES = ['anonymous', 'person', 'colleague', 'hrManager', 'otherHr', 'officer', 'otherOfficer'] as const;
type Role = (typeof ROLES)[number];
const CONTRACTS_TAGS = ['contracts', 'holidays', 'commitments'];

let platform: Platform;
let world: ContractsWorld;
let contracts: ContractsClient;
let programs: ProgramsClient;
const tokens = {} as Record<Role, string | undefined>;
let nextYear = YEAR + 1;

/** Whose token each role uses. */
const who = (role: Exclude<Role, 'anonymous'>) =>
  ({
    person: world.people.amina,
    colleague: world.people.lucas,
    hrManager: world.people.claire,
    otherHr: world.people.garlabanHr,
    officer: world.people.marc,
    otherOfficer: world.people.nadia,
  })[role];

type State = 'proposed' | 'signed' | 'suspended';

/**
 * A contract of Calanques Solaire in Marseille, in the state asked: the person's own (Amina's, in
 * a year of its own) when the person calls, a new colleague's otherwise, so no row sees another's.
 */
async function contractFor(role: Role, state: State = 'proposed'): Promise<{ id: string; personId: string; year: number }> {
  const year = role === 'person' ? nextYear++ : YEAR;
  const personId =
    role === 'person'
      ? world.people.amina.id
      : (await world.person('New Colleague', 'marseille', 'employee', { memberOf: [world.organizations.calanques, 'member'] })).id;
  const proposal = terms({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
  const opened = await contracts.proposeContract(
    { personId, employerId: '', terms: proposal, comment: '', party: NO_PARTY, idempotencyKey: '' },
    as(personId),
  );
  const id = opened.contract!.id;
  if (state !== 'proposed') {
    await commit(contracts, world.organizations.calanques, 1_000_000, year);
    await contracts.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(world.people.claire.id));
    await contracts.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(world.people.marc.id));
  }
  if (state === 'suspended')
    await contracts.suspendContract({ contractId: id, reason: 'inventory', party: NO_PARTY }, as(world.people.claire.id));
  return { id, personId, year };
}

/** SAR holidays requested by the contract's person for their own project, optionally agreed by the employer. */
async function holidaysFor(role: Role, agreed = false): Promise<string> {
  const contract = await contractFor(role, 'signed');
  const project = await approvedProject(programs, world.territories.marseille, contract.personId, world.people.marc.id);
  const holidays = await contracts.requestHolidays(
    {
      contractId: contract.id,
      projectId: project.id,
      startDate: `${contract.year}-05-13`,
      endDate: `${contract.year}-05-17`,
      minutes: 300n,
      comment: '',
      idempotencyKey: '',
    },
    as(contract.personId),
  );
  if (agreed) await contracts.agreeHolidays({ holidaysId: holidays.id, expectedVersion: 1, comment: '' }, as(world.people.claire.id));
  return holidays.id;
}

const ANYONE = randomUUID();
const NO_CONTRACT = { id: ANYONE, personId: ANYONE, year: YEAR };
/** The anonymous caller is refused before anything is looked up: its rows need no fixture. */
const fixture = <T>(role: Role, make: () => Promise<T>, fallback: T) => (role === 'anonymous' ? Promise.resolve(fallback) : make());
const contractPath = async (role: Role, state: State, suffix = '') =>
  `/v1/contracts/${(await fixture(role, () => contractFor(role, state), NO_CONTRACT)).id}${suffix}`;

interface Case {
  method: string;
  route: string;
  what: string;
  request(role: Role): Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expect: [anonymous: number, person: number, colleague: number, hrManager: number, otherHr: number, officer: number, otherOfficer: number];
}

const termsBody = (year = YEAR) => ({
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  yearlyMinutes: 6_600,
  schedule: { weeklyAllowanceMinutes: 120 },
});
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

const cases: Case[] = [
  {
    method: 'GET',
    route: '/v1/contracts',
    what: 'read my negotiation inbox',
    request: async () => ({ path: '/v1/contracts' }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/contracts',
    what: 'propose a contract for Amina (employee of Calanques, Marseille)',
    request: async (role) => ({
      path: '/v1/contracts',
      body: { personId: world.people.amina.id, terms: termsBody(role === 'anonymous' ? YEAR : nextYear++) },
    }),
    expect: [401, 201, 403, 201, 403, 201, 403],
  },
  {
    method: 'GET',
    route: '/v1/contracts/:contractId',
    what: 'read a contract',
    request: async (role) => ({ path: await contractPath(role, 'proposed') }),
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/versions',
    what: 'counter-propose terms',
    request: async (role) => ({
      path: await contractPath(role, 'proposed', '/versions'),
      body: { terms: termsBody(role === 'person' ? nextYear - 1 : YEAR) },
      headers: ifMatch(1),
    }),
    expect: [401, 201, 403, 201, 403, 201, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/acceptances',
    what: 'accept version 1',
    request: async (role) => ({ path: await contractPath(role, 'proposed', '/acceptances'), body: {}, headers: ifMatch(1) }),
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/withdrawal',
    what: 'withdraw version 1',
    request: async (role) => ({ path: await contractPath(role, 'proposed', '/withdrawal'), body: { comment: 'no' }, headers: ifMatch(1) }),
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/suspension',
    what: 'suspend a signed contract (employer or office only)',
    request: async (role) => ({ path: await contractPath(role, 'signed', '/suspension'), body: { reason: 'inventory' } }),
    expect: [401, 403, 403, 200, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/resumption',
    what: 'resume a suspended contract (employer or office only)',
    request: async (role) => ({ path: await contractPath(role, 'suspended', '/resumption'), body: {} }),
    expect: [401, 403, 403, 200, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/termination',
    what: 'terminate a signed contract',
    async request(role) {
      const contract = await fixture(role, () => contractFor(role, 'signed'), NO_CONTRACT);
      return { path: `/v1/contracts/${contract.id}/termination`, body: { endDate: `${contract.year}-09-30`, reason: 'moving away' } };
    },
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/contracts/:contractId/allowance',
    what: 'ask the allowance on a date',
    request: async (role) => ({ path: await contractPath(role, 'signed', `/allowance?date=${YEAR}-03-04`) }),
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/contracts/:contractId/document',
    what: 'download the signed contract',
    request: async (role) => ({ path: await contractPath(role, 'signed', '/document?format=json') }),
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/contracts/:contractId/holidays',
    what: 'list the SAR holidays of a contract',
    request: async (role) => ({ path: await contractPath(role, 'signed', '/holidays') }),
    expect: [401, 200, 403, 200, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/contracts/:contractId/holidays',
    what: 'request SAR holidays (the person only)',
    async request(role) {
      const contract = await fixture(role, () => contractFor(role, 'signed'), NO_CONTRACT);
      const projectId =
        role === 'anonymous'
          ? ANYONE
          : (await approvedProject(programs, world.territories.marseille, contract.personId, world.people.marc.id)).id;
      return {
        path: `/v1/contracts/${contract.id}/holidays`,
        body: { projectId, startDate: `${contract.year}-05-13`, endDate: `${contract.year}-05-17`, minutes: 300 },
      };
    },
    expect: [401, 201, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/holidays',
    what: 'list the holidays waiting for me',
    request: async () => ({ path: '/v1/holidays' }),
    expect: [401, 200, 200, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/holidays/:holidaysId/agreement',
    what: 'agree to holidays as the employer',
    request: async (role) => ({
      path: `/v1/holidays/${await fixture(role, () => holidaysFor(role), ANYONE)}/agreement`,
      body: {},
      headers: ifMatch(1),
    }),
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/holidays/:holidaysId/approval',
    what: 'approve holidays the employer agreed to, as the office',
    request: async (role) => ({
      path: `/v1/holidays/${await fixture(role, () => holidaysFor(role, true), ANYONE)}/approval`,
      body: {},
      headers: ifMatch(2),
    }),
    expect: [401, 403, 403, 403, 403, 200, 403],
  },
  {
    method: 'POST',
    route: '/v1/holidays/:holidaysId/refusal',
    what: 'refuse holidays waiting for the employer (the office must wait for it)',
    request: async (role) => ({
      path: `/v1/holidays/${await fixture(role, () => holidaysFor(role), ANYONE)}/refusal`,
      body: { comment: 'busy' },
      headers: ifMatch(1),
    }),
    expect: [401, 403, 403, 200, 403, 409, 403],
  },
  {
    method: 'POST',
    route: '/v1/holidays/:holidaysId/cancellation',
    what: 'cancel holidays (the person only)',
    request: async (role) => ({
      path: `/v1/holidays/${await fixture(role, () => holidaysFor(role), ANYONE)}/cancellation`,
      body: {},
      headers: ifMatch(1),
    }),
    expect: [401, 200, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/commitments',
    what: 'list the commitments of Calanques Solaire',
    request: async () => ({ path: `/v1/organizations/${world.organizations.calanques}/commitments` }),
    expect: [401, 403, 403, 200, 403, 200, 403],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/commitments/:year',
    what: 'read the commitment dashboard of Calanques Solaire',
    request: async () => ({ path: `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR}` }),
    expect: [401, 403, 403, 200, 403, 200, 403],
  },
  {
    method: 'PUT',
    route: '/v1/organizations/:organizationId/commitments/:year',
    what: 'set a new commitment of Calanques Solaire',
    request: async () => ({
      path: `/v1/organizations/${world.organizations.calanques}/commitments/${nextYear++}`,
      body: { basis: 'absolute', minutes: 60_000 },
    }),
    expect: [401, 403, 403, 200, 403, 403, 403],
  },
];

beforeAll(async () => {
  platform = await startPlatform();
  world = await createContractsWorld(platform.identityClient, {
    password: PASSWORD,
    signIn: ['amina', 'lucas', 'claire', 'garlabanHr', 'marc', 'nadia'],
  });
  contracts = createClient(ContractsServiceService, `127.0.0.1:${platform.services.contracts!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  programs = createClient(ProgramsServiceService, `127.0.0.1:${platform.services.programs!.grpcPort}`, { from: 'test' });
  await commit(contracts, world.organizations.calanques, 1_000_000);
  tokens.anonymous = undefined;
  for (const role of ROLES.slice(1) as Exclude<Role, 'anonymous'>[]) tokens[role] = await platform.tokenFor(who(role).email);
}, 120_000);
afterAll(async () => {
  contracts?.close();
  programs?.close();
  await platform?.stop();
});

describe('who may call each contracts route', () => {
  it('has a row for every contracts route the gateway serves', () => {
    const served = allRoutes({} as never)
      .filter((route) => CONTRACTS_TAGS.includes(route.tag))
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
