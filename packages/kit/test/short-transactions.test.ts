// Short transactions: a gRPC call made while a database transaction is open in the same async
// context is refused as a programming error, so no transaction ever waits on another service.
import { createTestDatabase } from '@e21/devinfra';
import { HealthCheckResponse_ServingStatus, HealthService } from '@e21/proto/grpc/health/v1/health';
import {
  CallerVerifier,
  createClient,
  createLogger,
  createPool,
  generateTrust,
  GrpcServer,
  inTransaction,
  withTransaction,
  type Pool,
  type ServiceClient,
} from '../src/index.js';

let pool: Pool;
let server: GrpcServer;
let health: ServiceClient<typeof HealthService>;

beforeAll(async () => {
  pool = createPool(await createTestDatabase('short_tx'), 2);
  await pool.query('create table notes (text text)');
  const { trust } = generateTrust(['identity'], []);
  const verifier = CallerVerifier.fromBundle(JSON.stringify(trust), 'identity');
  const logger = createLogger('test', 'silent');
  server = new GrpcServer({ service: 'identity', host: '127.0.0.1', port: 0, bindings: [], logger, verifier });
  // The health service is open (no caller token): any gRPC call does to show the rule.
  health = createClient(HealthService, `127.0.0.1:${await server.start()}`, { from: 'test', deadlineMs: 2000 });
});

afterAll(async () => {
  health.close();
  await server.stop(0);
  await pool.end();
});

const serving = async () => (await health.check({ service: '' })).status === HealthCheckResponse_ServingStatus.SERVING;

describe('a gRPC call inside a database transaction', () => {
  it('is made outside any transaction', async () => {
    expect(inTransaction()).toBe(false);
    expect(await serving()).toBe(true);
  });

  it('is refused inside withTransaction, naming the call, and the transaction rolls back', async () => {
    const attempt = withTransaction(pool, async (tx) => {
      await tx.query(`insert into notes values ('written before the call')`);
      await health.check({ service: '' });
    });
    await expect(attempt).rejects.toThrow(/grpc\.health\.v1\.Health\/Check was called inside a database transaction/);
    expect((await pool.query('select count(*)::int as n from notes')).rows[0].n).toBe(0);
  });

  it('is refused in everything the transaction’s work starts and awaits, however deep', async () => {
    const nested = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return serving();
    };
    const attempt = withTransaction(pool, async () => (await Promise.all([nested(), Promise.resolve(true)]))[0]);
    await expect(attempt).rejects.toThrow(/inside a database transaction/);
  });

  it('is made again once the transaction is over: gather, write, then call', async () => {
    const before = await serving();
    await withTransaction(pool, async (tx) => {
      expect(inTransaction()).toBe(true);
      await tx.query(`insert into notes values ('a short transaction')`);
    });
    expect([before, inTransaction(), await serving()]).toEqual([true, false, true]);
  });

  it('does not mark calls running beside a transaction in another async context', async () => {
    let opened!: () => void;
    let release!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const open = withTransaction(pool, async () => {
      opened();
      await released;
    });
    await isOpen;
    // The transaction is open meanwhile; this call is not part of its work.
    expect(await serving()).toBe(true);
    release();
    await open;
  });
});
