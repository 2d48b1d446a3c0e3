// Rules about organizations and who may change their memberships.
import { nameProblem, normalizeName, refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import type { MembershipRole } from './policy.js';
import type { Verification } from './verification.js';

export const ORGANIZATION_KINDS = ['private_company', 'public_body', 'association', 'e21_office', 'merchant'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Kinds only a territory admin may create: they speak for the territory. */
export const OFFICIAL_KINDS: readonly OrganizationKind[] = ['public_body', 'e21_office'];

// Most likely employer first: a person working for a company who also volunteers in an association.
const EMPLOYER_PREFERENCE: readonly OrganizationKind[] = ['private_company', 'public_body', 'e21_office', 'merchant', 'association'];

/**
 * The organization that employs a person: only employees have one, and it is the organization
 * of theirs most likely to pay a salary.
 */
export function employerOf<M extends { organizationKind: OrganizationKind }>(status: string, memberships: M[]): M | undefined {
  if (status !== 'employee') return undefined;
  const rank = (m: M) => EMPLOYER_PREFERENCE.indexOf(m.organizationKind);
  return [...memberships].sort((a, b) => rank(a) - rank(b))[0];
}

/** An organization registered on the platform: employer, association, public body, office or merchant. */
export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  legalId: string;
  territoryId: string;
  createdAt: Date;
  verification: Verification;
}

/** A person's place in an organization, with the names lists show. */
export interface Membership {
  organizationId: string;
  personId: string;
  role: MembershipRole;
  employeeReference: string;
  since: Date;
  personName: string;
  organizationName: string;
  organizationKind: OrganizationKind;
}

export interface OrganizationFields {
  name: string;
  kind: OrganizationKind;
  legalId: string;
  territoryId: string;
}

export function validateOrganization(fields: OrganizationFields): OrganizationFields | RefusalValue {
  const normalized = { ...fields, name: normalizeName(fields.name), legalId: fields.legalId.trim().toUpperCase() };
  const problems: FieldProblem[] = [];
  // One line of visible characters: an invisible character would make a look-alike of another organization's name.
  const name = nameProblem(fields.name, 200);
  if (name) problems.push({ field: 'name', message: name });
  if (!ORGANIZATION_KINDS.includes(normalized.kind))
    problems.push({ field: 'kind', message: `must be one of ${ORGANIZATION_KINDS.join(', ')}` });
  if (!/^[A-Z0-9][A-Z0-9 .\-/]{1,39}$/.test(normalized.legalId))
    problems.push({ field: 'legal_id', message: 'must be a registry number (SIREN, SIRET, VAT...)' });
  if (problems.length)
    return refusal('invalid', 'invalid_organization', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  return normalized;
}

/** Who is changing a membership: a role inside the organization, or a territory admin above it. */
export type MembershipActor = MembershipRole | 'territory_admin' | 'system';

/**
 * Consent: a person joins an organization by accepting its invitation. Only services (test
 * fixtures, the demo) add a member directly; people change existing members only.
 */
export function checkDirectMembership(
  actor: MembershipActor,
  current: MembershipRole | undefined,
  next: MembershipRole | undefined,
): RefusalValue | undefined {
  if (actor !== 'system' && current === undefined && next !== undefined) {
    return refusal('conflict', 'invitation_required', 'A person joins an organization by accepting its invitation: invite them by e-mail');
  }
  return undefined;
}

/**
 * HR managers run the member list (inviting and removing members); only admins (or a territory admin) hand out HR and admin
 * rights, and an organization always keeps at least one admin.
 */
export function checkMembershipChange(
  actor: MembershipActor,
  current: MembershipRole | undefined,
  next: MembershipRole | undefined,
  adminCount: number,
): RefusalValue | undefined {
  const elevated = (role: MembershipRole | undefined) => role === 'hr_manager' || role === 'admin';
  if (actor === 'member') return refusal('forbidden', 'forbidden', 'Members cannot change memberships');
  if (actor === 'hr_manager' && (elevated(current) || elevated(next))) {
    return refusal(
      'forbidden',
      'hr_cannot_manage_managers',
      'HR managers manage members; only an admin grants or removes HR and admin rights',
    );
  }
  if (current === 'admin' && next !== 'admin' && adminCount <= 1) {
    return refusal('conflict', 'last_admin', 'An organization keeps at least one admin; make someone else admin first');
  }
  return undefined;
}
