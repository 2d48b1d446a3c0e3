// Issuing Societal Activity Forms against real services: the figures of each person's form per
// contract, a redelivered or repeated close issuing nothing, a correction issuing version 2, the
// PDF's text and hash, and verification by code.
import { pdfText, waitFor } from '@e21/devinfra';
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { FormFormat, type SocietalActivityForm } from '@e21/proto/e21/payroll/v1/payroll';
import {
  as,
  closeMarch,
  completedRun,
  MONTH,
  NO_PARTY,
  payFor,
  publishPeriodClosed,
  refusalOf,
  SKILLS,
  SYSTEM,
  startPayroll,
  terms,
  type PayrollUnderTest,
} from './support.js';
import { approve, join, submit } from '../../../tests/support/timesheets-world.js';

let t: PayrollUnderTest;
let forms: SocietalActivityForm[];

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const formOf = (personId: string, contractId?: string) =>
  forms.find((f) => f.personId === personId && (!contractId || f.contractId === contractId))!;
const minutes = (rows: { minutes: bigint }[]) => rows.map((r) => Number(r.minutes));
const listMarch = async () =>
  (
    await t.payroll.listForms(
      { territoryId: t.world.territories.marseille, organizationId: '', month: MONTH, limit: 0, cursor: '' },
      SYSTEM,
    )
  ).forms;

beforeAll(async () => {
  t = await startPayroll();
  await closeMarch(t.timesheets, t.world);
  await completedRun(t.payroll, t.world.territories.marseille);
  forms = await listMarch();
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

describe('issuing the forms of a closed month', () => {
  it('issues one form per person and contract with approved hours in the month', async () => {
    const run = await completedRun(t.payroll, t.world.territories.marseille);
    expect({ total: run.total, done: run.done, formsIssued: run.formsIssued }).toEqual({ total: 3, done: 3, formsIssued: 4 });
    expect(forms.map((f) => [f.personName, f.employerName, Number(f.totalMinutes)]).sort()).toEqual(
      [
        ['Amina Haddad', 'Calanques Solaire', 225],
        ['Jeanne Bénévole', '', 120],
        ['Lucas Martin', 'Calanques Solaire', 60],
        ['Lucas Martin', 'Garlaban Bois', 45],
      ].sort(),
    );
  });

  it('gives the approved minutes per project, competence, project and competence, and challenge, leaving out other months', () => {
    const { world } = t;
    const amina = formOf(world.people.amina.id);
    expect(amina.projects.map((p) => [p.projectId, Number(p.minutes)])).toEqual([
      [world.projects.solar.id, 150],
      [world.projects.garden.id, 75],
    ]);
    expect(Object.fromEntries(amina.competences.map((c) => [c.skillId, Number(c.minutes)]))).toEqual({
      [SKILLS.solar]: 90,
      [SKILLS.firstAid]: 90,
      [SKILLS.gardening]: 45,
    });
    expect(amina.competences.find((c) => c.skillId === SKILLS.solar)!.label).toMatch(/solar/i);
    expect(
      amina.projectCompetences
        .map((pc) => [pc.projectId === world.projects.solar.id ? 'solar' : 'garden', pc.skillId, Number(pc.minutes)])
        .sort(),
    ).toEqual(
      [
        ['garden', SKILLS.firstAid, 30],
        ['garden', SKILLS.gardening, 45],
        ['solar', SKILLS.firstAid, 60],
        ['solar', SKILLS.solar, 90],
      ].sort(),
    );
    expect(amina.challenges.map((c) => [c.title, Number(c.minutes)])).toEqual([['Energy transition', 150]]);
    expect(minutes(amina.projects).reduce((a, b) => a + b)).toBe(Number(amina.totalMinutes));
  });

  it('states the contract year against the yearly hours, the employer, the territory and the currency credited', () => {
    const amina = formOf(t.world.people.amina.id);
    expect([amina.contractYearStart, amina.contractYearEnd, Number(amina.yearlyMinutes), Number(amina.yearToDateMinutes)]).toEqual([
      '2030-01-01',
      '2030-12-31',
      6600,
      225,
    ]);
    expect([amina.employerName, amina.territoryName, amina.month, amina.version, amina.status]).toEqual([
      'Calanques Solaire',
      'Marseille',
      MONTH,
      1,
      'FORM_STATUS_CURRENT',
    ]);
    expect(amina.currency?.code).toBe('ÉCU-BDR');
    expect(amina.currency?.creditedMinor).toBe(payFor(90) + payFor(60) + payFor(45) + payFor(30));
    // The ledger posts at the real time, before the end of 2030-03: every credit of Amina's counts, April's too.
    expect(amina.currency?.balanceAtMonthEndMinor).toBe(payFor(90) + payFor(60) + payFor(45) + payFor(30) + payFor(120));
  });

  it('gives a person with two employers’ contracts in the month one form per contract, the ended one included', () => {
    const { lucas } = t.world.people;
    const first = formOf(lucas.id, t.world.contracts.lucasCalanques);
    const second = formOf(lucas.id, t.world.contracts.lucasGarlaban);
    expect([first.employerId, Number(first.totalMinutes), Number(first.currency!.creditedMinor)]).toEqual([
      t.world.organizations.calanques,
      60,
      Number(payFor(60)),
    ]);
    expect([second.employerId, Number(second.totalMinutes), second.contractYearStart]).toEqual([
      t.world.organizations.garlaban,
      45,
      '2030-03-16',
    ]);
  });
});

describe('issuing is idempotent', () => {
  it('issues nothing new when period.closed is redelivered or repeated', async () => {
    const { rows } = await t.service.pool.query<{ source_event_id: string }>(`select source_event_id from runs where trigger = 'close'`);
    const original = rows[0]!.source_event_id;
    const period = {
      periodId: randomUUID(),
      territoryId: t.world.territories.marseille,
      month: MONTH,
      totals: forms.map((f) => ({ personId: f.personId, projectId: randomUUID(), approvedMinutes: 60n })),
      carriedEntryIds: [],
      closedBy: 'test',
      closedAt: new Date().toISOString(),
    };
    await publishPeriodClosed(t.nats.login('timesheets'), period, original);
    const repeated = await publishPeriodClosed(t.nats.login('timesheets'), period);
    await waitFor(async () => (await t.service.pool.query('select 1 from inbox where event_id = $1', [repeated])).rowCount, {
      what: 'the repeated close in the inbox',
    });
    const runs = await t.service.pool.query(`select id from runs where trigger = 'close'`);
    expect(runs.rowCount).toBe(1);
    expect((await listMarch()).length).toBe(4);
  });
});

describe('documents and verification', () => {
  it('renders a PDF with the figures whose SHA-256 is the form’s, and verifies the code and the file', async () => {
    const amina = formOf(t.world.people.amina.id);
    const pdf = await t.payroll.renderForm({ id: amina.id, format: FormFormat.FORM_FORMAT_PDF }, as(t.world.people.amina.id));
    expect(sha(pdf.content)).toBe(amina.pdfSha256);
    const text = await pdfText(pdf.content);
    for (const expected of [
      'Societal Activity Form',
      'Amina Haddad',
      'Calanques Solaire',
      'Marseille',
      '2030-03',
      '3.75 h',
      '1.50 h',
      '37.50 ÉCU-BDR',
      'Energy transition',
      amina.verificationCode,
    ]) {
      expect(text).toContain(expected);
    }
    const again = await t.payroll.renderForm({ id: amina.id, format: FormFormat.FORM_FORMAT_PDF }, as(t.world.people.amina.id));
    expect(Buffer.compare(again.content, pdf.content)).toBe(0);
    const verified = await t.payroll.verifyForm({ code: amina.verificationCode, sha256: sha(pdf.content) }, {});
    expect({ found: verified.found, status: verified.status, matches: verified.matches, form: verified.form }).toEqual({
      found: true,
      status: 'FORM_STATUS_CURRENT',
      matches: true,
      form: undefined,
    });
    const tampered = Buffer.from(pdf.content);
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 1;
    expect((await t.payroll.verifyForm({ code: amina.verificationCode, sha256: sha(tampered) }, {})).matches).toBe(false);
  });

  it('renders the JSON document as issued, with its own hash', async () => {
    const jeanne = formOf(t.world.jeanne.personId);
    const json = await t.payroll.renderForm({ id: jeanne.id, format: FormFormat.FORM_FORMAT_JSON }, as(t.world.jeanne.personId));
    expect(sha(json.content)).toBe(jeanne.jsonSha256);
    expect(JSON.parse(json.content.toString())).toMatchObject({
      formId: jeanne.id,
      version: 1,
      totalMinutes: 120,
      employerId: null,
      verificationCode: jeanne.verificationCode,
    });
  });

  it('refuses to send a stored form that no longer matches its hash', async () => {
    const jeanne = formOf(t.world.jeanne.personId);
    await t.service.pool.query(`update forms set pdf = overlay(pdf placing '\\x00'::bytea from 200 for 1) where id = $1`, [jeanne.id]);
    const refused = await refusalOf(
      t.payroll.renderForm({ id: jeanne.id, format: FormFormat.FORM_FORMAT_PDF }, as(t.world.jeanne.personId)),
    );
    expect(refused.code).toBe('form_integrity_failed');
  });

  it('shows the figures to whoever may read the form, and only its status and hashes to anyone else', async () => {
    const amina = formOf(t.world.people.amina.id);
    expect((await t.payroll.verifyForm({ code: amina.verificationCode, sha256: '' }, as(t.world.people.amina.id))).form?.id).toBe(amina.id);
    expect((await t.payroll.verifyForm({ code: amina.verificationCode, sha256: '' }, as(t.world.people.lucas.id))).form).toBeUndefined();
    expect((await t.payroll.verifyForm({ code: 'SAF-0000-0000-0000', sha256: '' }, {})).found).toBe(false);
  });
});

describe('corrections', () => {
  it('issues version 2 superseding version 1 when an officer corrects approved hours; both stay downloadable and verifiable', async () => {
    const { world } = t;
    const before = formOf(world.people.amina.id);
    const entry = world.aminaLast;
    const correction = {
      entryId: entry.id,
      expectedVersion: entry.version,
      minutes: 15n,
      reason: 'Half of it was a coffee break',
      idempotencyKey: 'coffee-break',
    };
    const corrected = await t.timesheets.correctEntry(correction, as(world.people.marc.id));
    // A retry (a lost answer) returns the corrected entry and corrects nothing twice.
    expect(await t.timesheets.correctEntry(correction, as(world.people.marc.id))).toEqual(corrected);
    expect(
      (await t.timesheets.listEntryCorrections({ entryId: entry.id }, as(world.people.amina.id))).corrections.map((c) => [
        Number(c.previousMinutes),
        Number(c.minutes),
        c.reason,
      ]),
    ).toEqual([[30, 15, correction.reason]]);
    const mine = await waitFor(
      async () => {
        const { forms: all } = await t.payroll.listMyForms({ limit: 0, cursor: '' }, as(world.people.amina.id));
        return all.length === 2 ? all : undefined;
      },
      { timeoutMs: 30_000, what: 'version 2 of Amina’s form' },
    );
    const [v2, v1] = [mine.find((f) => f.version === 2)!, mine.find((f) => f.version === 1)!];
    expect(v1.id).toBe(before.id);
    expect([v2.status, v2.supersedesId, Number(v2.totalMinutes)]).toEqual(['FORM_STATUS_CURRENT', v1.id, 210]);
    expect([v1.status, v1.supersededById, Number(v1.totalMinutes)]).toEqual(['FORM_STATUS_SUPERSEDED', v2.id, 225]);
    for (const form of [v1, v2]) {
      const pdf = await t.payroll.renderForm({ id: form.id, format: FormFormat.FORM_FORMAT_PDF }, as(world.people.amina.id));
      expect(sha(pdf.content)).toBe(form.pdfSha256);
    }
    const old = await t.payroll.verifyForm({ code: v1.verificationCode, sha256: '' }, {});
    expect([old.status, old.version, old.supersededByCode]).toEqual(['FORM_STATUS_SUPERSEDED', 1, v2.verificationCode]);
    expect((await t.payroll.verifyForm({ code: v2.verificationCode, sha256: '' }, {})).status).toBe('FORM_STATUS_CURRENT');
    const { rows } = await t.service.pool.query<{ type: string }>(`select type from outbox where subject = $1 order by seq`, [v1.id]);
    expect(rows.map((r) => r.type)).toEqual(['payroll.form.issued', 'payroll.form.superseded']);
  });
});

describe('hours paid after the form', () => {
  it('issues a new version with the pay once a currency created after the close pays the hours that waited for it', async () => {
    const { world } = t;
    // A volunteer of Montpellier, where no currency applies yet.
    const vera = await world.person('Vera Montpellier', 'montpellier', 'volunteer', { competences: [SKILLS.firstAid] });
    const opened = await t.contracts.proposeContract(
      {
        personId: vera.id,
        employerId: '',
        terms: terms({ competenceSkillIds: [SKILLS.firstAid] }),
        comment: '',
        party: NO_PARTY,
        idempotencyKey: '',
      },
      as(vera.id),
    );
    await t.contracts.acceptVersion(
      { contractId: opened.contract!.id, version: 1, comment: '', party: NO_PARTY },
      as(world.people.odile.id),
    );
    await join(t.programs, world.projects.solar, vera.id, world.coordinator.id, { need: 0 });
    const entry = await submit(t.timesheets, vera.id, {
      contractId: opened.contract!.id,
      projectId: world.projects.solar.id,
      date: '2030-03-20',
      minutes: 90,
    });
    await approve(t.timesheets, world.coordinator.id, entry);
    await t.timesheets.closePeriod(
      { territoryId: world.territories.montpellier, month: MONTH, carryPending: false },
      as(world.people.odile.id),
    );
    await completedRun(t.payroll, world.territories.montpellier);
    const [first] = (await t.payroll.listMyForms({ limit: 0, cursor: '' }, as(vera.id))).forms;
    expect([first!.version, first!.currency]).toEqual([1, undefined]);

    await t.currency.configureCurrency(
      {
        territoryId: world.territories.occitanie,
        code: 'OCCI',
        name: 'Occitane',
        minorUnits: 2,
        ratePerHourMinor: 1000n,
        redemptionFeeBasisPoints: 0,
        expectedVersion: undefined,
      },
      SYSTEM,
    );
    const second = await waitFor(
      async () => (await t.payroll.listMyForms({ limit: 0, cursor: '' }, as(vera.id))).forms.find((f) => f.version === 2),
      { timeoutMs: 30_000, what: 'the form paid late' },
    );
    expect([second.supersedesId, second.currency?.code, second.currency?.creditedMinor, Number(second.totalMinutes)]).toEqual([
      first!.id,
      'OCCI',
      payFor(90),
      90,
    ]);
    const runs = (await t.payroll.listRuns({ territoryId: world.territories.montpellier, month: MONTH, limit: 0 }, SYSTEM)).runs;
    expect(runs.map((r) => r.trigger).sort()).toEqual(['RUN_TRIGGER_CLOSE', 'RUN_TRIGGER_PAYMENT']);
  });
});
