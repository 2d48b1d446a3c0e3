// People, read within the caller's scope, and the role grants that make the scopes.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { Role, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { clientString, cursor, emptyQuery, limit, listOf, orNull, uuid } from '../common.js';
import { competenceOut, grantOut, personOut } from './mapping.js';
import { Competence, Person, ROLES, RoleGrant, SCOPE_KINDS } from './schemas.js';

const personParam = z.object({ personId: uuid }).strict();
const grantee = clientString().regex(
  /^(person:[0-9a-fA-F-]{36}|client:[A-Za-z0-9._-]{1,100})$/,
  'must be "person:<uuid>" or "client:<client id>"',
);

export function peopleRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/people',
      summary: 'People living in a territory or below it (its officers and admins)',
      tag: 'people',
      access: 'person',
      refusals: ['territory_not_found'],
      query: z.object({ territoryId: uuid, limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Person), description: 'People by name' },
      async handler({ actor, query }) {
        const found = await deps.identity.listPeople(
          { territoryId: query.territoryId, limit: query.limit ?? 50, cursor: query.cursor ?? '' },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.people.map(personOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/people/:personId',
      summary: 'One person (themselves, their territory’s officers, their employer’s HR)',
      tag: 'people',
      access: 'person',
      params: personParam,
      query: emptyQuery,
      response: { status: 200, schema: Person, description: 'The person' },
      async handler({ actor, params }) {
        const person = personOut(await deps.identity.getPerson({ id: params.personId }, { caller: callerOf(actor) }));
        return { body: person, version: person.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/people/:personId/competences',
      summary: 'A person’s competence profile',
      tag: 'people',
      access: 'person',
      params: personParam,
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Competence) }), description: 'Competences' },
      async handler({ actor, params, language }) {
        const { competences } = await deps.identity.listCompetences({ personId: params.personId, language }, { caller: callerOf(actor) });
        return { body: { items: competences.map(competenceOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/role-grants',
      summary: 'Give a role on a territory (and everything below it), an organization or a project',
      tag: 'roles',
      access: 'person',
      refusals: ['invalid_grantee', 'client_role', 'role_needs_territory', 'unknown_territory', 'unknown_organization', 'unknown_person'],
      body: z.object({ grantee, role: z.enum(ROLES), scopeKind: z.enum(SCOPE_KINDS), scopeId: uuid }).strict(),
      response: { status: 201, schema: RoleGrant, description: 'The grant (the existing one if it was already given)' },
      async handler({ actor, body }) {
        const grant = await deps.identity.grantRole(
          {
            grantee: body.grantee,
            role: toProtoEnum<Role>('ROLE', body.role),
            scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', body.scopeKind),
            scopeId: body.scopeId,
          },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: grantOut(grant) };
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/role-grants/:grantId',
      summary: 'Revoke a role grant',
      tag: 'roles',
      access: 'person',
      refusals: ['role_grant_not_found'],
      params: z.object({ grantId: uuid }).strict(),
      response: { status: 200, schema: RoleGrant, description: 'The revoked grant' },
      async handler({ actor, params }) {
        return { body: grantOut(await deps.identity.revokeRole({ id: params.grantId }, { caller: callerOf(actor) })) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/role-grants',
      summary: 'Role grants of a person (your own), or on a scope you administer',
      tag: 'roles',
      access: 'person',
      refusals: ['filter_required', 'invalid_grantee'],
      query: z
        .object({
          grantee: grantee.optional(),
          scopeKind: z.enum(SCOPE_KINDS).optional(),
          scopeId: uuid.optional(),
          includeRevoked: z.enum(['true', 'false']).optional(),
        })
        .strict(),
      response: { status: 200, schema: z.object({ items: z.array(RoleGrant) }), description: 'Grants' },
      async handler({ actor, query }) {
        const found = await deps.identity.listRoleGrants(
          {
            grantee: query.grantee ?? '',
            scopeKind: query.scopeKind
              ? toProtoEnum<ScopeKind>('SCOPE_KIND', query.scopeKind)
              : toProtoEnum<ScopeKind>('SCOPE_KIND', 'unspecified'),
            scopeId: query.scopeId ?? '',
            includeRevoked: query.includeRevoked === 'true',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.grants.map(grantOut) } };
      },
    }),
  ];
}
