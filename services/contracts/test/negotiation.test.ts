// Negotiating SAR contracts through the real gRPC API: versions, acceptances, signature, concurrency.
import { waitFor } from '@e21/devinfra';
import { contractsEvents } from '@e21/events';
import { ContractStatus, Party, type ContractDetail } from '@e21/proto/e21/contracts/v1/contracts';
import { as, commit, NO_PARTY, party, signedContract, startContracts, SYSTEM, terms, YEAR, type ContractsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';

let t: ContractsUnderTest;

beforeAll(async () => {
  t = await startContracts();
  await commit(t.client, t.world.organizations.calanques, 1_000_000);
});
afterAll(() => t.stop());

const propose = (personId: string, by = personId, proposal = terms()) =>
  t.client.proposeContract(
    { personId, employerId: '', terms: proposal, comment: 'first proposal', party: NO_PARTY, idempotencyKey: '' },
    as(by),
  );
const acceptAs = (contractId: string, version: number, by: string, as_ = NO_PARTY) =>
  t.client.acceptVersion({ contractId, version, comment: '', party: as_ }, as(by));
const counter = (contractId: string, baseVersion: number, by: string, proposal = terms(), comment = '') =>
  t.client.proposeTerms({ contractId, baseVersion, terms: proposal, comment, party: NO_PARTY }, as(by));

async function outboxTypes(subject: string): Promise<string[]> {
  const { rows } = await t.service.pool.query<{ type: string }>('select type from outbox where subject = $1 order by seq', [subject]);
  return rows.map((row) => row.type);
}

const employee = async (name: string) =>
  t.world.person(name, 'marseille', 'employee', { memberOf: [t.world.organizations.calanques, 'member'] });

describe('signing', () => {
  it('signs only when every party accepted the same version: person, employer and office', async () => {
    const { amina, claire, marc } = t.world.people;
    const opened = await propose(amina.id);
    const id = opened.contract!.id;
    expect(opened.contract).toMatchObject({
      status: ContractStatus.CONTRACT_STATUS_NEGOTIATING,
      latestVersion: 1,
      pendingVersion: 1,
      officeName: 'Engagement 21 Marseille',
      employerName: 'Calanques Solaire',
    });
    expect(opened.awaiting).toEqual([Party.PARTY_EMPLOYER, Party.PARTY_OFFICE]);

    const withBlackout = terms({
      schedule: {
        weeklyAllowanceMinutes: 120n,
        blocks: [],
        blackouts: [{ startDate: `${YEAR}-07-01`, endDate: `${YEAR}-08-31`, reason: 'high season' }],
      },
    });
    const countered = await counter(id, 1, claire.id, withBlackout, 'not in the summer');
    expect(countered.awaiting).toEqual([Party.PARTY_PERSON, Party.PARTY_OFFICE]);
    expect(countered.versions[1]!.changes).toEqual([
      { field: 'schedule.blackouts', before: '', after: `${YEAR}-07-01 to ${YEAR}-08-31 (high season)` },
    ]);

    expect((await acceptAs(id, 2, marc.id)).contract!.status).toBe(ContractStatus.CONTRACT_STATUS_NEGOTIATING);
    const signed = await acceptAs(id, 2, amina.id);
    expect(signed.contract).toMatchObject({ status: ContractStatus.CONTRACT_STATUS_SIGNED, inForceVersion: 2, pendingVersion: 0 });
    expect(signed.awaiting).toEqual([]);
    expect(signed.versions[1]!.acceptances.map((a) => a.party).sort()).toEqual(
      [Party.PARTY_PERSON, Party.PARTY_EMPLOYER, Party.PARTY_OFFICE].sort(),
    );
    expect(signed.history.map((s) => s.step)).toEqual(['proposed', 'counter_proposed', 'accepted', 'accepted', 'signed']);
    expect(signed.history.map((s) => s.actorName)).toEqual(['Amina Haddad', 'Claire Dubois', 'Marc Rossi', 'Amina Haddad', 'Amina Haddad']);
    await waitFor(async () => (await outboxTypes(id)).includes('contracts.contract.signed'));
    expect(await outboxTypes(id)).toEqual(['contracts.contract.proposed', 'contracts.contract.proposed', 'contracts.contract.signed']);
  });

  it('refuses to accept a stale version with a stale refusal (412 at the gateway), changing nothing', async () => {
    const person = await employee('Stale Tester');
    const { claire, marc } = t.world.people;
    const id = (await propose(person.id)).contract!.id;
    await counter(id, 1, claire.id);
    const stale = await refusalOf(acceptAs(id, 1, marc.id));
    expect(stale).toMatchObject({ kind: 'stale', code: 'stale_version' });
    const detail = await t.client.getContractDetail({ id }, as(marc.id));
    expect(detail.versions[1]!.acceptances.map((a) => a.party)).toEqual([Party.PARTY_EMPLOYER]);
  });

  it('resets acceptances with a counter-proposal', async () => {
    const person = await employee('Counter Tester');
    const { claire, marc } = t.world.people;
    const id = (await propose(person.id)).contract!.id;
    await acceptAs(id, 1, claire.id);
    const countered = await counter(id, 1, marc.id, terms({ yearlyMinutes: 7_000n }));
    expect(countered.awaiting).toEqual([Party.PARTY_PERSON, Party.PARTY_EMPLOYER]);
    expect(countered.versions[1]!.acceptances.map((a) => a.party)).toEqual([Party.PARTY_OFFICE]);
    expect((await refusalOf(counter(id, 1, person.id))).code).toBe('stale_version');
  });

  it('ends with exactly one signature event when the two last parties accept at the same instant', async () => {
    const { claire, marc } = t.world.people;
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => employee(`Concurrent ${i}`)));
    const ids = await Promise.all(people.map(async (p) => (await propose(p.id)).contract!.id));
    const results = await Promise.all(
      ids.flatMap((id) => [acceptAs(id, 1, claire.id), acceptAs(id, 1, marc.id), acceptAs(id, 1, marc.id)]),
    );
    expect(results.every((r) => r.contract)).toBe(true);
    for (const id of ids) {
      const types = await outboxTypes(id);
      expect({ id, signed: types.filter((type) => type === 'contracts.contract.signed').length }).toEqual({ id, signed: 1 });
      const detail = await t.client.getContractDetail({ id }, as(marc.id));
      expect(detail.contract!.status).toBe(ContractStatus.CONTRACT_STATUS_SIGNED);
      expect(detail.history.filter((s) => s.step === 'accepted')).toHaveLength(2);
    }
  });
});

describe('what the signature event carries', () => {
  it('publishes contract.signed with the full terms in force', async () => {
    const person = await employee('Event Reader');
    const { claire, marc } = t.world.people;
    const detail = await signedContract(
      t.client,
      { person: person.id, employer: claire.id, office: marc.id },
      terms({ yearlyMinutes: 7_200n }),
    );
    const { rows } = await t.service.pool.query<{ payload: Buffer }>(
      "select payload from outbox where subject = $1 and type = 'contracts.contract.signed'",
      [detail.contract!.id],
    );
    const event = contractsEvents.contractSigned.codec.decode(rows[0]!.payload);
    expect(event.contract).toMatchObject({
      id: detail.contract!.id,
      personId: person.id,
      employerId: t.world.organizations.calanques,
      inForceVersion: 1,
      status: ContractStatus.CONTRACT_STATUS_SIGNED,
    });
    expect(event.contract!.terms).toMatchObject({
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      yearlyMinutes: 7_200n,
      schedule: { weeklyAllowanceMinutes: 120n },
    });
    expect(event.acceptances.map((a) => a.party).sort()).toEqual([Party.PARTY_PERSON, Party.PARTY_EMPLOYER, Party.PARTY_OFFICE].sort());
  });
});

describe('amendments', () => {
  it('keeps the signed version in force until every party accepted the amendment', async () => {
    const person = await employee('Amended Person');
    const { claire, marc } = t.world.people;
    const id = (await signedContract(t.client, { person: person.id, employer: claire.id, office: marc.id })).contract!.id;
    const amending = await counter(id, 1, claire.id, terms({ yearlyMinutes: 8_000n }), 'more hours for the kick-off');
    expect(amending.contract).toMatchObject({ status: ContractStatus.CONTRACT_STATUS_SIGNED, inForceVersion: 1, pendingVersion: 2 });
    expect((await t.client.getContract({ id }, SYSTEM)).terms!.yearlyMinutes).toBe(6_600n);
    await acceptAs(id, 2, person.id);
    const amended = await acceptAs(id, 2, marc.id);
    expect(amended.contract).toMatchObject({ inForceVersion: 2, version: 2 });
    expect((await t.client.getContract({ id }, SYSTEM)).terms!.yearlyMinutes).toBe(8_000n);
    expect(await outboxTypes(id)).toContain('contracts.contract.amended');
  });

  it('keeps the signed version in force when the amendment is withdrawn', async () => {
    const person = await employee('Withdrawn Amendment');
    const { claire, marc } = t.world.people;
    const id = (await signedContract(t.client, { person: person.id, employer: claire.id, office: marc.id })).contract!.id;
    await counter(id, 1, person.id, terms({ yearlyMinutes: 9_000n }));
    const withdrawn = await t.client.withdrawProposal({ contractId: id, version: 2, comment: 'not now', party: NO_PARTY }, as(claire.id));
    expect(withdrawn.contract).toMatchObject({ status: ContractStatus.CONTRACT_STATUS_SIGNED, inForceVersion: 1, pendingVersion: 0 });
  });

  it('ends a first negotiation when a party withdraws', async () => {
    const person = await employee('Withdrawn Negotiation');
    const id = (await propose(person.id)).contract!.id;
    const withdrawn = await t.client.withdrawProposal({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(person.id));
    expect(withdrawn.contract!.status).toBe(ContractStatus.CONTRACT_STATUS_WITHDRAWN);
    expect((await refusalOf(acceptAs(id, 1, t.world.people.marc.id))).code).toBe('contract_closed');
    // The period is free again for a new contract.
    expect((await propose(person.id)).contract!.status).toBe(ContractStatus.CONTRACT_STATUS_NEGOTIATING);
  });
});

describe('suspension and termination', () => {
  it('suspends and resumes a contract (employer or office), and terminates it on an end date (any party)', async () => {
    const person = await employee('Suspended Person');
    const { claire, marc } = t.world.people;
    const id = (await signedContract(t.client, { person: person.id, employer: claire.id, office: marc.id })).contract!.id;
    expect((await refusalOf(t.client.suspendContract({ contractId: id, reason: 'tired', party: NO_PARTY }, as(person.id)))).code).toBe(
      'party_cannot_suspend',
    );
    const suspended = await t.client.suspendContract({ contractId: id, reason: 'inventory', party: NO_PARTY }, as(claire.id));
    expect(suspended.contract!.status).toBe(ContractStatus.CONTRACT_STATUS_SUSPENDED);
    expect((await t.client.getAllowance({ contractId: id, date: `${YEAR}-03-04` }, SYSTEM)).inForce).toBe(false);
    await t.client.resumeContract({ contractId: id, comment: '', party: NO_PARTY }, as(marc.id));
    const ended = await t.client.terminateContract(
      { contractId: id, endDate: `${YEAR}-06-30`, reason: 'moving to Lyon', party: NO_PARTY },
      as(person.id),
    );
    expect(ended.contract).toMatchObject({ status: ContractStatus.CONTRACT_STATUS_TERMINATED, terminationDate: `${YEAR}-06-30` });
    expect((await t.client.getAllowance({ contractId: id, date: `${YEAR}-06-28` }, SYSTEM)).inForce).toBe(true);
    expect((await t.client.getAllowance({ contractId: id, date: `${YEAR}-07-01` }, SYSTEM)).inForce).toBe(false);
    expect(await outboxTypes(id)).toEqual(
      expect.arrayContaining(['contracts.contract.suspended', 'contracts.contract.resumed', 'contracts.contract.terminated']),
    );
  });
});

describe('who acts as which party', () => {
  let contract: ContractDetail;
  beforeAll(async () => {
    contract = await propose(t.world.people.lucas.id);
  });

  it('does not let an HR manager act for an employer that is not theirs, nor an officer outside their territory', async () => {
    const { garlabanHr, odile, nadia } = t.world.people;
    for (const outsider of [garlabanHr, odile, nadia]) {
      expect((await refusalOf(acceptAs(contract.contract!.id, 1, outsider.id))).kind).toBe('forbidden');
      expect((await refusalOf(t.client.getContractDetail({ id: contract.contract!.id }, as(outsider.id)))).kind).toBe('forbidden');
    }
  });

  it('lets nobody but the parties read a contract: not a colleague, not an unknown id', async () => {
    const { amina } = t.world.people;
    expect((await refusalOf(t.client.getContractDetail({ id: contract.contract!.id }, as(amina.id)))).kind).toBe('forbidden');
    expect((await refusalOf(t.client.getContract({ id: '00000000-0000-4000-8000-000000000000' }, as(amina.id)))).kind).toBe('forbidden');
  });

  it('lets a regional officer act for the office of a locality below', async () => {
    const detail = await t.client.getContractDetail({ id: contract.contract!.id }, as(t.world.people.helene.id));
    expect(detail.callerParties).toEqual([Party.PARTY_OFFICE]);
  });

  it('lets a person act only as the person on their own contract, even as its HR manager', async () => {
    const { claire, marc } = t.world.people;
    const own = await propose(claire.id);
    expect(own.callerParties).toEqual([Party.PARTY_PERSON]);
    expect((await refusalOf(acceptAs(own.contract!.id, 1, claire.id, party('employer')))).code).toBe('not_a_party');
    await acceptAs(own.contract!.id, 1, marc.id);
    expect((await t.client.getContractDetail({ id: own.contract!.id }, as(claire.id))).awaiting).toEqual([Party.PARTY_EMPLOYER]);
  });

  it('refuses a second contract over the same period', async () => {
    expect((await refusalOf(propose(t.world.people.lucas.id))).code).toBe('contract_overlaps');
  });

  it('makes a retired person’s contract with the office alone', async () => {
    const { jeanne, marc } = t.world.people;
    const opened = await propose(jeanne.id);
    expect(opened.parties).toEqual([Party.PARTY_PERSON, Party.PARTY_OFFICE]);
    expect(opened.contract!.employerId).toBe('');
    expect((await acceptAs(opened.contract!.id, 1, marc.id)).contract!.status).toBe(ContractStatus.CONTRACT_STATUS_SIGNED);
  });
});

describe('idempotency', () => {
  it('returns the same contract for a retried proposal with the same key, and refuses the key for another request', async () => {
    const person = await employee('Retrying Person');
    const send = (yearlyMinutes: bigint) =>
      t.client.proposeContract(
        { personId: person.id, employerId: '', terms: terms({ yearlyMinutes }), comment: '', party: NO_PARTY, idempotencyKey: 'retry-1' },
        as(person.id),
      );
    const [first, second] = await Promise.all([send(6_600n), send(6_600n)]);
    expect(second.contract!.id).toBe(first.contract!.id);
    expect((await refusalOf(send(7_000n))).code).toBe('idempotency_key_reused');
  });
});

describe('the negotiation inbox', () => {
  it('lists the contracts each party acts on, saying which wait for them', async () => {
    const person = await employee('Inbox Person');
    const id = (await propose(person.id)).contract!.id;
    const inboxOf = async (who: string) =>
      (
        await t.client.listNegotiationInbox(
          { party: NO_PARTY, status: ContractStatus.CONTRACT_STATUS_UNSPECIFIED, limit: 200, cursor: '' },
          as(who),
        )
      ).items;
    const forClaire = (await inboxOf(t.world.people.claire.id)).find((item) => item.contract!.id === id);
    expect(forClaire).toMatchObject({ callerParties: [Party.PARTY_EMPLOYER], awaitingCaller: true });
    const forPerson = (await inboxOf(person.id)).find((item) => item.contract!.id === id);
    expect(forPerson).toMatchObject({ callerParties: [Party.PARTY_PERSON], awaitingCaller: false });
    expect((await inboxOf(t.world.people.nadia.id)).some((item) => item.contract!.id === id)).toBe(false);
  });

  it('pages with cursors and refuses a forged one', async () => {
    const page = await t.client.listNegotiationInbox(
      { party: party('office'), status: ContractStatus.CONTRACT_STATUS_UNSPECIFIED, limit: 2, cursor: '' },
      as(t.world.people.marc.id),
    );
    expect(page.items).toHaveLength(2);
    const next = await t.client.listNegotiationInbox(
      { party: party('office'), status: ContractStatus.CONTRACT_STATUS_UNSPECIFIED, limit: 2, cursor: page.nextCursor },
      as(t.world.people.marc.id),
    );
    expect(next.items.map((i) => i.contract!.id)).not.toContain(page.items[0]!.contract!.id);
    const forged = Buffer.from(JSON.stringify(['not a date', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect(
      (
        await refusalOf(
          t.client.listNegotiationInbox(
            { party: NO_PARTY, status: ContractStatus.CONTRACT_STATUS_UNSPECIFIED, limit: 2, cursor: forged },
            as(t.world.people.marc.id),
          ),
        )
      ).code,
    ).toBe('invalid_cursor');
  });
});
