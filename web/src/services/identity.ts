// Typed calls to the gateway's identity endpoints: the signed-in person, competences, skills,
// territories and organizations. One module per backend service keeps pages free of URLs.
import { api, ifMatch } from '../api';
import type { Language } from '../i18n';

export const PERSON_STATUSES = ['employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const TERRITORY_LEVELS = ['eu', 'country', 'region', 'department', 'locality'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export const COMPETENCE_LEVELS = [1, 2, 3, 4] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

export const MEMBERSHIP_ROLES = ['member', 'hr_manager', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export type OrganizationKind = 'private_company' | 'public_body' | 'association' | 'e21_office' | 'merchant';
export type RoleName = 'territory_admin' | 'officer' | 'assembly_member' | 'moderator' | 'treasury_officer' | 'integrator';
export type ScopeKind = 'territory' | 'organization' | 'project';

export interface Person {
  id: string;
  name: string;
  email: string;
  locale: Language;
  status: PersonStatus;
  territoryId: string;
  /** Opaque version sent back in If-Match so that concurrent edits are refused, not lost. */
  version: number | string;
}

export interface Territory {
  id: string;
  parentId: string | null;
  level: TerritoryLevel;
  code: string;
  name: string;
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
  employeeReference: string | null;
  since: string;
}

export interface Competence {
  skillId: string;
  label: string;
  level: CompetenceLevel;
  broaderId: string | null;
  broaderLabel: string | null;
}

export interface RoleGrant {
  id: string;
  role: RoleName;
  scopeKind: ScopeKind;
  scopeId: string;
}

export interface Me {
  person: Person;
  /** Residence territory first, then its ancestors up to the EU. */
  territoryPath: Territory[];
  memberships: Membership[];
  employer: { id: string; name: string; kind: OrganizationKind } | null;
  competences: Competence[];
  roles: RoleGrant[];
}

export type PersonChanges = Partial<Pick<Person, 'name' | 'locale' | 'status' | 'territoryId'>>;

export interface Skill {
  id: string;
  label: string;
  broaderId: string | null;
  broaderLabel: string | null;
}

export type VerificationStatus = 'unverified' | 'verified' | 'revoked';

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  legalId: string | null;
  territoryId: string;
  createdAt: string;
  /** Checked by an officer of its territory: only a verified organization receives local currency. */
  verification: {
    status: VerificationStatus;
    decidedAt: string | null;
    /** For the territory's officers only. */
    decidedByName: string | null;
    revocationReason: string | null;
  };
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';

/** An invitation to join an organization, as the organization or the invited person sees it. */
export interface Invitation {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  email: string;
  role: MembershipRole;
  employeeReference: string;
  status: InvitationStatus;
  invitedByName: string;
  invitedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  personId: string | null;
}

export interface Member {
  personId: string;
  personName: string;
  role: MembershipRole;
  employeeReference: string | null;
  since: string;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  nextCursor: string | null;
}

const id = encodeURIComponent;

export const getMe = (signal?: AbortSignal) => api.get<Me>('/v1/me', { signal });

export const updateMe = (version: Person['version'], changes: PersonChanges) => api.patch<Me>('/v1/me', changes, ifMatch(version));

export const listMyCompetences = () => api.get<Items<Competence>>('/v1/me/competences');

export const putMyCompetence = (skillId: string, level: CompetenceLevel) =>
  api.put<Competence>(`/v1/me/competences/${id(skillId)}`, { level });

export const deleteMyCompetence = (skillId: string) => api.delete(`/v1/me/competences/${id(skillId)}`);

export const searchSkills = (q: string, signal?: AbortSignal) => api.get<Page<Skill>>('/v1/skills', { query: { q, limit: 20 }, signal });

export const listTerritories = () => api.get<Items<Territory>>('/v1/territories');

export const getTerritory = (territoryId: string) => api.get<Territory>(`/v1/territories/${id(territoryId)}`);

export const listTerritoryChildren = (territoryId: string) => api.get<Items<Territory>>(`/v1/territories/${id(territoryId)}/children`);

export const getOrganization = (organizationId: string) => api.get<Organization>(`/v1/organizations/${id(organizationId)}`);

export const listMembers = (organizationId: string, cursor?: string | null) =>
  api.get<Page<Member>>(`/v1/organizations/${id(organizationId)}/members`, { query: { cursor } });

export const putMember = (organizationId: string, personId: string, body: { role: MembershipRole; employeeReference: string | null }) =>
  api.put<Member>(`/v1/organizations/${id(organizationId)}/members/${id(personId)}`, body);

export const deleteMember = (organizationId: string, personId: string) =>
  api.delete(`/v1/organizations/${id(organizationId)}/members/${id(personId)}`);

export const inviteMember = (organizationId: string, body: { email: string; role: MembershipRole; employeeReference: string }) =>
  api.post<Invitation>(`/v1/organizations/${id(organizationId)}/invitations`, body);

export const listInvitations = (organizationId: string, status?: Exclude<InvitationStatus, 'declined'>) =>
  api.get<Page<Invitation>>(`/v1/organizations/${id(organizationId)}/invitations`, { query: { status } });

export const revokeInvitation = (organizationId: string, invitationId: string) =>
  api.post<Invitation>(`/v1/organizations/${id(organizationId)}/invitations/${id(invitationId)}/revoke`, {});

export const listMyInvitations = (status?: InvitationStatus) => api.get<Items<Invitation>>('/v1/me/invitations', { query: { status } });

export const acceptInvitation = (invitationId: string) => api.post<Invitation>(`/v1/me/invitations/${id(invitationId)}/accept`, {});

export const declineInvitation = (invitationId: string) => api.post<Invitation>(`/v1/me/invitations/${id(invitationId)}/decline`, {});

export const verifyOrganization = (organizationId: string) =>
  api.post<Organization>(`/v1/organizations/${id(organizationId)}/verification`, {});

export const revokeVerification = (organizationId: string, reason: string) =>
  api.post<Organization>(`/v1/organizations/${id(organizationId)}/verification/revocation`, { reason });

export const listOrganizationsToVerify = (territoryId: string, kind?: OrganizationKind) =>
  api.get<Page<Organization>>('/v1/organization-verifications', { query: { territoryId, kind } });
