// Transactional outbox: events are rows written with the change; a relay publishes them in order.
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import pg from 'pg';
import { SpanKind, contextFromHeaders, inSpan, traceHeaders } from '../telemetry.js';
import { eventsPublished, outboxPending } from '../metrics.js';
import { sleep, type Pool, type Queryable } from '../db/pool.js';
import type { Logger } from '../log.js';
import { toHeaders } from './cloudevents.js';
import type { EventType } from './event-type.js';

const NOTIFY_CHANNEL = 'e21_outbox';

/**
 * Records an event in the outbox. Call it with the transaction that makes the change, so the
 * event exists if and only if the change does. Returns the event id.
 */
export async function appendEvent<T>(
  tx: Queryable,
  source: string,
  event: EventType<T>,
  subject: string,
  data: T,
  at: Date = new Date(),
): Promise<string> {
  const id = randomUUID();
  const trace = traceHeaders();
  await tx.query(
    `insert into outbox (id, type, source, subject, time, payload, traceparent, tracestate)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      event.type,
      source,
      subject,
      at,
      Buffer.from(event.codec.encode(data).finish()),
      trace.traceparent ?? null,
      trace.tracestate ?? null,
    ],
  );
  await tx.query(`select pg_notify($1, '')`, [NOTIFY_CHANNEL]);
  return id;
}

interface OutboxRow {
  seq: bigint;
  id: string;
  type: string;
  source: string;
  subject: string;
  time: Date;
  payload: Buffer;
  traceparent: string | null;
  tracestate: string | null;
}

export interface RelayOptions {
  service: string;
  pool: Pool;
  connectionString: string;
  nats: NatsConnection;
  logger: Logger;
  batchSize?: number;
  /** Fallback poll when no notification arrives (another replica's insert, a missed NOTIFY). */
  pollMs?: number;
  publishTimeoutMs?: number;
}

// Replicas of one service take turns: only the holder of this lock publishes, so events leave in order.
const RELAY_LOCK = 2121_0002;

/** Publishes outbox rows to JetStream with Nats-Msg-Id = event id, then marks them published. */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | undefined;
  private listener: pg.Client | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: RelayOptions) {}

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes everything pending now; resolves to the number of events published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < (this.options.batchSize ?? 100)) return total;
    }
  }

  private async listen(): Promise<void> {
    const listener = new pg.Client({ connectionString: this.options.connectionString });
    listener.on('error', (error) => this.options.logger.warn({ err: error }, 'outbox listener lost its connection; polling'));
    listener.on('notification', () => this.wake?.());
    await listener.connect();
    await listener.query(`listen ${NOTIFY_CHANNEL}`);
    this.listener = listener;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.drain();
        failures = 0;
        await this.idle(this.options.pollMs ?? 1000);
      } catch (error) {
        failures++;
        this.options.logger.warn({ err: error, failures }, 'outbox relay could not publish; retrying');
        await this.idle(Math.min(200 * 2 ** failures, 5000));
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Publishes the oldest pending events. No transaction is open while NATS answers: the relay lock is
   * a session lock held on one connection, released after the batch (or dropped with the connection).
   */
  private async publishBatch(): Promise<number> {
    const { pool, nats, service } = this.options;
    const client = await pool.connect();
    let unlockFailed: Error | undefined;
    try {
      const locked = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [RELAY_LOCK]);
      if (!locked.rows[0]?.locked) return 0;
      try {
        const { rows } = await client.query<OutboxRow>(
          `select seq, id, type, source, subject, time, payload, traceparent, tracestate
           from outbox where published_at is null order by seq limit $1`,
          [this.options.batchSize ?? 100],
        );
        const jetstream = nats.jetstream();
        // A crash after a publish and before the update publishes again: Nats-Msg-Id lets JetStream drop the copy.
        for (const row of rows) await this.publish(jetstream, row);
        if (rows.length > 0) {
          const published = rows.map((row) => row.seq.toString());
          await client.query('update outbox set published_at = now() where seq = any($1::bigint[])', [published]);
        }
        const pending = await client.query<{ count: bigint }>('select count(*) as count from outbox where published_at is null');
        outboxPending.set({ service }, Number(pending.rows[0]!.count));
        return rows.length;
      } finally {
        await client.query('select pg_advisory_unlock($1)', [RELAY_LOCK]).catch((error: Error) => (unlockFailed = error));
      }
    } finally {
      // A connection that could not give the lock back is closed, not returned to the pool holding it.
      client.release(unlockFailed);
    }
  }

  private async publish(jetstream: ReturnType<NatsConnection['jetstream']>, row: OutboxRow): Promise<void> {
    const stored: Record<string, string> = {};
    if (row.traceparent) stored.traceparent = row.traceparent;
    if (row.tracestate) stored.tracestate = row.tracestate;
    await inSpan(
      this.options.service,
      `${row.type} publish`,
      {
        kind: SpanKind.PRODUCER,
        parent: contextFromHeaders(stored),
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': row.type, 'messaging.message.id': row.id },
      },
      async () => {
        const headers = toHeaders(
          { id: row.id, type: row.type, source: row.source, subject: row.subject, time: row.time.toISOString() },
          traceHeaders(),
        );
        await jetstream.publish(row.type, row.payload, { msgID: row.id, headers, timeout: this.options.publishTimeoutMs ?? 5000 });
      },
    );
    eventsPublished.inc({ service: this.options.service, type: row.type });
  }
}

/** Deletes published events older than the given age; the stream keeps its own copy. */
export async function pruneOutbox(pool: Pool, olderThanDays = 7): Promise<number> {
  const result = await pool.query(`delete from outbox where published_at < now() - make_interval(days => $1)`, [olderThanDays]);
  return result.rowCount ?? 0;
}

export { sleep };
