// What every part of the demo shares: the world the identity part made, and how a part calls the
// services (as the "deploy" tool, for a person or for itself). Parts import this module and data.ts,
// never one another nor seed.ts; seed.ts runs them in order.
import {
  createClient,
  personCaller,
  systemCaller,
  toProtoEnum,
  type CallOptions,
  type ServiceClient,
  type ServiceDefinition,
} from '@e21/kit';
import type { ServiceName } from '@e21/events';
import type { MembershipRole, OrganizationKind, PersonStatus, Role, ScopeKind, TerritoryLevel } from '@e21/proto/e21/identity/v1/identity';
import type { OrganizationKey, PersonKey, TerritoryKey } from './data.js';

/** The services' gRPC addresses by variable name: IDENTITY_GRPC, PROGRAMS_GRPC... */
export type Targets = Record<string, string>;

/** The demo's territories, organizations and people, by key, with the ids the services gave them. */
export interface DemoWorld {
  password: string;
  territories: Record<TerritoryKey, string>;
  organizations: Record<OrganizationKey, string>;
  people: Record<PersonKey, { id: string; email: string; name: string }>;
}

/** A call made for the demo tool itself: territories, organizations, what no demo person would do. */
export const SYSTEM: CallOptions = { caller: systemCaller('deploy') };

/** A call made on a person's behalf: the deploy tool is a delegate of the local trust bundle. */
export const as = (personId: string): CallOptions => ({ caller: personCaller(personId) });

/** A client of one service, calling as the deploy tool; the caller closes it. */
export function clientOf<D extends ServiceDefinition>(
  definition: D,
  targets: Targets,
  service: ServiceName,
  deadlineMs = 15_000,
): ServiceClient<D> {
  const target = targets[`${service.toUpperCase()}_GRPC`];
  if (!target) throw new Error(`the demo has no address for ${service} (${service.toUpperCase()}_GRPC)`);
  return createClient(definition, target, { from: 'deploy', deadlineMs });
}

/** identity's enums from the names the demo data uses ('locality', 'hr_manager', 'officer'...). */
export const identityEnums = {
  level: (name: string) => toProtoEnum<TerritoryLevel>('TERRITORY_LEVEL', name),
  organizationKind: (name: string) => toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', name),
  personStatus: (name: string) => toProtoEnum<PersonStatus>('PERSON_STATUS', name),
  membershipRole: (name: string) => toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', name),
  role: (name: string) => toProtoEnum<Role>('ROLE', name),
  /** A role's scope: a territory and everything below it. */
  territoryScope: (territoryId: string) => ({ scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'), scopeId: territoryId }),
};

/** Runs `work` on every item, `width` at a time, in the items' order; the first failure fails the whole. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** Asks `check` every `intervalMs` until it answers true (true) or `timeoutMs` passes (false). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
