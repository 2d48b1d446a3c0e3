// SQL for local programs (local_programs and their projects).
import type { Queryable } from '@e21/kit';
import type { ProgramRecord } from '../domain/programs.js';

interface ProgramRow {
  id: string;
  territory_id: string;
  year: number;
  status: 'draft';
  version: number;
  drafted_by: string;
  drafted_at: Date;
  project_ids: string[];
}

const PROGRAM_SELECT = `select lp.id, lp.territory_id, lp.year, lp.status, lp.version, lp.drafted_by, lp.drafted_at,
    coalesce((select array_agg(pp.project_id order by pp.project_id) from local_program_projects pp where pp.program_id = lp.id), '{}') as project_ids
  from local_programs lp`;

const programOf = (row: ProgramRow): ProgramRecord => ({
  id: row.id,
  territoryId: row.territory_id,
  year: row.year,
  status: row.status,
  version: row.version,
  draftedBy: row.drafted_by,
  draftedAt: row.drafted_at,
  projectIds: row.project_ids,
});

export async function programFor(
  db: Queryable,
  territoryId: string,
  year: number,
  options: { forUpdate?: boolean } = {},
): Promise<ProgramRecord | undefined> {
  if (options.forUpdate)
    await db.query('select 1 from local_programs where territory_id = $1 and year = $2 for update', [territoryId, year]);
  const { rows } = await db.query<ProgramRow>(`${PROGRAM_SELECT} where lp.territory_id = $1 and lp.year = $2`, [territoryId, year]);
  return rows[0] && programOf(rows[0]);
}

export async function getProgram(db: Queryable, id: string): Promise<ProgramRecord | undefined> {
  const { rows } = await db.query<ProgramRow>(`${PROGRAM_SELECT} where lp.id = $1`, [id]);
  return rows[0] && programOf(rows[0]);
}

export async function listPrograms(db: Queryable, territoryId: string): Promise<ProgramRecord[]> {
  const { rows } = await db.query<ProgramRow>(`${PROGRAM_SELECT} where lp.territory_id = $1 order by lp.year desc`, [territoryId]);
  return rows.map(programOf);
}

/**
 * Saves a program and its projects. Two officers drafting the first program of a territory and year
 * at once: the unique (territory, year) makes the second insert wait, then update.
 */
export async function saveProgram(db: Queryable, program: ProgramRecord): Promise<ProgramRecord> {
  const { rows } = await db.query<{ id: string }>(
    `insert into local_programs (id, territory_id, year, status, version, drafted_by, drafted_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (territory_id, year) do update set version = excluded.version, drafted_by = excluded.drafted_by, drafted_at = excluded.drafted_at
     returning id`,
    [program.id, program.territoryId, program.year, program.status, program.version, program.draftedBy, program.draftedAt],
  );
  const id = rows[0]!.id;
  await db.query('delete from local_program_projects where program_id = $1', [id]);
  if (program.projectIds.length)
    await db.query('insert into local_program_projects (program_id, project_id) select $1, unnest($2::uuid[])', [id, program.projectIds]);
  return { ...program, id };
}

/** Approved and running projects of some territories whose period touches the year. */
