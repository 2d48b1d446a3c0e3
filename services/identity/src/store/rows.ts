// The rows of identity's main tables and how each becomes a domain record, shared by the store
// modules (the profile read model joins them all). Not re-exported: nothing outside the store sees a row.
import type { Membership, Organization, OrganizationKind } from '../domain/organizations.js';
import type { Person, PersonStatus } from '../domain/people.js';
import type { MembershipRole, Role, ScopeKind } from '../domain/policy.js';
import type { RoleGrant } from '../domain/roles.js';
import type { Language, SkillRecord } from '../domain/skills.js';
import type { Territory, TerritoryLevel } from '../domain/territories.js';
import type { VerificationStatus } from '../domain/verification.js';

/** With `forUpdate`, the rows read stay locked until the transaction ends. */
export const forUpdate = (options: { forUpdate?: boolean }, of = '') => (options.forUpdate ? ` for update${of ? ` of ${of}` : ''}` : '');

/** The columns, each prefixed with a table alias ("p.id, p.name"). */
export const prefixed = (columns: string, alias: string) =>
  columns
    .split(',')
    .map((c) => `${alias}.${c.trim()}`)
    .join(', ');

export interface TerritoryRow {
  id: string;
  parent_id: string | null;
  level: TerritoryLevel;
  code: string;
  labels: Record<string, string>;
  path: string[];
}

export const TERRITORY_COLUMNS = 'id, parent_id, level, code, labels, path';

export const territoryFromRow = (row: TerritoryRow): Territory => ({
  id: row.id,
  parentId: row.parent_id,
  level: row.level,
  code: row.code,
  labels: row.labels,
  path: row.path,
});

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  locale: Language;
  status: PersonStatus;
  territory_id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const PERSON_COLUMNS = 'id, name, email, locale, status, territory_id, version, created_at, updated_at';

export const personFromRow = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  email: row.email,
  locale: row.locale,
  status: row.status,
  territoryId: row.territory_id,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  legal_id: string;
  territory_id: string;
  created_at: Date;
  verification_status: VerificationStatus;
  verification_decided_at: Date | null;
  verification_decided_by: string | null;
  verification_decided_by_name: string | null;
  verification_revocation_reason: string;
  verification_version: number;
}

export const ORGANIZATION_COLUMNS = `id, name, kind, legal_id, territory_id, created_at, verification_status, verification_decided_at,
  verification_decided_by, verification_decided_by_name, verification_revocation_reason, verification_version`;

export const organizationFromRow = (row: OrganizationRow): Organization => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  legalId: row.legal_id,
  territoryId: row.territory_id,
  createdAt: row.created_at,
  verification: {
    status: row.verification_status,
    decidedAt: row.verification_decided_at,
    decidedBy: row.verification_decided_by,
    decidedByName: row.verification_decided_by_name,
    revocationReason: row.verification_revocation_reason,
    version: row.verification_version,
  },
});

export interface MembershipRow {
  organization_id: string;
  person_id: string;
  role: MembershipRole;
  employee_reference: string;
  since: Date;
  person_name: string;
  organization_name: string;
  organization_kind: OrganizationKind;
}

/** Memberships with the person's and the organization's names, as every list shows them. */
export const MEMBERSHIP_SELECT = `select m.organization_id, m.person_id, m.role, m.employee_reference, m.since,
    p.name as person_name, o.name as organization_name, o.kind as organization_kind
  from memberships m join people p on p.id = m.person_id join organizations o on o.id = m.organization_id`;

export const membershipFromRow = (row: MembershipRow): Membership => ({
  organizationId: row.organization_id,
  personId: row.person_id,
  role: row.role,
  employeeReference: row.employee_reference,
  since: row.since,
  personName: row.person_name,
  organizationName: row.organization_name,
  organizationKind: row.organization_kind,
});

export interface GrantRow {
  id: string;
  grantee: string;
  role: Role;
  scope_kind: ScopeKind;
  scope_id: string;
  granted_by: string;
  granted_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export const GRANT_COLUMNS = 'id, grantee, role, scope_kind, scope_id, granted_by, granted_at, revoked_at, revoked_by';

export const grantFromRow = (row: GrantRow): RoleGrant => ({
  id: row.id,
  grantee: row.grantee,
  role: row.role,
  scopeKind: row.scope_kind,
  scopeId: row.scope_id,
  grantedBy: row.granted_by,
  grantedAt: row.granted_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
});

export interface SkillRow {
  id: string;
  kind: 'group' | 'skill';
  labels: Record<string, string>;
  broader_id: string | null;
  description: Record<string, string>;
  source: 'e21' | 'esco';
}

export const SKILL_COLUMNS = 'id, kind, labels, broader_id, description, source';

export const skillFromRow = (row: SkillRow): SkillRecord => ({
  id: row.id,
  kind: row.kind,
  labels: row.labels,
  broaderId: row.broader_id,
  description: row.description,
  source: row.source,
});
