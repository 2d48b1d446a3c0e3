// Pay for hours exactly once on the local stack, whatever happens to the currency service: each
// timesheets.entry.approved delivered twice, the service killed between a credit's commit and its
// acknowledgement, then two replicas consuming at once. Every entry ends with exactly one credit.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import pg from 'pg';
import { connectNats, createClient, createLogger, sleep, systemCaller, toProtoEnum, type ServiceClient } from '@e21/kit';
import { testSecrets, waitFor } from '@e21/devinfra';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { CurrencyServiceService, type Currency } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService, type PersonStatus, type TerritoryLevel } from '@e21/proto/e21/identity/v1/identity';
import { ApprovalPublisher, approvedEntry } from '../support/currency-world.js';

const SYSTEM = { caller: systemCaller('test') };
const STREAM = 'E21_TIMESHEETS';
const CONSUMER = 'currency-pay-for-hours';

let stack: LocalStack;
let db: pg.Client;
let nats: NatsConnection;
let approvals: ApprovalPublisher;
let currency: ServiceClient<typeof CurrencyServiceService>;
let ecu: Currency;
const territories = { eu: randomUUID(), france: randomUUID(), paca: randomUUID(), bouchesDuRhone: randomUUID(), marseille: randomUUID() };
let people: string[] = [];

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-currency-once-'));
  stack = await startLocalStack({ dataDir, demo: false, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  const identity = createClient(IdentityServiceService, `127.0.0.1:${stack.ports.grpc.identity}`, { from: 'test', deadlineMs: 15_000 });
  const tree: [string, string, string, string, string][] = [
    [territories.eu, '', 'eu', 'EU', 'European Union'],
    [territories.france, territories.eu, 'country', 'FR', 'France'],
    [territories.paca, territories.france, 'region', 'FRL0', "Provence-Alpes-Côte d'Azur"],
    [territories.bouchesDuRhone, territories.paca, 'department', 'FRL04', 'Bouches-du-Rhône'],
    [territories.marseille, territories.bouchesDuRhone, 'locality', '13055', 'Marseille'],
  ];
  for (const [id, parentId, level, code, name] of tree) {
    await identity.upsertTerritory(
      { id, parentId, level: toProtoEnum<TerritoryLevel>('TERRITORY_LEVEL', level), code, labels: { en: name, fr: name } },
      SYSTEM,
    );
  }
  people = await Promise.all(
    Array.from(
      { length: 20 },
      async (_, i) =>
        (
          await identity.registerPerson(
            {
              name: `Volunteer ${i}`,
              email: `volunteer${i}.${randomUUID().slice(0, 8)}@test.e21.eu`,
              locale: 'fr',
              status: toProtoEnum<PersonStatus>('PERSON_STATUS', 'volunteer'),
              territoryId: territories.marseille,
              password: '',
            },
            SYSTEM,
          )
        ).id,
    ),
  );
  identity.close();
  currency = createClient(CurrencyServiceService, `127.0.0.1:${stack.ports.grpc.currency}`, { from: 'test', deadlineMs: 15_000 });
  ecu = await currency.configureCurrency(
    {
      territoryId: territories.bouchesDuRhone,
      code: 'ÉCU-BDR',
      name: 'Écu',
      minorUnits: 2,
      ratePerHourMinor: 1000n,
      redemptionFeeBasisPoints: 500,
      expectedVersion: undefined,
    },
    SYSTEM,
  );
  db = new pg.Client({ connectionString: stack.databaseUrl('e21_currency') });
  await db.connect();
  nats = await connectNats(stack.natsLogin('admin'), createLogger('test', 'silent')); // reads the consumer's state
  approvals = await ApprovalPublisher.connect(stack.natsLogin('timesheets'));
}, 180_000);

afterAll(async () => {
  await approvals?.close();
  await nats?.drain();
  await db?.end();
  currency?.close();
  await stack?.stop();
}, 60_000);

/** Entries for the volunteers, 30 minutes each (5.00). */
const entries = (count: number) =>
  Array.from({ length: count }, (_, i) => approvedEntry(people[i % people.length]!, territories.marseille, 30));

/** How many credits each entry got, for the entries given. */
async function credits(entryIds: string[]): Promise<number[]> {
  const { rows } = await db.query<{ entry_id: string; count: string }>(
    `select entry_id, count(*) as count from transfers where entry_id = any($1::uuid[]) group by entry_id`,
    [entryIds],
  );
  const counted = new Map(rows.map((r) => [r.entry_id, Number(r.count)]));
  return entryIds.map((id) => counted.get(id) ?? 0);
}

async function allCreditedOnce(entryIds: string[], timeoutMs: number): Promise<void> {
  await waitFor(async () => (await credits(entryIds)).every((count) => count >= 1) || undefined, {
    timeoutMs,
    intervalMs: 250,
    what: 'every entry credited',
  });
  expect(new Set(await credits(entryIds))).toEqual(new Set([1]));
}

async function consumerInfo() {
  return (await nats.jetstreamManager()).consumers.info(STREAM, CONSUMER);
}

/** The pid of the currency process serving gRPC on `port` (the stack's child: this test started it). */
function pidOf(port: number): number {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!command.includes('services/currency/dist/main.js')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`GRPC_PORT=${port}`)) return Number(entry);
    } catch {
      // A process that ended while we looked.
    }
  }
  throw new Error(`no currency process on port ${port}`);
}

it('credits an approval delivered twice, and an entry approved in two events, once', async () => {
  const batch = entries(30);
  for (const entry of batch) {
    const eventId = await approvals.publish(entry);
    // The same event redelivered (past JetStream's de-duplication), and the entry in another event.
    await approvals.publish(entry, { eventId, messageId: `${eventId}:again` });
    await approvals.publish(entry);
  }
  await allCreditedOnce(
    batch.map((e) => e.entryId),
    30_000,
  );
}, 60_000);

it('credits once the entries whose credit was committed when the service was killed, before their ack', async () => {
  // Stopped (SIGSTOP) at random instants while it pays a burst; killed at the first instant when
  // more credits are committed in its database than JetStream has acknowledgements for.
  const pid = pidOf(stack.ports.grpc.currency);
  let hit: { committed: number; acknowledged: number } | undefined;
  const all: string[] = [];
  for (let burst = 0; burst < 5 && !hit; burst++) {
    await waitFor(async () => ((await consumerInfo()).num_ack_pending === 0 && (await consumerInfo()).num_pending === 0) || undefined, {
      timeoutMs: 60_000,
      what: 'the consumer idle',
    });
    const base = (await consumerInfo()).ack_floor.consumer_seq;
    const batch = entries(1200);
    const ids = batch.map((e) => e.entryId);
    all.push(...ids);
    for (let i = 0; i < batch.length; i += 100) await Promise.all(batch.slice(i, i + 100).map((entry) => approvals.publish(entry)));
    while (!hit) {
      const committed = (await credits(ids)).filter((count) => count > 0).length;
      if (committed >= ids.length - 50) break;
      process.kill(pid, 'SIGSTOP');
      try {
        // Whatever it wrote to NATS or PostgreSQL before it stopped has arrived by now.
        await sleep(150);
        const stillCommitted = (await credits(ids)).filter((count) => count > 0).length;
        const acknowledged = (await consumerInfo()).ack_floor.consumer_seq - base;
        if (stillCommitted > acknowledged && stillCommitted > 0) hit = { committed: stillCommitted, acknowledged };
      } finally {
        if (!hit) process.kill(pid, 'SIGCONT');
      }
      if (!hit) await sleep(10 + Math.random() * 40);
    }
  }
  expect(hit).toBeDefined();
  await stack.kill('currency'); // SIGKILL, while stopped between a commit and its ack
  await stack.restart('currency');
  // The entries committed but not acknowledged come again after the ack wait: the new process
  // acknowledges them all (the inbox drops the ones already paid) and pays each entry once.
  await allCreditedOnce(all, 120_000);
  await waitFor(
    async () => {
      const info = await consumerInfo();
      return (info.num_ack_pending === 0 && info.num_pending === 0) || undefined;
    },
    { timeoutMs: 60_000, what: 'every delivery acknowledged' },
  );
  expect(new Set(await credits(all))).toEqual(new Set([1]));
}, 240_000);

it('credits each entry once while two replicas consume at once, and keeps the ledger balanced', async () => {
  await stack.startReplica('currency', 2);
  const batch = entries(200);
  // Each entry in two events at the same time: the replicas take them side by side.
  await Promise.all(batch.flatMap((entry) => [approvals.publish(entry), approvals.publish(entry)]));
  await allCreditedOnce(
    batch.map((e) => e.entryId),
    60_000,
  );
  const supply = await currency.getSupply({ currencyId: ecu.id }, SYSTEM);
  expect(supply).toMatchObject({ balanced: true, balancesSumMinor: 0n, entriesSumMinor: 0n, mismatchedAccounts: 0 });
  const { rows } = await db.query<{ count: string }>(`select count(*) as count from transfers where kind = 'hours'`);
  expect(supply.issuedMinor).toBe(BigInt(rows[0]!.count) * 500n);
}, 120_000);
