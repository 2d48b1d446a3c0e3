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

export const Organization = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  legalId: z.string(),
  territoryId: z.uuid(),
  createdAt: z.string(),
});

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
