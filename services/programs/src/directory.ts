// What programs reads from other services (identity only): territory paths, the territories below one, skills, names,
// competences and Authorize. Read at each call, never copied into programs' database.
import { formatCaller, Refused, systemCaller, unknownReference, type Caller, type ServiceClient } from '@e21/kit';
import type { IdentityServiceService, Territory } from '@e21/proto/e21/identity/v1/identity';

export type IdentityClient = ServiceClient<typeof IdentityServiceService>;

const SELF = { caller: systemCaller('programs') };

export interface Skill {
  id: string;
  label: string;
  broaderId: string | null;
}

export interface Competence {
  skillId: string;
  label: string;
  level: number;
  broaderId: string | null;
}

/** Identity's "no such territory" for an id the request gave in a field, as a refusal naming it. */
async function asField<T>(field: string, id: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof Refused && error.kind === 'not_found') throw unknownReference(field, 'territory', id);
    throw error;
  }
}

export class Directory {
  constructor(private readonly identity: IdentityClient) {}

  /** The territory's ids from the root down to it; `field` names the request field on an unknown id. */
  async territoryPath(territoryId: string, field = 'territory_id'): Promise<string[]> {
    const { territories } = await asField(
      field,
      territoryId,
      this.identity.listAncestorTerritories({ id: territoryId, language: 'en' }, SELF),
    );
    return [...territories.map((t) => t.id).reverse(), territoryId];
  }

  /** The territory and its ancestors with their names, nearest first. */
  async territoryWithAncestors(territoryId: string, language: string, field = 'territory_id'): Promise<Territory[]> {
    const [territory, ancestors] = await asField(
      field,
      territoryId,
      Promise.all([
        this.identity.getTerritory({ id: territoryId, language }, SELF),
        this.identity.listAncestorTerritories({ id: territoryId, language }, SELF),
      ]),
    );
    return [territory, ...ancestors.territories];
  }

  /** The territory and every territory below it. */
  async territoryAndBelow(territoryId: string, field = 'territory_id'): Promise<string[]> {
    return (await asField(field, territoryId, this.identity.listDescendantTerritoryIds({ id: territoryId }, SELF))).ids;
  }

  /** The whole tree, by id: for paths and names of many territories at once. */
  async territories(language: string): Promise<Map<string, Territory>> {
    const { territories } = await this.identity.listTerritories({ code: '', language }, SELF);
    return new Map(territories.map((t) => [t.id, t]));
  }

  async skills(ids: readonly string[], language: string): Promise<Map<string, Skill>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, Skill>();
    // identity answers at most 500 ids at once
    for (let start = 0; start < unique.length; start += 500) {
      const { skills } = await this.identity.getSkills({ ids: unique.slice(start, start + 500), language }, SELF);
      for (const s of skills) found.set(s.id, { id: s.id, label: s.label, broaderId: s.broaderId || null });
    }
    return found;
  }

  /**
   * Names of people a caller may see through programs (team members, applicants, voters): read
   * as programs itself, which decided who sees them. Unknown people are left out.
   */
  async names(personIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(personIds)];
    const found = await Promise.all(
      unique.map((id) =>
        this.identity.getPerson({ id }, SELF).then(
          (p) => [id, p.name] as const,
          () => undefined,
        ),
      ),
    );
    return new Map(found.filter((entry): entry is readonly [string, string] => entry !== undefined));
  }

  /** A person's competences, read as programs: shown to a project's board for its applicants and members. */
  async competences(personId: string): Promise<Competence[]> {
    const { competences } = await this.identity.listCompetences({ personId, language: 'en' }, SELF);
    return competences.map((c) => ({
      skillId: c.skillId,
      label: c.skill?.label ?? c.skillId,
      level: c.level,
      broaderId: c.skill?.broaderId || null,
    }));
  }

  /** The caller's own profile: residence path (root down) and competences. */
  async ownProfile(personId: string, language: string): Promise<{ territoryPath: string[]; competences: Competence[] }> {
    const profile = await this.identity.getProfile({ personId, language }, SELF);
    return {
      territoryPath: profile.territoryPath.map((t) => t.id).reverse(),
      competences: profile.competences.map((c) => ({
        skillId: c.skillId,
        label: c.skill?.label ?? c.skillId,
        level: c.level,
        broaderId: c.skill?.broaderId || null,
      })),
    };
  }

  /** Identity's decision on a territory role: system callers are trusted by identity itself. */
  async allowed(
    caller: Caller,
    action: string,
    scope: { territoryId?: string; projectId?: string; projectTerritoryId?: string },
  ): Promise<boolean> {
    const decision = await this.identity.authorize(
      {
        subject: formatCaller(caller),
        action,
        scope: {
          territoryId: scope.territoryId ?? '',
          organizationId: '',
          projectId: scope.projectId ?? '',
          personId: '',
          projectTerritoryId: scope.projectTerritoryId ?? '',
        },
      },
      SELF,
    );
    return decision.allowed;
  }
}
