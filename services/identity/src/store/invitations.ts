// SQL for invitations to join an organization (membership_invitations).
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { Invitation, InvitationState, InvitationStatus } from '../domain/invitations.js';
import type { OrganizationKind } from '../domain/organizations.js';
import type { MembershipRole } from '../domain/policy.js';

interface InvitationRow {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_kind: OrganizationKind;
  email: string;
  role: MembershipRole;
  employee_reference: string;
  state: InvitationState;
  invited_by: string;
  invited_by_name: string;
  invited_at: Date;
  expires_at: Date;
  answered_by: string | null;
  answered_at: Date | null;
  revoked_by: string | null;
  revoked_at: Date | null;
}

const invitationOf = (row: InvitationRow): Invitation => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  organizationKind: row.organization_kind,
  email: row.email,
  role: row.role,
  employeeReference: row.employee_reference,
  state: row.state,
  invitedBy: row.invited_by,
  invitedByName: row.invited_by_name,
  invitedAt: row.invited_at,
  expiresAt: row.expires_at,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at,
  revokedBy: row.revoked_by,
  revokedAt: row.revoked_at,
});

const INVITATION_SELECT = `select i.*, o.name as organization_name, o.kind as organization_kind
  from membership_invitations i join organizations o on o.id = i.organization_id`;

export async function insertInvitation(db: Queryable, invitation: Invitation): Promise<void> {
  await db.query(
    `insert into membership_invitations (id, organization_id, email, role, employee_reference, state, invited_by, invited_by_name, invited_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      invitation.id,
      invitation.organizationId,
      invitation.email,
      invitation.role,
      invitation.employeeReference,
      invitation.state,
      invitation.invitedBy,
      invitation.invitedByName,
      invitation.invitedAt,
      invitation.expiresAt,
    ],
  );
}

export async function getInvitation(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Invitation | undefined> {
  const { rows } = await db.query<InvitationRow>(`${INVITATION_SELECT} where i.id = $1${options.forUpdate ? ' for update of i' : ''}`, [
    id,
  ]);
  return rows[0] && invitationOf(rows[0]);
}

/** The organization's invitations to an address that are not settled yet (pending or declined). */
export async function unsettledInvitations(db: Queryable, organizationId: string, email: string): Promise<Invitation[]> {
  const { rows } = await db.query<InvitationRow>(
    `${INVITATION_SELECT} where i.organization_id = $1 and i.email = $2 and i.state in ('pending', 'declined')`,
    [organizationId, email],
  );
  return rows.map(invitationOf);
}

/**
 * An organization's invitations, latest first, filtered by the status the organization sees
 * (a declined one counts as pending until it expires, as domain/invitations.ts says).
 */
export async function listInvitationsOfOrganization(
  db: Queryable,
  organizationId: string,
  status: Exclude<InvitationStatus, 'declined'> | undefined,
  at: Date,
  limit: number,
  cursor?: string,
): Promise<Page<Invitation>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<InvitationRow>(
    `${INVITATION_SELECT}
     where i.organization_id = $1
       and ($2::text is null or $2 = case
             when i.state in ('pending', 'declined') then (case when i.expires_at > $3 then 'pending' else 'expired' end)
             else i.state
           end)
       and ($4::timestamptz is null or (i.invited_at, i.id) < ($4, $5::uuid))
     order by i.invited_at desc, i.id desc limit $6`,
    [organizationId, status ?? null, at, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(invitationOf), limit, (last) => [last.invitedAt.toISOString(), last.id]);
}

/** The invitations addressed to an address, latest first (a person has few). */
export async function listInvitationsTo(db: Queryable, email: string): Promise<Invitation[]> {
  const { rows } = await db.query<InvitationRow>(
    `${INVITATION_SELECT} where i.email = lower($1) order by i.invited_at desc, i.id desc limit 200`,
    [email],
  );
  return rows.map(invitationOf);
}

export async function answerInvitation(
  db: Queryable,
  id: string,
  answer: { state: 'accepted' | 'declined'; personId: string; at: Date },
): Promise<void> {
  await db.query('update membership_invitations set state = $2, answered_by = $3, answered_at = $4 where id = $1', [
    id,
    answer.state,
    answer.personId,
    answer.at,
  ]);
}

export async function revokeInvitation(db: Queryable, id: string, revoked: { by: string; at: Date }): Promise<void> {
  await db.query(`update membership_invitations set state = 'revoked', revoked_by = $2, revoked_at = $3 where id = $1`, [
    id,
    revoked.by,
    revoked.at,
  ]);
}

/** Whether someone with this address is already a member of the organization. */
export async function isMemberWithEmail(db: Queryable, organizationId: string, email: string): Promise<boolean> {
  const { rows } = await db.query(
    'select 1 from memberships m join people p on p.id = m.person_id where m.organization_id = $1 and lower(p.email) = lower($2)',
    [organizationId, email],
  );
  return rows.length > 0;
}
