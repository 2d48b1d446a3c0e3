// Verification of organizations by the Engagement 21 officers of their territory (or above), and
// the officers' queue of organizations waiting for it. Each decision is announced with the whole
// organization (identity.organization.verified / .verification_revoked), which currency keeps.
import { clampLimit, formatCaller, notFound, orThrow, withTransaction, type Caller, type Handlers, type Queryable } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { requireAllowed } from '../authorization.js';
import type { Organization } from '../domain/organizations.js';
import { revoke, verify, type Decider } from '../domain/verification.js';
import * as events from '../events.js';
import { organizationKindFromProto, organizationToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, requireUuid, type HandlerDeps } from './context.js';

type VerificationHandlers = Pick<
  Handlers<typeof IdentityServiceService>,
  'verifyOrganization' | 'revokeVerification' | 'listOrganizationsToVerify'
>;

async function deciderOf(db: Queryable, caller: Caller, organizationId: string): Promise<Decider> {
  if (caller.kind !== 'person') return { by: callerText(caller), name: 'Engagement 21', isMember: false };
  const [person, membership] = await Promise.all([
    store.getPerson(db, caller.personId),
    store.getMembership(db, organizationId, caller.personId),
  ]);
  return { by: callerText(caller), name: person?.name ?? formatCaller(caller), isMember: membership !== undefined };
}

export function verificationHandlers(deps: HandlerDeps): VerificationHandlers {
  /** Applies a decision to the organization under its row lock, with its event; `unchanged` writes nothing. */
  async function decide(
    organizationId: string,
    apply: (organization: Organization) => Organization['verification'] | 'unchanged',
  ): Promise<Organization> {
    return withTransaction(deps.pool, async (tx) => {
      const organization = await store.getOrganization(tx, organizationId, { forUpdate: true });
      if (!organization) throw notFound('organization', organizationId);
      const verification = apply(organization);
      if (verification === 'unchanged') return organization;
      const decided = { ...organization, verification };
      await store.saveVerification(tx, organizationId, verification);
      await events.verificationDecided(tx, decided);
      return decided;
    });
  }

  return {
    async verifyOrganization(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireAllowed(deps.pool, caller, 'identity.organizations.verify', { organizationId });
      const decider = await deciderOf(deps.pool, caller, organizationId);
      const at = deps.now();
      return organizationToProto(await decide(organizationId, (organization) => orThrow(verify(organization.verification, decider, at))));
    },

    async revokeVerification(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireAllowed(deps.pool, caller, 'identity.organizations.verify', { organizationId });
      const decider = await deciderOf(deps.pool, caller, organizationId);
      const at = deps.now();
      return organizationToProto(
        await decide(organizationId, (organization) => orThrow(revoke(organization.verification, decider, request.reason, at))),
      );
    },

    async listOrganizationsToVerify(request, call) {
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.organizations.verify', { territoryId });
      const kind = organizationKindFromProto(request.kind);
      const found = await store.listOrganizationsToVerify(
        deps.pool,
        { territoryId, kind },
        clampLimit(request.limit),
        request.cursor || undefined,
      );
      return { organizations: found.items.map((o) => organizationToProto(o)), nextCursor: found.nextCursor };
    },
  };
}
