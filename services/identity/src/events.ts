// What identity publishes: each change's event, written to the outbox in the change's transaction.
import { appendEvent, eventSourceOf, type Queryable } from '@e21/kit';
import { identityEvents } from '@e21/events';
import type { Invitation } from './domain/invitations.js';
import type { Organization } from './domain/organizations.js';
import type { MembershipRole } from './domain/policy.js';
import type { Person } from './domain/people.js';
import type { RoleGrant } from './domain/roles.js';
import { grantToProto, invitationToProto, membershipRoleToProto, organizationToProto, personToProto } from './mapping.js';

const SOURCE = eventSourceOf('identity');

export const personRegistered = (tx: Queryable, person: Person) =>
  appendEvent(tx, SOURCE, identityEvents.personRegistered, person.id, { person: personToProto(person) });

export const personUpdated = (tx: Queryable, person: Person, changedFields: string[]) =>
  appendEvent(tx, SOURCE, identityEvents.personUpdated, person.id, { person: personToProto(person), changedFields });

export const organizationCreated = (tx: Queryable, organization: Organization) =>
  appendEvent(tx, SOURCE, identityEvents.organizationCreated, organization.id, { organization: organizationToProto(organization) });

export const membershipChanged = (
  tx: Queryable,
  change: { organizationId: string; personId: string; role?: MembershipRole; previousRole?: MembershipRole; changedBy: string },
) =>
  appendEvent(tx, SOURCE, identityEvents.membershipChanged, `${change.organizationId}/${change.personId}`, {
    organizationId: change.organizationId,
    personId: change.personId,
    role: membershipRoleToProto(change.role),
    previousRole: membershipRoleToProto(change.previousRole),
    changedBy: change.changedBy,
  });

export const roleGranted = (tx: Queryable, grant: RoleGrant) =>
  appendEvent(tx, SOURCE, identityEvents.roleGranted, grant.id, { grant: grantToProto(grant) });

export const roleRevoked = (tx: Queryable, grant: RoleGrant) =>
  appendEvent(tx, SOURCE, identityEvents.roleRevoked, grant.id, { grant: grantToProto(grant) });

/** Verified or revoked: the organization with its whole verification, which currency keeps as a local fact. */
export const verificationDecided = (tx: Queryable, organization: Organization) =>
  appendEvent(
    tx,
    SOURCE,
    organization.verification.status === 'verified' ? identityEvents.organizationVerified : identityEvents.organizationVerificationRevoked,
    organization.id,
    { organization: organizationToProto(organization) },
    organization.verification.decidedAt ?? undefined,
  );

const invitationEvent = {
  sent: identityEvents.invitationSent,
  accepted: identityEvents.invitationAccepted,
  declined: identityEvents.invitationDeclined,
  revoked: identityEvents.invitationRevoked,
} as const;

/** An invitation's step, with the invitation as it now stands (services see the true state). */
export const invitationChanged = (tx: Queryable, step: keyof typeof invitationEvent, invitation: Invitation, at: Date) =>
  appendEvent(tx, SOURCE, invitationEvent[step], invitation.id, { invitation: invitationToProto(invitation, 'service', at) }, at);
