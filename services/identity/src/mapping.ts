// Domain values to protobuf messages and back (enums, dates, labels in the asked language).
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import {
  InvitationStatus as ProtoInvitationStatus,
  MembershipRole as ProtoMembershipRole,
  OrganizationKind as ProtoOrganizationKind,
  PersonStatus as ProtoPersonStatus,
  Role as ProtoRole,
  ScopeKind as ProtoScopeKind,
  TerritoryLevel as ProtoTerritoryLevel,
  type Invitation as InvitationMessage,
  type Membership as MembershipMessage,
  type Organization as OrganizationMessage,
  type Person as PersonMessage,
  type RoleGrant as RoleGrantMessage,
  type Skill as SkillMessage,
  type Territory as TerritoryMessage,
} from '@e21/proto/e21/identity/v1/identity';
import { statusForOrganization, statusForPerson, type Invitation, type InvitationStatus } from './domain/invitations.js';
import type { Membership, Organization, OrganizationKind } from './domain/organizations.js';
import type { Person, PersonStatus } from './domain/people.js';
import type { MembershipRole, Role, ScopeKind } from './domain/policy.js';
import type { RoleGrant } from './domain/roles.js';
import { labelIn, type SkillRecord } from './domain/skills.js';
import type { Territory, TerritoryLevel } from './domain/territories.js';

export const personStatusFromProto = (value: ProtoPersonStatus | undefined) => fromProtoEnum<PersonStatus>('PERSON_STATUS', value);
export const organizationKindFromProto = (value: ProtoOrganizationKind | undefined) =>
  fromProtoEnum<OrganizationKind>('ORGANIZATION_KIND', value);
export const membershipRoleFromProto = (value: ProtoMembershipRole | undefined) => fromProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', value);
export const roleFromProto = (value: ProtoRole | undefined) => fromProtoEnum<Role>('ROLE', value);
export const scopeKindFromProto = (value: ProtoScopeKind | undefined) => fromProtoEnum<ScopeKind>('SCOPE_KIND', value);
export const invitationStatusFromProto = (value: ProtoInvitationStatus | undefined) =>
  fromProtoEnum<InvitationStatus>('INVITATION_STATUS', value);
export const territoryLevelFromProto = (value: ProtoTerritoryLevel | undefined) => fromProtoEnum<TerritoryLevel>('TERRITORY_LEVEL', value);

export const membershipRoleToProto = (role: MembershipRole | undefined): ProtoMembershipRole =>
  role ? toProtoEnum('MEMBERSHIP_ROLE', role) : ProtoMembershipRole.MEMBERSHIP_ROLE_UNSPECIFIED;

export function personToProto(person: Person): PersonMessage {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    locale: person.locale,
    status: toProtoEnum('PERSON_STATUS', person.status),
    territoryId: person.territoryId,
    version: person.version,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

export function territoryToProto(territory: Territory, language: string): TerritoryMessage {
  return {
    id: territory.id,
    parentId: territory.parentId ?? '',
    level: toProtoEnum('TERRITORY_LEVEL', territory.level),
    code: territory.code,
    name: labelIn(territory.labels, language),
    labels: territory.labels,
  };
}

/**
 * An organization. Whether it is verified, and since when, is public (payers check it); who decided
 * and why a verification was revoked are for the territory's officers and services (`full`).
 */
export function organizationToProto(organization: Organization, full = true): OrganizationMessage {
  const { verification } = organization;
  return {
    id: organization.id,
    name: organization.name,
    kind: toProtoEnum('ORGANIZATION_KIND', organization.kind),
    legalId: organization.legalId,
    territoryId: organization.territoryId,
    createdAt: organization.createdAt.toISOString(),
    verification: {
      status: toProtoEnum('VERIFICATION_STATUS', verification.status),
      decidedAt: verification.decidedAt?.toISOString() ?? '',
      decidedBy: full ? (verification.decidedBy ?? '') : '',
      decidedByName: full ? (verification.decidedByName ?? '') : '',
      revocationReason: full ? verification.revocationReason : '',
      version: verification.version,
    },
  };
}

/**
 * An invitation as its reader sees it. The organization never sees that it was declined, nor who
 * answered before they accepted; the person and services (the events) see everything.
 */
export function invitationToProto(invitation: Invitation, reader: 'organization' | 'person' | 'service', at: Date): InvitationMessage {
  const status = reader === 'organization' ? statusForOrganization(invitation, at) : statusForPerson(invitation, at);
  const accepted = invitation.state === 'accepted';
  const answerShown = reader !== 'organization' || accepted;
  return {
    id: invitation.id,
    organizationId: invitation.organizationId,
    organizationName: invitation.organizationName,
    organizationKind: toProtoEnum('ORGANIZATION_KIND', invitation.organizationKind),
    email: invitation.email,
    role: membershipRoleToProto(invitation.role),
    employeeReference: invitation.employeeReference,
    status: toProtoEnum('INVITATION_STATUS', reader === 'service' ? invitation.state : status),
    invitedBy: invitation.invitedBy,
    invitedByName: invitation.invitedByName,
    invitedAt: invitation.invitedAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    answeredAt: answerShown ? (invitation.answeredAt?.toISOString() ?? '') : '',
    revokedAt: invitation.revokedAt?.toISOString() ?? '',
    revokedBy: invitation.revokedBy ?? '',
    personId: answerShown ? (invitation.answeredBy ?? '') : '',
  };
}

export function membershipToProto(membership: Membership): MembershipMessage {
  return {
    organizationId: membership.organizationId,
    personId: membership.personId,
    role: membershipRoleToProto(membership.role),
    employeeReference: membership.employeeReference,
    since: membership.since.toISOString(),
    personName: membership.personName,
    organizationName: membership.organizationName,
    organizationKind: toProtoEnum('ORGANIZATION_KIND', membership.organizationKind),
  };
}

export function grantToProto(grant: RoleGrant): RoleGrantMessage {
  return {
    id: grant.id,
    grantee: grant.grantee,
    role: toProtoEnum('ROLE', grant.role),
    scopeKind: toProtoEnum('SCOPE_KIND', grant.scopeKind),
    scopeId: grant.scopeId,
    grantedBy: grant.grantedBy,
    grantedAt: grant.grantedAt.toISOString(),
    revokedAt: grant.revokedAt?.toISOString() ?? '',
    revokedBy: grant.revokedBy ?? '',
  };
}

export function skillToProto(skill: SkillRecord, language: string, broader?: SkillRecord): SkillMessage {
  return {
    id: skill.id,
    label: labelIn(skill.labels, language),
    labels: skill.labels,
    broaderId: skill.broaderId ?? '',
    broaderLabel: broader ? labelIn(broader.labels, language) : '',
    description: labelIn(skill.description, language),
  };
}
