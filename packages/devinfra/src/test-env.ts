// What the test global setup starts once per run, handed to test files through the environment.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { registerCredentials, WorkloadCredentials, type NatsLogin } from '@e21/kit';
import { freePort } from './ports.js';
import { startNats, type NatsServer } from './nats.js';
import { generatePlatformSecrets, natsUsersOf, workloadEnvOf, type PlatformSecrets } from './platform-secrets.js';

const ADMIN_URL_VARIABLE = 'E21_TEST_POSTGRES_ADMIN_URL';
const SECRETS_VARIABLE = 'E21_TEST_SECRETS';
/** The workload tests call services as (system:test, or any person): a delegate in tests only. */
export const TEST_WORKLOAD = 'test';

let secrets: PlatformSecrets | undefined;

/**
 * The keys and NATS passwords of a test run: made once by the global setup and handed to every
 * test worker through the environment, so services, gateway and test code trust one another.
 */
export function testSecrets(): PlatformSecrets {
  if (secrets) return secrets;
  const given = process.env[SECRETS_VARIABLE];
  secrets = given ? (JSON.parse(given) as PlatformSecrets) : generatePlatformSecrets(['deploy', TEST_WORKLOAD]);
  process.env[SECRETS_VARIABLE] = JSON.stringify(secrets);
  return secrets;
}

/** A workload's credentials in this run: for a test that calls a service as another service would. */
export function testCredentialsOf(workload: string): WorkloadCredentials {
  const key = testSecrets().workloadKeys[workload];
  if (!key) throw new Error(`no workload key for ${workload} in this run`);
  return WorkloadCredentials.fromJwk(JSON.stringify(key));
}

/** Test code's clients (`from: 'test'`) call as the test workload. */
export function registerTestCredentials(): void {
  registerCredentials(testCredentialsOf(TEST_WORKLOAD));
}

export function rememberTestPostgres(adminUrl: string): void {
  process.env[ADMIN_URL_VARIABLE] = adminUrl;
}

/** Creates an empty database on the run's PostgreSQL server and returns its URL. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const adminUrl = process.env[ADMIN_URL_VARIABLE];
  if (!adminUrl) throw new Error(`${ADMIN_URL_VARIABLE} is not set: run tests through jest, whose global setup starts PostgreSQL`);
  const name = `t_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestNats extends NatsServer {
  /** How a user connects: a service's own, or the operator's ("admin", allowed everything). */
  login(user: string): NatsLogin;
  /** What a service started by a test needs beyond its database: NATS login, workload key, trust. */
  serviceEnv(service: string): Record<string, string>;
}

/** A nats-server of the test file's own, with its own JetStream store, on a free port, with the platform's users. */
export async function startTestNats(): Promise<TestNats> {
  const storeDir = await mkdtemp(join(tmpdir(), 'e21-nats-'));
  const run = testSecrets();
  const server = await startNats({ port: await freePort(), storeDir, users: natsUsersOf(run) });
  const login = (user: string): NatsLogin => {
    const password = run.natsPasswords[user];
    if (!password) throw new Error(`no NATS user ${user}`);
    return { url: server.url, user, password, name: user };
  };
  return Object.assign(server, {
    login,
    serviceEnv: (service: string) => ({
      NATS_URL: server.url,
      NATS_USER: service,
      NATS_PASSWORD: login(service).password,
      ...workloadEnvOf(run, service),
    }),
  });
}
