// Advisory locks of the currency service: work serialized on a key until its transaction ends.
import type { Queryable } from '@e21/kit';

/** Serializes work on one key (a transfer id, a request, a redemption) until the transaction ends. */
export async function lockKey(db: Queryable, key: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}

/**
 * The currency map: exclusive while a currency is configured, shared while approved hours are paid
 * or set to wait. Hours are then either paid by the new currency or seen waiting by it, never lost
 * between the two.
 */
export async function lockCurrencyMap(db: Queryable, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await db.query(`select ${fn}(hashtextextended('currencies', 0))`);
}
