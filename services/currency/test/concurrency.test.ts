// Many clients at once on the same accounts, through gRPC on real PostgreSQL: no overdraft under
// any interleaving, nothing lost, and the totals are exactly those of the transfers accepted.
import { Refused } from '@e21/kit';
import { OwnerKind } from '@e21/proto/e21/currency/v1/currency';
import { as, startCurrency, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
}, 60_000);
afterAll(() => t?.stop());

const CLIENTS = 60;
const PAYMENTS_EACH = 8;

it(`keeps ${CLIENTS} concurrent clients draining three accounts from overdrawing, and loses nothing`, async () => {
  const payers = [t.world.people.amina, t.world.people.lucas, t.world.people.jeanne];
  for (const payer of payers) await t.fund(payer.id, 60); // 10.00 each
  const sinks = await Promise.all(Array.from({ length: 5 }, (_, i) => t.world.person(`Sink ${i}`, 'marseille')));
  const sinkAccounts = await Promise.all(
    sinks.map((s) => t.client.openAccount({ ownerKind: OwnerKind.OWNER_KIND_PERSON, ownerId: s.id, currencyId: t.ecu.id }, as(s.id))),
  );
  const payerAccounts = await Promise.all(payers.map(async (p) => (await walletOf(t.client, p.id, t.ecu.id))!));
  // Payers also pay each other, so that locks are taken in both directions between the same accounts.
  const targets = [...sinkAccounts, ...payerAccounts];

  const accepted: { from: string; to: string; amountMinor: bigint }[] = [];
  let refused = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < PAYMENTS_EACH; i++) {
        const payer = (client + i) % payers.length;
        const from = payerAccounts[payer]!;
        const to = targets[(client * 7 + i * 3) % targets.length]!;
        if (to.id === from.id) continue;
        const amountMinor = BigInt(1 + ((client * 31 + i * 17) % 90));
        try {
          await t.client.pay(
            { fromAccountId: from.id, toAccountId: to.id, amountMinor, reference: `c${client}-${i}`, idempotencyKey: '' },
            as(payers[payer]!.id),
          );
          accepted.push({ from: from.id, to: to.id, amountMinor });
        } catch (error) {
          if (!(error instanceof Refused) || error.code !== 'insufficient_funds') throw error;
          refused += 1;
        }
      }
    }),
  );

  // The accounts were drained: some payments had to be refused, and none went through beyond the funds.
  expect(refused).toBeGreaterThan(0);
  expect(accepted.length).toBeGreaterThan(0);
  const expected = new Map<string, bigint>([
    ...payerAccounts.map((a) => [a.id, 1000n] as const),
    ...sinkAccounts.map((a) => [a.id, 0n] as const),
  ]);
  for (const transfer of accepted) {
    expected.set(transfer.from, expected.get(transfer.from)! - transfer.amountMinor);
    expected.set(transfer.to, expected.get(transfer.to)! + transfer.amountMinor);
  }
  const { rows } = await t.db.query<{ id: string; balance_minor: bigint; entries: bigint }>(
    `select a.id, a.balance_minor, coalesce(sum(e.amount_minor), 0)::bigint as entries from accounts a left join entries e on e.account_id = a.id where a.id = any($1::uuid[]) group by a.id`,
    [[...expected.keys()]],
  );
  for (const row of rows) {
    expect({ id: row.id, balance: row.balance_minor }).toEqual({ id: row.id, balance: expected.get(row.id) });
    expect(row.balance_minor >= 0n).toBe(true);
    expect(row.entries).toBe(row.balance_minor);
  }
  const total = rows.reduce((sum, row) => sum + row.balance_minor, 0n);
  expect(total).toBe(3000n);
  const { rows: payments } = await t.db.query<{ count: bigint }>(`select count(*) as count from transfers where kind = 'payment'`);
  expect(Number(payments[0]!.count)).toBe(accepted.length);
  const supply = await t.client.getSupply({ currencyId: t.ecu.id }, { caller: { kind: 'system', service: 'test' } });
  expect(supply).toMatchObject({ balanced: true, inCirculationMinor: 3000n });
}, 120_000);
