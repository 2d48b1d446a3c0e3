// oidc-provider storage (sessions, interactions, grants, codes, tokens) in identity's database.
import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';
import type { Pool } from '@e21/kit';

/** One adapter class per model name, as oidc-provider expects, all backed by oidc_payloads. */
export function postgresAdapter(pool: Pool): AdapterConstructor {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await pool.query(
        `insert into oidc_payloads (kind, id, payload, grant_id, user_code, uid, expires_at)
         values ($1, $2, $3, $4, $5, $6, case when $7::int > 0 then now() + make_interval(secs => $7::int) end)
         on conflict (kind, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
           user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`,
        [this.kind, id, payload, payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn ?? 0],
      );
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('id = $2', id);
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('user_code = $2', userCode);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('uid = $2', uid);
    }

    async consume(id: string): Promise<void> {
      await pool.query('update oidc_payloads set consumed_at = now() where kind = $1 and id = $2', [this.kind, id]);
    }

    async destroy(id: string): Promise<void> {
      await pool.query('delete from oidc_payloads where kind = $1 and id = $2', [this.kind, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await pool.query('delete from oidc_payloads where grant_id = $1', [grantId]);
    }

    private async findWhere(condition: string, value: string): Promise<AdapterPayload | undefined> {
      const { rows } = await pool.query<{ payload: AdapterPayload; consumed_at: Date | null }>(
        `select payload, consumed_at from oidc_payloads
         where kind = $1 and ${condition} and (expires_at is null or expires_at > now())`,
        [this.kind, value],
      );
      const row = rows[0];
      if (!row) return undefined;
      return row.consumed_at ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : row.payload;
    }
  };
}

/** Removes expired provider records; run now and then. */
export async function pruneExpiredPayloads(pool: Pool): Promise<number> {
  const result = await pool.query('delete from oidc_payloads where expires_at < now()');
  return result.rowCount ?? 0;
}
