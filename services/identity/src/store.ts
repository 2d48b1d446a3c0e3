// SQL for identity's tables; the only module that knows their names.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { LoginState } from './domain/credentials.js';
import type { OrganizationKind } from './domain/organizations.js';
import type { Person, PersonStatus } from './domain/people.js';
import type { Grant, MembershipRole, Role, ScopeKind } from './domain/policy.js';
import { normalizeForSearch, type Language, type SkillRecord } from './domain/skills.js';
import type { Territory, TerritoryLevel } from './domain/territories.js';
import type { Verification, VerificationStatus } from './domain/verification.js';

export * from './store/invitations.js';

// Territories

interface TerritoryRow {
  id: string;
  parent_id: string | null;
  level: TerritoryLevel;
  code: string;
  labels: Record<string, string>;
  path: string[];
}

const territoryOf = (row: TerritoryRow): Territory => ({
  id: row.id,
  parentId: row.parent_id,
  level: row.level,
  code: row.code,
  labels: row.labels,
  path: row.path,
});

const TERRITORY_COLUMNS = 'id, parent_id, level, code, labels, path';

export async function upsertTerritory(db: Queryable, territory: Territory): Promise<void> {
  await db.query(
    `insert into territories (${TERRITORY_COLUMNS}) values ($1, $2, $3, $4, $5, $6)
     on conflict (id) do update set parent_id = excluded.parent_id, level = excluded.level, code = excluded.code,
       labels = excluded.labels, path = excluded.path`,
    [territory.id, territory.parentId, territory.level, territory.code, territory.labels, territory.path],
  );
}

export async function getTerritory(db: Queryable, id: string): Promise<Territory | undefined> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where id = $1`, [id]);
  return rows[0] && territoryOf(rows[0]);
}

export async function getTerritoryByCode(db: Queryable, code: string): Promise<Territory | undefined> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where upper(code) = upper($1)`, [code]);
  return rows[0] && territoryOf(rows[0]);
}

export async function listTerritories(db: Queryable): Promise<Territory[]> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories order by array_length(path, 1), code`);
  return rows.map(territoryOf);
}

export async function listChildTerritories(db: Queryable, id: string): Promise<Territory[]> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where parent_id = $1 order by code`, [id]);
  return rows.map(territoryOf);
}

/** The territories of a path, in the path's order. */
export async function territoriesOnPath(db: Queryable, path: string[]): Promise<Territory[]> {
  const { rows } = await db.query<TerritoryRow>(`select ${TERRITORY_COLUMNS} from territories where id = any($1::uuid[])`, [path]);
  const byId = new Map(rows.map((row) => [row.id, territoryOf(row)]));
  return path.map((id) => byId.get(id)).filter((t): t is Territory => t !== undefined);
}

export async function descendantTerritoryIds(db: Queryable, id: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from territories where $1 = any(path) order by array_length(path, 1), code', [id]);
  return rows.map((row) => row.id);
}

// People

interface PersonRow {
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

const personOf = (row: PersonRow): Person => ({
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

const PERSON_COLUMNS = 'id, name, email, locale, status, territory_id, version, created_at, updated_at';

export async function insertPerson(db: Queryable, person: Person): Promise<void> {
  await db.query(
    `insert into people (${PERSON_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [person.id, person.name, person.email, person.locale, person.status, person.territoryId, person.version, person.createdAt, person.updatedAt],
  );
}

export async function getPerson(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(`select ${PERSON_COLUMNS} from people where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] && personOf(rows[0]);
}

export async function findPersonByEmail(db: Queryable, email: string): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(`select ${PERSON_COLUMNS} from people where lower(email) = lower($1)`, [email]);
  return rows[0] && personOf(rows[0]);
}

export async function updatePerson(db: Queryable, person: Person): Promise<void> {
  await db.query(
    'update people set name = $2, locale = $3, status = $4, territory_id = $5, version = $6, updated_at = $7 where id = $1',
    [person.id, person.name, person.locale, person.status, person.territoryId, person.version, person.updatedAt],
  );
}

/** People living in a territory or below it, by name. */
export async function listPeopleWithin(db: Queryable, territoryId: string, limit: number, cursor?: string): Promise<Page<Person>> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<PersonRow>(
    `select ${PERSON_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')}
     from people p join territories t on t.id = p.territory_id
     where $1 = any(t.path) and ($2::text is null or (p.name, p.id) > ($2, $3::uuid))
     order by p.name, p.id limit $4`,
    [territoryId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(personOf), limit, (last) => [last.name, last.id]);
}

// Credentials and external subjects

export async function setPasswordHash(db: Queryable, personId: string, passwordHash: string): Promise<void> {
  await db.query(
    `insert into credentials (person_id, password_hash) values ($1, $2)
     on conflict (person_id) do update set password_hash = excluded.password_hash, failed_attempts = 0, locked_until = null, updated_at = now()`,
    [personId, passwordHash],
  );
}

export async function getCredentials(db: Queryable, personId: string, options: { forUpdate?: boolean } = {}): Promise<(LoginState & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<{ password_hash: string; failed_attempts: number; locked_until: Date | null }>(
    `select password_hash, failed_attempts, locked_until from credentials where person_id = $1${options.forUpdate ? ' for update' : ''}`,
    [personId],
  );
  const row = rows[0];
  return row && { passwordHash: row.password_hash, failedAttempts: row.failed_attempts, lockedUntil: row.locked_until };
}

export async function saveLoginState(db: Queryable, personId: string, state: LoginState): Promise<void> {
  await db.query('update credentials set failed_attempts = $2, locked_until = $3, updated_at = now() where person_id = $1', [
    personId,
    state.failedAttempts,
    state.lockedUntil,
  ]);
}

export async function findExternalSubject(db: Queryable, issuer: string, subject: string): Promise<string | undefined> {
  const { rows } = await db.query<{ person_id: string }>('select person_id from external_subjects where issuer = $1 and subject = $2', [issuer, subject]);
  return rows[0]?.person_id;
}

export async function linkExternalSubject(db: Queryable, issuer: string, subject: string, personId: string): Promise<void> {
  await db.query('insert into external_subjects (issuer, subject, person_id) values ($1, $2, $3) on conflict do nothing', [issuer, subject, personId]);
}

// Organizations and memberships

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  legalId: string;
  territoryId: string;
  createdAt: Date;
  verification: Verification;
}

interface OrganizationRow {
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

const organizationOf = (row: OrganizationRow): Organization => ({
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

const ORGANIZATION_COLUMNS =
  'id, name, kind, legal_id, territory_id, created_at, verification_status, verification_decided_at, verification_decided_by, verification_decided_by_name, verification_revocation_reason, verification_version';

export async function insertOrganization(db: Queryable, organization: Omit<Organization, 'verification'>): Promise<void> {
  await db.query(`insert into organizations (id, name, kind, legal_id, territory_id, created_at) values ($1, $2, $3, $4, $5, $6)`, [
    organization.id,
    organization.name,
    organization.kind,
    organization.legalId,
    organization.territoryId,
    organization.createdAt,
  ]);
}

export async function getOrganization(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Organization | undefined> {
  const { rows } = await db.query<OrganizationRow>(`select ${ORGANIZATION_COLUMNS} from organizations where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] && organizationOf(rows[0]);
}

export async function saveVerification(db: Queryable, organizationId: string, verification: Verification): Promise<void> {
  await db.query(
    `update organizations set verification_status = $2, verification_decided_at = $3, verification_decided_by = $4, verification_decided_by_name = $5,
       verification_revocation_reason = $6, verification_version = $7 where id = $1`,
    [organizationId, verification.status, verification.decidedAt, verification.decidedBy, verification.decidedByName, verification.revocationReason, verification.version],
  );
}

/** Organizations of a territory and below not verified (never, or revoked), oldest first: an officer's queue. */
export async function listOrganizationsToVerify(
  db: Queryable,
  filter: { territoryId: string; kind?: OrganizationKind },
  limit: number,
  cursor?: string,
): Promise<Page<Organization>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<OrganizationRow>(
    `select ${ORGANIZATION_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}
     from organizations o join territories t on t.id = o.territory_id
     where o.verification_status <> 'verified' and $1 = any(t.path) and ($2::text is null or o.kind = $2)
       and ($3::timestamptz is null or (o.created_at, o.id) > ($3, $4::uuid))
     order by o.created_at, o.id limit $5`,
    [filter.territoryId, filter.kind ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(organizationOf), limit, (last) => [last.createdAt.toISOString(), last.id]);
}

export async function listOrganizations(
  db: Queryable,
  filter: { territoryId?: string; kind?: OrganizationKind },
  limit: number,
  cursor?: string,
): Promise<Page<Organization>> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<OrganizationRow>(
    `select ${ORGANIZATION_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}
     from organizations o join territories t on t.id = o.territory_id
     where ($1::uuid is null or $1 = any(t.path)) and ($2::text is null or o.kind = $2)
       and ($3::text is null or (o.name, o.id) > ($3, $4::uuid))
     order by o.name, o.id limit $5`,
    [filter.territoryId ?? null, filter.kind ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(organizationOf), limit, (last) => [last.name, last.id]);
}

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

interface MembershipRow {
  organization_id: string;
  person_id: string;
  role: MembershipRole;
  employee_reference: string;
  since: Date;
  person_name: string;
  organization_name: string;
  organization_kind: OrganizationKind;
}

const membershipOf = (row: MembershipRow): Membership => ({
  organizationId: row.organization_id,
  personId: row.person_id,
  role: row.role,
  employeeReference: row.employee_reference,
  since: row.since,
  personName: row.person_name,
  organizationName: row.organization_name,
  organizationKind: row.organization_kind,
});

const MEMBERSHIP_SELECT = `select m.organization_id, m.person_id, m.role, m.employee_reference, m.since,
    p.name as person_name, o.name as organization_name, o.kind as organization_kind
  from memberships m join people p on p.id = m.person_id join organizations o on o.id = m.organization_id`;

export async function getMembership(db: Queryable, organizationId: string, personId: string, options: { forUpdate?: boolean } = {}): Promise<Membership | undefined> {
  const { rows } = await db.query<MembershipRow>(
    `${MEMBERSHIP_SELECT} where m.organization_id = $1 and m.person_id = $2${options.forUpdate ? ' for update of m' : ''}`,
    [organizationId, personId],
  );
  return rows[0] && membershipOf(rows[0]);
}

export async function saveMembership(db: Queryable, organizationId: string, personId: string, role: MembershipRole, employeeReference: string): Promise<void> {
  await db.query(
    `insert into memberships (organization_id, person_id, role, employee_reference) values ($1, $2, $3, $4)
     on conflict (organization_id, person_id) do update set role = excluded.role, employee_reference = excluded.employee_reference`,
    [organizationId, personId, role, employeeReference],
  );
}

export async function deleteMembership(db: Queryable, organizationId: string, personId: string): Promise<void> {
  await db.query('delete from memberships where organization_id = $1 and person_id = $2', [organizationId, personId]);
}

/** Locks the organization's memberships so two admins cannot both step down at once. */
export async function countAdmins(db: Queryable, organizationId: string): Promise<number> {
  await db.query('select 1 from organizations where id = $1 for update', [organizationId]);
  const { rows } = await db.query<{ count: bigint }>(`select count(*) as count from memberships where organization_id = $1 and role = 'admin'`, [organizationId]);
  return Number(rows[0]!.count);
}

export async function listMembers(db: Queryable, organizationId: string, limit: number, cursor?: string): Promise<Page<Membership>> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<MembershipRow>(
    `${MEMBERSHIP_SELECT} where m.organization_id = $1 and ($2::text is null or (p.name, p.id) > ($2, $3::uuid))
     order by p.name, p.id limit $4`,
    [organizationId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(membershipOf), limit, (last) => [last.personName, last.personId]);
}

export async function listMembershipsOfPerson(db: Queryable, personId: string): Promise<Membership[]> {
  const { rows } = await db.query<MembershipRow>(`${MEMBERSHIP_SELECT} where m.person_id = $1 order by o.name`, [personId]);
  return rows.map(membershipOf);
}

// Role grants

export interface RoleGrant extends Grant {
  id: string;
  grantee: string;
  grantedBy: string;
  grantedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

interface GrantRow {
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

const grantOf = (row: GrantRow): RoleGrant => ({
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

const GRANT_COLUMNS = 'id, grantee, role, scope_kind, scope_id, granted_by, granted_at, revoked_at, revoked_by';

/** Inserts the grant unless the same one is active; returns the active grant either way. */
export async function insertGrant(db: Queryable, grant: RoleGrant): Promise<{ grant: RoleGrant; created: boolean }> {
  const inserted = await db.query<GrantRow>(
    `insert into role_grants (id, grantee, role, scope_kind, scope_id, granted_by, granted_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning ${GRANT_COLUMNS}`,
    [grant.id, grant.grantee, grant.role, grant.scopeKind, grant.scopeId, grant.grantedBy, grant.grantedAt],
  );
  if (inserted.rows[0]) return { grant: grantOf(inserted.rows[0]), created: true };
  const { rows } = await db.query<GrantRow>(
    `select ${GRANT_COLUMNS} from role_grants where grantee = $1 and role = $2 and scope_kind = $3 and scope_id = $4 and revoked_at is null`,
    [grant.grantee, grant.role, grant.scopeKind, grant.scopeId],
  );
  return { grant: grantOf(rows[0]!), created: false };
}

export async function getGrant(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<RoleGrant | undefined> {
  const { rows } = await db.query<GrantRow>(`select ${GRANT_COLUMNS} from role_grants where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] && grantOf(rows[0]);
}

export async function revokeGrant(db: Queryable, id: string, revokedBy: string, at: Date): Promise<RoleGrant> {
  const { rows } = await db.query<GrantRow>(
    `update role_grants set revoked_at = $3, revoked_by = $2 where id = $1 returning ${GRANT_COLUMNS}`,
    [id, revokedBy, at],
  );
  return grantOf(rows[0]!);
}

export async function listGrants(
  db: Queryable,
  filter: { grantee?: string; scopeKind?: ScopeKind; scopeId?: string; includeRevoked?: boolean },
): Promise<RoleGrant[]> {
  const { rows } = await db.query<GrantRow>(
    `select ${GRANT_COLUMNS} from role_grants
     where ($1::text is null or grantee = $1) and ($2::text is null or scope_kind = $2) and ($3::uuid is null or scope_id = $3)
       and ($4 or revoked_at is null)
     order by granted_at, id`,
    [filter.grantee ?? null, filter.scopeKind ?? null, filter.scopeId ?? null, filter.includeRevoked ?? false],
  );
  return rows.map(grantOf);
}

// Skills and competences

interface SkillRow {
  id: string;
  kind: 'group' | 'skill';
  labels: Record<string, string>;
  broader_id: string | null;
  description: Record<string, string>;
  source: 'e21' | 'esco';
}

const skillOf = (row: SkillRow): SkillRecord => ({
  id: row.id,
  kind: row.kind,
  labels: row.labels,
  broaderId: row.broader_id,
  description: row.description,
  source: row.source,
});

const SKILL_COLUMNS = 'id, kind, labels, broader_id, description, source';

export async function upsertSkills(db: Queryable, skills: SkillRecord[]): Promise<void> {
  for (let start = 0; start < skills.length; start += 500) {
    const chunk = skills.slice(start, start + 500);
    await db.query(
      `insert into skills (${SKILL_COLUMNS}, search_text)
       select * from unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::jsonb[], $6::text[], $7::text[])
       on conflict (id) do update set kind = excluded.kind, labels = excluded.labels, broader_id = excluded.broader_id,
         description = excluded.description, source = excluded.source, search_text = excluded.search_text`,
      [
        chunk.map((s) => s.id),
        chunk.map((s) => s.kind),
        chunk.map((s) => JSON.stringify(s.labels)),
        chunk.map((s) => s.broaderId),
        chunk.map((s) => JSON.stringify(s.description)),
        chunk.map((s) => s.source),
        chunk.map((s) => normalizeForSearch(Object.values(s.labels).join(' | '))),
      ],
    );
  }
}

export async function countSkills(db: Queryable, source: 'e21' | 'esco'): Promise<number> {
  const { rows } = await db.query<{ count: bigint }>('select count(*) as count from skills where source = $1', [source]);
  return Number(rows[0]!.count);
}

export async function getSkills(db: Queryable, ids: string[]): Promise<SkillRecord[]> {
  const { rows } = await db.query<SkillRow>(`select ${SKILL_COLUMNS} from skills where id = any($1::text[])`, [ids]);
  return rows.map(skillOf);
}

/** Skills (not groups) whose label in any language contains the query, best matches first. */
export async function searchSkills(db: Queryable, query: string, limit: number, cursor?: string): Promise<Page<SkillRecord>> {
  const offset = (decodeCursor(cursor, ['offset']) as [number] | undefined)?.[0] ?? 0;
  const text = normalizeForSearch(query);
  const { rows } = await db.query<SkillRow>(
    `select ${SKILL_COLUMNS} from skills
     where kind = 'skill' and ($1 = '' or search_text like '%' || $1 || '%' or search_text % $1)
     order by (search_text like $1 || '%') desc, (search_text like '%' || $1 || '%') desc, similarity(search_text, $1) desc, id
     offset $2 limit $3`,
    [text, offset, limit + 1],
  );
  return pageOf(rows.map(skillOf), limit, () => [offset + limit]);
}

export interface CompetenceRow {
  personId: string;
  skillId: string;
  level: number;
}

export async function setCompetence(db: Queryable, competence: CompetenceRow): Promise<void> {
  await db.query(
    `insert into competences (person_id, skill_id, level) values ($1, $2, $3)
     on conflict (person_id, skill_id) do update set level = excluded.level, updated_at = now()`,
    [competence.personId, competence.skillId, competence.level],
  );
}

export async function removeCompetence(db: Queryable, personId: string, skillId: string): Promise<boolean> {
  const result = await db.query('delete from competences where person_id = $1 and skill_id = $2', [personId, skillId]);
  return (result.rowCount ?? 0) > 0;
}

export async function listCompetences(db: Queryable, personId: string): Promise<CompetenceRow[]> {
  const { rows } = await db.query<{ person_id: string; skill_id: string; level: number }>(
    'select person_id, skill_id, level from competences where person_id = $1 order by skill_id',
    [personId],
  );
  return rows.map((row) => ({ personId: row.person_id, skillId: row.skill_id, level: row.level }));
}

// The profile read model: everything "my profile" shows, in one round trip

export interface ProfileRecord {
  person: Person;
  /** The residence territory first, then its ancestors up to the root. */
  territoryPath: Territory[];
  memberships: Membership[];
  competences: { competence: CompetenceRow; skill: SkillRecord; broader?: SkillRecord }[];
  grants: RoleGrant[];
}

/** JSON gives timestamps as strings; the row mappers expect Dates. */
function withDates<T extends object>(row: T, keys: (keyof T & string)[]): T {
  const copy = { ...row } as Record<string, unknown>;
  for (const key of keys) if (copy[key] !== null) copy[key] = new Date(copy[key] as string);
  return copy as T;
}

export async function loadProfile(db: Queryable, personId: string): Promise<ProfileRecord | undefined> {
  const { rows } = await db.query<{
    person: PersonRow;
    path: TerritoryRow[];
    memberships: MembershipRow[];
    competences: { person_id: string; skill_id: string; level: number; skill: SkillRow; broader: SkillRow | null }[];
    grants: GrantRow[];
  }>(
    `select row_to_json(p) as person,
       (select json_agg(row_to_json(t) order by array_length(t.path, 1) desc) from territories t where t.id = any(home.path)) as path,
       (select coalesce(json_agg(row_to_json(m) order by m.organization_name), '[]')
          from (${MEMBERSHIP_SELECT} where m.person_id = $1) m) as memberships,
       (select coalesce(json_agg(json_build_object('person_id', c.person_id, 'skill_id', c.skill_id, 'level', c.level,
                 'skill', row_to_json(s), 'broader', row_to_json(b)) order by c.skill_id), '[]')
          from competences c join skills s on s.id = c.skill_id left join skills b on b.id = s.broader_id
          where c.person_id = p.id) as competences,
       (select coalesce(json_agg(row_to_json(g) order by g.granted_at, g.id), '[]')
          from role_grants g where g.grantee = 'person:' || p.id and g.revoked_at is null) as grants
     from people p join territories home on home.id = p.territory_id
     where p.id = $1`,
    [personId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    person: personOf(withDates(row.person, ['created_at', 'updated_at'])),
    territoryPath: row.path.map(territoryOf),
    memberships: row.memberships.map((m) => membershipOf(withDates(m, ['since']))),
    competences: row.competences.map((c) => ({
      competence: { personId: c.person_id, skillId: c.skill_id, level: c.level },
      skill: skillOf(c.skill),
      broader: c.broader ? skillOf(c.broader) : undefined,
    })),
    grants: row.grants.map((g) => grantOf(withDates(g, ['granted_at', 'revoked_at']))),
  };
}

// Authorization facts

export async function activeGrantsOf(db: Queryable, grantee: string): Promise<Grant[]> {
  const { rows } = await db.query<{ role: Role; scope_kind: ScopeKind; scope_id: string }>(
    'select role, scope_kind, scope_id from role_grants where grantee = $1 and revoked_at is null',
    [grantee],
  );
  return rows.map((row) => ({ role: row.role, scopeKind: row.scope_kind, scopeId: row.scope_id }));
}

export async function membershipRolesOf(db: Queryable, personId: string): Promise<{ organizationId: string; role: MembershipRole }[]> {
  const { rows } = await db.query<{ organization_id: string; role: MembershipRole }>(
    'select organization_id, role from memberships where person_id = $1',
    [personId],
  );
  return rows.map((row) => ({ organizationId: row.organization_id, role: row.role }));
}

export async function territoryPathOf(db: Queryable, territoryId: string): Promise<string[] | undefined> {
  const { rows } = await db.query<{ path: string[] }>('select path from territories where id = $1', [territoryId]);
  return rows[0]?.path;
}

/** A person's territory path and the organizations they belong to. */
export async function personScope(db: Queryable, personId: string): Promise<{ territoryPath: string[]; organizationIds: string[] } | undefined> {
  const { rows } = await db.query<{ path: string[]; organization_ids: string[] }>(
    `select t.path, coalesce(array_agg(m.organization_id) filter (where m.organization_id is not null), '{}') as organization_ids
     from people p join territories t on t.id = p.territory_id left join memberships m on m.person_id = p.id
     where p.id = $1 group by t.path`,
    [personId],
  );
  return rows[0] && { territoryPath: rows[0].path, organizationIds: rows[0].organization_ids };
}

export async function organizationScope(db: Queryable, organizationId: string): Promise<{ territoryPath: string[] } | undefined> {
  const { rows } = await db.query<{ path: string[] }>(
    'select t.path from organizations o join territories t on t.id = o.territory_id where o.id = $1',
    [organizationId],
  );
  return rows[0] && { territoryPath: rows[0].path };
}
