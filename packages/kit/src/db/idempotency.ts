// What a write retried with the same Idempotency-Key created the first time. Each service that
// takes keys has the table in its own database:
//   idempotency_keys (caller text, operation text, key text, request_hash text, resource_id uuid,
//                     created_at timestamptz, primary key (caller, operation, key))
import type { Queryable } from './pool.js';

export interface IdempotentRequest {
  requestHash: string;
  resourceId: string;
}

export async function findIdempotent(db: Queryable, caller: string, operation: string, key: string): Promise<IdempotentRequest | undefined> {
  const { rows } = await db.query<{ request_hash: string; resource_id: string }>(
    'select request_hash, resource_id from idempotency_keys where caller = $1 and operation = $2 and key = $3',
    [caller, operation, key],
  );
  return rows[0] && { requestHash: rows[0].request_hash, resourceId: rows[0].resource_id };
}

export async function saveIdempotent(db: Queryable, caller: string, operation: string, key: string, requestHash: string, resourceId: string): Promise<void> {
  await db.query('insert into idempotency_keys (caller, operation, key, request_hash, resource_id) values ($1, $2, $3, $4, $5)', [caller, operation, key, requestHash, resourceId]);
}
