// What a write retried with the same Idempotency-Key created the first time. Each service that
// takes keys has the table in its own database:
//   idempotency_keys (caller text, operation text, key text, request_hash text, resource_id uuid,
//                     created_at timestamptz, primary key (caller, operation, key))
import { Refused } from '../errors.js';
import type { Queryable } from './pool.js';

export interface IdempotentRequest {
  requestHash: string;
  resourceId: string;
}

export async function findIdempotent(
  db: Queryable,
  caller: string,
  operation: string,
  key: string,
): Promise<IdempotentRequest | undefined> {
  const { rows } = await db.query<{ request_hash: string; resource_id: string }>(
    'select request_hash, resource_id from idempotency_keys where caller = $1 and operation = $2 and key = $3',
    [caller, operation, key],
  );
  return rows[0] && { requestHash: rows[0].request_hash, resourceId: rows[0].resource_id };
}

export async function saveIdempotent(
  db: Queryable,
  caller: string,
  operation: string,
  key: string,
  requestHash: string,
  resourceId: string,
): Promise<void> {
  await db.query('insert into idempotency_keys (caller, operation, key, request_hash, resource_id) values ($1, $2, $3, $4, $5)', [
    caller,
    operation,
    key,
    requestHash,
    resourceId,
  ]);
}

/**
 * The one step every idempotent write starts with: the id of what the same caller's first request
 * with this key made, when this is its retry; undefined when the key is new; a refusal when the key
 * was used for another request (another fingerprint, see requestHash).
 */
export async function replayOf(
  db: Queryable,
  caller: string,
  operation: string,
  key: string,
  requestHash: string,
): Promise<string | undefined> {
  const earlier = await findIdempotent(db, caller, operation, key);
  if (!earlier) return undefined;
  if (earlier.requestHash !== requestHash) {
    throw new Refused('conflict', 'idempotency_key_reused', 'This Idempotency-Key was used for another request', [
      { field: 'idempotency_key', message: 'was used for another request' },
    ]);
  }
  return earlier.resourceId;
}
