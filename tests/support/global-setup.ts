// Starts one real PostgreSQL server for the whole test run (each test file creates its own databases)
// and makes the run's workload keys and NATS passwords.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNatsServer, freePort, rememberTestPostgres, startPostgres, testSecrets, type PostgresServer } from '@e21/devinfra';

declare global {
  var e21TestPostgres: PostgresServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (globalThis.e21TestPostgres) return;
  findNatsServer(); // fail early, with the install command, if nats-server is missing
  const dataDir = join(await mkdtemp(join(tmpdir(), 'e21-test-')), 'pg');
  const server = await startPostgres({ dataDir, port: await freePort(), fast: true });
  globalThis.e21TestPostgres = server;
  rememberTestPostgres(server.url('postgres'));
  testSecrets(); // one set of keys and NATS passwords for every worker of the run
}
