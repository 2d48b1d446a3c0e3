// PostgreSQL access: one pool per service, and transactions that retry on serialization conflicts.
import pg from 'pg';
import { markedAsTransaction } from './open-transaction.js';

export type Pool = pg.Pool;
export type Tx = pg.PoolClient;
/** Anything that runs queries: the pool itself or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

// int8 (bigint) and numeric come back as strings by default; minutes and minor units are integers
// that must not lose precision, so int8 is parsed to bigint.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => BigInt(value));
// Dates without time stay 'YYYY-MM-DD' strings instead of becoming local-time Date objects.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export function createPool(connectionString: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  retries?: number;
}

/**
 * Runs `work` in a transaction; commits if it resolves, rolls back if it throws. The work is marked
 * as inside a transaction (see open-transaction.ts): a gRPC call made from it is refused.
 */
export async function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(options.isolation ? `begin isolation level ${options.isolation}` : 'begin');
      const result = await markedAsTransaction(() => work(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < retries) {
        await sleep(5 * 2 ** attempt + Math.random() * 10);
        continue;
      }
      throw error;
    } finally {
      client.release();
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when a PostgreSQL error is a unique violation, optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError.code === '23505' && (!constraint || pgError.constraint === constraint);
}
