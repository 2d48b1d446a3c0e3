// Stops the test run's PostgreSQL server.
export default async function globalTeardown(): Promise<void> {
  await globalThis.e21TestPostgres?.stop();
  globalThis.e21TestPostgres = undefined;
}
