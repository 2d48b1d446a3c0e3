// SQL for a project's team: memberships (current and past) and requests to join.
import type { Queryable } from '@e21/kit';
import type { JoinRequestRecord, Membership, TeamRole } from '../domain/team.js';

interface MemberRow {
  id: string;
  project_id: string;
  person_id: string;
  role: TeamRole;
  need_id: string | null;
  minutes: number;
  since: Date;
  until: Date | null;
}

const MEMBER_COLUMNS = 'id, project_id, person_id, role, need_id, minutes, since, until';

const membershipOf = (row: MemberRow): Membership => ({
  id: row.id,
  projectId: row.project_id,
  personId: row.person_id,
  role: row.role,
  needId: row.need_id,
  minutes: row.minutes,
  since: row.since,
  until: row.until,
});

/** Every stretch of membership of a project, current and past, oldest first. */
export async function memberHistory(db: Queryable, projectId: string): Promise<Membership[]> {
  const { rows } = await db.query<MemberRow>(`select ${MEMBER_COLUMNS} from project_members where project_id = $1 order by since, id`, [
    projectId,
  ]);
  return rows.map(membershipOf);
}

export async function insertMembership(db: Queryable, m: Membership): Promise<void> {
  await db.query(`insert into project_members (${MEMBER_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    m.id,
    m.projectId,
    m.personId,
    m.role,
    m.needId,
    m.minutes,
    m.since,
    m.until,
  ]);
}

export async function endMembership(db: Queryable, id: string, until: Date, endedBy: string): Promise<void> {
  await db.query('update project_members set until = $2, ended_by = $3 where id = $1 and until is null', [id, until, endedBy]);
}

interface JoinRequestRow {
  id: string;
  project_id: string;
  person_id: string;
  need_id: string | null;
  minutes: number;
  message: string;
  status: JoinRequestRecord['status'];
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string;
}

const JOIN_REQUEST_COLUMNS =
  'id, project_id, person_id, need_id, minutes, message, status, created_at, decided_by, decided_at, decision_reason';

const joinRequestOf = (row: JoinRequestRow): JoinRequestRecord => ({
  id: row.id,
  projectId: row.project_id,
  personId: row.person_id,
  needId: row.need_id,
  minutes: row.minutes,
  message: row.message,
  status: row.status,
  createdAt: row.created_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  decisionReason: row.decision_reason,
});

export async function insertJoinRequest(db: Queryable, request: JoinRequestRecord, idempotencyKey: string | undefined): Promise<void> {
  await db.query(
    `insert into join_requests (${JOIN_REQUEST_COLUMNS}, idempotency_key) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      request.id,
      request.projectId,
      request.personId,
      request.needId,
      request.minutes,
      request.message,
      request.status,
      request.createdAt,
      request.decidedBy,
      request.decidedAt,
      request.decisionReason,
      idempotencyKey ?? null,
    ],
  );
}

export async function joinRequestByKey(db: Queryable, personId: string, idempotencyKey: string): Promise<JoinRequestRecord | undefined> {
  const { rows } = await db.query<JoinRequestRow>(
    `select ${JOIN_REQUEST_COLUMNS} from join_requests where person_id = $1 and idempotency_key = $2`,
    [personId, idempotencyKey],
  );
  return rows[0] && joinRequestOf(rows[0]);
}

export async function getJoinRequest(db: Queryable, projectId: string, id: string): Promise<JoinRequestRecord | undefined> {
  const { rows } = await db.query<JoinRequestRow>(`select ${JOIN_REQUEST_COLUMNS} from join_requests where id = $1 and project_id = $2`, [
    id,
    projectId,
  ]);
  return rows[0] && joinRequestOf(rows[0]);
}

export async function pendingRequestOf(db: Queryable, projectId: string, personId: string): Promise<JoinRequestRecord | undefined> {
  const { rows } = await db.query<JoinRequestRow>(
    `select ${JOIN_REQUEST_COLUMNS} from join_requests where project_id = $1 and person_id = $2 and status = 'pending'`,
    [projectId, personId],
  );
  return rows[0] && joinRequestOf(rows[0]);
}

export async function listJoinRequests(db: Queryable, projectId: string, includeDecided: boolean): Promise<JoinRequestRecord[]> {
  const { rows } = await db.query<JoinRequestRow>(
    `select ${JOIN_REQUEST_COLUMNS} from join_requests where project_id = $1 and ($2 or status = 'pending') order by created_at, id`,
    [projectId, includeDecided],
  );
  return rows.map(joinRequestOf);
}

export async function decideJoinRequest(db: Queryable, request: JoinRequestRecord): Promise<void> {
  await db.query('update join_requests set status = $2, decided_by = $3, decided_at = $4, decision_reason = $5 where id = $1', [
    request.id,
    request.status,
    request.decidedBy,
    request.decidedAt,
    request.decisionReason,
  ]);
}
