// The whole platform on one machine: PostgreSQL, nats-server, each service as its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, registerCredentials, systemCaller, WorkloadCredentials, type NatsLogin } from '@e21/kit';
import {
  freePort,
  generatePlatformSecrets,
  isPlatformSecrets,
  natsUsersOf,
  startNats,
  startPostgres,
  waitFor,
  type NatsServer,
  type PlatformSecrets,
  type PostgresServer,
} from '@e21/devinfra';
import { HealthCheckResponse_ServingStatus, HealthService } from '@e21/proto/grpc/health/v1/health';
import { seedDemo, type DemoData, type LargeDemoSizes } from './demo/seed.js';
import {
  DATABASES,
  processSpecs,
  repositoryRoot,
  SERVICES,
  serviceTargets,
  STACK_TOOLS,
  type ProcessSpec,
  type StackPorts,
  type StackSecrets,
} from './services.js';

export { SERVICES, type StackPorts } from './services.js';
export { LARGE_DEMO, type DemoData, type LargeDemoSizes, type LargeDemoSummary } from './demo/seed.js';

/** Free ports for every listener of the stack: for tests and benchmarks running beside anything else. */
export async function freeStackPorts(): Promise<StackPorts> {
  const grpc = {} as StackPorts['grpc'];
  for (const name of SERVICES) grpc[name] = await freePort();
  return { gateway: await freePort(), postgres: await freePort(), nats: await freePort(), oidc: await freePort(), grpc };
}

export interface StackOptions {
  dataDir: string;
  ports: StackPorts;
  /** Load the demo when the data is new: its accounts (true), and with `large` a department at scale on top of them. */
  demo?: boolean | { large: LargeDemoSizes };
  /** Stream every process's logs to the console instead of only to files. */
  verbose?: boolean;
  logLevel?: string;
  /** Workload keys and NATS passwords to use instead of the data directory's (the tests' own). */
  platformSecrets?: PlatformSecrets;
  onStatus?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  ports: StackPorts;
  secrets: StackSecrets;
  demo: DemoData | undefined;
  /** URL of one database of the stack's PostgreSQL (for tests that check what a service stored). */
  databaseUrl(name: string): string;
  /** How a NATS user of the stack connects: a service's own, or "admin" (an operator, allowed everything). */
  natsLogin(user: string): NatsLogin;
  stop(): Promise<void>;
  /** Stops one process (SIGKILL by default: a crash), for fault tests. */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped service again with its environment, and waits until it is ready. */
  restart(name: string): Promise<void>;
  /** Runs a second (third...) replica of a service on the same database, on another gRPC port. */
  startReplica(name: string, replica: number): Promise<void>;
}

/** The data directory's secrets, made on first start; keys missing from an older file are added. */
async function loadSecrets(dataDir: string, given: PlatformSecrets | undefined): Promise<StackSecrets> {
  const path = join(dataDir, 'secrets.json');
  const stored = existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as Partial<StackSecrets>) : {};
  const secret = () => randomBytes(24).toString('base64url');
  const platform = given ?? (isPlatformSecrets(stored) ? stored : generatePlatformSecrets(STACK_TOOLS));
  const secrets: StackSecrets = {
    webClientSecret: stored.webClientSecret ?? secret(),
    cliClientSecret: stored.cliClientSecret ?? secret(),
    integratorClientSecret: stored.integratorClientSecret ?? secret(),
    ...platform,
  };
  await writeFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function startProcess(spec: ProcessSpec, logDir: string, verbose: boolean): ChildProcess {
  const log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', join(repositoryRoot, spec.entry)], {
    cwd: repositoryRoot,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(log, { end: false });
    if (verbose) stream?.on('data', (chunk: Buffer) => process.stdout.write(`[${spec.name}] ${chunk.toString()}`));
  }
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function grpcServing(target: string): Promise<boolean> {
  const health = createClient(HealthService, target, { from: 'deploy', deadlineMs: 1000 });
  try {
    const answer = await health.check({ service: '' }, { caller: systemCaller('deploy') });
    return answer.status === HealthCheckResponse_ServingStatus.SERVING;
  } finally {
    health.close();
  }
}

async function httpReady(url: string): Promise<boolean> {
  const response = await fetch(url);
  return response.ok;
}

export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const status = options.onStatus ?? (() => undefined);
  const { ports, dataDir } = options;
  const logDir = join(dataDir, 'logs');
  await mkdir(logDir, { recursive: true });
  const secrets = await loadSecrets(dataDir, options.platformSecrets);
  // The demo seed calls services as the "deploy" tool, a delegate of this machine's trust bundle.
  for (const tool of STACK_TOOLS) registerCredentials(WorkloadCredentials.fromJwk(JSON.stringify(secrets.workloadKeys[tool])));

  let postgres: PostgresServer | undefined;
  let nats: NatsServer | undefined;
  /** The running processes by name ("gateway", "identity", "contracts#2" for a second replica). */
  const running = new Map<string, { spec: ProcessSpec; child: ChildProcess }>();
  let specs: ProcessSpec[] = [];
  const stop = async () => {
    for (const { child } of [...running.values()].reverse()) await stopProcess(child);
    running.clear();
    await nats?.stop();
    await postgres?.stop();
  };

  /** Starts a process and waits until it answers its readiness check. */
  async function launch(spec: ProcessSpec, name = spec.name): Promise<void> {
    const child = startProcess({ ...spec, name }, logDir, options.verbose ?? false);
    running.set(name, { spec, child });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`${name} exited with code ${code}; see ${join(logDir, `${name}.log`)}`))),
    );
    exited.catch(() => undefined);
    const check = spec.ready;
    const ready = waitFor(() => ('http' in check ? httpReady(check.http) : grpcServing(check.grpc)), {
      timeoutMs: 60_000,
      intervalMs: 200,
      what: name,
    });
    await Promise.race([ready, exited]);
    status(`${name} ready`);
  }

  const specOf = (name: string) => {
    const spec = specs.find((candidate) => candidate.name === name);
    if (!spec) throw new Error(`no process named ${name}`);
    return spec;
  };

  try {
    postgres = await startPostgres({ dataDir: join(dataDir, 'postgres'), port: ports.postgres });
    for (const database of DATABASES) await postgres.ensureDatabase(database);
    status(`PostgreSQL ready on port ${ports.postgres}`);
    nats = await startNats({ port: ports.nats, storeDir: join(dataDir, 'nats'), users: natsUsersOf(secrets) });
    status(`nats-server (JetStream) ready on port ${ports.nats}`);

    specs = processSpecs({
      ports,
      secrets,
      databaseUrl: postgres.url,
      natsUrl: nats.url,
      logLevel: options.logLevel ?? 'info',
    });
    for (const spec of specs) await launch(spec);

    const large = typeof options.demo === 'object' ? options.demo.large : undefined;
    const demo = options.demo ? await seedDemo({ targets: serviceTargets(ports), dataDir, large, onStatus: status }) : undefined;
    return {
      url: `http://localhost:${ports.gateway}`,
      ports,
      secrets,
      demo,
      databaseUrl: postgres.url,
      natsLogin: (user) => ({ url: nats!.url, user, password: secrets.natsPasswords[user] ?? '', name: user }),
      stop,
      async kill(name, signal = 'SIGKILL') {
        const process = running.get(name);
        if (!process) throw new Error(`no running process named ${name}`);
        running.delete(name);
        await new Promise<void>((resolve) => {
          if (process.child.exitCode !== null || process.child.signalCode !== null) return resolve();
          process.child.once('exit', () => resolve());
          process.child.kill(signal);
        });
      },
      restart: (name) => launch(specOf(name)),
      async startReplica(name, replica) {
        const spec = specOf(name);
        // Every listener of the replica gets a port of its own (gRPC, and identity's sign-in pages).
        const env = { ...spec.env };
        for (const key of Object.keys(env).filter((k) => k.endsWith('_PORT') && env[k] !== '0')) env[key] = String(await freePort());
        const replicaSpec: ProcessSpec = { ...spec, env, ready: { grpc: `127.0.0.1:${env.GRPC_PORT}` } };
        await launch(replicaSpec, `${name}#${replica}`);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
