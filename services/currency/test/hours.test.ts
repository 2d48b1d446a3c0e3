// Pay for approved hours: timesheets.entry.approved, published to JetStream as timesheets does,
// credits the person once per entry whatever is redelivered or consumed by two replicas at once.
import { waitFor } from '@e21/devinfra';
import { TransferKind } from '@e21/proto/e21/currency/v1/currency';
import { approvedEntry, as, startCurrency, SYSTEM, waitForBalance, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
}, 60_000);
afterAll(() => t?.stop());

/** Transfers paying the entries given (there must be one each, never two). */
async function creditsOf(entryIds: string[]): Promise<Map<string, number>> {
  const { rows } = await t.db.query<{ entry_id: string; count: string }>(
    `select entry_id, count(*) as count from transfers where entry_id = any($1::uuid[]) group by entry_id`,
    [entryIds],
  );
  return new Map(rows.map((r) => [r.entry_id, Number(r.count)]));
}

it('credits minutes x rate / 60 from the issuance account, with the entry’s date and minutes', async () => {
  const { amina } = t.world.people;
  const entry = approvedEntry(amina.id, t.world.territories.marseille, 50, { date: '2030-05-07' });
  await t.approvals.publish(entry);
  const account = await waitForBalance(t.client, amina.id, t.ecu.id, 833n);
  const { entries } = await t.client.listAccountHistory({ accountId: account.id, limit: 5, cursor: '' }, as(amina.id));
  expect(entries).toEqual([
    expect.objectContaining({
      kind: TransferKind.TRANSFER_KIND_HOURS,
      amountMinor: 833n,
      entryDate: '2030-05-07',
      entryMinutes: 50n,
      counterpartyName: 'ÉCU-BDR',
    }),
  ]);
});

it('applies an event delivered twice once (inbox), and an entry carried by two events once (derived transfer id)', async () => {
  const { lucas } = t.world.people;
  const entry = approvedEntry(lucas.id, t.world.territories.aubagne, 90);
  const eventId = await t.approvals.publish(entry);
  // The same event again, past JetStream's de-duplication (a new message id), then the entry in a new event.
  await t.approvals.publish(entry, { eventId, messageId: `${eventId}-again` });
  const secondEventId = await t.approvals.publish(entry);
  // A marker entry published after them is paid only once all of them were handled.
  await waitForBalance(t.client, lucas.id, t.ecu.id, 1500n);
  await t.fund(lucas.id, 60);
  expect(await creditsOf([entry.entryId])).toEqual(new Map([[entry.entryId, 1]]));
  expect((await walletOf(t.client, lucas.id, t.ecu.id))!.balanceMinor).toBe(2500n);
  const { rows } = await t.db.query<{ event_id: string }>(`select event_id from inbox where event_id = any($1::uuid[])`, [
    [eventId, secondEventId],
  ]);
  expect(rows.map((r) => r.event_id).sort()).toEqual([eventId, secondEventId].sort());
});

it('pays each entry once when two replicas consume the same entries at once', async () => {
  await t.startReplica();
  const people = await Promise.all(Array.from({ length: 4 }, (_, i) => t.world.person(`Replica Person ${i}`, 'marseille')));
  const entries = people.flatMap((p) => Array.from({ length: 10 }, () => approvedEntry(p.id, t.world.territories.marseille, 30)));
  // Each entry in two events: the replicas take them side by side.
  await Promise.all(entries.flatMap((entry) => [t.approvals.publish(entry), t.approvals.publish(entry)]));
  for (const p of people) await waitForBalance(t.client, p.id, t.ecu.id, 10n * 500n, 30_000);
  const credits = await creditsOf(entries.map((e) => e.entryId));
  expect(credits.size).toBe(entries.length);
  expect([...credits.values()].every((count) => count === 1)).toBe(true);
  const supply = await t.client.getSupply({ currencyId: t.ecu.id }, SYSTEM);
  expect(supply).toMatchObject({ balanced: true, balancesSumMinor: 0n, entriesSumMinor: 0n, mismatchedAccounts: 0 });
}, 60_000);

it('keeps hours approved where no currency applies, and pays them when a currency is created above them', async () => {
  const { victor } = t.world.people;
  const toulonese = await t.world.person('Toulon Resident', 'toulon');
  const entries = [
    approvedEntry(toulonese.id, t.world.territories.toulon, 60),
    approvedEntry(toulonese.id, t.world.territories.toulon, 30),
  ];
  for (const entry of entries) await t.approvals.publish(entry);
  await waitFor(
    async () => {
      const { rows } = await t.db.query(`select 1 from unpaid_hours where person_id = $1`, [toulonese.id]);
      return rows.length === 2 || undefined;
    },
    { timeoutMs: 10_000 },
  );
  // Waiting hours keep the name the person's account will open with (asked before the consumer's transaction).
  const names = await t.db.query<{ person_name: string | null }>('select person_name from unpaid_hours where person_id = $1', [
    toulonese.id,
  ]);
  expect(names.rows.map((r) => r.person_name)).toEqual(['Toulon Resident', 'Toulon Resident']);
  // Hours that waited before names were kept have none: the configuration asks identity before its transaction.
  await t.db.query(`update unpaid_hours set person_name = null where person_id = $1`, [toulonese.id]);
  // A redelivery while it waits changes nothing.
  await t.approvals.publish(entries[0]!);
  const franc = await t.client.configureCurrency(
    {
      territoryId: t.world.territories.var,
      code: 'FRV',
      name: 'Franc varois',
      minorUnits: 0,
      ratePerHourMinor: 12n,
      redemptionFeeBasisPoints: 0,
      expectedVersion: undefined,
    },
    as(victor.id),
  );
  const account = (await walletOf(t.client, toulonese.id, franc.id))!;
  expect([account.balanceMinor, account.ownerName]).toEqual([18n, 'Toulon Resident']);
  expect((await t.db.query(`select 1 from unpaid_hours where person_id = $1`, [toulonese.id])).rows).toHaveLength(0);
  await t.approvals.publish(entries[1]!);
  await t.fund(t.world.people.jeanne.id, 60);
  expect(await creditsOf(entries.map((e) => e.entryId))).toEqual(new Map(entries.map((e) => [e.entryId, 1])));
}, 30_000);

it('sets aside an event without the facts to pay it, and goes on with the next ones', async () => {
  const { jeanne } = t.world.people;
  const broken = approvedEntry(jeanne.id, 'not-a-territory', 60);
  await t.approvals.publish(broken);
  const before = (await walletOf(t.client, jeanne.id, t.ecu.id))!.balanceMinor;
  await t.fund(jeanne.id, 60);
  expect((await walletOf(t.client, jeanne.id, t.ecu.id))!.balanceMinor).toBe(before + 1000n);
  expect(await creditsOf([broken.entryId])).toEqual(new Map());
});
