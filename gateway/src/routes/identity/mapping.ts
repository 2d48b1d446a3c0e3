// identity's protobuf messages as the REST API shows them.
import { fromProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/identity/v1/identity';
import { orNull } from '../common.js';

export const personOut = (person: proto.Person) => ({
  id: person.id,
  name: person.name,
  email: person.email,
  locale: person.locale,
  status: fromProtoEnum('PERSON_STATUS', person.status),
  territoryId: person.territoryId,
  version: person.version,
  createdAt: person.createdAt,
  updatedAt: person.updatedAt,
});

export const territoryOut = (territory: proto.Territory) => ({
  id: territory.id,
  parentId: orNull(territory.parentId),
  level: fromProtoEnum('TERRITORY_LEVEL', territory.level),
  code: territory.code,
  name: territory.name,
  labels: territory.labels,
});

export const organizationOut = (organization: proto.Organization) => ({
  id: organization.id,
  name: organization.name,
  kind: fromProtoEnum('ORGANIZATION_KIND', organization.kind),
  legalId: organization.legalId,
  territoryId: organization.territoryId,
  createdAt: organization.createdAt,
  verification: {
    status: fromProtoEnum('VERIFICATION_STATUS', organization.verification?.status) ?? 'unverified',
    decidedAt: orNull(organization.verification?.decidedAt),
    decidedByName: orNull(organization.verification?.decidedByName),
    revocationReason: orNull(organization.verification?.revocationReason),
  },
});

export const invitationOut = (invitation: proto.Invitation) => ({
  id: invitation.id,
  organizationId: invitation.organizationId,
  organizationName: invitation.organizationName,
  organizationKind: fromProtoEnum('ORGANIZATION_KIND', invitation.organizationKind),
  email: invitation.email,
  role: fromProtoEnum('MEMBERSHIP_ROLE', invitation.role),
  employeeReference: invitation.employeeReference,
  status: fromProtoEnum('INVITATION_STATUS', invitation.status),
  invitedByName: invitation.invitedByName,
  invitedAt: invitation.invitedAt,
  expiresAt: invitation.expiresAt,
  answeredAt: orNull(invitation.answeredAt),
  revokedAt: orNull(invitation.revokedAt),
  personId: orNull(invitation.personId),
});

export const membershipOut = (membership: proto.Membership) => ({
  organizationId: membership.organizationId,
  organizationName: membership.organizationName,
  organizationKind: fromProtoEnum('ORGANIZATION_KIND', membership.organizationKind),
  personId: membership.personId,
  personName: membership.personName,
  role: fromProtoEnum('MEMBERSHIP_ROLE', membership.role),
  employeeReference: membership.employeeReference,
  since: membership.since,
});

export const skillOut = (skill: proto.Skill) => ({
  id: skill.id,
  label: skill.label,
  broaderId: orNull(skill.broaderId),
  broaderLabel: orNull(skill.broaderLabel),
  description: skill.description,
});

export const competenceOut = (competence: proto.Competence) => ({
  skillId: competence.skillId,
  label: competence.skill?.label ?? competence.skillId,
  level: competence.level,
  broaderId: orNull(competence.skill?.broaderId),
  broaderLabel: orNull(competence.skill?.broaderLabel),
});

export const grantOut = (grant: proto.RoleGrant) => ({
  id: grant.id,
  grantee: grant.grantee,
  role: fromProtoEnum('ROLE', grant.role),
  scopeKind: fromProtoEnum('SCOPE_KIND', grant.scopeKind),
  scopeId: grant.scopeId,
  grantedBy: grant.grantedBy,
  grantedAt: grant.grantedAt,
  revokedAt: orNull(grant.revokedAt),
});

export const profileOut = (profile: proto.Profile) => ({
  person: personOut(profile.person!),
  territoryPath: profile.territoryPath.map(territoryOut),
  memberships: profile.memberships.map(membershipOut),
  employer: profile.employer
    ? {
        id: profile.employer.organizationId,
        name: profile.employer.organizationName,
        kind: fromProtoEnum('ORGANIZATION_KIND', profile.employer.organizationKind),
      }
    : null,
  competences: profile.competences.map(competenceOut),
  roles: profile.roles.map(grantOut),
});
