// Property, against the real service and PostgreSQL: random batches of payments, payment requests,
// refusals and retries, sent concurrently, leave debits = credits, no negative balance outside the
// issuance account, the sum of all balances at zero, and every balance equal to the transfers accepted.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Refused } from '@e21/kit';
import { OwnerKind, type Account } from '@e21/proto/e21/currency/v1/currency';
import { as, startCurrency, SYSTEM, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;
let people: { id: string; account: Account }[];
let till: Account;

beforeAll(async () => {
  t = await startCurrency();
  const created = await Promise.all(Array.from({ length: 4 }, (_, i) => t.world.person(`Property Person ${i}`, 'marseille')));
  for (const person of created) await t.fund(person.id, 30); // 5.00 each: small, so overdrafts are tried
  people = await Promise.all(created.map(async (p) => ({ id: p.id, account: (await walletOf(t.client, p.id, t.ecu.id))! })));
  till = await t.client.openAccount(
    { ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: t.world.organizations.boulangerie, currencyId: t.ecu.id },
    as(t.world.people.isabelle.id),
  );
}, 60_000);
afterAll(() => t?.stop());

type Step =
  | { op: 'pay'; from: number; to: number; amount: bigint; key: number | null }
  | { op: 'request'; payer: number; amount: bigint; payTwice: boolean }
  | { op: 'unknown'; from: number; amount: bigint };

const amount = fc.oneof(fc.bigInt({ min: -3n, max: 0n }), fc.bigInt({ min: 1n, max: 300n }), fc.constant(10n ** 15n));
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('pay' as const), from: fc.nat(3), to: fc.nat(4), amount, key: fc.option(fc.nat(3)) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('request' as const), payer: fc.nat(3), amount, payTwice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unknown' as const), from: fc.nat(3), amount }) },
);

/** The transfers the service said it posted, by id: a retry answering an earlier id adds nothing. */
const posted = new Map<string, { from: string; to: string; amountMinor: bigint }>();

async function expectRefusal(call: Promise<unknown>): Promise<unknown> {
  try {
    return await call;
  } catch (error) {
    // Refusals are expected; anything else (an internal error) fails the property.
    if (!(error instanceof Refused) || error.kind === 'unavailable') throw error;
    return undefined;
  }
}

async function run(step: Step, runId: string): Promise<void> {
  const accountOf = (index: number) => (index < people.length ? people[index]!.account : till);
  if (step.op === 'pay') {
    const from = people[step.from]!;
    const to = accountOf(step.to);
    const key = step.key === null ? '' : `${runId}-${step.from}-${step.key}`;
    const transfer = (await expectRefusal(
      t.client.pay(
        { fromAccountId: from.account.id, toAccountId: to.id, amountMinor: step.amount, reference: '', idempotencyKey: key },
        as(from.id),
      ),
    )) as { id: string; amountMinor: bigint; debitAccountId: string; creditAccountId: string } | undefined;
    if (transfer)
      posted.set(transfer.id, { from: transfer.debitAccountId, to: transfer.creditAccountId, amountMinor: transfer.amountMinor });
  } else if (step.op === 'request') {
    const request = (await expectRefusal(
      t.client.createPaymentRequest(
        {
          organizationId: t.world.organizations.boulangerie,
          amountMinor: step.amount,
          reference: runId,
          expiresInMinutes: 5,
          idempotencyKey: '',
        },
        as(t.world.people.sam.id),
      ),
    )) as { id: string; amountMinor: bigint } | undefined;
    if (!request) return;
    const payer = people[step.payer]!;
    const payments = await Promise.all(
      Array.from({ length: step.payTwice ? 2 : 1 }, () => expectRefusal(t.client.payPaymentRequest({ id: request.id }, as(payer.id)))),
    );
    for (const paid of payments as ({ transferId: string } | undefined)[])
      if (paid) posted.set(paid.transferId, { from: payer.account.id, to: till.id, amountMinor: request.amountMinor });
  } else {
    await expectRefusal(
      t.client.pay(
        {
          fromAccountId: people[step.from]!.account.id,
          toAccountId: randomUUID(),
          amountMinor: step.amount,
          reference: '',
          idempotencyKey: '',
        },
        as(people[step.from]!.id),
      ),
    );
  }
}

async function checkLedger(): Promise<void> {
  const supply = await t.client.getSupply({ currencyId: t.ecu.id }, SYSTEM);
  expect(supply).toMatchObject({ balanced: true, balancesSumMinor: 0n, entriesSumMinor: 0n, mismatchedAccounts: 0 });
  const { rows: negative } = await t.db.query(`select id from accounts where owner_kind <> 'issuance' and balance_minor < 0`);
  expect(negative).toEqual([]);
  const { rows: unbalanced } = await t.db.query(
    `select transfer_id from entries group by transfer_id having count(*) <> 2 or sum(amount_minor) <> 0`,
  );
  expect(unbalanced).toEqual([]);
  // Every balance is the funding plus exactly the transfers the service said it accepted.
  const expected = new Map<string, bigint>([...people.map((p) => [p.account.id, 500n] as const), [till.id, 0n]]);
  for (const transfer of posted.values()) {
    expected.set(transfer.from, expected.get(transfer.from)! - transfer.amountMinor);
    expected.set(transfer.to, expected.get(transfer.to)! + transfer.amountMinor);
  }
  const { rows } = await t.db.query<{ id: string; balance_minor: bigint }>(
    `select id, balance_minor from accounts where id = any($1::uuid[])`,
    [[...expected.keys()]],
  );
  expect(new Map(rows.map((r) => [r.id, r.balance_minor]))).toEqual(expected);
}

it('keeps the ledger balanced under random concurrent transfers, refusals and retries', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (batches) => {
      const runId = randomUUID().slice(0, 8);
      // Steps in a batch run side by side; a batch's retries race their first attempt.
      for (const batch of batches) await Promise.all(batch.map((s) => run(s, runId)));
      await checkLedger();
    }),
    { numRuns: 12 },
  );
}, 120_000);
