// Submit + approve throughput of time entries through the gateway: each worker is a volunteer of
// Marseille with a signed contract (tree planting agreed) on the demo's school-yard project, who logs one-minute entries
// (POST /v1/timesheets/entries with an Idempotency-Key) that the project's coordinator approves
// at once (POST .../approval with If-Match). Reports entries submitted and approved per second.
import { randomUUID } from 'node:crypto';
import { createClient, personCaller, systemCaller, toProtoEnum } from '@e21/kit';
import { ContractsServiceService, Party } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { freePorts, newDataDir, passwordToken, timedStart } from './support.mjs';

const duration = Number(process.env.DURATION ?? 10);
const workers = Number(process.env.CONNECTIONS ?? 8);
const PASSWORD = 'bench-timesheets-password';
const DAY_MS = 86_400_000;

const as = (personId) => ({ caller: personCaller(personId) });
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
};

process.env.RATE_LIMIT_PER_MINUTE = '100000000';
const { stack } = await timedStart(await newDataDir(), await freePorts());
const grpc = (name) => `127.0.0.1:${stack.ports.grpc[name]}`;
const identity = createClient(IdentityServiceService, grpc('identity'), { from: 'deploy', deadlineMs: 30_000 });
const programs = createClient(ProgramsServiceService, grpc('programs'), { from: 'deploy', deadlineMs: 15_000 });
const contracts = createClient(ContractsServiceService, grpc('contracts'), { from: 'deploy', deadlineMs: 15_000 });

try {
  const { people, territories } = stack.demo;
  const today = Math.floor(Date.now() / DAY_MS);
  const year = new Date().getUTCFullYear();
  // A contract from (at most) 180 days ago to today at 48 hours a week: every past day allows 10 hours.
  const start = Math.max(Math.floor(Date.UTC(year, 0, 1) / DAY_MS), today - 180);
  const day = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  const { projects } = await programs.listMyProjects({ language: 'fr' }, as(people.yanis.id));
  const project = projects.find((p) => p.title.startsWith('De l’ombre'));
  const need = project.needs.find((n) => n.skillId === 'urn:e21:skill:tree-planting');

  const loggers = [];
  for (let i = 0; i < workers; i++) {
    const email = `bench.${i}.${randomUUID().slice(0, 6)}@test.e21.eu`;
    const registered = await identity.registerPerson(
      {
        name: `Bench Volunteer ${i}`,
        email,
        locale: 'en',
        status: toProtoEnum('PERSON_STATUS', 'volunteer'),
        territoryId: territories.marseille,
        password: PASSWORD,
      },
      { caller: systemCaller('deploy') },
    );
    // Tree planting is on their profile and agreed in their contract, as for most people logging hours.
    await identity.setCompetence({ personId: registered.id, skillId: need.skillId, level: 2, language: 'en' }, as(registered.id));
    const terms = {
      periodStart: day(start),
      periodEnd: day(today),
      yearlyMinutes: 96_420n,
      competenceSkillIds: [need.skillId],
      schedule: { weeklyAllowanceMinutes: 2_880n, blocks: [], blackouts: [] },
      preferredProjectIds: [],
    };
    const opened = await contracts.proposeContract(
      { personId: registered.id, employerId: '', terms, comment: '', party: Party.PARTY_UNSPECIFIED, idempotencyKey: '' },
      as(registered.id),
    );
    await contracts.acceptVersion(
      { contractId: opened.contract.id, version: 1, comment: '', party: Party.PARTY_UNSPECIFIED },
      as(people.marc.id),
    );
    const request = await programs.requestToJoin(
      { projectId: project.id, needId: need.id, minutes: 60, message: '', idempotencyKey: '' },
      as(registered.id),
    );
    await programs.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(people.yanis.id));
    const token = await fetch(`http://127.0.0.1:${stack.ports.oidc}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`e21-cli:${stack.secrets.cliClientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'password', username: email, password: PASSWORD }),
    }).then((r) => r.json());
    loggers.push({ contractId: opened.contract.id, token: token.access_token });
  }
  const validator = await passwordToken(stack, 'yanis@demo.e21.eu');

  const call = async (token, method, path, body, headers = {}) => {
    const started = performance.now();
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    return { status: response.status, json, ms: performance.now() - started };
  };

  const submitMs = [];
  const approveMs = [];
  let pairs = 0;
  let errors = 0;
  async function work(logger, index, until) {
    // One-minute entries, 300 a day at most per worker (the schedule allows 600), today and back.
    for (let n = 0; performance.now() < until; n++) {
      const date = day(today - Math.floor(n / 300));
      const submitted = await call(
        logger.token,
        'POST',
        '/v1/timesheets/entries',
        { contractId: logger.contractId, projectId: project.id, date, minutes: 1, competenceId: need.skillId },
        { 'idempotency-key': `bench-${index}-${n}` },
      );
      if (submitted.status !== 201) {
        errors++;
        continue;
      }
      submitMs.push(submitted.ms);
      const approved = await call(
        validator,
        'POST',
        `/v1/timesheets/entries/${submitted.json.id}/approval`,
        {},
        { 'if-match': `"${submitted.json.version}"` },
      );
      if (approved.status !== 200) {
        errors++;
        continue;
      }
      approveMs.push(approved.ms);
      pairs++;
    }
  }

  // Warm-up, then the measure.
  await Promise.all(loggers.map((logger, i) => work(logger, i + 1000, performance.now() + 2_000)));
  [submitMs.length, approveMs.length] = [0, 0];
  pairs = 0;
  errors = 0;
  const began = performance.now();
  await Promise.all(loggers.map((logger, i) => work(logger, i, began + duration * 1000)));
  const seconds = (performance.now() - began) / 1000;
  const cores = (await import('node:os')).cpus().length;
  console.log(`${duration} s, ${workers} people logging at once, one coordinator approving, on ${cores} cores`);
  console.log(`submitted and approved: ${(pairs / seconds).toFixed(1)} entries/s (${pairs} entries, ${errors} errors)`);
  console.log(
    `POST /v1/timesheets/entries           p50 ${percentile(submitMs, 50).toFixed(0)} ms   p99 ${percentile(submitMs, 99).toFixed(0)} ms`,
  );
  console.log(
    `POST /v1/timesheets/entries/:id/approval p50 ${percentile(approveMs, 50).toFixed(0)} ms   p99 ${percentile(approveMs, 99).toFixed(0)} ms`,
  );
} finally {
  for (const client of [identity, programs, contracts]) client.close();
  await stack.stop();
}
