// SQL for organizations, their verification, and the memberships of people in them.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { Membership, Organization, OrganizationKind } from '../domain/organizations.js';
import type { MembershipRole } from '../domain/policy.js';
import type { Verification } from '../domain/verification.js';
import {
  forUpdate,
  MEMBERSHIP_SELECT,
  membershipFromRow,
  ORGANIZATION_COLUMNS,
  organizationFromRow,
  prefixed,
  type MembershipRow,
  type OrganizationRow,
} from './rows.js';

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
  const { rows } = await db.query<OrganizationRow>(`select ${ORGANIZATION_COLUMNS} from organizations where id = $1${forUpdate(options)}`, [
    id,
  ]);
  return rows[0] && organizationFromRow(rows[0]);
}

export async function saveVerification(db: Queryable, organizationId: string, verification: Verification): Promise<void> {
  await db.query(
    `update organizations set verification_status = $2, verification_decided_at = $3, verification_decided_by = $4, verification_decided_by_name = $5,
       verification_revocation_reason = $6, verification_version = $7 where id = $1`,
    [
      organizationId,
      verification.status,
      verification.decidedAt,
      verification.decidedBy,
      verification.decidedByName,
      verification.revocationReason,
      verification.version,
    ],
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
    `select ${prefixed(ORGANIZATION_COLUMNS, 'o')}
     from organizations o join territories t on t.id = o.territory_id
     where o.verification_status <> 'verified' and $1 = any(t.path) and ($2::text is null or o.kind = $2)
       and ($3::timestamptz is null or (o.created_at, o.id) > ($3, $4::uuid))
     order by o.created_at, o.id limit $5`,
    [filter.territoryId, filter.kind ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(organizationFromRow), limit, (last) => [last.createdAt.toISOString(), last.id]);
}

export async function listOrganizations(
  db: Queryable,
  filter: { territoryId?: string; kind?: OrganizationKind },
  limit: number,
  cursor?: string,
): Promise<Page<Organization>> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<OrganizationRow>(
    `select ${prefixed(ORGANIZATION_COLUMNS, 'o')}
     from organizations o join territories t on t.id = o.territory_id
     where ($1::uuid is null or $1 = any(t.path)) and ($2::text is null or o.kind = $2)
       and ($3::text is null or (o.name, o.id) > ($3, $4::uuid))
     order by o.name, o.id limit $5`,
    [filter.territoryId ?? null, filter.kind ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(organizationFromRow), limit, (last) => [last.name, last.id]);
}

/** An organization's territory path, an authorization fact. */
export async function organizationScope(db: Queryable, organizationId: string): Promise<{ territoryPath: string[] } | undefined> {
  const { rows } = await db.query<{ path: string[] }>(
    'select t.path from organizations o join territories t on t.id = o.territory_id where o.id = $1',
    [organizationId],
  );
  return rows[0] && { territoryPath: rows[0].path };
}

// Memberships

export async function getMembership(
  db: Queryable,
  organizationId: string,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Membership | undefined> {
  const { rows } = await db.query<MembershipRow>(
    `${MEMBERSHIP_SELECT} where m.organization_id = $1 and m.person_id = $2${forUpdate(options, 'm')}`,
    [organizationId, personId],
  );
  return rows[0] && membershipFromRow(rows[0]);
}

export async function saveMembership(
  db: Queryable,
  organizationId: string,
  personId: string,
  role: MembershipRole,
  employeeReference: string,
): Promise<void> {
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
  const { rows } = await db.query<{ count: bigint }>(
    `select count(*) as count from memberships where organization_id = $1 and role = 'admin'`,
    [organizationId],
  );
  return Number(rows[0]!.count);
}

export async function listMembers(db: Queryable, organizationId: string, limit: number, cursor?: string): Promise<Page<Membership>> {
  const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<MembershipRow>(
    `${MEMBERSHIP_SELECT} where m.organization_id = $1 and ($2::text is null or (p.name, p.id) > ($2, $3::uuid))
     order by p.name, p.id limit $4`,
    [organizationId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(membershipFromRow), limit, (last) => [last.personName, last.personId]);
}

export async function listMembershipsOfPerson(db: Queryable, personId: string): Promise<Membership[]> {
  const { rows } = await db.query<MembershipRow>(`${MEMBERSHIP_SELECT} where m.person_id = $1 order by o.name`, [personId]);
  return rows.map(membershipFromRow);
}

/** A person's roles in organizations, an authorization fact. */
export async function membershipRolesOf(db: Queryable, personId: string): Promise<{ organizationId: string; role: MembershipRole }[]> {
  const { rows } = await db.query<{ organization_id: string; role: MembershipRole }>(
    'select organization_id, role from memberships where person_id = $1',
    [personId],
  );
  return rows.map((row) => ({ organizationId: row.organization_id, role: row.role }));
}
