// The allowance query and SAR holidays through the real gRPC API (projects from the real programs service).
import { DayKind, HolidaysStatus } from '@e21/proto/e21/contracts/v1/contracts';
import {
  approvedProject,
  as,
  commit,
  NO_PARTY,
  signedContract,
  startContracts,
  SYSTEM,
  terms,
  YEAR,
  type ContractsUnderTest,
} from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';

let t: ContractsUnderTest;
let contractId: string;

// Weekly 120 min; a block Mon Mar 4 .. Sun Mar 17 of 2100 min; a blackout Mon Jul 1 .. Sat Aug 31.
// Planned: 6256 for the bare year (see the world's terms), - 240 + 2100 for the block's two weeks,
// - 960 for the 8 blackout weeks Jul 1 .. Aug 25, - 103 for the week of Aug 26 (Sun Sep 1 keeps 17): 7053.
const schedule = {
  weeklyAllowanceMinutes: 120n,
  blocks: [{ startDate: `${YEAR}-03-04`, endDate: `${YEAR}-03-17`, minutes: 2_100n, label: 'kick-off' }],
  blackouts: [{ startDate: `${YEAR}-07-01`, endDate: `${YEAR}-08-31`, reason: 'high season' }],
};

beforeAll(async () => {
  t = await startContracts();
  await commit(t.client, t.world.organizations.calanques, 100_000);
  const { amina, claire, marc } = t.world.people;
  contractId = (
    await signedContract(t.client, { person: amina.id, employer: claire.id, office: marc.id }, terms({ yearlyMinutes: 9_000n, schedule }))
  ).contract!.id;
});
afterAll(() => t.stop());

const allowance = (date: string) => t.client.getAllowance({ contractId, date }, SYSTEM);
const numbers = (a: Awaited<ReturnType<typeof allowance>>) => ({
  kind: a.dayKind,
  day: Number(a.dayMaxMinutes),
  week: Number(a.weekAllowedMinutes),
  weekStart: a.weekStart,
});

describe('GetAllowance', () => {
  it('answers the hand-computed cases: week boundaries, blocks over the weekly allowance, blackout days at zero', async () => {
    // Week Mon Dec 31 .. Sun Jan 6: 6 days of the period -> floor(120 x 6 / 7) = 102.
    expect(numbers(await allowance(`${YEAR}-01-01`))).toEqual({
      kind: DayKind.DAY_KIND_ORDINARY,
      day: 102,
      week: 102,
      weekStart: `${YEAR - 1}-12-31`,
    });
    // Sunday before the block: a full ordinary week.
    expect(numbers(await allowance(`${YEAR}-03-03`))).toEqual({
      kind: DayKind.DAY_KIND_ORDINARY,
      day: 120,
      week: 120,
      weekStart: `${YEAR}-02-25`,
    });
    // In the block: floor(2100 x 7 / 14) = 1050 for its first week; a day at most 600.
    expect(numbers(await allowance(`${YEAR}-03-06`))).toEqual({
      kind: DayKind.DAY_KIND_BLOCK,
      day: 600,
      week: 1050,
      weekStart: `${YEAR}-03-04`,
    });
    expect(numbers(await allowance(`${YEAR}-07-10`))).toEqual({
      kind: DayKind.DAY_KIND_BLACKOUT,
      day: 0,
      week: 0,
      weekStart: `${YEAR}-07-08`,
    });
    // Week Aug 26 .. Sep 1: only Sunday Sep 1 is ordinary -> floor(120 / 7) = 17.
    expect(numbers(await allowance(`${YEAR}-08-28`))).toEqual({
      kind: DayKind.DAY_KIND_BLACKOUT,
      day: 0,
      week: 17,
      weekStart: `${YEAR}-08-26`,
    });
    expect(numbers(await allowance(`${YEAR}-09-01`))).toEqual({
      kind: DayKind.DAY_KIND_ORDINARY,
      day: 17,
      week: 17,
      weekStart: `${YEAR}-08-26`,
    });
    expect((await allowance(`${YEAR + 1}-01-01`)).inForce).toBe(false);
  });

  it('lets the parties ask, and nobody else', async () => {
    expect((await t.client.getAllowance({ contractId, date: `${YEAR}-01-01` }, as(t.world.people.amina.id))).inForce).toBe(true);
    expect((await refusalOf(t.client.getAllowance({ contractId, date: `${YEAR}-01-01` }, as(t.world.people.lucas.id)))).kind).toBe(
      'forbidden',
    );
    expect((await refusalOf(allowance('2030-02-30'))).fields[0]!.field).toBe('date');
  });
});

describe('SAR holidays', () => {
  let projectId: string;
  beforeAll(async () => {
    projectId = (await approvedProject(t.programs, t.world.territories.marseille, t.world.people.amina.id, t.world.people.marc.id)).id;
  });

  const request = (startDate: string, endDate: string, minutes: bigint, project = projectId) =>
    t.client.requestHolidays(
      { contractId, projectId: project, startDate, endDate, minutes, comment: 'solar lamps', idempotencyKey: '' },
      as(t.world.people.amina.id),
    );
  const decide = (rpc: 'agreeHolidays' | 'approveHolidays' | 'refuseHolidays', holidaysId: string, version: number, by: string) =>
    t.client[rpc]({ holidaysId, expectedVersion: version, comment: '' }, as(by));

  it('goes from the person to the employer to the office, then counts in the allowance', async () => {
    const { claire, marc } = t.world.people;
    const requested = await request(`${YEAR}-05-13`, `${YEAR}-05-17`, 1_500n);
    expect(requested).toMatchObject({
      status: HolidaysStatus.HOLIDAYS_STATUS_REQUESTED,
      projectKind: 'PROJECT_KIND_INTERNATIONAL_SOLIDARITY',
      version: 1,
    });
    expect(numbers(await allowance(`${YEAR}-05-14`))).toMatchObject({ kind: DayKind.DAY_KIND_ORDINARY, week: 120 });
    expect((await refusalOf(decide('approveHolidays', requested.id, 1, marc.id))).code).toBe('not_your_decision');
    const agreed = await decide('agreeHolidays', requested.id, 1, claire.id);
    expect(agreed.status).toBe(HolidaysStatus.HOLIDAYS_STATUS_EMPLOYER_AGREED);
    expect((await refusalOf(decide('approveHolidays', requested.id, 1, marc.id))).kind).toBe('stale');
    const approved = await decide('approveHolidays', requested.id, 2, marc.id);
    expect(approved.status).toBe(HolidaysStatus.HOLIDAYS_STATUS_APPROVED);
    // Week May 13 .. 19: the holidays' 1500, and Sat, Sun ordinary -> floor(240 / 7) = 34.
    expect(numbers(await allowance(`${YEAR}-05-14`))).toEqual({
      kind: DayKind.DAY_KIND_HOLIDAY,
      day: 600,
      week: 1534,
      weekStart: `${YEAR}-05-13`,
    });
    const { rows } = await t.service.pool.query(
      "select count(*)::int as n from outbox where type = 'contracts.holidays.approved' and subject = $1",
      [approved.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses holidays beyond the yearly minutes, stating by how much', async () => {
    // 7053 - 86 + 1500 = 8467 planned; 5 more days of 3000 min take 86 and add 3000: 11381, 2381 over 9000.
    const refused = await refusalOf(request(`${YEAR}-10-07`, `${YEAR}-10-11`, 3_000n));
    expect(refused.code).toBe('holidays_exceed_sar');
    expect(refused.message).toContain('2381 minutes (39 h 41) more than its 9000 yearly minutes');
  });

  it('refuses holidays in a blackout, and for a project that is not of the right kind or not the person’s', async () => {
    expect((await refusalOf(request(`${YEAR}-08-05`, `${YEAR}-08-06`, 600n))).code).toBe('invalid_holidays');
    const { amina, lucas, marc } = t.world.people;
    const generalInterest = await approvedProject(t.programs, t.world.territories.marseille, amina.id, marc.id, 'general_interest');
    expect((await refusalOf(request(`${YEAR}-10-07`, `${YEAR}-10-08`, 600n, generalInterest.id))).code).toBe('project_not_eligible');
    const someoneElses = await approvedProject(t.programs, t.world.territories.marseille, lucas.id, marc.id, 'individual_initiative');
    expect((await refusalOf(request(`${YEAR}-10-07`, `${YEAR}-10-08`, 600n, someoneElses.id))).code).toBe('not_project_initiator');
  });

  it('lets only the person request holidays on their contract', async () => {
    const refused = await refusalOf(
      t.client.requestHolidays(
        { contractId, projectId, startDate: `${YEAR}-10-07`, endDate: `${YEAR}-10-08`, minutes: 600n, comment: '', idempotencyKey: '' },
        as(t.world.people.claire.id),
      ),
    );
    expect(refused.kind).toBe('forbidden');
  });

  it('refuses an amendment whose blackout would cover approved holidays', async () => {
    const amendment = terms({
      yearlyMinutes: 9_000n,
      schedule: { ...schedule, blackouts: [...schedule.blackouts, { startDate: `${YEAR}-05-01`, endDate: `${YEAR}-05-31`, reason: '' }] },
    });
    const refused = await refusalOf(
      t.client.proposeTerms({ contractId, baseVersion: 1, terms: amendment, comment: '', party: NO_PARTY }, as(t.world.people.claire.id)),
    );
    expect(refused.fields.map((f) => f.field)).toEqual(['terms.schedule.blackouts.1']);
  });
});
