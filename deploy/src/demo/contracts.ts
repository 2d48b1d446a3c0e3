// The contracts demo: commitments of the demo employers for this year, signed SAR contracts for
// Amina (employee), Jeanne (retired) and Léa (student), and Lucas's contract still in negotiation,
// each made through the contracts gRPC API by the people who would do it.
import type { ServiceClient } from '@e21/kit';
import { CommitmentBasis, ContractsServiceService, Party, type TermsInput } from '@e21/proto/e21/contracts/v1/contracts';
import { as, clientOf, type DemoWorld, type Targets } from './world.js';

type Contracts = ServiceClient<typeof ContractsServiceService>;

const ANY_PARTY = Party.PARTY_UNSPECIFIED;

function yearTerms(
  year: number,
  yearlyMinutes: number,
  schedule: { weekly: number; blocks?: [string, string, number, string][]; blackouts?: [string, string, string][] },
  competences: string[] = [],
): TermsInput {
  return {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    yearlyMinutes: BigInt(yearlyMinutes),
    competenceSkillIds: competences,
    schedule: {
      weeklyAllowanceMinutes: BigInt(schedule.weekly),
      blocks: (schedule.blocks ?? []).map(([from, to, minutes, label]) => ({
        startDate: `${year}-${from}`,
        endDate: `${year}-${to}`,
        minutes: BigInt(minutes),
        label,
      })),
      blackouts: (schedule.blackouts ?? []).map(([from, to, reason]) => ({
        startDate: `${year}-${from}`,
        endDate: `${year}-${to}`,
        reason,
      })),
    },
    preferredProjectIds: [],
  };
}

async function propose(contracts: Contracts, personId: string, terms: TermsInput, comment: string): Promise<string> {
  const opened = await contracts.proposeContract(
    { personId, employerId: '', terms, comment, party: ANY_PARTY, idempotencyKey: `demo-${personId}` },
    as(personId),
  );
  return opened.contract!.id;
}

const accept = (contracts: Contracts, contractId: string, version: number, by: string, comment = '') =>
  contracts.acceptVersion({ contractId, version, comment, party: ANY_PARTY }, as(by));

export async function seedContractsDemo(targets: Targets, demo: DemoWorld): Promise<void> {
  const contracts = clientOf(ContractsServiceService, targets, 'contracts');
  const { people, organizations } = demo;
  const year = new Date().getUTCFullYear();
  try {
    // Calanques Solaire gives 1 % of 1,600 h for its 40 employees: 640 h; Ville d'Aubagne 2,000 h.
    await contracts.setCommitment(
      {
        organizationId: organizations.calanquesSolaire,
        year,
        basis: CommitmentBasis.COMMITMENT_BASIS_SHARE,
        minutes: 0n,
        shareBasisPoints: 100,
        declaredEmployees: 40,
        declaredMinutesPerEmployee: 96_000n,
        expectedVersion: undefined,
      },
      as(people.claire.id),
    );
    await contracts.setCommitment(
      {
        organizationId: organizations.villeAubagne,
        year,
        basis: CommitmentBasis.COMMITMENT_BASIS_ABSOLUTE,
        minutes: 120_000n,
        shareBasisPoints: 0,
        declaredEmployees: 0,
        declaredMinutesPerEmployee: 0n,
        expectedVersion: undefined,
      },
      as(people.sophie.id),
    );

    // Amina proposes 150 h with a kick-off block; Claire counters with the summer high season blacked out.
    const kickOff: [string, string, number, string][] = [['03-02', '03-15', 2_100, 'Kick-off of the solar roofs project']];
    const amina = await propose(
      contracts,
      people.amina.id,
      yearTerms(year, 9_000, { weekly: 120, blocks: kickOff }, ['urn:e21:skill:first-aid', 'urn:e21:skill:solar-panel-installation']),
      'Two hours a week, and a kick-off block in March',
    );
    await contracts.proposeTerms(
      {
        contractId: amina,
        baseVersion: 1,
        terms: yearTerms(year, 9_000, { weekly: 120, blocks: kickOff, blackouts: [['07-01', '08-31', 'High season for installations']] }, [
          'urn:e21:skill:first-aid',
          'urn:e21:skill:solar-panel-installation',
        ]),
        comment: 'Agreed, except in July and August',
        party: ANY_PARTY,
      },
      as(people.claire.id),
    );
    await accept(contracts, amina, 2, people.amina.id, 'Fine for me');
    await accept(contracts, amina, 2, people.marc.id);

    const jeanne = await propose(
      contracts,
      people.jeanne.id,
      yearTerms(year, 9_600, { weekly: 180 }),
      'Three hours a week for the shared gardens',
    );
    await accept(contracts, jeanne, 1, people.marc.id);

    const lea = await propose(
      contracts,
      people.lea.id,
      yearTerms(year, 8_000, { weekly: 60, blocks: [['07-06', '07-26', 3_000, 'Summer volunteering']] }),
      'One hour a week, more in July',
    );
    await accept(contracts, lea, 1, people.nadia.id);

    // Lucas's proposal waits for Claire and Marc.
    await propose(contracts, people.lucas.id, yearTerms(year, 4_800, { weekly: 60 }), 'One hour a week to start with');
  } finally {
    contracts.close();
  }
}
