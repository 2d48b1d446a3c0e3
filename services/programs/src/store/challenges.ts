// SQL for strategic challenges (challenges).
import type { Queryable } from '@e21/kit';
import type { Challenge } from '../domain/challenges.js';

interface ChallengeRow {
  id: string;
  territory_id: string;
  title: string;
  description: string;
  sdgs: number[];
  refines_id: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const CHALLENGE_COLUMNS = 'id, territory_id, title, description, sdgs, refines_id, version, created_by, created_at, updated_at';

const challengeOf = (row: ChallengeRow): Challenge => ({
  id: row.id,
  territoryId: row.territory_id,
  title: row.title,
  description: row.description,
  sdgs: row.sdgs.map(Number),
  refinesId: row.refines_id,
  version: row.version,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function insertChallenge(db: Queryable, c: Challenge): Promise<void> {
  await db.query(`insert into challenges (${CHALLENGE_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
    c.id,
    c.territoryId,
    c.title,
    c.description,
    c.sdgs,
    c.refinesId,
    c.version,
    c.createdBy,
    c.createdAt,
    c.updatedAt,
  ]);
}

export async function updateChallenge(db: Queryable, c: Challenge): Promise<void> {
  await db.query(
    'update challenges set title = $2, description = $3, sdgs = $4, refines_id = $5, version = $6, updated_at = $7 where id = $1',
    [c.id, c.title, c.description, c.sdgs, c.refinesId, c.version, c.updatedAt],
  );
}

export async function getChallenge(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Challenge | undefined> {
  const { rows } = await db.query<ChallengeRow>(
    `select ${CHALLENGE_COLUMNS} from challenges where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0] && challengeOf(rows[0]);
}

export async function getChallenges(db: Queryable, ids: readonly string[]): Promise<Challenge[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<ChallengeRow>(`select ${CHALLENGE_COLUMNS} from challenges where id = any($1::uuid[])`, [ids]);
  return rows.map(challengeOf);
}

export async function listChallengesIn(db: Queryable, territoryIds: readonly string[]): Promise<Challenge[]> {
  const { rows } = await db.query<ChallengeRow>(
    `select ${CHALLENGE_COLUMNS} from challenges where territory_id = any($1::uuid[]) order by created_at, id`,
    [territoryIds],
  );
  return rows.map(challengeOf);
}
