// What the timesheets service reads from other services: contracts and their allowances from
// contracts, projects and their teams from programs, people, territories, skills and decisions
// from identity. Each lookup is one gRPC call, made as the timesheets service unless it says so.
import { formatCaller, fromProtoEnum, Refused, systemCaller, type Caller, type ServiceClient } from '@e21/kit';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import type { IsoDate } from './domain/dates.js';

const AS_TIMESHEETS = { caller: systemCaller('timesheets') };

export type TimesheetsAction =
  'timesheets.periods.read' | 'timesheets.periods.close' | 'timesheets.reports.read' | 'timesheets.entries.correct';

export interface ContractFacts {
  id: string;
  personId: string;
  personName: string;
  employerId: string | null;
  employerName: string;
  /** negotiating, signed, suspended, terminated, withdrawn */
  status: string;
  yearlyMinutes: number;
  competenceIds: string[];
  periodStart: IsoDate;
  periodEnd: IsoDate;
}

export interface AllowanceFacts {
  date: IsoDate;
  inForce: boolean;
  /** outside, ordinary, block, holiday, blackout */
  dayKind: string;
  dayMaxMinutes: number;
  weekStart: IsoDate;
  weekEnd: IsoDate;
  weekAllowedMinutes: number;
}

export interface ProjectFacts {
  id: string;
  title: string;
  /** draft, proposed, approved, active, completed... */
  status: string;
  territoryId: string;
  challengeIds: string[];
  /** Need id -> skill id. */
  needSkills: Map<string, string>;
}

const orUndefinedIfNotFound = <T>(call: Promise<T>): Promise<T | undefined> =>
  call.catch((error: unknown) => {
    if (error instanceof Refused && error.kind === 'not_found') return undefined;
    throw error;
  });

export class Directory {
  constructor(
    private readonly identity: ServiceClient<typeof IdentityServiceService>,
    private readonly programs: ServiceClient<typeof ProgramsServiceService>,
    private readonly contracts: ServiceClient<typeof ContractsServiceService>,
  ) {}

  async contract(id: string): Promise<ContractFacts | undefined> {
    const contract = await orUndefinedIfNotFound(this.contracts.getContract({ id }, AS_TIMESHEETS));
    if (!contract) return undefined;
    return {
      id: contract.id,
      personId: contract.personId,
      personName: contract.personName,
      employerId: contract.employerId || null,
      employerName: contract.employerName,
      status: fromProtoEnum('CONTRACT_STATUS', contract.status) ?? '',
      yearlyMinutes: Number(contract.terms?.yearlyMinutes ?? 0n),
      competenceIds: contract.terms?.competences.map((c) => c.skillId) ?? [],
      periodStart: contract.terms?.periodStart ?? '',
      periodEnd: contract.terms?.periodEnd ?? '',
    };
  }

  /** What the contract's schedule allows on a date and in its ISO week. */
  async allowance(contractId: string, date: IsoDate): Promise<AllowanceFacts> {
    const allowance = await this.contracts.getAllowance({ contractId, date }, AS_TIMESHEETS);
    return {
      date,
      inForce: allowance.inForce,
      dayKind: fromProtoEnum('DAY_KIND', allowance.dayKind) ?? 'outside',
      dayMaxMinutes: Number(allowance.dayMaxMinutes),
      weekStart: allowance.weekStart,
      weekEnd: allowance.weekEnd,
      weekAllowedMinutes: Number(allowance.weekAllowedMinutes),
    };
  }

  async project(id: string): Promise<ProjectFacts | undefined> {
    const project = await orUndefinedIfNotFound(this.programs.getProject({ id, language: 'en' }, AS_TIMESHEETS));
    if (!project) return undefined;
    return {
      id: project.id,
      title: project.title,
      status: fromProtoEnum('PROJECT_STATUS', project.status) ?? '',
      territoryId: project.territoryId,
      challengeIds: project.challengeIds,
      needSkills: new Map(project.needs.map((n) => [n.id, n.skillId])),
    };
  }

  /** Whether the person is on the project's team now; false for an unknown project. */
  async isMember(projectId: string, personId: string): Promise<boolean> {
    return (await orUndefinedIfNotFound(this.programs.isMember({ projectId, personId }, AS_TIMESHEETS)))?.member ?? false;
  }

  /** The skill of the need a member fills on the project, if they fill one. */
  async needSkillOf(project: ProjectFacts, personId: string): Promise<string | undefined> {
    const { members } = await this.programs.listMembers({ projectId: project.id }, AS_TIMESHEETS);
    const needId = members.find((m) => m.personId === personId)?.needId;
    return needId ? project.needSkills.get(needId) : undefined;
  }

  /** programs' answer: the coordinator or a co-manager of the project. */
  async canValidate(projectId: string, personId: string): Promise<boolean> {
    return (await this.programs.canValidate({ projectId, personId }, AS_TIMESHEETS)).allowed;
  }

  /** The projects a person coordinates or co-manages. */
  async projectsValidatedBy(personId: string): Promise<string[]> {
    const { projects } = await this.programs.listMyProjects({ language: 'en', personId }, AS_TIMESHEETS);
    return projects.filter((p) => p.viewer?.role === 'TEAM_ROLE_COORDINATOR' || p.viewer?.role === 'TEAM_ROLE_CO_MANAGER').map((p) => p.id);
  }

  /** The territory a person lives in: their locality, whose period their hours count in. */
  async residenceOf(personId: string): Promise<string | undefined> {
    return (await orUndefinedIfNotFound(this.identity.getPerson({ id: personId }, AS_TIMESHEETS)))?.territoryId;
  }

  /** identity's decision on a territory role (officers, territory admins, integrators). */
  async may(caller: Caller, action: TimesheetsAction, territoryId: string): Promise<boolean> {
    if (caller.kind === 'system') return true;
    const decision = await this.identity.authorize(
      {
        subject: formatCaller(caller),
        action,
        scope: { territoryId, organizationId: '', projectId: '', personId: '', projectTerritoryId: '' },
      },
      AS_TIMESHEETS,
    );
    return decision.allowed;
  }

  /** The territory and every territory below it; undefined for an unknown territory. */
  async territoryAndBelow(territoryId: string): Promise<string[] | undefined> {
    return (await orUndefinedIfNotFound(this.identity.listDescendantTerritoryIds({ id: territoryId }, AS_TIMESHEETS)))?.ids;
  }

  async territoryNames(language: string): Promise<Map<string, string>> {
    const { territories } = await this.identity.listTerritories({ code: '', language }, AS_TIMESHEETS);
    return new Map(territories.map((t) => [t.id, t.name]));
  }

  async skillLabels(ids: string[], language: string): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    // identity answers at most 500 ids at once
    for (let start = 0; start < ids.length; start += 500) {
      const { skills } = await this.identity.getSkills({ ids: ids.slice(start, start + 500), language }, AS_TIMESHEETS);
      for (const skill of skills) labels.set(skill.id, skill.label);
    }
    return labels;
  }

  /** The challenges of each project, with their titles: what a report by challenge groups by. */
  async challengesOf(projectIds: string[]): Promise<{ byProject: Map<string, string[]>; titles: Map<string, string> }> {
    const projects = await Promise.all(projectIds.map((id) => this.project(id)));
    const byProject = new Map(projects.filter((p): p is ProjectFacts => p !== undefined).map((p) => [p.id, p.challengeIds]));
    const challengeIds = [...new Set([...byProject.values()].flat())];
    const challenges = await Promise.all(
      challengeIds.map((id) => orUndefinedIfNotFound(this.programs.getChallenge({ id }, AS_TIMESHEETS))),
    );
    const titles = new Map(challenges.filter((c) => c !== undefined).map((c) => [c.id, c.title]));
    return { byProject, titles };
  }
}
