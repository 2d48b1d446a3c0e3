// The large demo's SAR contracts through the contracts gRPC API: every employer's commitment for
// each year of the hours (set by its HR manager), then each contract proposed by its person and
// accepted by the employer (employees) and the office of the person's locality, which signs it.
import { CommitmentBasis, ContractsServiceService, Party, type TermsInput } from '@e21/proto/e21/contracts/v1/contracts';
import { as, clientOf, inParallel, type Targets } from '../world.js';
import type { LargePlan, LoadedIds, PlannedContract } from './plan.js';

const ANY_PARTY = Party.PARTY_UNSPECIFIED;

function termsOf(contract: PlannedContract): TermsInput {
  return {
    periodStart: `${contract.year}-01-01`,
    periodEnd: `${contract.year}-12-31`,
    yearlyMinutes: BigInt(contract.yearlyMinutes),
    competenceSkillIds: [contract.competence],
    schedule: {
      weeklyAllowanceMinutes: BigInt(contract.weeklyMinutes),
      blocks: contract.blocks.map((b) => ({ startDate: b.date, endDate: b.date, minutes: BigInt(b.minutes), label: b.label })),
      blackouts: contract.blackouts,
    },
    preferredProjectIds: [],
  };
}

export async function loadContracts(targets: Targets, plan: LargePlan, loaded: LoadedIds, width: number): Promise<void> {
  const contracts = clientOf(ContractsServiceService, targets, 'contracts', 60_000);
  const person = (index: number) => loaded.people[index]!;
  try {
    await inParallel(plan.commitments, width, async (commitment) => {
      const { share } = commitment;
      await contracts.setCommitment(
        {
          organizationId: loaded.organizations[commitment.organization]!,
          year: commitment.year,
          basis: share ? CommitmentBasis.COMMITMENT_BASIS_SHARE : CommitmentBasis.COMMITMENT_BASIS_ABSOLUTE,
          minutes: BigInt(commitment.minutes ?? 0),
          shareBasisPoints: share?.basisPoints ?? 0,
          declaredEmployees: share?.declaredEmployees ?? 0,
          declaredMinutesPerEmployee: BigInt(share?.declaredMinutesPerEmployee ?? 0),
          expectedVersion: undefined,
        },
        as(person(commitment.by)),
      );
    });

    await inParallel(plan.contracts, width, async (contract, index) => {
      const personId = person(contract.person);
      const opened = await contracts.proposeContract(
        {
          personId,
          employerId: '',
          terms: termsOf(contract),
          comment: '',
          party: ANY_PARTY,
          idempotencyKey: `large-demo-${contract.year}`,
        },
        as(personId),
      );
      const contractId = opened.contract!.id;
      loaded.contracts[index] = contractId;
      if (contract.hrManager !== undefined)
        await contracts.acceptVersion({ contractId, version: 1, comment: '', party: ANY_PARTY }, as(person(contract.hrManager)));
      await contracts.acceptVersion({ contractId, version: 1, comment: '', party: ANY_PARTY }, as(person(contract.officer)));
    });
  } finally {
    contracts.close();
  }
}
