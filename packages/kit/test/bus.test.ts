// The outbox and inbox against real PostgreSQL and a real nats-server.
import { HealthCheckRequest } from '@e21/proto/grpc/health/v1/health';
import { createTestDatabase, startTestNats, waitFor, type TestNats } from '@e21/devinfra';
import {
  appendEvent,
  connectNats,
  createLogger,
  createPool,
  defineEvent,
  ensureStream,
  EventConsumer,
  inTransaction,
  kitMigrationsDir,
  migrate,
  OutboxRelay,
  streamName,
  toHeaders,
  withTransaction,
  type NatsConnection,
  type Pool,
} from '../src/index.js';

// Any protobuf message does for a test event; the health request has one string field.
const thingHappened = defineEvent('testing.thing.happened', HealthCheckRequest);
const logger = createLogger('test', 'silent');

let nats: TestNats;
let pool: Pool;
let databaseUrl: string;
let connection: NatsConnection;

beforeAll(async () => {
  nats = await startTestNats();
  databaseUrl = await createTestDatabase('bus');
  pool = createPool(databaseUrl);
  await migrate(pool, [{ name: 'kit', dir: kitMigrationsDir }]);
  await pool.query('create table effects (event_id uuid, service text)');
  connection = await connectNats(nats.login('admin'), logger);
  await ensureStream(connection, 'testing');
});

afterAll(async () => {
  await connection.drain();
  await pool.end();
  await nats.stop();
});

async function streamMessages(): Promise<number> {
  const manager = await connection.jetstreamManager();
  return (await manager.streams.info(streamName('testing'))).state.messages;
}

async function purge(): Promise<void> {
  const manager = await connection.jetstreamManager();
  await manager.streams.purge(streamName('testing'));
  await pool.query('delete from outbox');
}

const relay = (service = 'testing') =>
  new OutboxRelay({ service, pool, connectionString: databaseUrl, nats: connection, logger, pollMs: 50, publishTimeoutMs: 1000 });

describe('transactional outbox', () => {
  it('writes the event only if the change commits', async () => {
    await purge();
    await expect(
      withTransaction(pool, async (tx) => {
        await appendEvent(tx, 'e21/testing', thingHappened, 'rolled-back', { service: 'lost' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const { rows } = await pool.query('select count(*)::int as n from outbox');
    expect(rows[0].n).toBe(0);
  });

  it('delivers an event written while NATS is down once NATS is back', async () => {
    await purge();
    const publisher = relay();
    await publisher.start();
    await nats.stop();
    await withTransaction(pool, (tx) =>
      appendEvent(tx, 'e21/testing', thingHappened, 'while-down', { service: 'written while NATS was down' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const pending = await pool.query('select count(*)::int as n from outbox where published_at is null');
    expect(pending.rows[0].n).toBe(1);
    await nats.start();
    await waitFor(async () => (await pool.query('select count(*)::int as n from outbox where published_at is null')).rows[0].n === 0, {
      timeoutMs: 20_000,
      what: 'the relay to publish',
    });
    await publisher.stop();
    expect(await streamMessages()).toBe(1);
  });

  it('publishes each event once with two relays on one database', async () => {
    await purge();
    for (let i = 0; i < 200; i++)
      await withTransaction(pool, (tx) => appendEvent(tx, 'e21/testing', thingHappened, `event-${i}`, { service: `n${i}` }));
    const [first, second] = [relay(), relay()];
    let published = 0;
    // drain() from both replicas at once, repeatedly, as their loops would.
    await Promise.all(
      [first, second].map(async (replica) => {
        for (let round = 0; round < 20; round++) published += await replica.drain();
      }),
    );
    expect(published).toBe(200);
    expect(await streamMessages()).toBe(200);
  });
});

describe('inbox', () => {
  it('applies a redelivered event once', async () => {
    await purge();
    const consumer = new EventConsumer({ service: 'counter', name: 'effects', pool, nats: connection, logger }).on(
      thingHappened,
      async (tx, event) => {
        await tx.query('insert into effects (event_id, service) values ($1, $2)', [event.id, event.data.service]);
      },
    );
    await consumer.start();
    const eventId = crypto.randomUUID();
    const payload = HealthCheckRequest.encode({ service: 'once' }).finish();
    const headers = () =>
      toHeaders({ id: eventId, type: thingHappened.type, source: 'e21/testing', subject: 's', time: new Date().toISOString() }, {});
    const jetstream = connection.jetstream();
    // Two deliveries of the same CloudEvent: different Nats-Msg-Id, so JetStream keeps both, as after a lost ack.
    await jetstream.publish(thingHappened.type, payload, { headers: headers(), msgID: `${eventId}-1` });
    await jetstream.publish(thingHappened.type, payload, { headers: headers(), msgID: `${eventId}-2` });
    await waitFor(
      async () => {
        const manager = await connection.jetstreamManager();
        const info = await manager.consumers.info(streamName('testing'), consumer.durableName);
        return info.num_ack_pending === 0 && info.num_pending === 0;
      },
      { timeoutMs: 10_000, what: 'both deliveries to be handled' },
    );
    await consumer.stop();
    const { rows } = await pool.query('select count(*)::int as n from effects where event_id = $1', [eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('prepares an event’s facts before its inbox transaction and applies them inside it', async () => {
    await purge();
    const inside: Record<string, boolean> = {};
    const consumer = new EventConsumer({ service: 'prepared', name: 'effects', pool, nats: connection, logger }).on(thingHappened, {
      // Where a handler asks other services: no transaction is open yet.
      prepare: async (event) => {
        inside.prepare = inTransaction();
        return `${event.data.service}, prepared`;
      },
      apply: async (tx, event, facts) => {
        inside.apply = inTransaction();
        await tx.query('insert into effects (event_id, service) values ($1, $2)', [event.id, facts]);
      },
    });
    await consumer.start();
    const id = await withTransaction(pool, (tx) => appendEvent(tx, 'e21/testing', thingHappened, 'prepared', { service: 'gathered' }));
    await relay().drain();
    const effect = async () => (await pool.query('select service from effects where event_id = $1', [id])).rows[0]?.service;
    await waitFor(effect, { timeoutMs: 10_000, what: 'the prepared event' });
    await consumer.stop();
    expect(await effect()).toBe('gathered, prepared');
    expect(inside).toEqual({ prepare: false, apply: true });
  });

  it('retries a failing handler and applies the event when it succeeds', async () => {
    await purge();
    let attempts = 0;
    const consumer = new EventConsumer({ service: 'flaky', name: 'effects', pool, nats: connection, logger }).on(
      thingHappened,
      async (tx, event) => {
        attempts++;
        await tx.query('insert into effects (event_id, service) values ($1, $2)', [event.id, 'flaky']);
        if (attempts < 3) throw new Error('not yet');
      },
    );
    await consumer.start();
    const id = await withTransaction(pool, (tx) => appendEvent(tx, 'e21/testing', thingHappened, 'flaky', { service: 'flaky' }));
    const publisher = relay();
    await publisher.drain();
    await waitFor(async () => (await pool.query('select count(*)::int as n from effects where event_id = $1', [id])).rows[0].n === 1, {
      timeoutMs: 15_000,
      what: 'the third attempt',
    });
    await consumer.stop();
    expect(attempts).toBe(3);
  });
});
