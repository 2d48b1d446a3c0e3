// Timesheets on the local stack. In headless Chromium: a person logs hours for a week, the
// project's coordinator approves some and rejects one, the person corrects it, the officer closes
// the month. Then the fault test: the employer's consumed minutes in contracts equal the approved
// minutes after contracts is killed in the middle of a batch of approvals and restarted, and after
// approvals are redelivered.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.js';
import {
  connectNats,
  createClient,
  createLogger,
  createPool,
  personCaller,
  systemCaller,
  toHeaders,
  toProtoEnum,
  type Pool,
  type ServiceClient,
} from '@e21/kit';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { testSecrets, waitFor } from '@e21/devinfra';
import { ContractsServiceService, Party, type TermsInput } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService, type MembershipRole, type PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService, type Project } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';

const DAY_MS = 86_400_000;
const SOLAR = 'urn:e21:skill:solar-panel-installation';

let stack: LocalStack;
let browser: Browser;
let identity: ServiceClient<typeof IdentityServiceService>;
let programs: ServiceClient<typeof ProgramsServiceService>;
let contracts: ServiceClient<typeof ContractsServiceService>;
let timesheets: ServiceClient<typeof TimesheetsServiceService>;

const as = (personId: string) => ({ caller: personCaller(personId) });
const person = (key: string) => stack.demo!.people[key as 'amina']!;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const frenchDate = (date: string) =>
  new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const frenchMonth = (month: string) =>
  new Intl.DateTimeFormat('fr', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-timesheets-'));
  stack = await startLocalStack({ dataDir, demo: true, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  browser = await launchBrowser();
  const target = (name: 'identity' | 'programs' | 'contracts' | 'timesheets') => `127.0.0.1:${stack.ports.grpc[name]}`;
  identity = createClient(IdentityServiceService, target('identity'), { from: 'test', deadlineMs: 30_000 });
  programs = createClient(ProgramsServiceService, target('programs'), { from: 'test', deadlineMs: 15_000 });
  contracts = createClient(ContractsServiceService, target('contracts'), { from: 'test', deadlineMs: 15_000 });
  timesheets = createClient(TimesheetsServiceService, target('timesheets'), { from: 'test', deadlineMs: 15_000 });
}, 240_000);

afterAll(async () => {
  for (const client of [identity, programs, contracts, timesheets]) client?.close();
  await browser?.close();
  await stack?.stop();
}, 60_000);

/** Signs a demo person in, in French (their language), and lands on their profile. */
const signIn = (email: string) => signedInPage(browser, stack, email, 'fr');

const statusSays = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** Ziguinchor's solar schools (Aubagne, coordinated by Karim), from the programs demo. */
async function ziguinchor(): Promise<Project> {
  const { projects } = await programs.listMyProjects({ language: 'fr', personId: '' }, as(person('karim').id));
  return projects.find((p) => p.title.startsWith('Écoles solaires à Ziguinchor'))!;
}

async function joinZiguinchor(personId: string): Promise<void> {
  const project = await ziguinchor();
  const need = project.needs.find((n) => n.skillId === SOLAR)!;
  const request = await programs.requestToJoin(
    { projectId: project.id, needId: need.id, minutes: 600, message: '', idempotencyKey: '' },
    as(personId),
  );
  await programs.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(person('karim').id));
}

/** A contract for the year, proposed by the person and accepted by the other parties given. */
async function signedContract(personId: string, terms: TermsInput, acceptors: string[]): Promise<string> {
  const opened = await contracts.proposeContract(
    { personId, employerId: '', terms, comment: '', party: Party.PARTY_UNSPECIFIED, idempotencyKey: '' },
    as(personId),
  );
  for (const by of acceptors)
    await contracts.acceptVersion({ contractId: opened.contract!.id, version: 1, comment: '', party: Party.PARTY_UNSPECIFIED }, as(by));
  return opened.contract!.id;
}

it('logs a week, approves some and rejects one, takes the correction, and closes the month', async () => {
  // Last month's last full week, Monday to Thursday: Thomas (freelancer in Aubagne) gives hours
  // to the Ziguinchor schools under a contract of that year.
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const year = Number(month.slice(0, 4));
  const lastDay = Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / DAY_MS) - 1;
  const thursday = lastDay - ((((lastDay + 3) % 7) + 7 - 3) % 7);
  const days = [thursday - 3, thursday - 2, thursday - 1, thursday].map(dateOf);
  const thomas = person('thomas');
  const terms: TermsInput = {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    yearlyMinutes: 40_000n,
    competenceSkillIds: [],
    schedule: { weeklyAllowanceMinutes: 600n, blocks: [], blackouts: [] },
    preferredProjectIds: [],
  };
  await signedContract(thomas.id, terms, [person('nadia').id]);
  await joinZiguinchor(thomas.id);

  const page = await signIn(thomas.email);
  await page.getByRole('navigation').getByRole('link', { name: 'Mes heures' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes heures' }).waitFor();
  await page.goto(`${stack.url}/hours?week=${days[0]}`);
  await page.getByRole('heading', { name: `Semaine du ${frenchDate(days[0]!)}` }).waitFor();
  for (const [i, hours] of ['2', '1,5', '1', '3'].entries()) {
    await page.getByLabel('Date', { exact: true }).fill(days[i]!);
    await page.getByLabel('Projet').selectOption({ label: 'Écoles solaires à Ziguinchor (Sénégal)' });
    await page.getByLabel('Compétence mobilisée').selectOption(SOLAR);
    await page.getByLabel('Heures', { exact: true }).fill(hours);
    await page.getByRole('button', { name: 'Déclarer ces heures' }).click();
    await statusSays(page, `déclarées le ${frenchDate(days[i]!)}`);
  }
  await page.getByLabel(/^Cette semaine : 7 h 30 déclarées/).waitFor();

  // Karim, the coordinator, approves three at once and sends Thursday back.
  const karim = await signIn(person('karim').email);
  await karim.getByRole('navigation').getByRole('link', { name: 'Validation' }).click();
  for (const day of days.slice(0, 3)) await karim.getByLabel(`Sélectionner les heures de Thomas Blanc du ${frenchDate(day)}`).check();
  await karim.getByRole('button', { name: 'Valider la sélection (3)' }).click();
  await statusSays(karim, '3 déclarations validées.');
  await karim.getByRole('button', { name: `Refuser les heures de Thomas Blanc du ${frenchDate(days[3]!)}` }).click();
  await karim
    .getByLabel(`Pourquoi refuser les heures de Thomas Blanc du ${frenchDate(days[3]!)} ?`)
    .fill('Le chantier a fini à midi : deux heures plutôt');
  await karim.getByRole('button', { name: 'Confirmer le refus' }).click();
  await statusSays(karim, 'renvoyées pour correction');

  // Thomas reads why and corrects Thursday.
  await page.reload();
  await page.getByText('Refusée : Le chantier a fini à midi : deux heures plutôt').waitFor();
  await page.getByRole('button', { name: `Corriger les heures du ${frenchDate(days[3]!)}` }).click();
  await page.getByLabel('Heures', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Soumettre la correction' }).click();
  await statusSays(page, 'de nouveau soumise à validation');

  // Nadia, officer of Aubagne, closes the month, carrying the corrected entry still pending.
  const nadia = await signIn(person('nadia').email);
  await nadia.getByRole('navigation').getByRole('link', { name: 'Périodes' }).click();
  if (year !== now.getUTCFullYear()) await nadia.getByLabel('Année').selectOption(String(year));
  const row = nadia.locator(`tr[data-month="${month}"]`);
  await row.getByLabel(/^Reporter les 1 déclarations en attente/).check();
  await row.getByRole('button', { name: `Clôturer ${frenchMonth(month)}` }).click();
  await statusSays(nadia, `${frenchMonth(month)} est clôturé.`);
  await row.getByText(/^Clôturée le /).waitFor();

  // What the pages showed is what the API holds.
  const entries = await page.evaluate(
    async (range) => {
      const response = await fetch(`/v1/timesheets/entries?from=${range.from}&to=${range.to}`);
      return (
        (await response.json()) as { items: { date: string; minutes: number; status: string; month: string; carriedFrom: string | null }[] }
      ).items;
    },
    { from: days[0]!, to: days[3]! },
  );
  expect(entries.map((e) => [e.date, e.minutes, e.status])).toEqual([
    [days[0], 120, 'approved'],
    [days[1], 90, 'approved'],
    [days[2], 60, 'approved'],
    [days[3], 120, 'pending'],
  ]);
  expect(entries[3]).toMatchObject({
    carriedFrom: month,
    month: new Date(Date.UTC(year, Number(month.slice(5)), 1)).toISOString().slice(0, 7),
  });
  for (const p of [page, karim, nadia]) await p.close();
}, 240_000);

describe('the employer’s consumed minutes', () => {
  let contractsDb: Pool;
  let timesheetsDb: Pool;

  beforeAll(() => {
    contractsDb = createPool(stack.databaseUrl('e21_contracts'), 2);
    timesheetsDb = createPool(stack.databaseUrl('e21_timesheets'), 2);
  });
  afterAll(async () => {
    await contractsDb?.end();
    await timesheetsDb?.end();
  });

  const consumed = async (contractId: string) =>
    Number(
      (
        await contractsDb.query<{ minutes: bigint }>(
          'select coalesce(sum(minutes), 0) as minutes from consumed_minutes where contract_id = $1',
          [contractId],
        )
      ).rows[0]!.minutes,
    );
  const approved = async (contractId: string) =>
    Number(
      (
        await timesheetsDb.query<{ minutes: bigint }>(
          "select coalesce(sum(minutes), 0) as minutes from entries where contract_id = $1 and status = 'approved'",
          [contractId],
        )
      ).rows[0]!.minutes,
    );

  it('follow the approved hours of the demo contracts', async () => {
    for (const key of ['amina', 'jeanne', 'lea']) {
      const { contracts: signed } = await contracts.listContractsOfPerson({ personId: person(key).id }, { caller: systemCaller('test') });
      const contractId = signed[0]!.id;
      await waitFor(async () => (await consumed(contractId)) === (await approved(contractId)), {
        timeoutMs: 30_000,
        what: `${key}’s approved hours consumed`,
      });
    }
  });

  it('equal the approved minutes after contracts is killed in the middle of a batch and restarted, and after redelivery', async () => {
    // A new employee of Ville d'Aubagne, with a block of ten hours today.
    const today = dateOf(Math.floor(Date.now() / DAY_MS));
    const year = Number(today.slice(0, 4));
    const fabien = await identity.registerPerson(
      {
        name: 'Fabien Faure',
        email: `fabien.${randomUUID().slice(0, 8)}@test.e21.eu`,
        locale: 'fr',
        status: toProtoEnum<PersonStatus>('PERSON_STATUS', 'employee'),
        territoryId: stack.demo!.territories.aubagne,
        password: '',
      },
      { caller: systemCaller('test') },
    );
    await identity.setMembership(
      {
        organizationId: stack.demo!.organizations.villeAubagne,
        personId: fabien.id,
        role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', 'member'),
        employeeReference: '',
      },
      { caller: systemCaller('test') },
    );
    const terms: TermsInput = {
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      yearlyMinutes: 1_000n,
      competenceSkillIds: [],
      schedule: { weeklyAllowanceMinutes: 0n, blocks: [{ startDate: today, endDate: today, minutes: 600n, label: 'test' }], blackouts: [] },
      preferredProjectIds: [],
    };
    const contractId = await signedContract(fabien.id, terms, [person('sophie').id, person('nadia').id]);
    await joinZiguinchor(fabien.id);

    // 400 entries of a minute, approved in two batches while contracts is down: 400 events wait in the stream.
    const projectId = (await ziguinchor()).id;
    const entries = [];
    for (let i = 0; i < 400; i += 20) {
      const batch = Array.from({ length: 20 }, (_, k) => ({
        contractId,
        projectId,
        date: today,
        minutes: 1n,
        competenceId: SOLAR,
        note: `${i + k}`,
      }));
      entries.push(
        ...(await Promise.all(
          batch.map((entry) => timesheets.submitEntry({ entry, idempotencyKey: `fault-${entry.note}` }, as(fabien.id))),
        )),
      );
    }
    await stack.kill('contracts');
    for (let i = 0; i < entries.length; i += 200) {
      await timesheets.approveEntries(
        { entries: entries.slice(i, i + 200).map((e) => ({ entryId: e.id, version: e.version })), reason: '' },
        as(person('karim').id),
      );
    }
    expect(await approved(contractId)).toBe(400);

    // Contracts comes back and starts consuming; it is killed as soon as part of the batch is in.
    await stack.restart('contracts');
    const partly = await waitFor(
      async () => {
        const minutes = await consumed(contractId);
        return minutes > 0 ? minutes : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 5, what: 'the first approvals consumed' },
    );
    await stack.kill('contracts');
    const atKill = await consumed(contractId);
    expect(atKill).toBeGreaterThanOrEqual(partly);
    expect(atKill).toBeLessThan(400);
    await stack.restart('contracts');
    await waitFor(async () => (await consumed(contractId)) === 400, { timeoutMs: 60_000, what: 'every approval consumed once' });

    // The same approvals delivered again (new NATS messages, same event ids) change nothing.
    const nats = await connectNats(stack.natsLogin('admin'), createLogger('test', 'silent'));
    try {
      const { rows } = await timesheetsDb.query<{ id: string; type: string; subject: string; payload: Buffer }>(
        "select id, type, subject, payload from outbox where type = 'timesheets.entry.approved' and subject = any($1::text[])",
        [entries.slice(0, 50).map((e) => e.id)],
      );
      for (const row of rows) {
        const headers = toHeaders(
          { id: row.id, type: row.type, source: 'e21/timesheets', subject: row.subject, time: new Date().toISOString() },
          {},
        );
        await nats.jetstream().publish(row.type, row.payload, { msgID: randomUUID(), headers });
      }
      const manager = await nats.jetstreamManager();
      await waitFor(
        async () => {
          const info = await manager.consumers.info('E21_TIMESHEETS', 'contracts-consumed-minutes');
          return info.num_pending === 0 && info.num_ack_pending === 0;
        },
        { timeoutMs: 30_000, what: 'the redelivered approvals handled' },
      );
    } finally {
      await nats.drain();
    }
    expect(await consumed(contractId)).toBe(400);

    // The employer's commitment dashboard shows it to its HR manager.
    const report = await contracts.getCommitmentReport(
      { organizationId: stack.demo!.organizations.villeAubagne, year },
      { caller: systemCaller('test') },
    );
    expect(report.employees.find((e) => e.contractId === contractId)!.consumedMinutes).toBe(400n);
    const sophie = await signIn(person('sophie').email);
    await sophie.getByRole('navigation').getByRole('link', { name: 'Engagements' }).click();
    const row = sophie
      .getByRole('region', { name: 'Par salarié·e' })
      .getByRole('row')
      .filter({ has: sophie.getByRole('link', { name: 'Fabien Faure' }) });
    await row.getByRole('cell', { name: '6 h 40', exact: true }).waitFor();
    await sophie.close();
  }, 240_000);
});
