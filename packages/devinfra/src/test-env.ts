// What the test global setup starts once per run, handed to test files through the environment.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.js';
import { startNats, type NatsServer } from './nats.js';

const ADMIN_URL_VARIABLE = 'E21_TEST_POSTGRES_ADMIN_URL';

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

/** A nats-server of the test file's own, with its own JetStream store, on a free port. */
export async function startTestNats(): Promise<NatsServer> {
  const storeDir = await mkdtemp(join(tmpdir(), 'e21-nats-'));
  return startNats({ port: await freePort(), storeDir });
}
