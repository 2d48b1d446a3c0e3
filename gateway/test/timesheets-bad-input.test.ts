// Bad input on every timesheets write route (and the reads' queries) gets a 4xx problem naming the
// field, and changes nothing.
import { createClient } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService, type TimeEntry } from '@e21/proto/e21/timesheets/v1/timesheets';
import { api, PASSWORD, startPlatform, type Platform } from '../../tests/support/platform.js';
import { as, createContractsWorld, NO_PARTY, SKILLS, terms, YEAR, type ContractsWorld } from '../../tests/support/contracts-world.js';
import { join, submit, teamProject, type TeamProject } from '../../tests/support/timesheets-world.js';

let platform: Platform;
let world: ContractsWorld;
let project: TeamProject;
let person: ReturnType<typeof api>;
let coordinator: ReturnType<typeof api>;
let officer: ReturnType<typeof api>;
/** Jeanne's contract, a signed one of another person, and two of Jeanne's pending entries. */
const ids = { contract: '', othersContract: '', entry: '', other: '' };
let before: Record<string, unknown>;
const NOBODY = '00000000-0000-4000-8000-000000000000';

const valid = (overrides: Record<string, unknown> = {}) => ({
  contractId: ids.contract,
  projectId: project.id,
  date: `${YEAR}-03-12`,
  minutes: 30,
  competenceId: SKILLS.gardening,
  ...overrides,
});
const fields = (overrides: Record<string, unknown> = {}) => {
  const { contractId: _contract, ...rest } = valid(overrides);
  return rest;
};

/** What the bad requests must leave as it was. */
async function snapshot() {
  const mine = await person('GET', `/v1/timesheets/entries?from=${YEAR}-01-01&to=${YEAR}-12-31`);
  const queue = await coordinator('GET', `/v1/timesheets/queue?projectId=${project.id}`);
  const periods = await officer('GET', `/v1/timesheets/territories/${world.territories.marseille}/periods?year=${YEAR}`);
  return {
    entries: mine.body.items.map((e: { id: string; status: string; version: number; minutes: number; date: string }) => [
      e.id,
      e.status,
      e.version,
      e.minutes,
      e.date,
    ]),
    queue: queue.body.items.length,
    closed: periods.body.items.filter((p: { status: string }) => p.status === 'closed').map((p: { month: string }) => p.month),
  };
}

beforeAll(async () => {
  platform = await startPlatform();
  world = await createContractsWorld(platform.identityClient, { password: PASSWORD, signIn: ['jeanne', 'claire', 'marc'] });
  const contracts = createClient(ContractsServiceService, `127.0.0.1:${platform.services.contracts!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  const programs = createClient(ProgramsServiceService, `127.0.0.1:${platform.services.programs!.grpcPort}`, { from: 'test' });
  const timesheets = createClient(TimesheetsServiceService, `127.0.0.1:${platform.services.timesheets!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  const { jeanne, claire, marc } = world.people;
  const sign = async (personId: string, competence: string, officerId: string) => {
    const proposal = terms({
      competenceSkillIds: [competence],
      schedule: {
        weeklyAllowanceMinutes: 120n,
        blocks: [],
        blackouts: [{ startDate: `${YEAR}-08-01`, endDate: `${YEAR}-08-31`, reason: '' }],
      },
    });
    const id = (
      await contracts.proposeContract(
        { personId, employerId: '', terms: proposal, comment: '', party: NO_PARTY, idempotencyKey: '' },
        as(personId),
      )
    ).contract!.id;
    await contracts.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(officerId));
    return id;
  };
  ids.contract = await sign(jeanne.id, SKILLS.gardening, marc.id);
  project = await teamProject(programs, world, claire.id);
  await join(programs, project, jeanne.id, claire.id, { need: 1 });
  const logged: TimeEntry[] = [];
  for (const date of [`${YEAR}-03-04`, `${YEAR}-03-05`])
    logged.push(
      await submit(timesheets, jeanne.id, {
        contractId: ids.contract,
        projectId: project.id,
        date,
        minutes: 45,
        competenceId: SKILLS.gardening,
      }),
    );
  ids.entry = logged[0]!.id;
  ids.other = logged[1]!.id;
  const volunteer = await world.person('Vera Volunteer', 'marseille', 'volunteer', { competences: [SKILLS.firstAid] });
  ids.othersContract = await sign(volunteer.id, SKILLS.firstAid, marc.id);
  for (const client of [contracts, programs, timesheets]) client.close();
  person = api(platform.gateway.url, await platform.tokenFor(jeanne.email));
  coordinator = api(platform.gateway.url, await platform.tokenFor(claire.email));
  officer = api(platform.gateway.url, await platform.tokenFor(marc.email));
  // The key is used once here, so that reusing it for another entry can be tried below.
  await person('POST', '/v1/timesheets/entries', valid({ date: `${YEAR}-03-06`, minutes: 15 }), { 'idempotency-key': 'used-once' });
  before = await snapshot();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

type Caller = 'person' | 'coordinator' | 'officer';
type Case = [
  what: string,
  caller: Caller,
  method: string,
  path: () => string,
  body: unknown,
  headers: Record<string, string>,
  status: number,
  field: string | undefined,
];

const IF_1 = { 'if-match': '"1"' };
const entryPath =
  (suffix = '') =>
  () =>
    `/v1/timesheets/entries/${ids.entry}${suffix}`;
const closure = (month: string) => () => `/v1/timesheets/territories/${world.territories.marseille}/periods/${month}/closure`;
const report = (query: string) => () => `/v1/timesheets/territories/${world.territories.marseille}/report?${query}`;

const cases: Case[] = [
  ['malformed JSON', 'person', 'POST', () => '/v1/timesheets/entries', '{"contractId": ', {}, 400, undefined],
  ['an unknown field', 'person', 'POST', () => '/v1/timesheets/entries', () => valid({ hours: 1 }), {}, 400, 'body.hours'],
  [
    'a contract id that is not a UUID',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ contractId: 'mine' }),
    {},
    400,
    'body.contractId',
  ],
  [
    'a missing project',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => ({ ...valid(), projectId: undefined }),
    {},
    400,
    'body.projectId',
  ],
  [
    'a date that is not a calendar date',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ date: `${YEAR}-02-30` }),
    {},
    400,
    'body.date',
  ],
  ['no minutes', 'person', 'POST', () => '/v1/timesheets/entries', () => valid({ minutes: 0 }), {}, 400, 'body.minutes'],
  [
    'more than 12 hours in one entry',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ minutes: 721 }),
    {},
    400,
    'body.minutes',
  ],
  ['minutes that are not whole', 'person', 'POST', () => '/v1/timesheets/entries', () => valid({ minutes: 30.5 }), {}, 400, 'body.minutes'],
  ['minutes as a string', 'person', 'POST', () => '/v1/timesheets/entries', () => valid({ minutes: '30' }), {}, 400, 'body.minutes'],
  [
    'an empty competence',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ competenceId: ' ' }),
    {},
    400,
    'body.competenceId',
  ],
  ['an overlong note', 'person', 'POST', () => '/v1/timesheets/entries', () => valid({ note: 'x'.repeat(1001) }), {}, 400, 'body.note'],
  [
    'a note with a NUL character',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ note: 'a\u0000b' }),
    {},
    400,
    'body.note',
  ],
  [
    'a date in the future',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ date: `${YEAR + 1}-01-06` }),
    {},
    400,
    'body.date',
  ],
  ['a blackout day', 'person', 'POST', () => '/v1/timesheets/entries', () => valid({ date: `${YEAR}-08-06` }), {}, 409, 'body.date'],
  [
    'more than the week allows',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ date: `${YEAR}-03-07`, minutes: 60 }),
    {},
    409,
    'body.minutes',
  ],
  [
    'a competence the contract did not agree',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ competenceId: SKILLS.firstAid }),
    {},
    400,
    'body.competenceId',
  ],
  [
    'a project that does not exist',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ projectId: NOBODY }),
    {},
    400,
    'body.projectId',
  ],
  [
    'someone else’s contract',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ contractId: ids.othersContract }),
    {},
    403,
    'body.contractId',
  ],
  [
    'a contract that does not exist (no different from someone else’s)',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ contractId: NOBODY }),
    {},
    403,
    'body.contractId',
  ],
  [
    'a malformed Idempotency-Key',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid(),
    { 'idempotency-key': 'not a key!' },
    400,
    'header.idempotency-key',
  ],
  [
    'an Idempotency-Key reused for another entry',
    'person',
    'POST',
    () => '/v1/timesheets/entries',
    () => valid({ date: `${YEAR}-03-11` }),
    { 'idempotency-key': 'used-once' },
    409,
    'header.idempotency-key',
  ],
  ['a change without If-Match', 'person', 'PUT', entryPath(), () => fields(), {}, 400, 'header.if-match'],
  ['a change on a stale version', 'person', 'PUT', entryPath(), () => fields(), { 'if-match': '"5"' }, 412, undefined],
  ['a change with a contract (it stays the entry’s)', 'person', 'PUT', entryPath(), () => valid(), IF_1, 400, 'body.contractId'],
  [
    'a change beyond the week’s allowance',
    'person',
    'PUT',
    entryPath(),
    () => fields({ date: `${YEAR}-03-04`, minutes: 100 }),
    IF_1,
    409,
    'body.minutes',
  ],
  ['an entry id that is not a UUID', 'person', 'PUT', () => '/v1/timesheets/entries/e-1', () => fields(), IF_1, 400, 'params.entryId'],
  ['an entry that does not exist', 'person', 'PUT', () => `/v1/timesheets/entries/${NOBODY}`, () => fields(), IF_1, 404, undefined],
  ['a withdrawal without If-Match', 'person', 'DELETE', entryPath(), undefined, {}, 400, 'header.if-match'],
  ['a withdrawal with a malformed If-Match', 'person', 'DELETE', entryPath(), undefined, { 'if-match': 'latest' }, 400, 'header.if-match'],
  ['an approval without If-Match', 'coordinator', 'POST', entryPath('/approval'), {}, {}, 400, 'header.if-match'],
  ['an approval of a stale version', 'coordinator', 'POST', entryPath('/approval'), {}, { 'if-match': '"3"' }, 412, undefined],
  ['an approval with an unknown field', 'coordinator', 'POST', entryPath('/approval'), { comment: 'ok' }, IF_1, 400, 'body.comment'],
  ['a rejection without a reason', 'coordinator', 'POST', entryPath('/rejection'), { reason: '   ' }, IF_1, 400, 'body.reason'],
  [
    'a rejection with an overlong reason',
    'coordinator',
    'POST',
    entryPath('/rejection'),
    { reason: 'x'.repeat(1001) },
    IF_1,
    400,
    'body.reason',
  ],
  [
    'an approval of an entry that does not exist',
    'coordinator',
    'POST',
    () => `/v1/timesheets/entries/${NOBODY}/approval`,
    {},
    IF_1,
    404,
    'params.entryId',
  ],
  ['a batch of no entries', 'coordinator', 'POST', () => '/v1/timesheets/approvals', { entries: [] }, {}, 400, 'body.entries'],
  [
    'a batch of more than 200 entries',
    'coordinator',
    'POST',
    () => '/v1/timesheets/approvals',
    () => ({ entries: Array.from({ length: 201 }, () => ({ entryId: ids.entry, version: 1 })) }),
    {},
    400,
    'body.entries',
  ],
  [
    'a batch with an id that is not a UUID',
    'coordinator',
    'POST',
    () => '/v1/timesheets/approvals',
    { entries: [{ entryId: 'e-1', version: 1 }] },
    {},
    400,
    'body.entries.0.entryId',
  ],
  [
    'a batch with a version 0',
    'coordinator',
    'POST',
    () => '/v1/timesheets/approvals',
    () => ({ entries: [{ entryId: ids.entry, version: 0 }] }),
    {},
    400,
    'body.entries.0.version',
  ],
  [
    'a batch naming an entry twice',
    'coordinator',
    'POST',
    () => '/v1/timesheets/approvals',
    () => ({
      entries: [
        { entryId: ids.entry, version: 1 },
        { entryId: ids.entry, version: 1 },
      ],
    }),
    {},
    400,
    'body.entries.1.entryId',
  ],
  [
    'a batch with one stale version (nothing approved)',
    'coordinator',
    'POST',
    () => '/v1/timesheets/approvals',
    () => ({
      entries: [
        { entryId: ids.entry, version: 1 },
        { entryId: ids.other, version: 2 },
      ],
    }),
    {},
    412,
    'body.entries.1',
  ],
  [
    'a batch rejection without a reason',
    'coordinator',
    'POST',
    () => '/v1/timesheets/rejections',
    () => ({ entries: [{ entryId: ids.entry, version: 1 }] }),
    {},
    400,
    'body.reason',
  ],
  [
    'a correction without If-Match',
    'officer',
    'POST',
    entryPath('/correction'),
    { minutes: 30, reason: 'gave half an hour' },
    {},
    400,
    'header.if-match',
  ],
  ['a correction without a reason', 'officer', 'POST', entryPath('/correction'), { minutes: 30, reason: ' ' }, IF_1, 400, 'body.reason'],
  [
    'a correction to no minutes',
    'officer',
    'POST',
    entryPath('/correction'),
    { minutes: 0, reason: 'gave nothing' },
    IF_1,
    400,
    'body.minutes',
  ],
  [
    'a correction of a pending entry (approved hours of closed months only)',
    'officer',
    'POST',
    entryPath('/correction'),
    { minutes: 30, reason: 'gave half an hour' },
    IF_1,
    409,
    undefined,
  ],
  [
    'a correction of an entry that does not exist',
    'officer',
    'POST',
    () => `/v1/timesheets/entries/${NOBODY}/correction`,
    { minutes: 30, reason: 'gave half an hour' },
    IF_1,
    404,
    undefined,
  ],
  ['a month that is not one', 'officer', 'POST', closure(`${YEAR}-13`), {}, {}, 400, 'params.month'],
  ['a carry that is not a boolean', 'officer', 'POST', closure(`${YEAR}-02`), { carryPending: 'yes' }, {}, 400, 'body.carryPending'],
  ['a month that is not over', 'officer', 'POST', closure(`${YEAR}-12`), {}, {}, 409, undefined],
  ['a month with pending entries, without carrying them', 'officer', 'POST', closure(`${YEAR}-03`), {}, {}, 409, undefined],
  [
    'a territory id that is not a UUID',
    'officer',
    'POST',
    () => `/v1/timesheets/territories/marseille/periods/${YEAR}-02/closure`,
    {},
    {},
    400,
    'params.territoryId',
  ],
  ['a report by an unknown dimension', 'officer', 'GET', report('by=colour'), undefined, {}, 400, 'query.by'],
  ['a report from a month that is not one', 'officer', 'GET', report(`by=project&from=${YEAR}-1`), undefined, {}, 400, 'query.from'],
  [
    'a report ending before it starts',
    'officer',
    'GET',
    report(`by=project&from=${YEAR}-05&to=${YEAR}-04`),
    undefined,
    {},
    400,
    'query.to',
  ],
  ['a report in an unknown format', 'officer', 'GET', report('by=project&format=xml'), undefined, {}, 400, 'query.format'],
  ['a forged queue cursor', 'coordinator', 'GET', () => '/v1/timesheets/queue?cursor=bm90LWEtY3Vyc29y', undefined, {}, 400, 'query.cursor'],
  ['a queue limit out of range', 'coordinator', 'GET', () => '/v1/timesheets/queue?limit=500', undefined, {}, 400, 'query.limit'],
  ['a queue status that is not one', 'coordinator', 'GET', () => '/v1/timesheets/queue?status=done', undefined, {}, 400, 'query.status'],
  [
    'a list of hours over more than a year',
    'person',
    'GET',
    () => `/v1/timesheets/entries?from=${YEAR - 1}-01-01&to=${YEAR}-12-31`,
    undefined,
    {},
    400,
    'query.to',
  ],
  [
    'a balance on a date that is not one',
    'person',
    'GET',
    () => `/v1/timesheets/contracts/${ids.contract}/balance?date=${YEAR}-13-01`,
    undefined,
    {},
    400,
    'query.date',
  ],
];

describe('bad input on timesheets routes', () => {
  it.each(cases)('refuses %s with a problem naming the field', async (_what, caller, method, path, body, headers, status, field) => {
    const call = { person, coordinator, officer }[caller];
    const response = await call(method, path(), typeof body === 'function' ? body() : body, headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status }));
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toMatch(/^\/v1\/problems\/[a-z_0-9]+$/);
    expect(response.body.title).toEqual(expect.any(String));
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('changed nothing: entries, the queue and the periods are as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
