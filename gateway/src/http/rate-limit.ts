// The request rate limit's counts, shared by every gateway replica through the gateway's database.
import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { Logger, Pool } from '@e21/kit';

/**
 * An express-rate-limit store that counts in memory and adds its counts to PostgreSQL every
 * flushIntervalMs, reading back each client's total over every replica. A request costs a map
 * update, except when this replica's total for the client is older than one flush interval (its
 * first request in a window, or after a quiet spell): that request waits for the next flush,
 * coalesced with every other one waiting, so a replica never decides on a stale or zero total.
 *
 * What a replica cannot see are the hits the other replicas took since their last flush and since
 * its own last read: at most two flush intervals of them (plus a flush's round trip). A client
 * that spreads its requests over R replicas therefore gets at most
 *   limit + (R - 1) x (requests it sends to one replica in two flush intervals)
 * through per window: with 250 ms, 3 replicas and 40 requests a second to each, 40 over the limit.
 * If the database does not answer, each replica goes on counting alone (the limit per replica, not
 * per deployment) rather than refusing or failing requests.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  /** Each client's total over all replicas at the last flush, when it was read, and when its window ends. */
  private readonly known = new Map<string, { total: number; readAt: number; windowEnd: number }>();
  /** This replica's hits not yet added to the database. */
  private pending = new Map<string, number>();
  private flushing: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
    private readonly flushIntervalMs = 250,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.timer = setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  async increment(key: string): Promise<IncrementResponse> {
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    const entry = this.known.get(key);
    const now = Date.now();
    if (!entry || entry.windowEnd <= now || now - entry.readAt > this.flushIntervalMs) await this.flush();
    return this.info(key);
  }

  get(key: string): ClientRateLimitInfo | undefined {
    return this.known.has(key) || this.pending.has(key) ? this.info(key) : undefined;
  }

  decrement(key: string): void {
    const hits = this.pending.get(key) ?? 0;
    if (hits > 0) this.pending.set(key, hits - 1);
  }

  resetKey(key: string): void {
    this.known.delete(key);
    this.pending.delete(key);
  }

  /** Stops the timer and shares what is left. */
  async shutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private info(key: string): ClientRateLimitInfo {
    const now = Date.now();
    const entry = this.known.get(key);
    const current = entry && entry.windowEnd > now ? entry : undefined;
    return {
      totalHits: (current?.total ?? 0) + (this.pending.get(key) ?? 0),
      resetTime: new Date(current?.windowEnd ?? now + this.windowMs),
    };
  }

  /** The next flush that includes every hit counted so far: one at a time, the waiting ones coalesced. */
  private flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.send().finally(() => (this.flushing = undefined));
      return this.flushing;
    }
    this.queued ??= this.flushing.then(() => {
      this.queued = undefined;
      return this.flush();
    });
    return this.queued;
  }

  private async send(): Promise<void> {
    // Keys in sorted order: two replicas flushing the same clients lock their rows in one order.
    const batch = [...this.pending].filter(([, hits]) => hits > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.pending = new Map();
    if (batch.length > 0) {
      try {
        const { rows } = await this.pool.query<{ key: string; hits: number; window_end: Date }>(
          `insert into rate_limit_windows (key, hits, window_end)
           select key, hits, now() + make_interval(secs => $3::float8 / 1000) from unnest($1::text[], $2::int[]) as batch(key, hits) order by key
           on conflict (key) do update set
             hits = case when rate_limit_windows.window_end <= now() then excluded.hits else rate_limit_windows.hits + excluded.hits end,
             window_end = case when rate_limit_windows.window_end <= now() then excluded.window_end else rate_limit_windows.window_end end
           returning key, hits, window_end`,
          [batch.map(([key]) => key), batch.map(([, hits]) => hits), this.windowMs],
        );
        const readAt = Date.now();
        for (const row of rows) this.known.set(row.key, { total: row.hits, readAt, windowEnd: row.window_end.getTime() });
      } catch (error) {
        const now = Date.now();
        for (const [key, hits] of batch) {
          const entry = this.known.get(key);
          // readAt now: the requests that follow go on with this local count instead of each waiting on the database.
          if (entry && entry.windowEnd > now) Object.assign(entry, { total: entry.total + hits, readAt: now });
          else this.known.set(key, { total: hits, readAt: now, windowEnd: now + this.windowMs });
        }
        this.logger.warn({ err: error }, 'rate limit counts not shared; counting on this replica until the database answers');
      }
    }
    const now = Date.now();
    for (const [key, entry] of this.known) if (entry.windowEnd <= now && !this.pending.has(key)) this.known.delete(key);
  }
}

/** Forgets the counts of windows that ended; run now and then. */
export async function pruneRateLimitWindows(pool: Pool): Promise<void> {
  await pool.query(`delete from rate_limit_windows where window_end < now() - interval '1 minute'`);
}
