// Organizations and their memberships.
import { randomUUID } from 'node:crypto';
import {
  clampLimit,
  forbidden,
  isUniqueViolation,
  notFound,
  orThrow,
  Refused,
  throwIfRefused,
  unknownReference,
  withTransaction,
  type Caller,
  type Handlers,
  type Queryable,
} from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { authorize, requireAllowed } from '../authorization.js';
import { EMPLOYEE_REFERENCE_MAX_LENGTH } from '../domain/invitations.js';
import {
  checkDirectMembership,
  checkMembershipChange,
  OFFICIAL_KINDS,
  ORGANIZATION_KINDS,
  validateOrganization,
  type MembershipActor,
} from '../domain/organizations.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../domain/policy.js';
import { UNVERIFIED } from '../domain/verification.js';
import * as events from '../events.js';
import { membershipRoleFromProto, membershipToProto, organizationKindFromProto, organizationToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, optionalUuid, requireEnum, requireUuid, type HandlerDeps } from './context.js';

type OrganizationHandlers = Pick<
  Handlers<typeof IdentityServiceService>,
  | 'createOrganization'
  | 'getOrganization'
  | 'listOrganizations'
  | 'listMembers'
  | 'setMembership'
  | 'removeMembership'
  | 'listMembershipsOfPerson'
>;

/** The role the caller acts with on an organization's memberships (after the policy allowed it). */
export async function membershipActor(db: Queryable, caller: Caller, organizationId: string): Promise<MembershipActor> {
  if (caller.kind === 'system') return 'system';
  if (caller.kind !== 'person') throw forbidden();
  const own = await store.getMembership(db, organizationId, caller.personId);
  return own && own.role !== 'member' ? own.role : 'territory_admin';
}

export function organizationHandlers(deps: HandlerDeps): OrganizationHandlers {
  async function existing(id: string) {
    const organization = await store.getOrganization(deps.pool, id);
    if (!organization) throw notFound('organization', id);
    return organization;
  }

  /** Changes (or ends, with `next` undefined) a membership under the rules of who may do it. */
  async function changeMembership(
    caller: Caller,
    organizationId: string,
    personId: string,
    next: MembershipRole | undefined,
    employeeReference: string,
  ) {
    return withTransaction(deps.pool, async (tx) => {
      const adminCount = await store.countAdmins(tx, organizationId);
      const current = await store.getMembership(tx, organizationId, personId, { forUpdate: true });
      if (!next && !current) throw notFound('membership', `${organizationId}/${personId}`);
      const leaving = !next && caller.kind === 'person' && caller.personId === personId;
      const actor = leaving ? 'admin' : await membershipActor(tx, caller, organizationId);
      throwIfRefused(checkDirectMembership(actor, current?.role, next) ?? checkMembershipChange(actor, current?.role, next, adminCount));
      if (next) await store.saveMembership(tx, organizationId, personId, next, employeeReference);
      else await store.deleteMembership(tx, organizationId, personId);
      if (current?.role !== next || current?.employeeReference !== employeeReference) {
        await events.membershipChanged(tx, {
          organizationId,
          personId,
          role: next,
          previousRole: current?.role,
          changedBy: callerText(caller),
        });
      }
      return next ? store.getMembership(tx, organizationId, personId) : undefined;
    });
  }

  return {
    async createOrganization(request, call) {
      const caller = callerOf(call);
      const kind = requireEnum(organizationKindFromProto(request.kind), 'kind', ORGANIZATION_KINDS);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const action = OFFICIAL_KINDS.includes(kind) ? 'identity.organizations.create_official' : 'identity.organizations.create';
      await requireAllowed(deps.pool, caller, action, { territoryId });
      const fields = orThrow(validateOrganization({ name: request.name, kind, legalId: request.legalId, territoryId }));
      const organization = { ...fields, id: randomUUID(), createdAt: deps.now(), verification: UNVERIFIED };
      try {
        await withTransaction(deps.pool, async (tx) => {
          if (!(await store.getTerritory(tx, territoryId))) throw unknownReference('territory_id', 'territory', territoryId);
          await store.insertOrganization(tx, organization);
          await events.organizationCreated(tx, organization);
          if (caller.kind === 'person') {
            await store.saveMembership(tx, organization.id, caller.personId, 'admin', '');
            await events.membershipChanged(tx, {
              organizationId: organization.id,
              personId: caller.personId,
              role: 'admin',
              changedBy: callerText(caller),
            });
          }
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new Refused('already_exists', 'organization_exists', `A ${kind} with legal id ${fields.legalId} is already registered`, [
            { field: 'legal_id', message: 'is already registered' },
          ]);
        throw error;
      }
      return organizationToProto(organization);
    },

    async getOrganization(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      await requireAllowed(deps.pool, caller, 'identity.organizations.read', { organizationId: id });
      const organization = await existing(id);
      // Who verified it and why a verification was revoked: for the officers who decide it.
      const full =
        caller.kind === 'system' || (await authorize(deps.pool, caller, 'identity.organizations.verify', { organizationId: id })).allowed;
      return organizationToProto(organization, full);
    },

    async listOrganizations(request, call) {
      const territoryId = optionalUuid(request.territoryId, 'territory_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.organizations.read', { territoryId });
      const kind = organizationKindFromProto(request.kind);
      const found = await store.listOrganizations(deps.pool, { territoryId, kind }, clampLimit(request.limit), request.cursor || undefined);
      return { organizations: found.items.map((o) => organizationToProto(o, false)), nextCursor: found.nextCursor };
    },

    async listMembers(request, call) {
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.organizations.members.read', { organizationId });
      await existing(organizationId);
      const found = await store.listMembers(deps.pool, organizationId, clampLimit(request.limit), request.cursor || undefined);
      return { memberships: found.items.map(membershipToProto), nextCursor: found.nextCursor };
    },

    async setMembership(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, caller, 'identity.organizations.members.manage', { organizationId });
      const role = requireEnum(membershipRoleFromProto(request.role), 'role', MEMBERSHIP_ROLES);
      const reference = request.employeeReference.trim();
      if (reference.length > EMPLOYEE_REFERENCE_MAX_LENGTH)
        throw new Refused(
          'invalid',
          'validation_failed',
          `employee_reference must be at most ${EMPLOYEE_REFERENCE_MAX_LENGTH} characters`,
          [{ field: 'employee_reference', message: `must be at most ${EMPLOYEE_REFERENCE_MAX_LENGTH} characters` }],
        );
      await existing(organizationId);
      // Only services add people directly (checkDirectMembership); to anyone else an unknown person
      // and one who is not a member answer the same, so the id tells nothing.
      if (caller.kind === 'system' && !(await store.getPerson(deps.pool, personId))) throw notFound('person', personId);
      const membership = await changeMembership(caller, organizationId, personId, role, reference);
      return membershipToProto(membership!);
    },

    async removeMembership(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const personId = requireUuid(request.personId, 'person_id');
      const leaving = caller.kind === 'person' && caller.personId === personId;
      if (!leaving) await requireAllowed(deps.pool, caller, 'identity.organizations.members.manage', { organizationId });
      await changeMembership(caller, organizationId, personId, undefined, '');
      return {};
    },

    async listMembershipsOfPerson(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.people.read', { personId });
      return { memberships: (await store.listMembershipsOfPerson(deps.pool, personId)).map(membershipToProto), nextCursor: '' };
    },
  };
}
