// The failed-sign-in counters (table sign_in_failures), shared by every replica of the provider.
import type { Pool } from '@e21/kit';
import type { Counted } from '../domain/sign-in-limits.js';

/**
 * Adds one to each counter and returns them. A counter's window opens with its first failure and
 * lasts windowMinutes; a counter whose window closed starts again at 1. Keys are locked in sorted
 * order, so two attempts sharing counters never wait on each other in a cycle.
 */
export async function countAttempt(pool: Pool, keys: string[], windowMinutes: number, at: Date): Promise<Map<string, Counted>> {
  const { rows } = await pool.query<{ key: string; failures: number; window_end: Date }>(
    `insert into sign_in_failures (key, failures, window_end)
     select key, 1, $2::timestamptz + make_interval(mins => $3) from unnest($1::text[]) as key order by key
     on conflict (key) do update set
       failures = case when sign_in_failures.window_end <= $2 then 1 else sign_in_failures.failures + 1 end,
       window_end = case when sign_in_failures.window_end <= $2 then excluded.window_end else sign_in_failures.window_end end
     returning key, failures, window_end`,
    [[...keys].sort(), at, windowMinutes],
  );
  return new Map(rows.map((row) => [row.key, { failures: row.failures, windowEnd: row.window_end }]));
}

/** Gives back what countAttempt added, for an attempt that signed in. */
export async function uncountAttempt(pool: Pool, keys: string[], at: Date): Promise<void> {
  await pool.query('update sign_in_failures set failures = failures - 1 where key = any($1) and window_end > $2 and failures > 0', [
    [...keys].sort(),
    at,
  ]);
}

/** Forgets counters whose window closed; run now and then. */
export async function pruneSignInFailures(pool: Pool): Promise<number> {
  const result = await pool.query('delete from sign_in_failures where window_end < now()');
  return result.rowCount ?? 0;
}
