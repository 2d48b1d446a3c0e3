// Employer commitments against the contracts signed under them, through the real gRPC API.
import { CommitmentBasis, ContractStatus, type ContractDetail } from '@e21/proto/e21/contracts/v1/contracts';
import { as, commit, NO_PARTY, signedContract, startContracts, SYSTEM, terms, YEAR, type ContractsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';

let t: ContractsUnderTest;

beforeAll(async () => {
  t = await startContracts();
});
afterAll(() => t.stop());

const report = (organizationId: string, by = t.world.people.claire.id) =>
  t.client.getCommitmentReport({ organizationId, year: YEAR }, as(by));

describe('signing against the commitment', () => {
  it('refuses the signature that would allocate beyond the commitment, stating the excess, until the employer raises it', async () => {
    const { karim, garlabanHr, nadia } = t.world.people;
    const { garlaban } = t.world.organizations;
    await commit(t.client, garlaban, 5_000);
    const opened = await t.client.proposeContract(
      { personId: karim.id, employerId: '', terms: terms(), comment: '', party: NO_PARTY, idempotencyKey: '' },
      as(karim.id),
    );
    const id = opened.contract!.id;
    await t.client.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(garlabanHr.id));

    // 6600 minutes asked, 5000 committed: 1600 minutes (26 h 40) too many.
    const refused = await refusalOf(t.client.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(nadia.id)));
    expect(refused).toMatchObject({ kind: 'conflict', code: 'commitment_exceeded' });
    expect(refused.message).toContain('1600 minutes (26 h 40) beyond it');
    const unchanged = await t.client.getContractDetail({ id }, as(nadia.id));
    expect(unchanged.contract!.status).toBe(ContractStatus.CONTRACT_STATUS_NEGOTIATING);
    expect(unchanged.awaiting).toEqual(['PARTY_OFFICE']);

    await commit(t.client, garlaban, 6_600);
    const signed = await t.client.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(nadia.id));
    expect(signed.contract!.status).toBe(ContractStatus.CONTRACT_STATUS_SIGNED);
    expect((await report(garlaban, garlabanHr.id)).allocatedMinutes).toBe(6_600n);
  });

  it('does not let the commitment go below what is allocated', async () => {
    const { garlaban } = t.world.organizations;
    const current = (await t.client.listCommitments({ organizationId: garlaban }, SYSTEM)).commitments.find((c) => c.year === YEAR)!;
    const refused = await refusalOf(
      t.client.setCommitment(
        {
          organizationId: garlaban,
          year: YEAR,
          basis: CommitmentBasis.COMMITMENT_BASIS_ABSOLUTE,
          minutes: 6_599n,
          shareBasisPoints: 0,
          declaredEmployees: 0,
          declaredMinutesPerEmployee: 0n,
          expectedVersion: current.version,
        },
        as(t.world.people.garlabanHr.id),
      ),
    );
    expect(refused.code).toBe('commitment_below_allocation');
  });
});

describe('the commitment dashboard', () => {
  it('adds up over an employer with many contracts: rows sum to the totals, terminated ones give back their hours', async () => {
    const { claire, marc } = t.world.people;
    const { calanques } = t.world.organizations;
    // 1 % of 1,600 h x 250 employees = 240,000 minutes.
    await t.client.setCommitment(
      {
        organizationId: calanques,
        year: YEAR,
        basis: CommitmentBasis.COMMITMENT_BASIS_SHARE,
        minutes: 0n,
        shareBasisPoints: 100,
        declaredEmployees: 250,
        declaredMinutesPerEmployee: 96_000n,
        expectedVersion: undefined,
      },
      as(claire.id),
    );
    const yearly = [6_300, 6_600, 7_000, 7_200, 8_000, 9_000, 9_600, 10_000, 12_000, 6_400, 6_500, 7_500];
    const employees = await Promise.all(
      yearly.map((_, i) => t.world.person(`Employee ${i}`, 'marseille', 'employee', { memberOf: [calanques, 'member'] })),
    );
    const contracts: ContractDetail[] = [];
    for (const [i, employee] of employees.entries()) {
      contracts.push(
        await signedContract(
          t.client,
          { person: employee.id, employer: claire.id, office: marc.id },
          terms({ yearlyMinutes: BigInt(yearly[i]!) }),
        ),
      );
    }
    // One proposal left unsigned allocates nothing; one contract terminated gives its hours back (none consumed yet).
    const unsigned = await t.world.person('Still Negotiating', 'marseille', 'employee', { memberOf: [calanques, 'member'] });
    await t.client.proposeContract(
      { personId: unsigned.id, employerId: '', terms: terms({ yearlyMinutes: 50_000n }), comment: '', party: NO_PARTY, idempotencyKey: '' },
      as(unsigned.id),
    );
    await t.client.terminateContract(
      { contractId: contracts[0]!.contract!.id, endDate: `${YEAR}-02-28`, reason: 'left the company', party: NO_PARTY },
      as(claire.id),
    );

    const dashboard = await report(calanques);
    const signedTotal = yearly.slice(1).reduce((a, b) => a + b, 0);
    expect(dashboard).toMatchObject({
      committedMinutes: 240_000n,
      allocatedMinutes: BigInt(signedTotal),
      consumedMinutes: 0n,
      unallocatedMinutes: BigInt(240_000 - signedTotal),
    });
    expect(dashboard.commitment).toMatchObject({
      basis: CommitmentBasis.COMMITMENT_BASIS_SHARE,
      shareBasisPoints: 100,
      declaredEmployees: 250,
    });
    expect(dashboard.employees).toHaveLength(12);
    expect(dashboard.employees.reduce((total, e) => total + e.allocatedMinutes, 0n)).toBe(dashboard.allocatedMinutes);
    expect(dashboard.employees.find((e) => e.contractId === contracts[0]!.contract!.id)).toMatchObject({
      status: ContractStatus.CONTRACT_STATUS_TERMINATED,
      allocatedMinutes: 0n,
    });
    expect(dashboard.employees.map((e) => e.personName)).not.toContain('Still Negotiating');
  });

  it('shows an employer’s commitment to its HR managers and its territory’s officers only', async () => {
    const { calanques } = t.world.organizations;
    const { marc, helene, nadia, lucas, garlabanHr } = t.world.people;
    for (const reader of [marc, helene]) expect((await report(calanques, reader.id)).committedMinutes).toBe(240_000n);
    for (const outsider of [nadia, lucas, garlabanHr]) expect((await refusalOf(report(calanques, outsider.id))).kind).toBe('forbidden');
  });

  it('lets only the employer’s HR managers and admins set its commitment, at the version they saw', async () => {
    const { calanques } = t.world.organizations;
    const set = (by: string, expectedVersion: number | undefined) =>
      t.client.setCommitment(
        {
          organizationId: calanques,
          year: YEAR + 1,
          basis: CommitmentBasis.COMMITMENT_BASIS_ABSOLUTE,
          minutes: 6_000n,
          shareBasisPoints: 0,
          declaredEmployees: 0,
          declaredMinutesPerEmployee: 0n,
          expectedVersion,
        },
        as(by),
      );
    expect((await refusalOf(set(t.world.people.marc.id, undefined))).kind).toBe('forbidden');
    expect((await set(t.world.people.claire.id, undefined)).version).toBe(1);
    expect((await refusalOf(set(t.world.people.claire.id, undefined))).code).toBe('precondition_required');
    expect((await refusalOf(set(t.world.people.claire.id, 3))).kind).toBe('stale');
    expect((await set(t.world.people.claire.id, 1)).version).toBe(2);
  });
});
