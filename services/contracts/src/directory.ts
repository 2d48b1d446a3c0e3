// What the contracts service reads from other services: people, organizations and decisions from
// identity, projects from programs. Each lookup is one gRPC call made as the contracts service.
import { fromProtoEnum, formatCaller, Refused, systemCaller, toProtoEnum, type Caller, type ServiceClient } from '@e21/kit';
import { IdentityServiceService, type Membership, type OrganizationKind, type Profile } from '@e21/proto/e21/identity/v1/identity';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import type { ContractKind } from './domain/negotiation.js';

const AS_CONTRACTS = { caller: systemCaller('contracts') };
/** The roles contracts.office.act allows (identity's policy): an officer's territories are where they act for offices. */
const OFFICE_ROLES = ['ROLE_OFFICER', 'ROLE_TERRITORY_ADMIN'];
/** The memberships contracts.employer.act allows. */
const EMPLOYER_ROLES = ['MEMBERSHIP_ROLE_HR_MANAGER', 'MEMBERSHIP_ROLE_ADMIN'];
/** identity's choice of employer among a person's organizations (domain/organizations.ts employerOf). */
const EMPLOYER_PREFERENCE = ['private_company', 'public_body', 'e21_office', 'merchant', 'association'];

/**
 * A person's own memberships from a profile. identity's GetProfile currently answers with the
 * memberships of everyone (its SQL shadows the person alias), so they are filtered here, and the
 * employer is chosen from the person's own ones by identity's rule rather than read from it.
 */
function ownMemberships(profile: Profile): Membership[] {
  return profile.memberships.filter((m) => m.personId === profile.person?.id);
}

function employerAmong(status: string, memberships: Membership[]): Membership | undefined {
  if (status !== 'employee') return undefined;
  const rank = (m: Membership) => EMPLOYER_PREFERENCE.indexOf(fromProtoEnum('ORGANIZATION_KIND', m.organizationKind) ?? '');
  return [...memberships].sort((a, b) => rank(a) - rank(b))[0];
}

export interface PersonFacts {
  id: string;
  name: string;
  status: ContractKind;
  /** Residence territory first, then its ancestors. */
  territoryPath: string[];
  /** Accepted memberships only: identity lists one once the person accepted the organization's invitation. */
  memberships: { organizationId: string; organizationName: string; role: string }[];
  employer: { id: string; name: string } | undefined;
  /** The competence profile: skill id -> label by language. */
  competences: Map<string, Record<string, string>>;
}

export interface Office {
  id: string;
  name: string;
  territoryId: string;
}

export interface ProjectInfo {
  id: string;
  title: string;
  /** general_interest, individual_initiative, international_solidarity */
  kind: string;
  /** draft, proposed, approved, active... */
  status: string;
  coordinatorId: string;
  /** As programs names it, e.g. PROJECT_KIND_INDIVIDUAL_INITIATIVE. */
  protoKind: string;
}

/** Projects, read from programs; a small interface so the rules do not depend on how. */
export interface ProjectDirectory {
  getProject(id: string): Promise<ProjectInfo | undefined>;
}

export function programsProjects(programs: ServiceClient<typeof ProgramsServiceService>): ProjectDirectory {
  return {
    async getProject(id) {
      try {
        const project = await programs.getProject({ id, language: 'en' }, AS_CONTRACTS);
        return {
          id: project.id,
          title: project.title,
          kind: fromProtoEnum('PROJECT_KIND', project.kind) ?? '',
          status: fromProtoEnum('PROJECT_STATUS', project.status) ?? '',
          coordinatorId: project.coordinatorId,
          protoKind: project.kind,
        };
      } catch (error) {
        if (error instanceof Refused && error.kind === 'not_found') return undefined;
        throw error;
      }
    },
  };
}

export class Directory {
  constructor(
    private readonly identity: ServiceClient<typeof IdentityServiceService>,
    readonly projects: ProjectDirectory,
  ) {}

  async person(personId: string): Promise<PersonFacts | undefined> {
    try {
      const profile = await this.identity.getProfile({ personId, language: '' }, AS_CONTRACTS);
      const person = profile.person!;
      const status = fromProtoEnum<ContractKind>('PERSON_STATUS', person.status) ?? 'volunteer';
      const memberships = ownMemberships(profile);
      const employer = employerAmong(status, memberships);
      return {
        id: person.id,
        name: person.name,
        status,
        territoryPath: profile.territoryPath.map((t) => t.id),
        memberships: memberships.map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, role: m.role })),
        employer: employer ? { id: employer.organizationId, name: employer.organizationName } : undefined,
        competences: new Map(profile.competences.map((c) => [c.skillId, c.skill?.labels ?? {}])),
      };
    } catch (error) {
      if (error instanceof Refused && error.kind === 'not_found') return undefined;
      throw error;
    }
  }

  /** The Engagement 21 office nearest to a person: of their locality, else of the closest territory above. */
  async officeFor(territoryPath: string[]): Promise<Office | undefined> {
    const root = territoryPath[territoryPath.length - 1];
    if (!root) return undefined;
    const { organizations } = await this.identity.listOrganizations(
      { territoryId: root, kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', 'e21_office'), limit: 200, cursor: '' },
      AS_CONTRACTS,
    );
    for (const territoryId of territoryPath) {
      const office = organizations.find((o) => o.territoryId === territoryId);
      if (office) return { id: office.id, name: office.name, territoryId: office.territoryId };
    }
    return undefined;
  }

  /** identity's decision on whether the caller may do `action` for the organization. */
  async may(
    caller: Caller,
    action: 'contracts.employer.act' | 'contracts.office.act' | 'contracts.commitments.read',
    organizationId: string,
  ): Promise<boolean> {
    if (caller.kind === 'system') return true;
    const decision = await this.identity.authorize(
      {
        subject: formatCaller(caller),
        action,
        scope: { territoryId: '', organizationId, projectId: '', personId: '', projectTerritoryId: '' },
      },
      AS_CONTRACTS,
    );
    return decision.allowed;
  }

  /** The name recorded with each step a person takes, so the history reads without identity. */
  async actorName(caller: Caller): Promise<string> {
    if (caller.kind !== 'person') return formatCaller(caller);
    try {
      return (await this.identity.getPerson({ id: caller.personId }, AS_CONTRACTS)).name;
    } catch (error) {
      if (error instanceof Refused && error.kind === 'not_found') return formatCaller(caller);
      throw error;
    }
  }

  /**
   * Where a caller acts for employers and offices: the organizations they are HR manager or admin
   * of, and the territories (with everything below) they are officer or territory admin of.
   * Lists use it to find a caller's contracts; each contract's own page asks Authorize.
   */
  async standingOf(caller: Caller): Promise<{ employerIds: string[]; officeTerritoryIds: string[] }> {
    if (caller.kind !== 'person') return { employerIds: [], officeTerritoryIds: [] };
    const profile = await this.identity.getProfile({ personId: caller.personId, language: '' }, AS_CONTRACTS);
    const employerIds = ownMemberships(profile)
      .filter((m) => EMPLOYER_ROLES.includes(m.role))
      .map((m) => m.organizationId);
    const territories = profile.roles
      .filter((g) => g.scopeKind === 'SCOPE_KIND_TERRITORY' && OFFICE_ROLES.includes(g.role))
      .map((g) => g.scopeId);
    const below = await Promise.all([...new Set(territories)].map((id) => this.identity.listDescendantTerritoryIds({ id }, AS_CONTRACTS)));
    return { employerIds, officeTerritoryIds: [...new Set(below.flatMap((b) => b.ids))] };
  }
}
