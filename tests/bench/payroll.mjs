// Forms issued per second (PDF included) for a territory of PEOPLE people (10,000 by default), and
// the payroll process's peak memory during the run.
//
// Seeding path: everything goes through the services' own gRPC APIs on a local stack with the demo
// data. A new locality under Bouches-du-Rhône (so the demo's ÉCU-BDR pays the hours) with its own
// Engagement 21 office and a project of its own; PEOPLE volunteers of it, each with a contract
// signed by Hélène (officer of the region), a place on the project's team and one approved entry
// on the 10th of last month (15 to 75 minutes), on one of the locality's projects (500 people a
// team). Once currency has paid every entry and payroll has
// heard of it, Hélène closes last month there; the run is timed from its start to its completion
// as the payroll service records them. Memory is the payroll process's resident set, sampled from
// /proc every 100 ms, and its high-water mark (VmHWM) at the end. Seeding 10,000 people takes a
// while (tens of minutes on two cores): the services check every contract, join and entry.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createClient, createPool, personCaller, systemCaller, toProtoEnum } from '@e21/kit';
import { ContractsServiceService, Party } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { freePorts, newDataDir, timedStart } from './support.mjs';

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const SEEDERS = Number(process.env.SEEDERS ?? 16);
const TEAM = 500;
const SKILL = 'urn:e21:skill:solar-panel-installation';
const SYSTEM = { caller: systemCaller('deploy') };
const as = (personId) => ({ caller: personCaller(personId) });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The payroll process the stack started: a child of this process running services/payroll. */
function payrollPid() {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('services/payroll/dist/main.js'))
        return Number(entry);
    } catch {
      // a process that ended meanwhile
    }
  }
  throw new Error('the payroll process was not found');
}
const memoryKb = (pid, field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

async function inParallel(count, width, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

process.env.RATE_LIMIT_PER_MINUTE = '100000000';
const { stack } = await timedStart(await newDataDir(), await freePorts());
const grpc = (name) => `127.0.0.1:${stack.ports.grpc[name]}`;
const identity = createClient(IdentityServiceService, grpc('identity'), { from: 'deploy', deadlineMs: 60_000 });
const programs = createClient(ProgramsServiceService, grpc('programs'), { from: 'deploy', deadlineMs: 60_000 });
const contracts = createClient(ContractsServiceService, grpc('contracts'), { from: 'deploy', deadlineMs: 60_000 });
const timesheets = createClient(TimesheetsServiceService, grpc('timesheets'), { from: 'deploy', deadlineMs: 60_000 });
const payrollDb = createPool(stack.databaseUrl('e21_payroll'), 2);

try {
  const { people, territories } = stack.demo;
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const year = Number(month.slice(0, 4));
  const helene = people.helene.id;

  // The locality, its office, a coordinator and the project.
  const locality = randomUUID();
  await identity.upsertTerritory(
    {
      id: locality,
      parentId: territories.bouchesDuRhone,
      level: toProtoEnum('TERRITORY_LEVEL', 'locality'),
      code: '13028',
      labels: { en: 'La Ciotat', fr: 'La Ciotat' },
    },
    SYSTEM,
  );
  await identity.createOrganization(
    { name: 'Engagement 21 La Ciotat', kind: toProtoEnum('ORGANIZATION_KIND', 'e21_office'), legalId: 'E21-13028', territoryId: locality },
    SYSTEM,
  );
  const coordinator = await identity.registerPerson(
    {
      name: 'Coordinatrice Bench',
      email: `coord.${randomUUID().slice(0, 8)}@bench.e21.eu`,
      locale: 'fr',
      status: toProtoEnum('PERSON_STATUS', 'volunteer'),
      territoryId: locality,
      password: '',
    },
    SYSTEM,
  );
  /** A project of the locality, approved and active: teams of TEAM people, as projects have. */
  const newProject = async (n) => {
    let project = await programs.createProject(
      {
        territoryId: locality,
        title: `Toits solaires de La Ciotat ${n}`,
        description: 'Panneaux solaires sur les toits des écoles de La Ciotat.',
        kind: toProtoEnum('PROJECT_KIND', 'general_interest'),
        challengeIds: [],
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        needs: [{ id: '', skillId: SKILL, neededMinutes: 100_000, startDate: '', endDate: '' }],
        language: 'fr',
      },
      as(coordinator.id),
    );
    for (const [status, by] of [
      ['proposed', coordinator.id],
      ['approved', helene],
      ['active', coordinator.id],
    ]) {
      project = await programs.changeProjectStatus(
        { id: project.id, status: toProtoEnum('PROJECT_STATUS', status), reason: '', language: 'fr' },
        as(by),
      );
    }
    return { id: project.id, needId: project.needs[0].id };
  };
  const projects = [];
  for (let n = 0; n < Math.ceil(PEOPLE / TEAM); n++) projects.push(await newProject(n));
  // The competence is agreed in each contract (and on each profile), as for most people logging hours.
  const terms = {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    yearlyMinutes: 40_000n,
    competenceSkillIds: [SKILL],
    schedule: { weeklyAllowanceMinutes: 600n, blocks: [], blackouts: [] },
    preferredProjectIds: [],
  };

  // The people, each with an approved entry of last month.
  const seedStarted = performance.now();
  const personIds = [];
  await inParallel(PEOPLE, SEEDERS, async (i) => {
    const person = await identity.registerPerson(
      {
        name: `Bénévole ${i}`,
        email: `v${i}.${randomUUID().slice(0, 8)}@bench.e21.eu`,
        locale: i % 3 ? 'fr' : 'en',
        status: toProtoEnum('PERSON_STATUS', 'volunteer'),
        territoryId: locality,
        password: '',
      },
      SYSTEM,
    );
    await identity.setCompetence({ personId: person.id, skillId: SKILL, level: 2, language: 'fr' }, as(person.id));
    const project = projects[Math.floor(i / TEAM)];
    const opened = await contracts.proposeContract(
      { personId: person.id, employerId: '', terms, comment: '', party: Party.PARTY_UNSPECIFIED, idempotencyKey: '' },
      as(person.id),
    );
    await contracts.acceptVersion({ contractId: opened.contract.id, version: 1, comment: '', party: Party.PARTY_UNSPECIFIED }, as(helene));
    // One pledged minute each: the need (100,000 minutes at most) takes everyone.
    const request = await programs.requestToJoin(
      { projectId: project.id, needId: project.needId, minutes: 1, message: '', idempotencyKey: '' },
      as(person.id),
    );
    await programs.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator.id));
    const entry = {
      contractId: opened.contract.id,
      projectId: project.id,
      date: `${month}-10`,
      minutes: BigInt(15 + (i % 5) * 15),
      competenceId: SKILL,
      note: '',
    };
    const submitted = await timesheets.submitEntry({ entry, idempotencyKey: '' }, as(person.id));
    personIds.push(person.id);
    await timesheets.approveEntries({ entries: [{ entryId: submitted.id, version: submitted.version }], reason: '' }, as(coordinator.id));
    if ((i + 1) % 1000 === 0) console.log(`seeded ${i + 1} people in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
  });
  console.log(`seeded ${PEOPLE} people in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);

  // Currency pays each approval; payroll hears of each payment: then the month is closed.
  for (;;) {
    const { rows } = await payrollDb.query('select count(*)::int as paid from hours_credits where person_id = any($1::uuid[])', [
      personIds,
    ]);
    if (rows[0].paid >= PEOPLE) break;
    await sleep(1000);
  }
  const pid = payrollPid();
  const before = memoryKb(pid, 'VmRSS');
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryKb(pid, 'VmRSS'))), 100);
  await timesheets.closePeriod({ territoryId: locality, month, carryPending: false }, as(helene));
  let run;
  for (;;) {
    run = (
      await payrollDb.query(
        "select total, done, forms_issued, started_at, completed_at, status from runs where territory_id = $1 and trigger = 'close'",
        [locality],
      )
    ).rows[0];
    if (run?.status === 'completed') break;
    await sleep(200);
  }
  clearInterval(sampler);
  const seconds = (run.completed_at - run.started_at) / 1000;
  const bytes = (await payrollDb.query('select avg(length(pdf))::int as pdf from forms where territory_id = $1', [locality])).rows[0];
  console.log(
    `${run.total} people, ${run.forms_issued} forms (PDF of ${(bytes.pdf / 1024).toFixed(1)} KiB on average) in ${seconds.toFixed(1)} s on ${cpus().length} cores, ${process.env.PAYROLL_ISSUE_CONCURRENCY ?? 4} at once`,
  );
  console.log(`forms issued: ${(run.forms_issued / seconds).toFixed(1)} forms/s`);
  console.log(
    `payroll process memory: ${(before / 1024).toFixed(0)} MiB before the run, peak ${(peak / 1024).toFixed(0)} MiB sampled, high-water mark ${(memoryKb(pid, 'VmHWM') / 1024).toFixed(0)} MiB`,
  );
} finally {
  for (const client of [identity, programs, contracts, timesheets]) client.close();
  await payrollDb.end();
  await stack.stop();
}
