// SQL for the skills taxonomy (skills) and people's competences.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import { normalizeForSearch, type Competence, type SkillRecord } from '../domain/skills.js';
import { SKILL_COLUMNS, skillFromRow, type SkillRow } from './rows.js';

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
  return rows.map(skillFromRow);
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
  return pageOf(rows.map(skillFromRow), limit, () => [offset + limit]);
}

export async function setCompetence(db: Queryable, competence: Competence): Promise<void> {
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

export async function listCompetences(db: Queryable, personId: string): Promise<Competence[]> {
  const { rows } = await db.query<{ person_id: string; skill_id: string; level: number }>(
    'select person_id, skill_id, level from competences where person_id = $1 order by skill_id',
    [personId],
  );
  return rows.map((row) => ({ personId: row.person_id, skillId: row.skill_id, level: row.level }));
}
