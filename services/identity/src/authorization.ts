// Gathers the facts a decision needs from identity's own tables and asks the policy.
import { forbidden, type Caller, type Queryable } from '@e21/kit';
import { decide, POLICY, type Decision, type ScopeFacts, type SubjectFacts } from './domain/policy.js';
import * as store from './store/index.js';

export interface ResourceScope {
  territoryId?: string;
  organizationId?: string;
  projectId?: string;
  personId?: string;
  projectTerritoryId?: string;
}

export async function subjectFacts(db: Queryable, subject: Caller): Promise<SubjectFacts> {
  if (subject.kind === 'system') return { subject, grants: [], memberships: [] };
  const grantee = subject.kind === 'person' ? `person:${subject.personId}` : `client:${subject.clientId}`;
  const [grants, memberships] = await Promise.all([
    store.activeGrantsOf(db, grantee),
    subject.kind === 'person' ? store.membershipRolesOf(db, subject.personId) : Promise.resolve([]),
  ]);
  return { subject, grants, memberships };
}

/** Resolves the territory (and owners) of the resource the scope names. Unknown resources have an empty path. */
export async function scopeFacts(db: Queryable, scope: ResourceScope): Promise<ScopeFacts> {
  if (scope.personId) {
    const person = await store.personScope(db, scope.personId);
    return { territoryPath: person?.territoryPath ?? [], personId: scope.personId, personOrganizationIds: person?.organizationIds ?? [] };
  }
  if (scope.organizationId) {
    const organization = await store.organizationScope(db, scope.organizationId);
    return { territoryPath: organization?.territoryPath ?? [], organizationId: scope.organizationId };
  }
  if (scope.projectId) {
    const path = scope.projectTerritoryId ? await store.territoryPathOf(db, scope.projectTerritoryId) : undefined;
    return { territoryPath: path ?? [], projectId: scope.projectId };
  }
  if (scope.territoryId) return { territoryPath: (await store.territoryPathOf(db, scope.territoryId)) ?? [] };
  return { territoryPath: [] };
}

/** True without touching the database when the action lets people act on themselves and they do. */
function selfAllowed(action: string, subject: Caller, scope: ResourceScope): boolean {
  return subject.kind === 'person' && scope.personId === subject.personId && (POLICY[action] ?? []).some((rule) => rule.who === 'self');
}

export async function authorize(db: Queryable, subject: Caller, action: string, scope: ResourceScope): Promise<Decision> {
  if (selfAllowed(action, subject, scope)) return { allowed: true, reason: 'self' };
  const [subjectSide, scopeSide] = await Promise.all([subjectFacts(db, subject), scopeFacts(db, scope)]);
  return decide(action, subjectSide, scopeSide);
}

/** Throws a forbidden refusal unless the caller may do `action` on the scope. */
export async function requireAllowed(db: Queryable, caller: Caller, action: string, scope: ResourceScope): Promise<void> {
  const decision = await authorize(db, caller, action, scope);
  if (!decision.allowed) throw forbidden(`Not allowed: ${action}`);
}
