// What the payroll service reads from other services: approved entries from timesheets, contracts
// from contracts, projects and challenges from programs, people, territories, organizations,
// skills and decisions from identity, and which currency applies from currency. Each lookup is one
// gRPC call, made as the payroll service; labels that rarely change are kept for a minute.
import { formatCaller, fromProtoEnum, Refused, systemCaller, type Caller, type ServiceClient } from '@e21/kit';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { TerritoryLevel, type IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import type { Month } from './domain/dates.js';
import type { ApprovedEntry, ContractFacts, CurrencyFacts, PersonFacts, ProjectFacts, SkillFacts } from './domain/forms.js';
import type { PersonMonth } from './domain/issuing.js';

const AS_PAYROLL = { caller: systemCaller('payroll') };
const CACHE_MS = 60_000;

export type PayrollAction = 'payroll.forms.read' | 'payroll.runs.read' | 'payroll.exports.read' | 'payroll.exports.configure';

export interface Clients {
  identity: ServiceClient<typeof IdentityServiceService>;
  programs: ServiceClient<typeof ProgramsServiceService>;
  contracts: ServiceClient<typeof ContractsServiceService>;
  timesheets: ServiceClient<typeof TimesheetsServiceService>;
  currency: ServiceClient<typeof CurrencyServiceService>;
}

const orUndefinedIfNotFound = <T>(call: Promise<T>): Promise<T | undefined> =>
  call.catch((error: unknown) => {
    if (error instanceof Refused && error.kind === 'not_found') return undefined;
    throw error;
  });

/** A value per key, asked once a minute at most; a failed lookup is not kept. */
class Cache<V> {
  private readonly values = new Map<string, { at: number; value: Promise<V> }>();

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const kept = this.values.get(key);
    if (kept && now - kept.at < CACHE_MS) return kept.value;
    const value = load();
    this.values.set(key, { at: now, value });
    value.catch(() => this.values.delete(key));
    if (this.values.size > 10_000) this.values.delete(this.values.keys().next().value!);
    return value;
  }

  forget(key: string): void {
    this.values.delete(key);
  }
}

export class Directory {
  private readonly territories = new Cache<string>();
  private readonly projects = new Cache<ProjectFacts | undefined>();
  private readonly challenges = new Cache<string | undefined>();
  private readonly skills = new Map<string, { at: number; facts: SkillFacts }>();
  private readonly currencies = new Cache<CurrencyFacts | null>();
  private readonly organizations = new Cache<string>();
  private readonly countries = new Cache<string | undefined>();

  constructor(private readonly clients: Clients) {}

  async approvedEntries(personId: string, territoryId: string, month: Month): Promise<ApprovedEntry[]> {
    const { entries } = await this.clients.timesheets.listApprovedEntries(
      { personId, territoryId, month },
      { ...AS_PAYROLL, deadlineMs: 15_000 },
    );
    return entries.map((e) => ({
      id: e.id,
      contractId: e.contractId,
      projectId: e.projectId,
      competenceId: e.competenceId,
      minutes: Number(e.minutes),
    }));
  }

  /**
   * Everything the forms of a person's month need from the other services, asked at once where it
   * can be; undefined when they have no approved entry in the month (nothing to ask about).
   */
  async personMonth(personId: string, territoryId: string, month: Month): Promise<PersonMonth | undefined> {
    const entries = await this.approvedEntries(personId, territoryId, month);
    if (entries.length === 0) return undefined;
    const [person, currency] = await Promise.all([this.person(personId), this.currencyOf(territoryId)]);
    const distinct = (values: string[]) => [...new Set(values)];
    const [contracts, territoryName, projects, skills] = await Promise.all([
      Promise.all(distinct(entries.map((e) => e.contractId)).map((id) => this.contract(id))),
      this.territoryName(territoryId, person.language),
      this.projectsOf(distinct(entries.map((e) => e.projectId)), person.language),
      this.skillsOf(distinct(entries.map((e) => e.competenceId)), person.language),
    ]);
    const challengeTitles = await this.challengeTitles(distinct([...projects.values()].flatMap((p) => p.challengeIds)));
    return {
      person,
      territory: { id: territoryId, name: territoryName },
      month,
      entries,
      contracts: new Map(contracts.map((contract) => [contract.id, contract])),
      projects,
      challengeTitles,
      skills,
      currency,
    };
  }

  async contract(id: string): Promise<ContractFacts> {
    const contract = await this.clients.contracts.getContract({ id }, AS_PAYROLL);
    return {
      id: contract.id,
      version: contract.inForceVersion || contract.version,
      kind: fromProtoEnum('CONTRACT_KIND', contract.kind) ?? '',
      employerId: contract.employerId || null,
      employerName: contract.employerName,
      periodStart: contract.terms?.periodStart ?? '',
      periodEnd: contract.terms?.periodEnd ?? '',
      yearlyMinutes: Number(contract.terms?.yearlyMinutes ?? 0n),
    };
  }

  async person(id: string): Promise<PersonFacts> {
    const person = await this.clients.identity.getPerson({ id }, AS_PAYROLL);
    return { id: person.id, name: person.name, language: person.locale === 'fr' ? 'fr' : 'en' };
  }

  territoryName(id: string, language: string): Promise<string> {
    return this.territories.get(
      `${id}:${language}`,
      async () => (await orUndefinedIfNotFound(this.clients.identity.getTerritory({ id, language }, AS_PAYROLL)))?.name ?? '',
    );
  }

  organizationName(id: string): Promise<string> {
    return this.organizations.get(
      id,
      async () => (await orUndefinedIfNotFound(this.clients.identity.getOrganization({ id }, AS_PAYROLL)))?.name ?? '',
    );
  }

  async projectsOf(ids: string[], language: string): Promise<Map<string, ProjectFacts>> {
    const found = await Promise.all(
      ids.map(async (id) => {
        const project = await this.projects.get(`${id}:${language}`, async () => {
          const p = await orUndefinedIfNotFound(this.clients.programs.getProject({ id, language }, AS_PAYROLL));
          return p && { title: p.title, challengeIds: p.challengeIds };
        });
        return [id, project] as const;
      }),
    );
    return new Map(found.filter((pair): pair is [string, ProjectFacts] => pair[1] !== undefined));
  }

  async challengeTitles(ids: string[]): Promise<Map<string, string>> {
    const found = await Promise.all(
      ids.map(
        async (id) =>
          [
            id,
            await this.challenges.get(
              id,
              async () => (await orUndefinedIfNotFound(this.clients.programs.getChallenge({ id }, AS_PAYROLL)))?.title,
            ),
          ] as const,
      ),
    );
    return new Map(found.filter((pair): pair is [string, string] => pair[1] !== undefined));
  }

  /** Skill labels in a language, with their broader group. */
  async skillsOf(ids: string[], language: string): Promise<Map<string, SkillFacts>> {
    const now = Date.now();
    const key = (id: string) => `${id}:${language}`;
    const missing = [...new Set(ids)].filter((id) => {
      const kept = this.skills.get(key(id));
      return !kept || now - kept.at >= CACHE_MS;
    });
    // identity answers at most 500 ids at once
    for (let start = 0; start < missing.length; start += 500) {
      const { skills } = await this.clients.identity.getSkills({ ids: missing.slice(start, start + 500), language }, AS_PAYROLL);
      for (const skill of skills)
        this.skills.set(key(skill.id), {
          at: now,
          facts: { label: skill.label, groupId: skill.broaderId, groupLabel: skill.broaderLabel },
        });
    }
    return new Map(
      ids.flatMap((id) => {
        const facts = this.skills.get(key(id))?.facts;
        return facts ? [[id, facts] as const] : [];
      }),
    );
  }

  /** Labels of skills or skill groups in a language (identity's taxonomy names groups as it names skills). */
  async skillLabels(ids: string[], language: string): Promise<Map<string, string>> {
    return new Map([...(await this.skillsOf(ids, language))].map(([id, facts]) => [id, facts.label]));
  }

  /** The country code (e.g. "FR") of an organization's territory; undefined when it has none or is unknown. */
  countryOf(organizationId: string): Promise<string | undefined> {
    return this.countries.get(organizationId, async () => {
      const organization = await orUndefinedIfNotFound(this.clients.identity.getOrganization({ id: organizationId }, AS_PAYROLL));
      if (!organization?.territoryId) return undefined;
      const [territory, ancestors] = await Promise.all([
        orUndefinedIfNotFound(this.clients.identity.getTerritory({ id: organization.territoryId, language: '' }, AS_PAYROLL)),
        orUndefinedIfNotFound(this.clients.identity.listAncestorTerritories({ id: organization.territoryId, language: '' }, AS_PAYROLL)),
      ]);
      return [territory, ...(ancestors?.territories ?? [])].find((t) => t?.level === TerritoryLevel.TERRITORY_LEVEL_COUNTRY)?.code;
    });
  }

  /** The currency that applies to a territory, or null where none does (asked again every time: one may be created). */
  async currencyOf(territoryId: string): Promise<CurrencyFacts | null> {
    const currency = await this.currencies.get(territoryId, async () => {
      const found = await orUndefinedIfNotFound(this.clients.currency.getCurrencyOfTerritory({ territoryId }, AS_PAYROLL));
      return found ? { id: found.id, code: found.code, minorUnits: found.minorUnits } : null;
    });
    if (!currency) this.currencies.forget(territoryId);
    return currency;
  }

  /** The employer's own reference of each of its members (their payroll number). */
  async employeeReferences(organizationId: string): Promise<Map<string, string>> {
    const references = new Map<string, string>();
    let cursor = '';
    do {
      const page = await this.clients.identity.listMembers({ organizationId, limit: 200, cursor }, AS_PAYROLL);
      for (const m of page.memberships) references.set(m.personId, m.employeeReference);
      cursor = page.nextCursor;
    } while (cursor);
    return references;
  }

  /** identity's decision on an action over a territory, an organization or a person's thing. */
  async may(
    caller: Caller,
    action: PayrollAction,
    scope: { territoryId?: string; organizationId?: string; personId?: string },
  ): Promise<boolean> {
    if (caller.kind === 'system') return true;
    const decision = await this.clients.identity.authorize(
      {
        subject: formatCaller(caller),
        action,
        scope: {
          territoryId: scope.territoryId ?? '',
          organizationId: scope.organizationId ?? '',
          projectId: '',
          personId: scope.personId ?? '',
          projectTerritoryId: '',
        },
      },
      AS_PAYROLL,
    );
    return decision.allowed;
  }
}
