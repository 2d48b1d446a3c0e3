// Applies plain SQL migration files in order, once each, recorded in schema_migrations.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from './pool.js';

/** The kit's own tables (outbox, inbox), applied before every service's migrations. */
export const kitMigrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface MigrationSource {
  /** Recorded with each file name, e.g. "kit" or "identity". */
  name: string;
  dir: string;
}

// Any fixed number works, as long as every replica uses the same one.
const MIGRATION_LOCK = 2121_0001;

export async function migrate(pool: Pool, sources: MigrationSource[]): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    // Two replicas starting together: the second waits, then finds nothing left to do.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).rows.map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    for (const source of sources) {
      for (const file of await sqlFiles(source.dir)) {
        const name = `${source.name}/${file}`;
        const sql = await readFile(join(source.dir, file), 'utf8');
        const checksum = createHash('sha256').update(sql).digest('hex');
        const previous = done.get(name);
        if (previous === checksum) continue;
        if (previous) throw new Error(`migration ${name} was changed after it was applied; add a new migration instead`);
        await client.query('begin');
        try {
          await client.query(sql);
          await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [name, checksum]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(name);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

async function sqlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
}
