// Invitations to join an organization: its HR managers and admins invite an e-mail address, the
// person who has it accepts (and becomes a member with the role and reference the invitation
// carries) or declines. Whatever the address, the organization's answers are the same: it never
// learns whether someone has it, and sees nothing of the person until they accept.
import { randomUUID } from 'node:crypto';
import {
  clampLimit,
  formatCaller,
  notFound,
  orThrow,
  Refused,
  throwIfRefused,
  withTransaction,
  type Caller,
  type Handlers,
  type Queryable,
} from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { requireAllowed } from '../authorization.js';
import {
  checkAnswer,
  checkNoOpenInvitation,
  checkRevocation,
  statusForPerson,
  validateInvitation,
  type Invitation,
} from '../domain/invitations.js';
import { checkMembershipChange } from '../domain/organizations.js';
import { MEMBERSHIP_ROLES } from '../domain/policy.js';
import * as events from '../events.js';
import { invitationStatusFromProto, invitationToProto, membershipRoleFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, requireEnum, requireUuid, type HandlerDeps } from './context.js';
import { membershipActor } from './organizations.js';

type InvitationHandlers = Pick<
  Handlers<typeof IdentityServiceService>,
  'inviteMember' | 'listInvitations' | 'revokeInvitation' | 'listInvitationsOfPerson' | 'acceptInvitation' | 'declineInvitation'
>;

/** The name the person invited reads ("Claire Dubois invites you"). */
async function inviterName(db: Queryable, caller: Caller): Promise<string> {
  if (caller.kind === 'person') return (await store.getPerson(db, caller.personId))?.name ?? formatCaller(caller);
  return 'Engagement 21';
}

/** An HR manager hands out and withdraws member invitations only; admins any role (organizations.ts rules). */
async function requireInvitationRights(tx: Queryable, caller: Caller, organizationId: string, role: Invitation['role']): Promise<void> {
  const actor = await membershipActor(tx, caller, organizationId);
  throwIfRefused(checkMembershipChange(actor, undefined, role, 1));
}

export function invitationHandlers(deps: HandlerDeps): InvitationHandlers {
  /** The person's invitation, for them only: someone else's and an unknown one look the same. */
  async function addressedTo(tx: Queryable, personId: string, invitationId: string): Promise<{ invitation: Invitation; email: string }> {
    const person = await store.getPerson(tx, personId);
    const invitation = await store.getInvitation(tx, invitationId, { forUpdate: true });
    if (!person || !invitation || invitation.email !== person.email.toLowerCase()) throw notFound('invitation', invitationId);
    return { invitation, email: person.email };
  }

  async function answer(request: { personId: string; invitationId: string }, caller: Caller, choice: 'accept' | 'decline') {
    const personId = requireUuid(request.personId, 'person_id');
    const invitationId = requireUuid(request.invitationId, 'invitation_id');
    await requireAllowed(deps.pool, caller, 'identity.invitations.answer', { personId });
    const at = deps.now();
    const answered = await withTransaction(deps.pool, async (tx) => {
      const { invitation } = await addressedTo(tx, personId, invitationId);
      const decision = orThrow(checkAnswer(invitation, choice, at));
      if (decision === 'replay') return invitation;
      const next: Invitation = {
        ...invitation,
        state: choice === 'accept' ? 'accepted' : 'declined',
        answeredBy: personId,
        answeredAt: at,
      };
      if (choice === 'accept') {
        if (await store.getMembership(tx, invitation.organizationId, personId)) {
          throw new Refused('conflict', 'already_member', `You are already a member of ${invitation.organizationName}`);
        }
        await store.saveMembership(tx, invitation.organizationId, personId, invitation.role, invitation.employeeReference);
        await events.membershipChanged(tx, {
          organizationId: invitation.organizationId,
          personId,
          role: invitation.role,
          changedBy: callerText(caller),
        });
      }
      await store.answerInvitation(tx, invitationId, { state: next.state as 'accepted' | 'declined', personId, at });
      await events.invitationChanged(tx, choice === 'accept' ? 'accepted' : 'declined', next, at);
      return next;
    });
    return invitationToProto(answered, 'person', deps.now());
  }

  return {
    async inviteMember(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireAllowed(deps.pool, caller, 'identity.organizations.members.manage', { organizationId });
      const role = requireEnum(membershipRoleFromProto(request.role), 'role', MEMBERSHIP_ROLES);
      const at = deps.now();
      const terms = orThrow(validateInvitation({ email: request.email, employeeReference: request.employeeReference }, at));
      const invitedByName = await inviterName(deps.pool, caller);
      const invitation = await withTransaction(deps.pool, async (tx) => {
        // The organization's row is locked: two invitations to one address at once make one.
        const organization = await store.getOrganization(tx, organizationId, { forUpdate: true });
        if (!organization) throw notFound('organization', organizationId);
        await requireInvitationRights(tx, caller, organizationId, role);
        throwIfRefused(checkNoOpenInvitation(await store.unsettledInvitations(tx, organizationId, terms.email), at));
        // Its members' addresses are already the organization's to read: saying so leaks nothing.
        if (await store.isMemberWithEmail(tx, organizationId, terms.email)) {
          throw new Refused('conflict', 'already_member', 'This address is a member’s already', [
            { field: 'email', message: 'is already a member' },
          ]);
        }
        const created: Invitation = {
          id: randomUUID(),
          organizationId,
          organizationName: organization.name,
          organizationKind: organization.kind,
          email: terms.email,
          role,
          employeeReference: terms.employeeReference,
          state: 'pending',
          invitedBy: callerText(caller),
          invitedByName,
          invitedAt: at,
          expiresAt: terms.expiresAt,
          answeredBy: null,
          answeredAt: null,
          revokedBy: null,
          revokedAt: null,
        };
        await store.insertInvitation(tx, created);
        await events.invitationChanged(tx, 'sent', created, at);
        return created;
      });
      return invitationToProto(invitation, 'organization', at);
    },

    async listInvitations(request, call) {
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.organizations.members.manage', { organizationId });
      if (!(await store.getOrganization(deps.pool, organizationId))) throw notFound('organization', organizationId);
      const status = invitationStatusFromProto(request.status);
      // The organization never sees a declined invitation: asking for them finds none.
      if (status === 'declined') return { invitations: [], nextCursor: '' };
      const at = deps.now();
      const found = await store.listInvitationsOfOrganization(
        deps.pool,
        organizationId,
        status,
        at,
        clampLimit(request.limit),
        request.cursor || undefined,
      );
      return { invitations: found.items.map((i) => invitationToProto(i, 'organization', at)), nextCursor: found.nextCursor };
    },

    async revokeInvitation(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const invitationId = requireUuid(request.invitationId, 'invitation_id');
      await requireAllowed(deps.pool, caller, 'identity.organizations.members.manage', { organizationId });
      const at = deps.now();
      const revoked = await withTransaction(deps.pool, async (tx) => {
        const invitation = await store.getInvitation(tx, invitationId, { forUpdate: true });
        if (!invitation || invitation.organizationId !== organizationId) throw notFound('invitation', invitationId);
        await requireInvitationRights(tx, caller, organizationId, invitation.role);
        throwIfRefused(checkRevocation(invitation, at));
        const next: Invitation = { ...invitation, state: 'revoked', revokedBy: callerText(caller), revokedAt: at };
        await store.revokeInvitation(tx, invitationId, { by: next.revokedBy!, at });
        await events.invitationChanged(tx, 'revoked', next, at);
        return next;
      });
      return invitationToProto(revoked, 'organization', at);
    },

    async listInvitationsOfPerson(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.invitations.answer', { personId });
      const person = await store.getPerson(deps.pool, personId);
      if (!person) throw notFound('person', personId);
      const status = invitationStatusFromProto(request.status);
      const at = deps.now();
      const invitations = (await store.listInvitationsTo(deps.pool, person.email)).filter(
        (i) => !status || statusForPerson(i, at) === status,
      );
      return { invitations: invitations.map((i) => invitationToProto(i, 'person', at)), nextCursor: '' };
    },

    acceptInvitation: (request, call) => answer(request, callerOf(call), 'accept'),
    declineInvitation: (request, call) => answer(request, callerOf(call), 'decline'),
  };
}
