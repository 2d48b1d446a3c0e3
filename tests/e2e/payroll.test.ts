// Payroll on the local stack. In headless Chromium: the officer of Aubagne closes last month and
// follows the issuing run's progress bar to completion, the employee downloads her Societal
// Activity Form, a visitor checks it on the public verification page, the HR manager of Ville
// d'Aubagne downloads the month's CSV export. Then the fault
// test: the payroll service killed in the middle of a run of 120 people and restarted completes
// the run with each form issued once, and period.closed delivered again issues nothing new.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
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
import { pdfText, testSecrets, waitFor } from '@e21/devinfra';
import { ContractsServiceService, Party, type TermsInput } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService, type MembershipRole, type OrganizationKind, type PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService, type Project, type ProjectKind, type ProjectStatus } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';

const SOLAR = 'urn:e21:skill:solar-panel-installation';
const SYSTEM = { caller: systemCaller('test') };

let stack: LocalStack;
let browser: Browser;
let identity: ServiceClient<typeof IdentityServiceService>;
let programs: ServiceClient<typeof ProgramsServiceService>;
let contracts: ServiceClient<typeof ContractsServiceService>;
let timesheets: ServiceClient<typeof TimesheetsServiceService>;
let payrollDb: Pool;

const as = (personId: string) => ({ caller: personCaller(personId) });
const person = (key: string) => stack.demo!.people[key as 'amina']!;
const frenchMonth = (month: string) =>
  new Intl.DateTimeFormat('fr', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const now = new Date();
/** Last month, and the contracts' year: the one it falls in. */
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
const year = Number(month.slice(0, 4));
const terms: TermsInput = {
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  yearlyMinutes: 40_000n,
  competenceSkillIds: [],
  schedule: { weeklyAllowanceMinutes: 600n, blocks: [], blackouts: [] },
  preferredProjectIds: [],
};

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-payroll-'));
  stack = await startLocalStack({ dataDir, demo: true, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  browser = await launchBrowser();
  const target = (name: 'identity' | 'programs' | 'contracts' | 'timesheets') => `127.0.0.1:${stack.ports.grpc[name]}`;
  identity = createClient(IdentityServiceService, target('identity'), { from: 'test', deadlineMs: 30_000 });
  programs = createClient(ProgramsServiceService, target('programs'), { from: 'test', deadlineMs: 15_000 });
  contracts = createClient(ContractsServiceService, target('contracts'), { from: 'test', deadlineMs: 15_000 });
  timesheets = createClient(TimesheetsServiceService, target('timesheets'), { from: 'test', deadlineMs: 15_000 });
  payrollDb = createPool(stack.databaseUrl('e21_payroll'), 2);
}, 240_000);

afterAll(async () => {
  for (const client of [identity, programs, contracts, timesheets]) client?.close();
  await payrollDb?.end();
  await browser?.close();
  await stack?.stop();
}, 60_000);

/** Signs a demo person in, in French (their language), and lands on their profile. */
const signIn = (email: string) => signedInPage(browser, stack, email, 'fr', { acceptDownloads: true });

async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile((await file.path())!);
}

/** Ziguinchor's solar schools (Aubagne, coordinated by Karim), from the programs demo. */
async function ziguinchor(): Promise<Project> {
  const { projects } = await programs.listMyProjects({ language: 'fr', personId: '' }, as(person('karim').id));
  return projects.find((p) => p.title.startsWith('Écoles solaires à Ziguinchor'))!;
}

/**
 * A person with a signed contract for the year on a project's solar need (Ziguinchor's by default),
 * and their approved hours of last month.
 */
async function contributor(options: {
  name: string;
  territoryId: string;
  status: string;
  password?: string;
  employer?: { id: string; reference: string; hr: string };
  office: string;
  minutes: number[];
  project?: Project;
}) {
  const email = `${options.name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@test.e21.eu`;
  const created = await identity.registerPerson(
    {
      name: options.name,
      email,
      locale: 'fr',
      status: toProtoEnum<PersonStatus>('PERSON_STATUS', options.status),
      territoryId: options.territoryId,
      password: options.password ?? '',
    },
    SYSTEM,
  );
  if (options.employer) {
    await identity.setMembership(
      {
        organizationId: options.employer.id,
        personId: created.id,
        role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', 'member'),
        employeeReference: options.employer.reference,
      },
      SYSTEM,
    );
  }
  const opened = await contracts.proposeContract(
    { personId: created.id, employerId: '', terms, comment: '', party: Party.PARTY_UNSPECIFIED, idempotencyKey: '' },
    as(created.id),
  );
  for (const by of [...(options.employer ? [options.employer.hr] : []), options.office]) {
    await contracts.acceptVersion({ contractId: opened.contract!.id, version: 1, comment: '', party: Party.PARTY_UNSPECIFIED }, as(by));
  }
  const project = options.project ?? (await ziguinchor());
  const need = project.needs.find((n) => n.skillId === SOLAR)!;
  const request = await programs.requestToJoin(
    { projectId: project.id, needId: need.id, minutes: 60, message: '', idempotencyKey: '' },
    as(created.id),
  );
  await programs.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(person('karim').id));
  const entries = [];
  for (const [i, minutes] of options.minutes.entries()) {
    const entry = {
      contractId: opened.contract!.id,
      projectId: project.id,
      date: `${month}-${String(10 + i).padStart(2, '0')}`,
      minutes: BigInt(minutes),
      competenceId: SOLAR,
      note: '',
    };
    entries.push(await timesheets.submitEntry({ entry, idempotencyKey: '' }, as(created.id)));
  }
  await timesheets.approveEntries(
    { entries: entries.map((e) => ({ entryId: e.id, version: e.version })), reason: '' },
    as(person('karim').id),
  );
  return { id: created.id, email, name: options.name };
}

it('closes a month, follows the issuing to the end, downloads the form and the employer’s CSV', async () => {
  const { territories, organizations } = stack.demo!;
  const fanny = await contributor({
    name: 'Fanny Giraud',
    territoryId: territories.aubagne,
    status: 'employee',
    password: stack.demo!.password,
    employer: { id: organizations.villeAubagne, reference: 'VA-3105', hr: person('sophie').id },
    office: person('nadia').id,
    minutes: [120, 90],
  });

  // Nadia, officer of Aubagne, closes last month and follows the forms being issued.
  const nadia = await signIn(person('nadia').email);
  await nadia.getByRole('navigation').getByRole('link', { name: 'Périodes' }).click();
  if (year !== now.getUTCFullYear()) await nadia.getByLabel('Année').selectOption(String(year));
  await nadia
    .locator(`tr[data-month="${month}"]`)
    .getByRole('button', { name: `Clôturer ${frenchMonth(month)}` })
    .click();
  await nadia
    .getByRole('status')
    .filter({ hasText: `${frenchMonth(month)} est clôturé.` })
    .first()
    .waitFor();
  await nadia.getByRole('navigation').getByRole('link', { name: 'Émission' }).click();
  const run = nadia.getByRole('region', { name: `Formulaires de ${frenchMonth(month)}` });
  await run.getByRole('progressbar').waitFor();
  await run.getByText(/^Terminé : \d+ formulaires émis le /).waitFor({ timeout: 60_000 });
  const [value, max] = await run
    .getByRole('progressbar')
    .evaluate((bar) => [(bar as unknown as { value: number }).value, (bar as unknown as { max: number }).max]);
  expect(value).toBe(max);
  expect(await run.getByText(/personnes sur/).textContent()).toMatch(/^(\d+) personnes sur \1 \(100 %\)$/);

  // Fanny downloads her form: it says her hours and her employer.
  const page = await signIn(fanny.email);
  await page.getByRole('navigation').getByRole('link', { name: 'Mes formulaires' }).click();
  const pdf = await download(page, page.getByRole('link', { name: `Télécharger le formulaire de ${frenchMonth(month)} (version 1, PDF)` }));
  const text = await pdfText(pdf);
  for (const expected of ['Societal Activity Form', 'Fanny Giraud', "Ville d'Aubagne", 'Aubagne', month, '3.50 h', 'ÉCU-BDR'])
    expect(text).toContain(expected);

  // Anyone holding the code checks the file on the public page, signed out: it is the form, unchanged; a changed copy is not.
  const code = await page.evaluate(
    async () =>
      ((await (await fetch('/v1/payroll/me/forms')).json()) as { items: { verificationCode: string }[] }).items[0]!.verificationCode,
  );
  const visitor = await browser.newPage({ locale: 'fr-FR', timezoneId: 'UTC' });
  await visitor.goto(`${stack.url}/verify?code=${code}`);
  await visitor.getByText('Authentique : version 1, en vigueur.').waitFor();
  await visitor
    .getByLabel('Le fichier PDF ou JSON du formulaire (facultatif)')
    .setInputFiles({ name: 'formulaire.pdf', mimeType: 'application/pdf', buffer: pdf });
  await visitor.getByRole('button', { name: 'Vérifier' }).click();
  await visitor.getByText('Le fichier est bien ce formulaire, sans modification.').waitFor();
  const changed = Buffer.from(pdf);
  changed[200] = changed[200]! ^ 1;
  await visitor
    .getByLabel('Le fichier PDF ou JSON du formulaire (facultatif)')
    .setInputFiles({ name: 'formulaire.pdf', mimeType: 'application/pdf', buffer: changed });
  await visitor.getByRole('button', { name: 'Vérifier' }).click();
  await visitor.getByText(/^Le fichier n’est pas ce formulaire/).waitFor();
  await visitor.close();

  // Sophie, HR manager of Ville d'Aubagne, downloads the month's CSV: Fanny's row, nobody else's
  // employees, in French (a French organization's default language).
  const sophie = await signIn(person('sophie').email);
  await sophie.getByRole('navigation').getByRole('link', { name: 'Exports de paie' }).click();
  await sophie.getByLabel('Mois').fill(month);
  const csv = (await download(sophie, sophie.getByRole('link', { name: 'Télécharger le CSV' }))).toString('utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^Matricule,Nom,Heures DAS,"?Heures : /);
  expect(lines.slice(1)).toEqual([expect.stringMatching(/^VA-3105,Fanny Giraud,3\.50,.*,35\.00,ÉCU-BDR,[0-9a-f-]{36}$/)]);
  expect(csv).not.toContain('CS-0');

  // She sees Fanny's form as an employer does: hours and pay, never the project nor the competence.
  const employerForms = sophie.getByRole('region', { name: 'Formulaires des salariés' });
  await employerForms.getByRole('rowheader', { name: /Fanny Giraud/ }).waitFor();
  expect(await employerForms.textContent()).not.toContain('Ziguinchor');
  const reduced = await download(sophie, employerForms.getByRole('link', { name: 'Vue employeur du formulaire de Fanny Giraud (PDF)' }));
  const reducedText = await pdfText(reduced);
  for (const expected of ['vue employeur', 'Fanny Giraud', "Ville d'Aubagne", '3.50 h', '35.00 ÉCU-BDR', code])
    expect(reducedText).toContain(expected);
  for (const secret of ['Ziguinchor', 'installation de panneaux solaires', 'Solde', 'balance']) expect(reducedText).not.toContain(secret);
  expect(text).toContain('Ziguinchor');

  // The public page knows the reduced PDF too, and shows no figures.
  const checker = await browser.newPage({ locale: 'fr-FR', timezoneId: 'UTC' });
  await checker.goto(`${stack.url}/verify?code=${code}`);
  await checker
    .getByLabel('Le fichier PDF ou JSON du formulaire (facultatif)')
    .setInputFiles({ name: 'vue-employeur.pdf', mimeType: 'application/pdf', buffer: reduced });
  await checker.getByRole('button', { name: 'Vérifier' }).click();
  await checker.getByText('Le fichier est bien la vue employeur de ce formulaire, sans modification.').waitFor();
  expect(await checker.locator('main').textContent()).not.toMatch(/Fanny|3[.,]50|35[.,]00/);
  await checker.close();
  for (const p of [nadia, page, sophie]) await p.close();
}, 240_000);

describe('a run interrupted', () => {
  const PEOPLE = 120;
  let toulonRun: () => Promise<{ id: string; done: number; total: number; status: string; forms_issued: number } | undefined>;

  it('completes after the payroll service is killed mid-run and restarted, each form issued once', async () => {
    const { territories } = stack.demo!;
    toulonRun = async () =>
      (
        await payrollDb.query<{ id: string; done: number; total: number; status: string; forms_issued: number }>(
          "select id, done, total, status, forms_issued from runs where territory_id = $1 and month = $2 and trigger = 'close'",
          [territories.toulon, month],
        )
      ).rows[0];
    // Toulon has an office of its own here, and no local currency: forms are issued without waiting for pay.
    await identity.createOrganization(
      {
        name: 'Engagement 21 Toulon',
        kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', 'e21_office'),
        legalId: 'E21-83137',
        territoryId: territories.toulon,
      },
      SYSTEM,
    );
    // A project of Toulon (Karim coordinates, Hélène approves) whose need takes everyone.
    let project = await programs.createProject(
      {
        territoryId: territories.toulon,
        title: 'Toits solaires de Toulon',
        description: 'Panneaux solaires sur les écoles du Mourillon.',
        kind: toProtoEnum<ProjectKind>('PROJECT_KIND', 'general_interest'),
        challengeIds: [],
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        needs: [{ id: '', skillId: SOLAR, neededMinutes: 100_000, startDate: '', endDate: '' }],
        language: 'fr',
      },
      as(person('karim').id),
    );
    for (const [status, by] of [
      ['proposed', person('karim').id],
      ['approved', person('helene').id],
      ['active', person('karim').id],
    ] as const) {
      project = await programs.changeProjectStatus(
        { id: project.id, status: toProtoEnum<ProjectStatus>('PROJECT_STATUS', status), reason: '', language: 'fr' },
        as(by),
      );
    }
    for (let i = 0; i < PEOPLE; i += 12) {
      await Promise.all(
        Array.from({ length: Math.min(12, PEOPLE - i) }, (_, k) =>
          contributor({
            name: `Bénévole ${i + k}`,
            territoryId: territories.toulon,
            status: 'volunteer',
            office: person('helene').id,
            minutes: [30 + ((i + k) % 5) * 15],
            project,
          }),
        ),
      );
    }
    await timesheets.closePeriod({ territoryId: territories.toulon, month, carryPending: false }, as(person('helene').id));

    const started = await waitFor(
      async () => {
        const run = await toulonRun();
        return run && run.done > 0 ? run : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 5, what: 'the first forms of Toulon issued' },
    );
    await stack.kill('payroll');
    const atKill = (await toulonRun())!;
    expect(atKill.done).toBeGreaterThanOrEqual(started.done);
    expect(atKill.done).toBeLessThan(PEOPLE);
    expect(atKill.status).toBe('running');

    await stack.restart('payroll');
    const done = await waitFor(
      async () => {
        const run = await toulonRun();
        return run?.status === 'completed' ? run : undefined;
      },
      { timeoutMs: 120_000, what: 'the run completed after the restart' },
    );
    expect([done.total, done.done, done.forms_issued]).toEqual([PEOPLE, PEOPLE, PEOPLE]);
    const forms = await payrollDb.query<{ people: bigint; forms: bigint; versions: bigint }>(
      'select count(distinct person_id) as people, count(*) as forms, max(version) as versions from forms where territory_id = $1 and month = $2',
      [territories.toulon, month],
    );
    expect(forms.rows[0]).toEqual({ people: BigInt(PEOPLE), forms: BigInt(PEOPLE), versions: 1 });
  }, 480_000);

  it('issues nothing new when period.closed is delivered again', async () => {
    const timesheetsDb = createPool(stack.databaseUrl('e21_timesheets'), 1);
    const nats = await connectNats(stack.natsLogin('admin'), createLogger('test', 'silent'));
    try {
      const { rows } = await timesheetsDb.query<{ id: string; type: string; subject: string; payload: Buffer }>(
        "select id, type, subject, payload from outbox where type = 'timesheets.period.closed'",
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
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
          const info = await manager.consumers.info('E21_TIMESHEETS', 'payroll-issuing');
          return info.num_pending === 0 && info.num_ack_pending === 0;
        },
        { timeoutMs: 30_000, what: 'the redelivered closes handled' },
      );
    } finally {
      await nats.drain();
      await timesheetsDb.end();
    }
    const runs = await payrollDb.query<{ territory_id: string; month: string; count: bigint }>(
      "select territory_id, month, count(*) as count from runs where trigger = 'close' group by 1, 2",
    );
    expect(runs.rows.every((r) => r.count === 1n)).toBe(true);
    const toulon = await payrollDb.query<{ forms: bigint }>('select count(*) as forms from forms where territory_id = $1', [
      stack.demo!.territories.toulon,
    ]);
    expect(toulon.rows[0]!.forms).toBe(BigInt(PEOPLE));
  }, 120_000);
});
