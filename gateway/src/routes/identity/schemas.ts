// REST shapes of identity's resources, for validation and the OpenAPI document.
import { z } from 'zod';

export const LOCALES = ['en', 'fr'] as const;
export const PERSON_STATUSES = ['employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer'] as const;
export const TERRITORY_LEVELS = ['eu', 'country', 'region', 'department', 'locality'] as const;
export const ORGANIZATION_KINDS = ['private_company', 'public_body', 'association', 'e21_office', 'merchant'] as const;
export const MEMBERSHIP_ROLES = ['member', 'hr_manager', 'admin'] as const;
export const ROLES = ['territory_admin', 'officer', 'assembly_member', 'moderator', 'treasury_officer', 'integrator'] as const;
export const SCOPE_KINDS = ['territory', 'organization', 'project'] as const;

export const Person = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(LOCALES),
  status: z.enum(PERSON_STATUSES),
  territoryId: z.uuid(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Territory = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.enum(TERRITORY_LEVELS),
  code: z.string().describe('NUTS code, LAU code for localities, EU for the Union'),
  name: z.string().describe('in the caller’s language'),
  labels: z.record(z.string(), z.string()),
});

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'revoked'] as const;
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;

export const Organization = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  legalId: z.string(),
  territoryId: z.uuid(),
  createdAt: z.string(),
  verification: z
    .object({
      status: z.enum(VERIFICATION_STATUSES).describe('only a verified organization receives local currency'),
      decidedAt: z.string().nullable().describe('when it was verified, or its verification revoked'),
      decidedByName: z.string().nullable().describe('who decided: for the officers of its territory only'),
      revocationReason: z.string().nullable().describe('why it was revoked: for the officers of its territory only'),
    })
    .describe('checked by an Engagement 21 officer of its territory: payers tell a verified merchant from anyone using its name'),
});

export const Invitation = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationKind: z.enum(ORGANIZATION_KINDS),
    email: z.string().describe('the address the organization typed'),
    role: z.enum(MEMBERSHIP_ROLES).describe('what the person becomes on accepting'),
    employeeReference: z.string(),
    status: z
      .enum(INVITATION_STATUSES)
      .describe('the organization never sees declined: a declined invitation stays pending to it until it expires'),
    invitedByName: z.string(),
    invitedAt: z.string(),
    expiresAt: z.string(),
    answeredAt: z.string().nullable().describe('for the organization: when it was accepted'),
    revokedAt: z.string().nullable(),
    personId: z.uuid().nullable().describe('the person who accepted; null until then'),
  })
  .describe(
    'An invitation to join an organization. Until the person accepts, the organization sees only what it typed, whether or not anyone has the address',
  );

export const Membership = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  organizationKind: z.enum(ORGANIZATION_KINDS),
  personId: z.uuid(),
  personName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  employeeReference: z.string(),
  since: z.string(),
});

export const Skill = z.object({
  id: z.string(),
  label: z.string(),
  broaderId: z.string().nullable(),
  broaderLabel: z.string().nullable(),
  description: z.string(),
});

export const Competence = z.object({
  skillId: z.string(),
  label: z.string(),
  level: z.number().int().min(1).max(4),
  broaderId: z.string().nullable(),
  broaderLabel: z.string().nullable(),
});

export const RoleGrant = z.object({
  id: z.uuid(),
  grantee: z.string(),
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  scopeId: z.uuid(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const Me = z.object({
  person: Person,
  territoryPath: z.array(Territory).describe('the residence territory first, then its ancestors up to the EU'),
  memberships: z.array(Membership),
  employer: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANIZATION_KINDS) }).nullable(),
  competences: z.array(Competence),
  roles: z.array(RoleGrant),
});
