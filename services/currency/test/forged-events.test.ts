// Only timesheets can make currency pay: the NATS server refuses approvals published by any other
// user or by someone without one, and the consumer refuses an event whose source is not its owner.
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { connectNats, createLogger, eventSourceOf, toHeaders, type NatsLogin } from '@e21/kit';
import { timesheetsEvents } from '@e21/events';
import { approvedEntry, startCurrency, waitForBalance, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
}, 60_000);
afterAll(() => t?.stop());

const silent = createLogger('forger', 'silent');

/** An approval of `minutes` for the person, as the timesheets relay would publish it, claiming `source`. */
function forgedApproval(personId: string, minutes: number, source = eventSourceOf('timesheets')) {
  const entry = approvedEntry(personId, t.world.territories.marseille, minutes);
  const eventId = randomUUID();
  const data = timesheetsEvents.entryApproved.codec
    .encode({ entry, approvedBy: 'person:00000000-0000-4000-8000-000000000bad', approvedAt: new Date().toISOString() })
    .finish();
  const headers = toHeaders(
    { id: eventId, type: timesheetsEvents.entryApproved.type, source, subject: entry.entryId, time: new Date().toISOString() },
    {},
  );
  return { entry, eventId, data, headers };
}

/** Publishes and says how the server answered: stored in the stream, or refused. */
async function publishAs(nats: NatsConnection, approval: ReturnType<typeof forgedApproval>): Promise<'stored' | string> {
  return nats
    .jetstream()
    .publish(timesheetsEvents.entryApproved.type, approval.data, { msgID: approval.eventId, headers: approval.headers, timeout: 3000 })
    .then(
      () => 'stored',
      (error: Error) => error.message,
    );
}

async function storedInStream(eventId: string): Promise<boolean> {
  const admin = await connectNats(t.nats.login('admin'), silent);
  try {
    const stream = await (await admin.jetstreamManager()).streams.get('E21_TIMESHEETS');
    const info = await stream.info();
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
      const message = await stream.getMessage({ seq }).catch(() => undefined);
      if (message?.header.get('ce-id') === eventId) return true;
    }
    return false;
  } finally {
    await admin.drain();
  }
}

/** Waits until an approval published after the forgeries is paid: the consumer has seen everything before it. */
async function drainWith(personId: string, expectedBalance: bigint): Promise<void> {
  await t.approvals.publish(approvedEntry(personId, t.world.territories.marseille, 60));
  await waitForBalance(t.client, personId, t.ecu.id, expectedBalance);
}

it('refuses an approval published by another service’s NATS user, and pays nothing', async () => {
  const { amina } = t.world.people;
  const currencyUser: NatsLogin = t.nats.login('currency');
  const forger = await connectNats(currencyUser, silent);
  const approval = forgedApproval(amina.id, 600);
  try {
    expect(await publishAs(forger, approval)).toMatch(/permissions violation/i);
  } finally {
    await forger.close();
  }
  await drainWith(amina.id, t.ecu.ratePerHourMinor);
  expect(await storedInStream(approval.eventId)).toBe(false);
  expect((await walletOf(t.client, amina.id, t.ecu.id))!.balanceMinor).toBe(t.ecu.ratePerHourMinor);
});

it('refuses a connection without a user, or with a wrong password', async () => {
  await expect(connect({ servers: t.nats.url, reconnect: false })).rejects.toThrow(/authorization violation/i);
  await expect(connect({ servers: t.nats.url, user: 'timesheets', pass: 'guessed', reconnect: false })).rejects.toThrow(
    /authorization violation/i,
  );
});

it('lets the timesheets user read nothing but its own replies, and publish nothing but timesheets events', async () => {
  const timesheets = await connectNats(t.nats.login('timesheets'), silent);
  try {
    const approval = forgedApproval(t.world.people.lucas.id, 30);
    const other = await timesheets
      .jetstream()
      .publish('currency.transfer.posted', approval.data, { msgID: randomUUID(), headers: approval.headers, timeout: 3000 })
      .then(
        () => 'stored',
        (error: Error) => error.message,
      );
    expect(other).toMatch(/permissions violation/i);
    // Another service's replies (JetStream acks, API answers) are on that service's own inbox prefix.
    const eavesdrop = timesheets.subscribe('_INBOX_currency.>');
    const outcome = await Promise.race([
      (async () => {
        try {
          for await (const message of eavesdrop) return `received ${message.subject}`;
          return 'closed';
        } catch (error) {
          return (error as Error).message;
        }
      })(),
      new Promise<string>((resolve) => setTimeout(() => resolve('still subscribed'), 3000)),
    ]);
    expect(outcome).toMatch(/permissions violation/i);
  } finally {
    await timesheets.close();
  }
});

it('refuses, in the consumer, an approval whose CloudEvents source is not timesheets even on timesheets’ subject', async () => {
  const { jeanne } = t.world.people;
  // The operator's user may publish anywhere: the second lock is the consumer's own check.
  const operator = await connectNats(t.nats.login('admin'), silent);
  const approval = forgedApproval(jeanne.id, 600, eventSourceOf('currency'));
  try {
    expect(await publishAs(operator, approval)).toBe('stored');
  } finally {
    await operator.drain();
  }
  await drainWith(jeanne.id, t.ecu.ratePerHourMinor);
  const { rows } = await t.db.query('select 1 from inbox where event_id = $1', [approval.eventId]);
  expect(rows).toHaveLength(0);
  expect((await walletOf(t.client, jeanne.id, t.ecu.id))!.balanceMinor).toBe(t.ecu.ratePerHourMinor);
});
