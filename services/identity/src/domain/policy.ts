// Who may do what, where: the single authorization decision behind the Authorize RPC.
import type { Caller } from '@e21/kit';
import { isWithin } from './territories.js';

export const TERRITORY_ROLES = ['territory_admin', 'officer', 'assembly_member', 'moderator', 'treasury_officer', 'integrator'] as const;
export type Role = (typeof TERRITORY_ROLES)[number];
export const SCOPE_KINDS = ['territory', 'organization', 'project'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const MEMBERSHIP_ROLES = ['member', 'hr_manager', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export interface Grant {
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string;
}

/** What is known about the one asking. */
export interface SubjectFacts {
  subject: Caller;
  grants: Grant[];
  memberships: { organizationId: string; role: MembershipRole }[];
}

/** What is known about the thing asked about, resolved by the store from the request's scope. */
export interface ScopeFacts {
  /** Territory of the resource, root..self; roles on any of these territories apply. */
  territoryPath: string[];
  organizationId?: string;
  projectId?: string;
  /** The person the resource belongs to (their profile, competences...). */
  personId?: string;
  /** Organizations that person belongs to: their HR managers may act for the employer. */
  personOrganizationIds?: string[];
}

type Rule =
  | { who: 'self' }
  | { who: 'any_person' }
  | { who: 'territory_role'; roles: Role[] }
  | { who: 'organization_member'; roles: MembershipRole[] }
  | { who: 'employer'; roles: MembershipRole[] }
  | { who: 'organization_grant'; roles: Role[] }
  | { who: 'project_grant'; roles: Role[] };

const OFFICE: Rule = { who: 'territory_role', roles: ['territory_admin', 'officer'] };
const ADMIN: Rule = { who: 'territory_role', roles: ['territory_admin'] };
const TREASURY: Rule = { who: 'territory_role', roles: ['treasury_officer'] };

/** Every action of the platform and the rules that allow it; other services add theirs here. */
export const POLICY: Record<string, Rule[]> = {
  'identity.people.read': [{ who: 'self' }, OFFICE, { who: 'employer', roles: ['hr_manager', 'admin'] }],
  'identity.people.list': [OFFICE],
  'identity.people.register': [OFFICE],
  'identity.people.update': [{ who: 'self' }, ADMIN],
  'identity.people.set_password': [{ who: 'self' }, ADMIN],
  'identity.competences.read': [{ who: 'self' }, OFFICE, { who: 'employer', roles: ['hr_manager'] }],
  'identity.competences.write': [{ who: 'self' }],
  'identity.territories.write': [ADMIN],
  'identity.organizations.read': [{ who: 'any_person' }, OFFICE],
  'identity.organizations.create': [{ who: 'any_person' }],
  'identity.organizations.create_official': [ADMIN],
  'identity.organizations.members.read': [{ who: 'organization_member', roles: ['hr_manager', 'admin'] }, OFFICE],
  // Managing members is inviting them (they join by accepting), changing their role and removing them.
  'identity.organizations.members.manage': [{ who: 'organization_member', roles: ['hr_manager', 'admin'] }, ADMIN],
  // Officers of an organization's territory or above verify it before it receives local currency.
  'identity.organizations.verify': [OFFICE],
  // A person answers the invitations addressed to them.
  'identity.invitations.answer': [{ who: 'self' }],
  'identity.roles.read': [OFFICE],
  'identity.roles.grant': [ADMIN],
  'aggregates.read': [{ who: 'territory_role', roles: ['integrator', 'officer', 'territory_admin'] }],
  // contracts: acting for an employer (its HR managers, admins) or for an Engagement 21 office (the
  // officers of its territory or above) on SAR contracts; the person acts on their own contract.
  'contracts.employer.act': [{ who: 'organization_member', roles: ['hr_manager', 'admin'] }],
  'contracts.office.act': [OFFICE],
  'contracts.commitments.read': [{ who: 'organization_member', roles: ['hr_manager', 'admin'] }, OFFICE],
  // programs: officers (and territory admins) of a territory or above define its strategic challenges,
  // approve or refuse its projects and draft its local program; a project's own team is programs' data.
  'programs.challenges.write': [OFFICE],
  'programs.projects.approve': [OFFICE],
  'programs.programs.draft': [OFFICE],
  // timesheets: officers (and territory admins) of a territory or above see and close its monthly
  // periods; they and integrating bodies read its reports. Validating hours is the project's team's
  // (programs' CanValidate), logging them the contract's person's.
  'timesheets.periods.read': [OFFICE],
  'timesheets.periods.close': [OFFICE],
  'timesheets.reports.read': [{ who: 'territory_role', roles: ['integrator', 'officer', 'territory_admin'] }],
  // currency: treasury officers of a currency's territory or above configure it, read its supply and
  // decide redemptions; an organization's members use its till, its admins spend and redeem its money.
  'currency.treasury.configure': [TREASURY],
  'currency.treasury.read': [TREASURY],
  'currency.treasury.approve': [TREASURY],
  'currency.organization.collect': [{ who: 'organization_member', roles: ['member', 'hr_manager', 'admin'] }],
  'currency.organization.spend': [{ who: 'organization_member', roles: ['admin'] }],
  // timesheets: officers (and territory admins) of an entry's territory or above correct the approved
  // minutes of an entry of a closed month.
  'timesheets.entries.correct': [OFFICE],
  // payroll: a form is read by its person (payroll's own rule), the officers of its territory or above
  // and its employer's HR managers and admins (payroll.exports.read); officers follow the issuing
  // runs; an employer's HR managers and admins read and lay out its payroll exports.
  'payroll.forms.read': [OFFICE],
  'payroll.runs.read': [OFFICE],
  'payroll.exports.read': [{ who: 'organization_member', roles: ['hr_manager', 'admin'] }],
  'payroll.exports.configure': [{ who: 'organization_member', roles: ['hr_manager', 'admin'] }],
};

export interface Decision {
  allowed: boolean;
  reason: string;
}

/** Internal services (system callers) are trusted: they check their own callers. */
export function decide(action: string, subject: SubjectFacts, scope: ScopeFacts): Decision {
  if (subject.subject.kind === 'system') return { allowed: true, reason: `system caller ${subject.subject.service}` };
  const rules = POLICY[action];
  if (!rules) return { allowed: false, reason: `unknown action ${action}` };
  for (const rule of rules) {
    const reason = matches(rule, subject, scope);
    if (reason) return { allowed: true, reason };
  }
  return { allowed: false, reason: `no rule allows ${action} here` };
}

function matches(rule: Rule, subject: SubjectFacts, scope: ScopeFacts): string | undefined {
  const caller = subject.subject;
  const personId = caller.kind === 'person' ? caller.personId : undefined;
  switch (rule.who) {
    case 'self':
      return personId && scope.personId === personId ? 'self' : undefined;
    case 'any_person':
      return personId ? 'signed-in person' : undefined;
    case 'territory_role': {
      const grant = subject.grants.find(
        (g) => g.scopeKind === 'territory' && rule.roles.includes(g.role) && isWithin(scope.territoryPath, g.scopeId),
      );
      return grant && `${grant.role} of territory ${grant.scopeId}`;
    }
    case 'organization_member': {
      const membership = subject.memberships.find((m) => m.organizationId === scope.organizationId && rule.roles.includes(m.role));
      return membership && `${membership.role} of organization ${membership.organizationId}`;
    }
    case 'employer': {
      const membership = subject.memberships.find(
        (m) => rule.roles.includes(m.role) && (scope.personOrganizationIds ?? []).includes(m.organizationId),
      );
      return membership && `${membership.role} of the person's organization ${membership.organizationId}`;
    }
    case 'organization_grant': {
      const grant = subject.grants.find(
        (g) => g.scopeKind === 'organization' && g.scopeId === scope.organizationId && rule.roles.includes(g.role),
      );
      return grant && `${grant.role} of organization ${grant.scopeId}`;
    }
    case 'project_grant': {
      const grant = subject.grants.find((g) => g.scopeKind === 'project' && g.scopeId === scope.projectId && rule.roles.includes(g.role));
      return grant && `${grant.role} of project ${grant.scopeId}`;
    }
  }
}
