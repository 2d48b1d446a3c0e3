// What the currency service reads from identity: decisions, organizations, people's names and the
// territory tree. Each lookup is one gRPC call made as the currency service; territory paths, which
// change rarely and are read for every approved entry, are kept for a few minutes.
import { formatCaller, fromProtoEnum, Refused, systemCaller, type Caller, type ServiceClient } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';

const AS_CURRENCY = { caller: systemCaller('currency') };
const PATH_TTL_MS = 5 * 60_000;
const PATH_CACHE_MAX = 10_000;

export type CurrencyAction =
  | 'currency.treasury.configure'
  | 'currency.treasury.read'
  | 'currency.treasury.approve'
  | 'currency.organization.collect'
  | 'currency.organization.spend';

export interface OrganizationFacts {
  id: string;
  name: string;
  kind: string;
  territoryId: string;
}

export interface TerritoryFacts {
  id: string;
  name: string;
  /** The territory first, then the territories above it up to the root. */
  nearestFirst: string[];
}

async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof Refused && (error.kind === 'not_found' || error.code === 'invalid_id')) return undefined;
    throw error;
  }
}

export class Directory {
  private readonly paths = new Map<string, { facts: TerritoryFacts; at: number }>();

  constructor(private readonly identity: ServiceClient<typeof IdentityServiceService>) {}

  /** identity's decision on whether the caller may do `action` on an organization or a territory. */
  async may(caller: Caller, action: CurrencyAction, scope: { organizationId?: string; territoryId?: string }): Promise<boolean> {
    if (caller.kind === 'system') return true;
    const decision = await this.identity.authorize(
      {
        subject: formatCaller(caller),
        action,
        scope: {
          territoryId: scope.territoryId ?? '',
          organizationId: scope.organizationId ?? '',
          projectId: '',
          personId: '',
          projectTerritoryId: '',
        },
      },
      AS_CURRENCY,
    );
    return decision.allowed;
  }

  async organization(id: string): Promise<OrganizationFacts | undefined> {
    const organization = await orUndefined(this.identity.getOrganization({ id }, AS_CURRENCY));
    if (!organization) return undefined;
    return {
      id: organization.id,
      name: organization.name,
      kind: fromProtoEnum('ORGANIZATION_KIND', organization.kind) ?? '',
      territoryId: organization.territoryId,
    };
  }

  async personName(id: string): Promise<string | undefined> {
    return (await orUndefined(this.identity.getPerson({ id }, AS_CURRENCY)))?.name;
  }

  async territory(id: string): Promise<TerritoryFacts | undefined> {
    const cached = this.paths.get(id);
    if (cached && Date.now() - cached.at < PATH_TTL_MS) return cached.facts;
    const territory = await orUndefined(this.identity.getTerritory({ id, language: 'fr' }, AS_CURRENCY));
    if (!territory) return undefined;
    const { territories } = await this.identity.listAncestorTerritories({ id, language: 'fr' }, AS_CURRENCY);
    const facts = { id: territory.id, name: territory.name, nearestFirst: [territory.id, ...territories.map((t) => t.id)] };
    if (this.paths.size >= PATH_CACHE_MAX) this.paths.clear();
    this.paths.set(id, { facts, at: Date.now() });
    return facts;
  }

  async descendantIds(id: string): Promise<string[]> {
    return (await this.identity.listDescendantTerritoryIds({ id }, AS_CURRENCY)).ids;
  }
}
