// SQL for role grants (role_grants) on territories, organizations and projects.
import type { Queryable } from '@e21/kit';
import type { Grant, Role, ScopeKind } from '../domain/policy.js';
import type { RoleGrant } from '../domain/roles.js';
import { forUpdate, GRANT_COLUMNS, grantFromRow, type GrantRow } from './rows.js';

/** Inserts the grant unless the same one is active; returns the active grant either way. */
export async function insertGrant(db: Queryable, grant: RoleGrant): Promise<{ grant: RoleGrant; created: boolean }> {
  const inserted = await db.query<GrantRow>(
    `insert into role_grants (id, grantee, role, scope_kind, scope_id, granted_by, granted_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning ${GRANT_COLUMNS}`,
    [grant.id, grant.grantee, grant.role, grant.scopeKind, grant.scopeId, grant.grantedBy, grant.grantedAt],
  );
  if (inserted.rows[0]) return { grant: grantFromRow(inserted.rows[0]), created: true };
  const { rows } = await db.query<GrantRow>(
    `select ${GRANT_COLUMNS} from role_grants where grantee = $1 and role = $2 and scope_kind = $3 and scope_id = $4 and revoked_at is null`,
    [grant.grantee, grant.role, grant.scopeKind, grant.scopeId],
  );
  return { grant: grantFromRow(rows[0]!), created: false };
}

export async function getGrant(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<RoleGrant | undefined> {
  const { rows } = await db.query<GrantRow>(`select ${GRANT_COLUMNS} from role_grants where id = $1${forUpdate(options)}`, [id]);
  return rows[0] && grantFromRow(rows[0]);
}

export async function revokeGrant(db: Queryable, id: string, revokedBy: string, at: Date): Promise<RoleGrant> {
  const { rows } = await db.query<GrantRow>(
    `update role_grants set revoked_at = $3, revoked_by = $2 where id = $1 returning ${GRANT_COLUMNS}`,
    [id, revokedBy, at],
  );
  return grantFromRow(rows[0]!);
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
  return rows.map(grantFromRow);
}

/** The grantee's active grants, an authorization fact. */
export async function activeGrantsOf(db: Queryable, grantee: string): Promise<Grant[]> {
  const { rows } = await db.query<{ role: Role; scope_kind: ScopeKind; scope_id: string }>(
    'select role, scope_kind, scope_id from role_grants where grantee = $1 and revoked_at is null',
    [grantee],
  );
  return rows.map((row) => ({ role: row.role, scopeKind: row.scope_kind, scopeId: row.scope_id }));
}
