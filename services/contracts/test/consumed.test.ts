// The employer's consumed minutes, kept from timesheets' approvals: events published on the
// contracts test's own nats-server as the timesheets relay publishes them, and redelivered.
import { randomUUID } from 'node:crypto';
import { connectNats, createLogger, toHeaders, type NatsConnection } from '@e21/kit';
import { waitFor } from '@e21/devinfra';
import { timesheetsEvents } from '@e21/events';
import { commit, signedContract, startContracts, terms, YEAR, type ContractsUnderTest } from './support.js';

let t: ContractsUnderTest;
let nats: NatsConnection;
let contractId: string;

beforeAll(async () => {
  t = await startContracts();
  nats = await connectNats(t.nats.login('timesheets'), createLogger('test', 'silent'));
  const { amina, claire, marc } = t.world.people;
  await commit(t.client, t.world.organizations.calanques, 100_000);
  contractId = (await signedContract(t.client, { person: amina.id, employer: claire.id, office: marc.id }, terms())).contract!.id;
});
afterAll(async () => {
  await nats?.drain();
  await t.stop();
});

/** Publishes timesheets.entry.approved with the event id given, as a new NATS message each time. */
async function publishApproval(eventId: string, minutes: number, contract = contractId, date = `${YEAR}-03-05`): Promise<void> {
  const data = timesheetsEvents.entryApproved.codec
    .encode({
      entry: {
        entryId: randomUUID(),
        personId: t.world.people.amina.id,
        contractId: contract,
        employerId: t.world.organizations.calanques,
        projectId: randomUUID(),
        date,
        minutes: BigInt(minutes),
        competenceId: 'urn:e21:skill:first-aid',
        territoryId: t.world.territories.marseille,
        month: date.slice(0, 7),
      },
      approvedBy: `person:${t.world.people.claire.id}`,
      approvedAt: new Date().toISOString(),
    })
    .finish();
  const headers = toHeaders(
    { id: eventId, type: timesheetsEvents.entryApproved.type, source: 'e21/timesheets', subject: eventId, time: new Date().toISOString() },
    {},
  );
  // A fresh Nats-Msg-Id: the stream takes the copy, only the inbox can tell it was seen.
  await nats.jetstream().publish(timesheetsEvents.entryApproved.type, data, { msgID: randomUUID(), headers });
}

const consumed = async () =>
  (
    await t.client.getCommitmentReport(
      { organizationId: t.world.organizations.calanques, year: YEAR },
      { caller: { kind: 'system', service: 'test' } },
    )
  ).consumedMinutes;
const applied = async () =>
  Number(
    (await t.service.pool.query<{ n: bigint }>("select count(*) as n from inbox where consumer = 'contracts-consumed-minutes'")).rows[0]!.n,
  );

it('adds each approval to the employer’s consumed minutes, once however often it is delivered', async () => {
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  await publishApproval(ids[0]!, 60);
  await publishApproval(ids[1]!, 90);
  await publishApproval(ids[2]!, 30);
  await waitFor(async () => (await consumed()) === 180n, { timeoutMs: 15_000, what: 'three approvals consumed' });

  await publishApproval(ids[0]!, 60);
  await publishApproval(ids[1]!, 90);
  // An unknown contract is skipped, and does not hold the others back.
  await publishApproval(randomUUID(), 45, randomUUID());
  await publishApproval(randomUUID(), 15);
  await waitFor(async () => (await applied()) === 5, { timeoutMs: 15_000, what: 'every distinct event applied' });
  expect(await consumed()).toBe(195n);
  const report = await t.client.getCommitmentReport(
    { organizationId: t.world.organizations.calanques, year: YEAR },
    { caller: { kind: 'system', service: 'test' } },
  );
  expect(report.employees.find((e) => e.contractId === contractId)!.consumedMinutes).toBe(195n);
});

it('counts approved minutes in the year of the entry’s date', async () => {
  const before = await consumed();
  await publishApproval(randomUUID(), 20, contractId, `${YEAR + 1}-01-02`);
  await waitFor(async () => (await applied()) === 6, { timeoutMs: 15_000, what: 'the next year’s approval applied' });
  expect(await consumed()).toBe(before);
  const { rows } = await t.service.pool.query<{ year: number; minutes: bigint }>(
    'select year, minutes from consumed_minutes where contract_id = $1 order by year',
    [contractId],
  );
  expect(rows).toEqual([
    { year: YEAR, minutes: 195n },
    { year: YEAR + 1, minutes: 20n },
  ]);
});

/** Publishes timesheets.entry.corrected: an officer changed approved minutes in a closed month. */
async function publishCorrection(eventId: string, previousMinutes: number, minutes: number): Promise<void> {
  const date = `${YEAR}-03-05`;
  const data = timesheetsEvents.entryCorrected.codec
    .encode({
      entry: {
        entryId: randomUUID(),
        personId: t.world.people.amina.id,
        contractId,
        employerId: t.world.organizations.calanques,
        projectId: randomUUID(),
        date,
        minutes: BigInt(minutes),
        competenceId: 'urn:e21:skill:first-aid',
        territoryId: t.world.territories.marseille,
        month: date.slice(0, 7),
      },
      correctionId: randomUUID(),
      previousMinutes: BigInt(previousMinutes),
      reason: 'Timesheet of the site log',
      correctedBy: `person:${t.world.people.marc.id}`,
      correctedAt: new Date().toISOString(),
    })
    .finish();
  const headers = toHeaders(
    { id: eventId, type: timesheetsEvents.entryCorrected.type, source: 'e21/timesheets', subject: eventId, time: new Date().toISOString() },
    {},
  );
  await nats.jetstream().publish(timesheetsEvents.entryCorrected.type, data, { msgID: randomUUID(), headers });
}

it('moves consumed minutes by what a correction changed, once however often it is delivered', async () => {
  const before = await consumed();
  const appliedBefore = await applied();
  const lowered = randomUUID();
  await publishCorrection(lowered, 90, 60);
  await publishCorrection(lowered, 90, 60);
  await publishCorrection(randomUUID(), 30, 45);
  await waitFor(async () => (await applied()) === appliedBefore + 2, {
    timeoutMs: 15_000,
    what: `two corrections applied (${appliedBefore} before)`,
  });
  expect(await consumed()).toBe(before - 30n + 15n);
});
