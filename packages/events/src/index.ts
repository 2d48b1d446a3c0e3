// Every event of the platform: its type ("<service>.<entity>.<past-tense verb>", also its NATS
// subject) and the protobuf message under proto/e21/events/v1 it carries.
import { defineEvent } from '@e21/kit';
import {
  MembershipChanged,
  OrganizationCreated,
  PersonRegistered,
  PersonUpdated,
  RoleGranted,
  RoleRevoked,
} from '@e21/proto/e21/events/v1/identity';

export const identityEvents = {
  personRegistered: defineEvent('identity.person.registered', PersonRegistered),
  personUpdated: defineEvent('identity.person.updated', PersonUpdated),
  organizationCreated: defineEvent('identity.organization.created', OrganizationCreated),
  membershipChanged: defineEvent('identity.membership.changed', MembershipChanged),
  roleGranted: defineEvent('identity.role.granted', RoleGranted),
  roleRevoked: defineEvent('identity.role.revoked', RoleRevoked),
};
