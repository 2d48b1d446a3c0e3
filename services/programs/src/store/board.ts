// SQL for the co-management board: decisions, their votes, and feedback on the project.
import type { Queryable } from '@e21/kit';
import type { Decision, VoteRecord, VoteValue } from '../domain/decisions.js';
import type { FeedbackRecord, FeedbackRole } from '../domain/feedback.js';

interface DecisionRow {
  id: string;
  project_id: string;
  title: string;
  description: string;
  deadline: Date;
  proposed_by: string;
  created_at: Date;
}

const DECISION_COLUMNS = 'id, project_id, title, description, deadline, proposed_by, created_at';

const decisionOf = (row: DecisionRow): Decision => ({
  id: row.id,
  projectId: row.project_id,
  title: row.title,
  description: row.description,
  deadline: row.deadline,
  proposedBy: row.proposed_by,
  createdAt: row.created_at,
});

export async function insertDecision(db: Queryable, d: Decision): Promise<void> {
  await db.query(`insert into decisions (${DECISION_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7)`, [
    d.id,
    d.projectId,
    d.title,
    d.description,
    d.deadline,
    d.proposedBy,
    d.createdAt,
  ]);
}

export async function getDecision(db: Queryable, projectId: string, id: string): Promise<Decision | undefined> {
  const { rows } = await db.query<DecisionRow>(`select ${DECISION_COLUMNS} from decisions where id = $1 and project_id = $2`, [
    id,
    projectId,
  ]);
  return rows[0] && decisionOf(rows[0]);
}

export async function listDecisions(db: Queryable, projectId: string): Promise<Decision[]> {
  const { rows } = await db.query<DecisionRow>(
    `select ${DECISION_COLUMNS} from decisions where project_id = $1 order by created_at desc, id`,
    [projectId],
  );
  return rows.map(decisionOf);
}

/** Records a vote unless the person already voted; false when they had. */
export async function insertVote(db: Queryable, decisionId: string, vote: VoteRecord): Promise<boolean> {
  const result = await db.query(
    'insert into decision_votes (decision_id, person_id, vote, voted_at) values ($1, $2, $3, $4) on conflict do nothing',
    [decisionId, vote.personId, vote.vote, vote.votedAt],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function votesOf(db: Queryable, decisionIds: readonly string[]): Promise<Map<string, VoteRecord[]>> {
  const votes = new Map<string, VoteRecord[]>(decisionIds.map((id) => [id, []]));
  if (!decisionIds.length) return votes;
  const { rows } = await db.query<{ decision_id: string; person_id: string; vote: VoteValue; voted_at: Date }>(
    'select decision_id, person_id, vote, voted_at from decision_votes where decision_id = any($1::uuid[]) order by voted_at, person_id',
    [decisionIds],
  );
  for (const row of rows) votes.get(row.decision_id)?.push({ personId: row.person_id, vote: row.vote, votedAt: row.voted_at });
  return votes;
}

interface FeedbackRow {
  project_id: string;
  person_id: string;
  role: FeedbackRole;
  rating: number;
  comment: string;
  created_at: Date;
  updated_at: Date;
}

const feedbackOf = (row: FeedbackRow): FeedbackRecord => ({
  projectId: row.project_id,
  personId: row.person_id,
  role: row.role,
  rating: row.rating,
  comment: row.comment,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** One feedback per person and project: leaving it again replaces the first. */
export async function saveFeedback(db: Queryable, f: FeedbackRecord): Promise<FeedbackRecord> {
  const { rows } = await db.query<FeedbackRow>(
    `insert into feedback (project_id, person_id, role, rating, comment, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)
     on conflict (project_id, person_id) do update set role = excluded.role, rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at
     returning project_id, person_id, role, rating, comment, created_at, updated_at`,
    [f.projectId, f.personId, f.role, f.rating, f.comment, f.updatedAt],
  );
  return feedbackOf(rows[0]!);
}

export async function listFeedback(db: Queryable, projectId: string): Promise<FeedbackRecord[]> {
  const { rows } = await db.query<FeedbackRow>(
    'select project_id, person_id, role, rating, comment, created_at, updated_at from feedback where project_id = $1 order by updated_at desc, person_id',
    [projectId],
  );
  return rows.map(feedbackOf);
}
