// The currency service on the local stack: (1) latency from an entry's approval (the event published
// to JetStream) to the person's credit (the transfer committed), p50/p99 at a steady rate; (2) payments
// per second through the currency gRPC service, many concurrent clients on random accounts, side by
// side with the raw rate of the equivalent SQL transaction (lock two rows, update two balances, insert
// the transfer and its entries) sent straight to the same PostgreSQL.
// Build first (npm run build), then: npm run bench -- currency
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { connectNats, createClient, createLogger, ensureStream, personCaller, systemCaller, toHeaders, toProtoEnum } from '@e21/kit';
import { timesheetsEvents } from '@e21/events';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { freePorts, newDataDir } from './support.mjs';
import { startLocalStack } from '@e21/deploy';

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 100);
const CLIENTS = Number(process.env.CLIENTS ?? 64);
const DURATION_S = Number(process.env.DURATION ?? 10);
const APPROVALS = Number(process.env.APPROVALS ?? 400);
const APPROVALS_PER_S = Number(process.env.APPROVALS_PER_S ?? 20);
const SYSTEM = { caller: systemCaller('deploy') };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const random = (n) => Math.floor(Math.random() * n);

const stack = await startLocalStack({ dataDir: await newDataDir(), ports: await freePorts(), demo: false, logLevel: 'warn' });
const identity = createClient(IdentityServiceService, `127.0.0.1:${stack.ports.grpc.identity}`, { from: 'deploy', deadlineMs: 30_000 });
const currency = createClient(CurrencyServiceService, `127.0.0.1:${stack.ports.grpc.currency}`, { from: 'deploy', deadlineMs: 30_000 });
const db = new pg.Pool({ connectionString: stack.databaseUrl('e21_currency'), max: 10 });
// Approvals are published as the timesheets service would, with its NATS user.
const nats = await connectNats(stack.natsLogin('timesheets'), createLogger('bench', 'silent'));
try {
  // A territory with its currency, and people living there.
  const tree = [
    ['eu', null, 'eu'],
    ['france', 'eu', 'country'],
    ['paca', 'france', 'region'],
    ['bdr', 'paca', 'department'],
    ['marseille', 'bdr', 'locality'],
  ];
  const ids = {};
  for (const [key, parent, level] of tree) {
    ids[key] = randomUUID();
    await identity.upsertTerritory(
      {
        id: ids[key],
        parentId: parent ? ids[parent] : '',
        level: toProtoEnum('TERRITORY_LEVEL', level),
        code: key.toUpperCase(),
        labels: { en: key, fr: key },
      },
      SYSTEM,
    );
  }
  const ecu = await currency.configureCurrency(
    {
      territoryId: ids.bdr,
      code: 'ÉCU-BDR',
      name: 'Écu',
      minorUnits: 2,
      ratePerHourMinor: 1000n,
      redemptionFeeBasisPoints: 500,
      expectedVersion: undefined,
    },
    SYSTEM,
  );
  const people = [];
  for (let i = 0; i < ACCOUNTS; i += 20) {
    people.push(
      ...(await Promise.all(
        Array.from(
          { length: Math.min(20, ACCOUNTS - i) },
          async (_, j) =>
            (
              await identity.registerPerson(
                {
                  name: `Bench ${i + j}`,
                  email: `bench${i + j}.${randomUUID().slice(0, 8)}@bench.e21.eu`,
                  locale: 'fr',
                  status: toProtoEnum('PERSON_STATUS', 'volunteer'),
                  territoryId: ids.marseille,
                  password: '',
                },
                SYSTEM,
              )
            ).id,
        ),
      )),
    );
  }

  // (1) Approval to credit: approvals published at a steady rate, each timed until its transfer is committed.
  await ensureStream(nats, 'timesheets', { createOnly: true });
  const jetstream = nats.jetstream();
  const published = new Map();
  const publishOne = async (personId, minutes) => {
    const entryId = randomUUID();
    const entry = {
      entryId,
      personId,
      contractId: randomUUID(),
      employerId: '',
      projectId: randomUUID(),
      date: '2030-05-06',
      minutes: BigInt(minutes),
      competenceId: 'urn:e21:skill:bench',
      territoryId: ids.marseille,
      month: '2030-05',
    };
    const data = timesheetsEvents.entryApproved.codec
      .encode({ entry, approvedBy: 'system:bench', approvedAt: new Date().toISOString() })
      .finish();
    const eventId = randomUUID();
    const headers = toHeaders(
      {
        id: eventId,
        type: timesheetsEvents.entryApproved.type,
        source: 'e21/timesheets',
        subject: entryId,
        time: new Date().toISOString(),
      },
      {},
    );
    published.set(entryId, Date.now());
    await jetstream.publish(timesheetsEvents.entryApproved.type, data, { msgID: eventId, headers });
    return entryId;
  };
  const approvals = [];
  const started = Date.now();
  for (let i = 0; i < APPROVALS; i++) {
    const due = started + (i * 1000) / APPROVALS_PER_S;
    if (due > Date.now()) await sleep(due - Date.now());
    // Every person gets hours (6 h = 60.00 each time) to spend below.
    approvals.push(publishOne(people[i % people.length], 360));
  }
  const entryIds = await Promise.all(approvals);
  let credited = [];
  for (let waited = 0; credited.length < entryIds.length && waited < 120_000; waited += 500) {
    ({ rows: credited } = await db.query(`select entry_id, posted_at from transfers where entry_id = any($1::uuid[])`, [entryIds]));
    if (credited.length < entryIds.length) await sleep(500);
  }
  const latencies = credited.map((row) => row.posted_at.getTime() - published.get(row.entry_id));

  // (2a) Payments through gRPC: each client pays, as the owner, from a random account to another.
  const { rows: accounts } = await db.query(`select id, owner_id from accounts where currency_id = $1 and owner_kind = 'person'`, [ecu.id]);
  const callLatencies = [];
  let ok = 0;
  let refused = 0;
  const until = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const from = accounts[random(accounts.length)];
        let to = accounts[random(accounts.length)];
        if (to.id === from.id) to = accounts[(accounts.indexOf(from) + 1) % accounts.length];
        const t0 = performance.now();
        try {
          await currency.pay(
            { fromAccountId: from.id, toAccountId: to.id, amountMinor: BigInt(1 + random(100)), reference: '', idempotencyKey: '' },
            { caller: personCaller(from.owner_id) },
          );
          ok++;
        } catch (error) {
          if (error?.code !== 'insufficient_funds') throw error;
          refused++;
        }
        callLatencies.push(performance.now() - t0);
      }
    }),
  );

  // (2b) The same transaction as raw SQL on the same PostgreSQL, on accounts of its own (funded from
  // the issuance account the same way), with as many connections as the service's pool.
  const raw = Array.from({ length: ACCOUNTS }, () => randomUUID());
  await db.query(
    `insert into accounts (id, currency_id, owner_kind, owner_id, owner_name, created_at) select a, $2, 'person', a, 'raw', now() from unnest($1::uuid[]) a`,
    [raw, ecu.id],
  );
  const rawTransfer = async (client, fromId, toId, amount, kind) => {
    await client.query('begin');
    try {
      const { rows } = await client.query(
        `select id, balance_minor, owner_kind from accounts where id = any($1::uuid[]) order by id for update`,
        [[fromId, toId]],
      );
      const from = rows.find((r) => r.id === fromId);
      const to = rows.find((r) => r.id === toId);
      if (from.owner_kind !== 'issuance' && from.balance_minor < amount) {
        await client.query('rollback');
        return false;
      }
      const id = randomUUID();
      const at = new Date();
      await client.query(
        `insert into transfers (id, currency_id, kind, debit_account_id, credit_account_id, amount_minor, reference, request_hash, posted_by, posted_at) values ($1, $2, $3, $4, $5, $6, '', '', 'bench', $7)`,
        [id, ecu.id, kind, fromId, toId, amount, at],
      );
      await client.query(
        `update accounts a set balance_minor = v.balance from (values ($1::uuid, $2::bigint), ($3::uuid, $4::bigint)) v(id, balance) where a.id = v.id`,
        [fromId, from.balance_minor - amount, toId, to.balance_minor + amount],
      );
      await client.query(
        `insert into entries (transfer_id, account_id, amount_minor, balance_after_minor, posted_at) values ($1, $2, $3, $4, $8), ($1, $5, $6, $7, $8)`,
        [id, fromId, -amount, from.balance_minor - amount, toId, amount, to.balance_minor + amount, at],
      );
      await client.query('commit');
      return true;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };
  const fundClient = await db.connect();
  for (const account of raw)
    await rawTransfer(fundClient, ecu.issuanceAccountId, account, 6000n * BigInt(Math.ceil(APPROVALS / ACCOUNTS)), 'hours');
  fundClient.release();
  let rawOk = 0;
  let rawRefused = 0;
  const rawLatencies = [];
  const rawUntil = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < rawUntil) {
        const from = raw[random(raw.length)];
        let to = raw[random(raw.length)];
        if (to === from) to = raw[(raw.indexOf(from) + 1) % raw.length];
        const t0 = performance.now();
        const client = await db.connect();
        try {
          if (await rawTransfer(client, from, to, BigInt(1 + random(100)), 'payment')) rawOk++;
          else rawRefused++;
        } finally {
          client.release();
        }
        rawLatencies.push(performance.now() - t0);
      }
    }),
  );

  const supply = await currency.getSupply({ currencyId: ecu.id }, SYSTEM);
  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(`currency bench on ${cpus().length} cores: ${ACCOUNTS} accounts, ${CLIENTS} concurrent clients, ${DURATION_S} s each`);
  console.log(
    `approval -> credit: ${credited.length}/${entryIds.length} credited at ${APPROVALS_PER_S}/s   p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}   max ${ms(Math.max(...latencies))}`,
  );
  console.log(
    `payments via gRPC:  ${(ok / DURATION_S).toFixed(0).padStart(6)} /s   (refused for funds ${refused})   call p50 ${ms(percentile(callLatencies, 50))}   p99 ${ms(percentile(callLatencies, 99))}`,
  );
  console.log(
    `raw SQL transaction:${(rawOk / DURATION_S).toFixed(0).padStart(6)} /s   (refused for funds ${rawRefused})   call p50 ${ms(percentile(rawLatencies, 50))}   p99 ${ms(percentile(rawLatencies, 99))}`,
  );
  console.log(`gRPC / raw SQL: ${((ok / Math.max(rawOk, 1)) * 100).toFixed(1)} %   ledger balanced after both: ${supply.balanced}`);
} finally {
  identity.close();
  currency.close();
  await db.end();
  await nats.drain();
  await stack.stop();
}
