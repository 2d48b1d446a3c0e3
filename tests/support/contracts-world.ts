// A world for the contracts tests: territories, two employers, Engagement 21 offices, people in
// every party's role, and helpers to commit hours, propose terms and sign contracts through the
// real gRPC APIs.
import { randomUUID } from 'node:crypto';
import { personCaller, systemCaller, toProtoEnum, type ServiceClient } from '@e21/kit';
import {
  CommitmentBasis,
  ContractsServiceService,
  Party,
  type ContractDetail,
  type TermsInput,
} from '@e21/proto/e21/contracts/v1/contracts';
import {
  IdentityServiceService,
  type MembershipRole,
  type OrganizationKind,
  type PersonStatus,
  type Role,
  type ScopeKind,
} from '@e21/proto/e21/identity/v1/identity';
import type {
  CreateProjectRequest,
  Project,
  ProgramsServiceService,
  ProjectKind,
  ProjectStatus,
} from '@e21/proto/e21/programs/v1/programs';
import { createTerritoryTree, type TerritoryName } from './territories.js';

export type { TerritoryName } from './territories.js';
/** Re-exported for the test files that take it from this world (timesheets', payroll's). */
export { refusalOf } from './refusals.js';

export type IdentityClient = ServiceClient<typeof IdentityServiceService>;
export type ContractsClient = ServiceClient<typeof ContractsServiceService>;
export type ProgramsClient = ServiceClient<typeof ProgramsServiceService>;

export const SYSTEM = { caller: systemCaller('test') };
export const as = (personId: string) => ({ caller: personCaller(personId) });

/** Contracts in the tests are for 2030: every date of it is in the future, whatever the day the tests run. */
export const YEAR = 2030;
export const SKILLS = {
  firstAid: 'urn:e21:skill:first-aid',
  solar: 'urn:e21:skill:solar-panel-installation',
  gardening: 'urn:e21:skill:urban-gardening',
};

export interface WorldPerson {
  id: string;
  email: string;
  name: string;
}

type PersonKey = 'amina' | 'lucas' | 'claire' | 'garlabanHr' | 'karim' | 'jeanne' | 'marc' | 'nadia' | 'helene' | 'odile';

/**
 * Builds the world. The people named in `signIn` get `password` and can sign in (for gateway
 * tests; each password costs a scrypt hash, so only those who need it get one). Territory codes are
 * the demo's, so a world is made once per identity database.
 */
export async function createContractsWorld(identity: IdentityClient, options: { password?: string; signIn?: PersonKey[] } = {}) {
  const territories = await createTerritoryTree(identity);
  const organization = async (name: string, kind: string, territory: TerritoryName) =>
    (
      await identity.createOrganization(
        {
          name,
          kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', kind),
          legalId: `L${Math.floor(Math.random() * 1e9)}`,
          territoryId: territories[territory],
        },
        SYSTEM,
      )
    ).id;
  const organizations = {
    calanques: await organization('Calanques Solaire', 'private_company', 'marseille'),
    garlaban: await organization('Garlaban Bois', 'private_company', 'aubagne'),
    officeMarseille: await organization('Engagement 21 Marseille', 'e21_office', 'marseille'),
    officeAubagne: await organization('Engagement 21 Aubagne', 'e21_office', 'aubagne'),
    officeMontpellier: await organization('Engagement 21 Montpellier', 'e21_office', 'montpellier'),
  };

  const person = async (
    name: string,
    territory: TerritoryName,
    status = 'employee',
    more: { memberOf?: [string, string]; officerOf?: TerritoryName; competences?: string[]; key?: PersonKey } = {},
  ): Promise<WorldPerson> => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@test.e21.eu`;
    const password = more.key && options.signIn?.includes(more.key) ? (options.password ?? '') : '';
    const created = await identity.registerPerson(
      {
        name,
        email,
        locale: 'en',
        status: toProtoEnum<PersonStatus>('PERSON_STATUS', status),
        territoryId: territories[territory],
        password,
      },
      // Hashing a password takes long on a busy machine running test files side by side.
      { ...SYSTEM, deadlineMs: 30_000 },
    );
    if (more.memberOf) {
      await identity.setMembership(
        {
          organizationId: more.memberOf[0],
          personId: created.id,
          role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', more.memberOf[1]),
          employeeReference: '',
        },
        SYSTEM,
      );
    }
    if (more.officerOf) {
      await identity.grantRole(
        {
          grantee: `person:${created.id}`,
          role: toProtoEnum<Role>('ROLE', 'officer'),
          scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
          scopeId: territories[more.officerOf],
        },
        SYSTEM,
      );
    }
    for (const skillId of more.competences ?? [])
      await identity.setCompetence({ personId: created.id, skillId, level: 3, language: 'en' }, as(created.id));
    return { id: created.id, email, name };
  };

  const people = {
    amina: await person('Amina Haddad', 'marseille', 'employee', {
      memberOf: [organizations.calanques, 'member'],
      competences: [SKILLS.firstAid, SKILLS.solar],
      key: 'amina',
    }),
    lucas: await person('Lucas Martin', 'marseille', 'employee', {
      memberOf: [organizations.calanques, 'member'],
      competences: [SKILLS.firstAid],
      key: 'lucas',
    }),
    claire: await person('Claire Dubois', 'marseille', 'employee', {
      memberOf: [organizations.calanques, 'hr_manager'],
      competences: [SKILLS.firstAid],
      key: 'claire',
    }),
    garlabanHr: await person('Gaston Roux', 'aubagne', 'employee', { memberOf: [organizations.garlaban, 'hr_manager'], key: 'garlabanHr' }),
    karim: await person('Karim Benali', 'aubagne', 'employee', {
      memberOf: [organizations.garlaban, 'member'],
      competences: [SKILLS.gardening],
      key: 'karim',
    }),
    jeanne: await person('Jeanne Moreau', 'marseille', 'retired', { competences: [SKILLS.gardening], key: 'jeanne' }),
    marc: await person('Marc Rossi', 'marseille', 'employee', { officerOf: 'marseille', key: 'marc' }),
    nadia: await person('Nadia Kaci', 'aubagne', 'employee', { officerOf: 'aubagne', key: 'nadia' }),
    helene: await person('Hélène Garnier', 'marseille', 'employee', { officerOf: 'paca', key: 'helene' }),
    odile: await person('Odile Fabre', 'montpellier', 'employee', { officerOf: 'montpellier', key: 'odile' }),
  };
  return { territories, organizations, people, person };
}

export type ContractsWorld = Awaited<ReturnType<typeof createContractsWorld>>;

export const party = (name: 'person' | 'employer' | 'office') => toProtoEnum<Party>('PARTY', name);
export const NO_PARTY = Party.PARTY_UNSPECIFIED;

/** Terms for 2030 with a weekly allowance of 2 h: Tue Jan 1 .. Tue Dec 31 plan 102 + 51 x 120 + 34 = 6256 minutes. */
export function terms(overrides: Partial<TermsInput> = {}): TermsInput {
  return {
    periodStart: `${YEAR}-01-01`,
    periodEnd: `${YEAR}-12-31`,
    yearlyMinutes: 6_600n,
    competenceSkillIds: [],
    schedule: { weeklyAllowanceMinutes: 120n, blocks: [], blackouts: [] },
    preferredProjectIds: [],
    ...overrides,
  };
}

export async function commit(contracts: ContractsClient, organizationId: string, minutes: number, year = YEAR): Promise<void> {
  const existing = (await contracts.listCommitments({ organizationId }, SYSTEM)).commitments.find((c) => c.year === year);
  await contracts.setCommitment(
    {
      organizationId,
      year,
      basis: CommitmentBasis.COMMITMENT_BASIS_ABSOLUTE,
      minutes: BigInt(minutes),
      shareBasisPoints: 0,
      declaredEmployees: 0,
      declaredMinutesPerEmployee: 0n,
      expectedVersion: existing?.version,
    },
    SYSTEM,
  );
}

/** The person proposes; then each other party accepts version 1: the contract is signed. */
export async function signedContract(
  contracts: ContractsClient,
  signers: { person: string; employer?: string; office: string },
  proposal: TermsInput = terms(),
): Promise<ContractDetail> {
  const opened = await contracts.proposeContract(
    { personId: signers.person, employerId: '', terms: proposal, comment: '', party: NO_PARTY, idempotencyKey: '' },
    as(signers.person),
  );
  const id = opened.contract!.id;
  if (signers.employer) await contracts.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(signers.employer));
  return contracts.acceptVersion({ contractId: id, version: 1, comment: '', party: NO_PARTY }, as(signers.office));
}

/** An approved project of a kind SAR holidays are for, initiated by `coordinator`, approved by `officer`. */
export async function approvedProject(
  programs: ProgramsClient,
  territoryId: string,
  coordinator: string,
  officer: string,
  kind = 'international_solidarity',
): Promise<Project> {
  const request: CreateProjectRequest = {
    territoryId,
    title: 'Solar lamps for Saint-Louis',
    description: 'Installing solar lamps with a partner association in Senegal.',
    kind: toProtoEnum<ProjectKind>('PROJECT_KIND', kind),
    challengeIds: [],
    startDate: `${YEAR}-03-01`,
    endDate: `${YEAR}-11-30`,
    needs: [{ id: '', skillId: SKILLS.solar, neededMinutes: 600, startDate: '', endDate: '' }],
    language: 'en',
  };
  let project = await programs.createProject(request, as(coordinator));
  for (const [status, who] of [
    ['proposed', coordinator],
    ['approved', officer],
  ] as const) {
    project = await programs.changeProjectStatus(
      { id: project.id, status: toProtoEnum<ProjectStatus>('PROJECT_STATUS', status), reason: '', language: 'en' },
      as(who),
    );
  }
  return project;
}
