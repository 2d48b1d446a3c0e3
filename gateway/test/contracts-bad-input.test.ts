// Bad input on every contracts write route gets a 4xx problem naming the field, and changes nothing.
import { createClient } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { api, PASSWORD, startPlatform, type Platform } from '../../tests/support/platform.js';
import {
  approvedProject,
  as,
  commit,
  createContractsWorld,
  NO_PARTY,
  SKILLS,
  terms,
  YEAR,
  type ContractsClient,
  type ContractsWorld,
} from '../../tests/support/contracts-world.js';

let platform: Platform;
let world: ContractsWorld;
let contracts: ContractsClient;
let person: ReturnType<typeof api>;
let hr: ReturnType<typeof api>;
/** A contract under negotiation (version 1), a signed one (next year) with requested holidays, and their state before. */
const ids = { proposed: '', signed: '', holidays: '', project: '' };
const NOBODY = '00000000-0000-4000-8000-000000000000';
let before: Record<string, unknown>;

const validTerms = (year = YEAR) => ({
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  yearlyMinutes: 6_600,
  competences: [SKILLS.firstAid],
  schedule: { weeklyAllowanceMinutes: 120, blocks: [], blackouts: [] },
});
const withTerms = (change: (t: ReturnType<typeof validTerms>) => unknown) => ({
  personId: world.people.amina.id,
  terms: change(validTerms(YEAR + 5)),
});
const withSchedule = (schedule: Record<string, unknown>) => withTerms((t) => ({ ...t, schedule: { ...t.schedule, ...schedule } }));

/** What the bad requests must leave as it was. */
async function snapshot() {
  const detail = async (id: string) => {
    const { body } = await person('GET', `/v1/contracts/${id}`);
    return {
      status: body.contract.status,
      latestVersion: body.contract.latestVersion,
      history: body.history.length,
      acceptances: body.versions.map((v: { acceptances: unknown[] }) => v.acceptances.length),
    };
  };
  const inbox = await person('GET', '/v1/contracts?party=person');
  const commitments = await hr('GET', `/v1/organizations/${world.organizations.calanques}/commitments`);
  const holidays = await person('GET', `/v1/contracts/${ids.signed}/holidays`);
  return {
    proposed: await detail(ids.proposed),
    signed: await detail(ids.signed),
    contracts: inbox.body.items.length,
    commitments: commitments.body.items.map((c: { year: number; version: number; committedMinutes: number }) => [
      c.year,
      c.version,
      c.committedMinutes,
    ]),
    holidays: holidays.body.items.map((h: { status: string; version: number }) => [h.status, h.version]),
  };
}

beforeAll(async () => {
  platform = await startPlatform();
  world = await createContractsWorld(platform.identityClient, { password: PASSWORD, signIn: ['amina', 'claire', 'marc'] });
  contracts = createClient(ContractsServiceService, `127.0.0.1:${platform.services.contracts!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  const programs = createClient(ProgramsServiceService, `127.0.0.1:${platform.services.programs!.grpcPort}`, { from: 'test' });
  const { amina, claire, marc } = world.people;
  await commit(contracts, world.organizations.calanques, 100_000, YEAR + 1);
  ids.proposed = (
    await contracts.proposeContract(
      { personId: amina.id, employerId: '', terms: terms(), comment: '', party: NO_PARTY, idempotencyKey: '' },
      as(amina.id),
    )
  ).contract!.id;
  const nextYear = terms({
    periodStart: `${YEAR + 1}-01-01`,
    periodEnd: `${YEAR + 1}-12-31`,
    schedule: {
      weeklyAllowanceMinutes: 120n,
      blocks: [],
      blackouts: [{ startDate: `${YEAR + 1}-07-01`, endDate: `${YEAR + 1}-08-31`, reason: '' }],
    },
  });
  ids.signed = (
    await contracts.proposeContract(
      { personId: amina.id, employerId: '', terms: nextYear, comment: '', party: NO_PARTY, idempotencyKey: '' },
      as(amina.id),
    )
  ).contract!.id;
  for (const by of [claire, marc])
    await contracts.acceptVersion({ contractId: ids.signed, version: 1, comment: '', party: NO_PARTY }, as(by.id));
  ids.project = (await approvedProject(programs, world.territories.marseille, amina.id, marc.id)).id;
  ids.holidays = (
    await contracts.requestHolidays(
      {
        contractId: ids.signed,
        projectId: ids.project,
        startDate: `${YEAR + 1}-05-13`,
        endDate: `${YEAR + 1}-05-14`,
        minutes: 120n,
        comment: '',
        idempotencyKey: '',
      },
      as(amina.id),
    )
  ).id;
  programs.close();
  person = api(platform.gateway.url, await platform.tokenFor(amina.email));
  hr = api(platform.gateway.url, await platform.tokenFor(claire.email));
  before = await snapshot();
}, 120_000);
afterAll(async () => {
  contracts?.close();
  await platform?.stop();
});

type Case = [
  what: string,
  caller: 'person' | 'hr',
  method: string,
  path: () => string,
  body: unknown,
  headers: Record<string, string>,
  status: number,
  field: string | undefined,
];

const IF_1 = { 'if-match': '"1"' };

const cases: Case[] = [
  ['malformed JSON', 'person', 'POST', () => '/v1/contracts', '{"personId": ', {}, 400, undefined],
  ['an unknown field', 'person', 'POST', () => '/v1/contracts', () => ({ ...withTerms((t) => t), salary: 1 }), {}, 400, 'body.salary'],
  [
    'a person id that is not a UUID',
    'person',
    'POST',
    () => '/v1/contracts',
    () => ({ ...withTerms((t) => t), personId: 'amina' }),
    {},
    400,
    'body.personId',
  ],
  [
    'a person that does not exist (no different from one the caller may not act for)',
    'person',
    'POST',
    () => '/v1/contracts',
    () => ({ ...withTerms((t) => t), personId: NOBODY }),
    {},
    403,
    undefined,
  ],
  ['missing terms', 'person', 'POST', () => '/v1/contracts', () => ({ personId: world.people.amina.id }), {}, 400, 'body.terms'],
  [
    'a date that is not a calendar date',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, periodStart: `${YEAR + 5}-02-30` })),
    {},
    400,
    'body.terms.periodStart',
  ],
  [
    'a period over two calendar years',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, periodEnd: `${YEAR + 6}-01-31` })),
    {},
    400,
    'body.terms.periodEnd',
  ],
  [
    'yearly minutes as a string',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, yearlyMinutes: '6600' })),
    {},
    400,
    'body.terms.yearlyMinutes',
  ],
  [
    'yearly minutes that are not whole',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, yearlyMinutes: 6600.5 })),
    {},
    400,
    'body.terms.yearlyMinutes',
  ],
  [
    'yearly minutes beyond the legal working year',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, yearlyMinutes: 96_421 })),
    {},
    400,
    'body.terms.yearlyMinutes',
  ],
  [
    'a negative weekly allowance',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withSchedule({ weeklyAllowanceMinutes: -1 }),
    {},
    400,
    'body.terms.schedule.weeklyAllowanceMinutes',
  ],
  [
    'a block in a blackout',
    'person',
    'POST',
    () => '/v1/contracts',
    () =>
      withSchedule({
        blocks: [{ startDate: `${YEAR + 5}-07-10`, endDate: `${YEAR + 5}-07-12`, minutes: 600 }],
        blackouts: [{ startDate: `${YEAR + 5}-07-01`, endDate: `${YEAR + 5}-07-31` }],
      }),
    {},
    400,
    'body.terms.schedule.blocks.0',
  ],
  [
    'a block of more than 10 hours a day',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withSchedule({ blocks: [{ startDate: `${YEAR + 5}-03-04`, endDate: `${YEAR + 5}-03-04`, minutes: 601 }] }),
    {},
    400,
    'body.terms.schedule.blocks.0.minutes',
  ],
  [
    'a block outside the period',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withSchedule({ blocks: [{ startDate: `${YEAR + 4}-12-30`, endDate: `${YEAR + 5}-01-02`, minutes: 600 }] }),
    {},
    400,
    'body.terms.schedule.blocks.0.startDate',
  ],
  [
    'a schedule planning more than the yearly minutes',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withSchedule({ weeklyAllowanceMinutes: 600 }),
    {},
    400,
    'body.terms.schedule',
  ],
  [
    'a competence not on the person’s profile',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, competences: ['urn:e21:skill:juggling'] })),
    {},
    400,
    'body.terms.competences.0',
  ],
  [
    'a preferred project that does not exist',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => ({ ...t, preferredProjectIds: [NOBODY] })),
    {},
    400,
    'body.terms.preferredProjectIds.0',
  ],
  [
    'a party that is not one',
    'person',
    'POST',
    () => '/v1/contracts',
    () => ({ ...withTerms((t) => t), party: 'boss' }),
    {},
    400,
    'body.party',
  ],
  [
    'an overlong comment',
    'person',
    'POST',
    () => '/v1/contracts',
    () => ({ ...withTerms((t) => t), comment: 'x'.repeat(1001) }),
    {},
    400,
    'body.comment',
  ],
  [
    'a comment with a NUL character',
    'person',
    'POST',
    () => '/v1/contracts',
    () => ({ ...withTerms((t) => t), comment: 'a\u0000b' }),
    {},
    400,
    'body.comment',
  ],
  [
    'a block label with a NUL character',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withSchedule({ blocks: [{ startDate: `${YEAR + 5}-03-04`, endDate: `${YEAR + 5}-03-04`, minutes: 60, label: 'a\u0000' }] }),
    {},
    400,
    'body.terms.schedule.blocks.0.label',
  ],
  [
    'a malformed Idempotency-Key',
    'person',
    'POST',
    () => '/v1/contracts',
    () => withTerms((t) => t),
    { 'idempotency-key': 'not a key!' },
    400,
    'header.idempotency-key',
  ],
  [
    'a period overlapping the person’s contract',
    'person',
    'POST',
    () => '/v1/contracts',
    () => ({ personId: world.people.amina.id, terms: validTerms(YEAR) }),
    {},
    409,
    'body.terms.periodStart',
  ],
  [
    'a counter-proposal without If-Match',
    'person',
    'POST',
    () => `/v1/contracts/${ids.proposed}/versions`,
    () => ({ terms: validTerms() }),
    {},
    400,
    'header.if-match',
  ],
  [
    'a counter-proposal on a stale version',
    'hr',
    'POST',
    () => `/v1/contracts/${ids.proposed}/versions`,
    () => ({ terms: validTerms() }),
    { 'if-match': '"7"' },
    412,
    undefined,
  ],
  [
    'a malformed If-Match',
    'person',
    'POST',
    () => `/v1/contracts/${ids.proposed}/acceptances`,
    {},
    { 'if-match': 'latest' },
    400,
    'header.if-match',
  ],
  [
    'an acceptance of a stale version',
    'hr',
    'POST',
    () => `/v1/contracts/${ids.proposed}/acceptances`,
    {},
    { 'if-match': '"2"' },
    412,
    undefined,
  ],
  ['a contract id that is not a UUID', 'hr', 'POST', () => '/v1/contracts/abc/acceptances', {}, IF_1, 400, 'params.contractId'],
  [
    'a contract that does not exist (no different from someone else’s)',
    'hr',
    'POST',
    () => `/v1/contracts/${NOBODY}/acceptances`,
    {},
    IF_1,
    403,
    undefined,
  ],
  [
    'a withdrawal of a stale version',
    'person',
    'POST',
    () => `/v1/contracts/${ids.proposed}/withdrawal`,
    {},
    { 'if-match': '"3"' },
    412,
    undefined,
  ],
  ['a suspension without a reason', 'hr', 'POST', () => `/v1/contracts/${ids.signed}/suspension`, { reason: '  ' }, {}, 400, 'body.reason'],
  [
    'a resumption of a contract that is not suspended',
    'hr',
    'POST',
    () => `/v1/contracts/${ids.signed}/resumption`,
    {},
    {},
    409,
    undefined,
  ],
  [
    'a termination date that is not a date',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/termination`,
    { endDate: 'tomorrow', reason: 'x' },
    {},
    400,
    'body.endDate',
  ],
  [
    'a termination date after the period',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/termination`,
    () => ({ endDate: `${YEAR + 2}-01-15`, reason: 'x' }),
    {},
    400,
    'body.endDate',
  ],
  [
    'a termination of a contract not signed',
    'person',
    'POST',
    () => `/v1/contracts/${ids.proposed}/termination`,
    () => ({ endDate: `${YEAR}-06-30`, reason: 'x' }),
    {},
    409,
    undefined,
  ],
  [
    'an allowance date that is not a date',
    'person',
    'GET',
    () => `/v1/contracts/${ids.signed}/allowance?date=2031-13-01`,
    undefined,
    {},
    400,
    'query.date',
  ],
  [
    'a document format that does not exist',
    'person',
    'GET',
    () => `/v1/contracts/${ids.signed}/document?format=docx`,
    undefined,
    {},
    400,
    'query.format',
  ],
  ['a document of an unsigned version', 'person', 'GET', () => `/v1/contracts/${ids.proposed}/document`, undefined, {}, 409, undefined],
  [
    'holidays of no minutes',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/holidays`,
    () => ({ projectId: ids.project, startDate: `${YEAR + 1}-10-07`, endDate: `${YEAR + 1}-10-08`, minutes: 0 }),
    {},
    400,
    'body.minutes',
  ],
  [
    'holidays ending before they start',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/holidays`,
    () => ({ projectId: ids.project, startDate: `${YEAR + 1}-10-08`, endDate: `${YEAR + 1}-10-07`, minutes: 60 }),
    {},
    400,
    'body.endDate',
  ],
  [
    'holidays in a blackout',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/holidays`,
    () => ({ projectId: ids.project, startDate: `${YEAR + 1}-07-07`, endDate: `${YEAR + 1}-07-08`, minutes: 60 }),
    {},
    400,
    'body.startDate',
  ],
  [
    'holidays for a project that does not exist',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/holidays`,
    () => ({ projectId: NOBODY, startDate: `${YEAR + 1}-10-07`, endDate: `${YEAR + 1}-10-08`, minutes: 60 }),
    {},
    400,
    'body.projectId',
  ],
  [
    'holidays beyond the SAR',
    'person',
    'POST',
    () => `/v1/contracts/${ids.signed}/holidays`,
    () => ({ projectId: ids.project, startDate: `${YEAR + 1}-10-07`, endDate: `${YEAR + 1}-10-11`, minutes: 3000 }),
    {},
    409,
    'body.minutes',
  ],
  ['an agreement without If-Match', 'hr', 'POST', () => `/v1/holidays/${ids.holidays}/agreement`, {}, {}, 400, 'header.if-match'],
  [
    'an agreement on a stale version',
    'hr',
    'POST',
    () => `/v1/holidays/${ids.holidays}/agreement`,
    {},
    { 'if-match': '"4"' },
    412,
    undefined,
  ],
  ['a holidays id that is not a UUID', 'hr', 'POST', () => '/v1/holidays/h-1/agreement', {}, IF_1, 400, 'params.holidaysId'],
  ['an approval before the employer agreed', 'hr', 'POST', () => `/v1/holidays/${ids.holidays}/approval`, {}, IF_1, 403, undefined],
  [
    'a refusal with an overlong comment',
    'hr',
    'POST',
    () => `/v1/holidays/${ids.holidays}/refusal`,
    { comment: 'x'.repeat(1001) },
    IF_1,
    400,
    'body.comment',
  ],
  ['a cancellation without If-Match', 'person', 'POST', () => `/v1/holidays/${ids.holidays}/cancellation`, {}, {}, 400, 'header.if-match'],
  [
    'a cancellation with an unknown field',
    'person',
    'POST',
    () => `/v1/holidays/${ids.holidays}/cancellation`,
    { why: 'x' },
    IF_1,
    400,
    'body.why',
  ],
  ['a resumption with an unknown field', 'hr', 'POST', () => `/v1/contracts/${ids.signed}/resumption`, { now: true }, {}, 400, 'body.now'],
  [
    'a commitment of an unknown basis',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR + 1}`,
    { basis: 'gift', minutes: 10 },
    IF_1,
    400,
    'body.basis',
  ],
  [
    'a commitment of negative minutes',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR + 1}`,
    { basis: 'absolute', minutes: -5 },
    IF_1,
    400,
    'body.minutes',
  ],
  [
    'a share over 100 %',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR + 1}`,
    { basis: 'share', shareBasisPoints: 10_001, declaredEmployees: 10, declaredMinutesPerEmployee: 96_000 },
    IF_1,
    400,
    'body.shareBasisPoints',
  ],
  [
    'a year out of range',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/1999`,
    { basis: 'absolute', minutes: 60 },
    {},
    400,
    'params.year',
  ],
  [
    'a change of a commitment without If-Match',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR + 1}`,
    { basis: 'absolute', minutes: 200_000 },
    {},
    400,
    'header.if-match',
  ],
  [
    'a change of a commitment on a stale version',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR + 1}`,
    { basis: 'absolute', minutes: 200_000 },
    { 'if-match': '"9"' },
    412,
    undefined,
  ],
  [
    'a commitment below what is allocated',
    'hr',
    'PUT',
    () => `/v1/organizations/${world.organizations.calanques}/commitments/${YEAR + 1}`,
    { basis: 'absolute', minutes: 6_000 },
    IF_1,
    409,
    undefined,
  ],
  ['a forged inbox cursor', 'person', 'GET', () => '/v1/contracts?cursor=bm90LWEtY3Vyc29y', undefined, {}, 400, 'query.cursor'],
  ['an inbox limit out of range', 'person', 'GET', () => '/v1/contracts?limit=0', undefined, {}, 400, 'query.limit'],
];

describe('bad input on contracts routes', () => {
  it.each(cases)('refuses %s with a problem naming the field', async (_what, caller, method, path, body, headers, status, field) => {
    const call = caller === 'person' ? person : hr;
    const response = await call(method, path(), typeof body === 'function' ? body() : body, headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status }));
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toMatch(/^\/v1\/problems\/[a-z_]+$/);
    expect(response.body.title).toEqual(expect.any(String));
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('changed nothing: contracts, commitments and holidays are as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});

describe('refusals that say what to do', () => {
  it('refuses signing beyond the commitment with a 409 stating the excess in minutes and hours', async () => {
    const { lucas, claire, marc } = world.people;
    await commit(contracts, world.organizations.calanques, 6_000, YEAR + 3);
    const opened = await contracts.proposeContract(
      {
        personId: lucas.id,
        employerId: '',
        terms: terms({ periodStart: `${YEAR + 3}-01-01`, periodEnd: `${YEAR + 3}-12-31` }),
        comment: '',
        party: NO_PARTY,
        idempotencyKey: '',
      },
      as(lucas.id),
    );
    await contracts.acceptVersion({ contractId: opened.contract!.id, version: 1, comment: '', party: NO_PARTY }, as(claire.id));
    const office = api(platform.gateway.url, await platform.tokenFor(marc.email));
    const refused = await office('POST', `/v1/contracts/${opened.contract!.id}/acceptances`, {}, IF_1);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: '/v1/problems/commitment_exceeded' });
    expect(refused.body.detail).toContain('600 minutes (10 h 00) beyond it');
  });
});
