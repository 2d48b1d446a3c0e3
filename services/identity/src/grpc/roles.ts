// Scoped role grants and the Authorize decision.
import { randomUUID } from 'node:crypto';
import {
  forbidden,
  invalid,
  notFound,
  orThrow,
  parseCaller,
  throwIfRefused,
  unknownReference,
  withTransaction,
  type Caller,
  type Handlers,
  type Queryable,
} from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { authorize, requireAllowed, type ResourceScope } from '../authorization.js';
import { SCOPE_KINDS, TERRITORY_ROLES, type ScopeKind } from '../domain/policy.js';
import { checkGrant, parseGrantee } from '../domain/roles.js';
import * as events from '../events.js';
import { grantToProto, roleFromProto, scopeKindFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, optionalUuid, requireEnum, requireUuid, type HandlerDeps } from './context.js';

type RoleHandlers = Pick<Handlers<typeof IdentityServiceService>, 'grantRole' | 'revokeRole' | 'listRoleGrants' | 'authorize'>;

function resourceOf(scopeKind: ScopeKind, scopeId: string): ResourceScope {
  if (scopeKind === 'territory') return { territoryId: scopeId };
  if (scopeKind === 'organization') return { organizationId: scopeId };
  return { projectId: scopeId };
}

async function requireScopeExists(db: Queryable, scopeKind: ScopeKind, scopeId: string): Promise<void> {
  if (scopeKind === 'territory' && !(await store.getTerritory(db, scopeId))) throw unknownReference('scope_id', 'territory', scopeId);
  if (scopeKind === 'organization' && !(await store.getOrganization(db, scopeId)))
    throw unknownReference('scope_id', 'organization', scopeId);
}

export function roleHandlers(deps: HandlerDeps): RoleHandlers {
  return {
    async grantRole(request, call) {
      const caller = callerOf(call);
      const grantee = orThrow(parseGrantee(request.grantee));
      const role = requireEnum(roleFromProto(request.role), 'role', TERRITORY_ROLES);
      const scopeKind = requireEnum(scopeKindFromProto(request.scopeKind), 'scope_kind', SCOPE_KINDS);
      const scopeId = requireUuid(request.scopeId, 'scope_id');
      throwIfRefused(checkGrant(role, scopeKind, grantee));
      await requireAllowed(deps.pool, caller, 'identity.roles.grant', resourceOf(scopeKind, scopeId));
      await requireScopeExists(deps.pool, scopeKind, scopeId);
      if (grantee.kind === 'person' && !(await store.getPerson(deps.pool, grantee.personId)))
        throw unknownReference('grantee', 'person', grantee.personId);
      const grant = await withTransaction(deps.pool, async (tx) => {
        const result = await store.insertGrant(tx, {
          id: randomUUID(),
          grantee: request.grantee,
          role,
          scopeKind,
          scopeId,
          grantedBy: callerText(caller),
          grantedAt: deps.now(),
          revokedAt: null,
          revokedBy: null,
        });
        if (result.created) await events.roleGranted(tx, result.grant);
        return result.grant;
      });
      return grantToProto(grant);
    },

    async revokeRole(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      const revoked = await withTransaction(deps.pool, async (tx) => {
        const grant = await store.getGrant(tx, id, { forUpdate: true });
        if (!grant) throw notFound('role_grant', id);
        await requireAllowed(tx, caller, 'identity.roles.grant', resourceOf(grant.scopeKind, grant.scopeId));
        if (grant.revokedAt) return grant;
        const result = await store.revokeGrant(tx, id, callerText(caller), deps.now());
        await events.roleRevoked(tx, result);
        return result;
      });
      return grantToProto(revoked);
    },

    async listRoleGrants(request, call) {
      const caller = callerOf(call);
      const scopeKind = scopeKindFromProto(request.scopeKind);
      const scopeId = optionalUuid(request.scopeId, 'scope_id');
      if (request.grantee) orThrow(parseGrantee(request.grantee));
      if (!request.grantee && !(scopeKind && scopeId))
        throw invalid('scope_id', 'name a grantee, or a scope kind and id', 'filter_required');
      const ownGrants = request.grantee !== '' && request.grantee === callerText(caller);
      if (!ownGrants && caller.kind !== 'system') {
        if (!scopeKind || !scopeId) throw forbidden('Listing grants of someone else needs a scope you administer');
        await requireAllowed(deps.pool, caller, 'identity.roles.read', resourceOf(scopeKind, scopeId));
      }
      const grants = await store.listGrants(deps.pool, {
        grantee: request.grantee || undefined,
        scopeKind,
        scopeId,
        includeRevoked: request.includeRevoked,
      });
      return { grants: grants.map(grantToProto) };
    },

    async authorize(request, call) {
      const caller = callerOf(call);
      const subject: Caller | undefined = parseCaller(request.subject);
      if (!subject) throw invalid('subject', 'must be "person:<uuid>", "client:<id>" or "system:<service>"', 'invalid_subject');
      if (caller.kind !== 'system' && callerText(caller) !== request.subject) throw forbidden('Only services ask about someone else');
      if (subject.kind === 'person') requireUuid(subject.personId, 'subject');
      const scope: ResourceScope = {
        territoryId: optionalUuid(request.scope?.territoryId ?? '', 'scope.territory_id'),
        organizationId: optionalUuid(request.scope?.organizationId ?? '', 'scope.organization_id'),
        projectId: optionalUuid(request.scope?.projectId ?? '', 'scope.project_id'),
        personId: optionalUuid(request.scope?.personId ?? '', 'scope.person_id'),
        projectTerritoryId: optionalUuid(request.scope?.projectTerritoryId ?? '', 'scope.project_territory_id'),
      };
      return authorize(deps.pool, subject, request.action, scope);
    },
  };
}
