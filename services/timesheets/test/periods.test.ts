// Monthly periods, reports and the payroll listing through the real gRPC API: closing refused
// with pending entries, carried over when asked, nothing changing in a closed month; reports per
// dimension over a territory and below.
import { personCaller, toProtoEnum } from '@e21/kit';
import { timesheetsEvents } from '@e21/events';
import type { Role, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import { ReportDimension, type TimeEntry } from '@e21/proto/e21/timesheets/v1/timesheets';
import {
  approve,
  as,
  commit,
  join,
  refusalOf,
  reject,
  signedContract,
  SKILLS,
  startTimesheets,
  submit,
  SYSTEM,
  teamProject,
  terms,
  volunteer,
  YEAR,
  type TeamProject,
  type TimesheetsUnderTest,
} from './support.js';

let t: TimesheetsUnderTest;
let project: TeamProject;
let coordinator: string;
let nadia: string;
/** Two volunteers living in Aubagne, whose hours count in Aubagne's periods. */
let ann: { personId: string; contractId: string };
let ben: { personId: string; contractId: string };
let aubagne: string;

beforeAll(async () => {
  t = await startTimesheets();
  coordinator = t.world.people.jeanne.id;
  nadia = t.world.people.nadia.id;
  aubagne = t.world.territories.aubagne;
  project = await teamProject(t.programs, t.world, coordinator);
  const [a, b] = await Promise.all(
    ['Ann Aubagne', 'Ben Aubagne'].map((name) => volunteer(t.contracts, t.world, name, { territory: 'aubagne' })),
  );
  [ann, ben] = [a!, b!];
  await join(t.programs, project, ann.personId, coordinator);
  await join(t.programs, project, ben.personId, coordinator);
}, 60_000);
afterAll(() => t.stop());

const log = (person: { personId: string; contractId: string }, date: string, minutes: number, projectId = project.id) =>
  submit(t.client, person.personId, { contractId: person.contractId, projectId, date, minutes });
const close = (month: string, carryPending: boolean, by = nadia, territoryId = aubagne) =>
  t.client.closePeriod({ territoryId, month, carryPending }, as(by));
const codeOf = async (promise: Promise<unknown>) => (await refusalOf(promise)).code;
const periodOf = async (month: string, by = nadia) =>
  (await t.client.listPeriods({ territoryId: aubagne, year: YEAR }, as(by))).periods.find((p) => p.month === month)!;

describe('closing a month', () => {
  let pending: TimeEntry;

  beforeAll(async () => {
    await approve(t.client, coordinator, await log(ann, `${YEAR}-03-05`, 60));
    pending = await log(ben, `${YEAR}-03-26`, 45);
  });

  it('refuses while entries of the month are pending, changing nothing', async () => {
    const refused = await refusalOf(close(`${YEAR}-03`, false));
    expect(refused).toMatchObject({ kind: 'conflict', code: 'pending_entries' });
    expect(refused.message).toContain('1 entry is still waiting');
    expect(await periodOf(`${YEAR}-03`)).toMatchObject({
      status: 'PERIOD_STATUS_OPEN',
      pendingCount: 1,
      approvedCount: 1,
      approvedMinutes: 60n,
    });
  });

  it('is for the officers of the territory or above only', async () => {
    for (const outsider of [t.world.people.marc.id, t.world.people.odile.id, ann.personId])
      expect(await codeOf(close(`${YEAR}-03`, true, outsider))).toBe('forbidden');
  });

  it('closes with the pending entries carried to the next month, recorded as such, and announces the totals', async () => {
    const closed = await close(`${YEAR}-03`, true);
    expect(closed).toMatchObject({
      status: 'PERIOD_STATUS_CLOSED',
      month: `${YEAR}-03`,
      carriedEntryIds: [pending.id],
      closedBy: `person:${nadia}`,
      pendingCount: 0,
      approvedMinutes: 60n,
    });
    expect(closed.totals).toEqual([{ personId: ann.personId, projectId: project.id, approvedMinutes: 60n }]);
    const carried = await t.client.getEntry({ id: pending.id }, as(ben.personId));
    expect(carried).toMatchObject({
      date: `${YEAR}-03-26`,
      month: `${YEAR}-04`,
      carriedFrom: `${YEAR}-03`,
      status: 'ENTRY_STATUS_PENDING',
      version: 2,
    });
    expect(await periodOf(`${YEAR}-04`)).toMatchObject({ status: 'PERIOD_STATUS_OPEN', pendingCount: 1, carriedInCount: 1 });

    const { rows } = await t.service.pool.query<{ payload: Buffer }>(
      "select payload from outbox where type = 'timesheets.period.closed' and subject = $1",
      [closed.id],
    );
    expect(timesheetsEvents.periodClosed.codec.decode(rows[0]!.payload)).toMatchObject({
      territoryId: aubagne,
      month: `${YEAR}-03`,
      totals: [{ personId: ann.personId, projectId: project.id, approvedMinutes: 60n }],
      carriedEntryIds: [pending.id],
    });
  });

  it('lets the carried entry be validated and changed in the month it was carried to', async () => {
    const current = await t.client.getEntry({ id: pending.id }, as(ben.personId));
    const changed = await t.client.updateEntry(
      {
        entryId: pending.id,
        expectedVersion: current.version,
        projectId: project.id,
        date: current.date,
        minutes: 40n,
        competenceId: SKILLS.firstAid,
        note: '',
      },
      as(ben.personId),
    );
    expect(changed).toMatchObject({ month: `${YEAR}-04`, carriedFrom: `${YEAR}-03`, minutes: 40n });
    expect((await approve(t.client, coordinator, changed)).entries[0]).toMatchObject({
      status: 'ENTRY_STATUS_APPROVED',
      month: `${YEAR}-04`,
    });
  });

  it('never closes a month twice, nor one that is not over', async () => {
    expect(await codeOf(close(`${YEAR}-03`, true))).toBe('period_closed');
    expect(await codeOf(close(`${YEAR}-12`, true))).toBe('month_not_over');
  });

  it('shows the officer every month of the year up to the current one, latest first', async () => {
    const { periods } = await t.client.listPeriods({ territoryId: aubagne, year: YEAR }, as(t.world.people.helene.id));
    expect(periods.map((p) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(12 - i).padStart(2, '0')}`));
    expect(periods.find((p) => p.month === `${YEAR}-03`)!.status).toBe('PERIOD_STATUS_CLOSED');
    expect(await codeOf(t.client.listPeriods({ territoryId: aubagne, year: YEAR }, as(t.world.people.marc.id)))).toBe('forbidden');
  });
});

describe('a closed month never changes', () => {
  let rejected: TimeEntry;

  beforeAll(async () => {
    const entry = await log(ann, `${YEAR}-05-07`, 30);
    [rejected] = (await reject(t.client, coordinator, 'wrong project', entry)).entries as [TimeEntry];
    await close(`${YEAR}-05`, false);
  });

  it('takes no new entry', async () => {
    expect(await codeOf(log(ann, `${YEAR}-05-08`, 30))).toBe('period_closed');
  });

  it('lets no entry in it be corrected or withdrawn', async () => {
    const correction = t.client.updateEntry(
      {
        entryId: rejected.id,
        expectedVersion: rejected.version,
        projectId: project.id,
        date: `${YEAR}-05-07`,
        minutes: 30n,
        competenceId: SKILLS.firstAid,
        note: '',
      },
      as(ann.personId),
    );
    expect(await codeOf(correction)).toBe('period_closed');
    const moved = t.client.updateEntry(
      {
        entryId: rejected.id,
        expectedVersion: rejected.version,
        projectId: project.id,
        date: `${YEAR}-06-04`,
        minutes: 30n,
        competenceId: SKILLS.firstAid,
        note: '',
      },
      as(ann.personId),
    );
    expect(await codeOf(moved)).toBe('period_closed');
    expect(await codeOf(t.client.withdrawEntry({ entryId: rejected.id, expectedVersion: rejected.version }, as(ann.personId)))).toBe(
      'period_closed',
    );
    expect((await t.client.getEntry({ id: rejected.id }, as(ann.personId))).version).toBe(rejected.version);
  });
});

describe('reports', () => {
  beforeAll(async () => {
    // Amina, employee of Calanques Solaire in Marseille, on a project linked to a challenge.
    const { amina, claire, marc } = t.world.people;
    const challenge = await t.programs.defineChallenge(
      {
        territoryId: t.world.territories.marseille,
        title: 'Heat waves in schools',
        description: 'Shade in every school yard.',
        sdgs: [13],
        refinesId: '',
      },
      as(marc.id),
    );
    const linked = await teamProject(t.programs, t.world, coordinator, 'active', [challenge.id]);
    await commit(t.contracts, t.world.organizations.calanques, 100_000);
    const contract = await signedContract(
      t.contracts,
      { person: amina.id, employer: claire.id, office: marc.id },
      terms({ competenceSkillIds: [SKILLS.firstAid] }),
    );
    await join(t.programs, linked, amina.id, coordinator);
    await join(t.programs, linked, ann.personId, coordinator);
    const aminaIn = { personId: amina.id, contractId: contract.contract!.id };
    await approve(
      t.client,
      coordinator,
      await log(aminaIn, `${YEAR}-06-03`, 120, linked.id),
      await log(ann, `${YEAR}-06-04`, 30, linked.id),
      await log(ben, `${YEAR}-06-05`, 50),
    );
  }, 60_000);

  const report = (
    territory: 'paca' | 'aubagne',
    by: ReportDimension,
    caller = as(t.world.people.helene.id),
    from = `${YEAR}-01`,
    to = `${YEAR}-12`,
  ) => t.client.getReport({ territoryId: t.world.territories[territory], by, fromMonth: from, toMonth: to, language: 'en' }, caller);

  it('adds up approved minutes per project over the territory and everything below it', async () => {
    const paca = await report('paca', ReportDimension.REPORT_DIMENSION_PROJECT);
    // 60 (March) + 40 (carried to April) + 50 (June) on the first project; 120 + 30 on the linked one.
    expect(paca.totalMinutes).toBe(300n);
    expect(paca.rows.map((r) => r.approvedMinutes)).toEqual([150n, 150n]);
    expect(paca.rows.every((r) => r.label.startsWith('Solar roofs'))).toBe(true);
    const aubagneOnly = await report('aubagne', ReportDimension.REPORT_DIMENSION_PROJECT, as(nadia));
    expect(aubagneOnly.totalMinutes).toBe(180n);
  });

  it('groups by competence, challenge, employer, territory and month', async () => {
    const competences = await report('paca', ReportDimension.REPORT_DIMENSION_COMPETENCE);
    expect(competences.rows).toEqual([{ key: SKILLS.firstAid, label: 'first aid', approvedMinutes: 300n, entryCount: 5, personCount: 3 }]);
    const challenges = await report('paca', ReportDimension.REPORT_DIMENSION_CHALLENGE);
    expect(challenges.rows.map((r) => [r.label, r.approvedMinutes, r.personCount])).toEqual([
      ['Heat waves in schools', 150n, 2],
      ['', 150n, 2],
    ]);
    const employers = await report('paca', ReportDimension.REPORT_DIMENSION_EMPLOYER);
    expect(employers.rows.map((r) => [r.label, r.approvedMinutes])).toEqual([
      ['Calanques Solaire', 120n],
      ['', 180n],
    ]);
    const territories = await report('paca', ReportDimension.REPORT_DIMENSION_TERRITORY);
    expect(territories.rows.map((r) => [r.label, r.approvedMinutes])).toEqual([
      ['Aubagne', 180n],
      ['Marseille', 120n],
    ]);
    const months = await report('paca', ReportDimension.REPORT_DIMENSION_MONTH);
    expect(months.rows.map((r) => [r.key, r.approvedMinutes])).toEqual([
      [`${YEAR}-03`, 60n],
      [`${YEAR}-04`, 40n],
      [`${YEAR}-06`, 200n],
    ]);
    expect((await report('paca', ReportDimension.REPORT_DIMENSION_MONTH, undefined, `${YEAR}-04`, `${YEAR}-04`)).totalMinutes).toBe(40n);
  });

  it('is read by the territory’s officers and integrating bodies, not by inhabitants nor officers of a locality for their region', async () => {
    const integrator = 'integrator-paca-test';
    await t.identity.grantRole(
      {
        grantee: `client:${integrator}`,
        role: toProtoEnum<Role>('ROLE', 'integrator'),
        scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
        scopeId: t.world.territories.paca,
      },
      SYSTEM,
    );
    expect(
      (await report('paca', ReportDimension.REPORT_DIMENSION_PROJECT, { caller: { kind: 'client', clientId: integrator } })).totalMinutes,
    ).toBe(300n);
    expect(await codeOf(report('paca', ReportDimension.REPORT_DIMENSION_PROJECT, as(nadia)))).toBe('forbidden');
    expect(await codeOf(report('aubagne', ReportDimension.REPORT_DIMENSION_PROJECT, as(ann.personId)))).toBe('forbidden');
    expect(await codeOf(report('paca', ReportDimension.REPORT_DIMENSION_UNSPECIFIED))).toBe('invalid_enum');
    expect(await codeOf(report('paca', ReportDimension.REPORT_DIMENSION_MONTH, undefined, `${YEAR}-05`, `${YEAR}-04`))).toBe(
      'invalid_range',
    );
  });
});

describe('the payroll listing', () => {
  it('gives a person’s approved entries counted in a territory’s month, to services and to the person only', async () => {
    const listed = await t.client.listApprovedEntries({ personId: ann.personId, territoryId: aubagne, month: `${YEAR}-03` }, SYSTEM);
    expect(listed.entries.map((e) => [e.date, e.minutes, e.status])).toEqual([[`${YEAR}-03-05`, 60n, 'ENTRY_STATUS_APPROVED']]);
    // Ben's March entry was carried: it counts in April.
    const carried = await t.client.listApprovedEntries(
      { personId: ben.personId, territoryId: aubagne, month: `${YEAR}-04` },
      { caller: personCaller(ben.personId) },
    );
    expect(carried.entries.map((e) => [e.date, e.carriedFrom])).toEqual([[`${YEAR}-03-26`, `${YEAR}-03`]]);
    expect(
      await codeOf(t.client.listApprovedEntries({ personId: ann.personId, territoryId: aubagne, month: `${YEAR}-03` }, as(ben.personId))),
    ).toBe('forbidden');
  });
});
