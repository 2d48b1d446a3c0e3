// SQL for projects with their needs, challenges and status history, and the searches over them.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import { normalizeForSearch } from '../domain/checks.js';
import type { StatusChange } from '../domain/lifecycle.js';
import type { Need, NeedPlan, Project, ProjectKind, ProjectStatus } from '../domain/projects.js';
import type { TeamRole } from '../domain/team.js';

interface ProjectRow {
  id: string;
  territory_id: string;
  title: string;
  description: string;
  kind: ProjectKind;
  status: ProjectStatus;
  coordinator_id: string;
  start_date: string;
  end_date: string;
  refusal_reason: string;
  approved_minutes: number | null;
  approved_skill_ids: string[] | null;
  approved_start_date: string | null;
  approved_end_date: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  challenge_ids: string[];
  needs: { id: string; skill_id: string; needed_minutes: number; start_date: string | null; end_date: string | null }[];
}

// Needs and challenges come with each project, in one query.
const PROJECT_SELECT = `select p.id, p.territory_id, p.title, p.description, p.kind, p.status, p.coordinator_id, p.start_date, p.end_date,
    p.refusal_reason, p.approved_minutes, p.approved_skill_ids, p.approved_start_date, p.approved_end_date, p.version, p.created_at, p.updated_at,
    coalesce((select array_agg(pc.challenge_id order by pc.challenge_id) from project_challenges pc where pc.project_id = p.id), '{}') as challenge_ids,
    coalesce((select json_agg(json_build_object('id', n.id, 'skill_id', n.skill_id, 'needed_minutes', n.needed_minutes,
        'start_date', n.start_date, 'end_date', n.end_date) order by n.position) from project_needs n where n.project_id = p.id), '[]') as needs
  from projects p`;

const projectOf = (row: ProjectRow): Project => ({
  id: row.id,
  territoryId: row.territory_id,
  title: row.title,
  description: row.description,
  kind: row.kind,
  status: row.status,
  coordinatorId: row.coordinator_id,
  startDate: row.start_date,
  endDate: row.end_date,
  challengeIds: row.challenge_ids,
  needs: row.needs.map((n): Need => ({
    id: n.id,
    skillId: n.skill_id,
    neededMinutes: n.needed_minutes,
    startDate: n.start_date,
    endDate: n.end_date,
  })),
  refusalReason: row.refusal_reason,
  approved:
    row.approved_minutes === null
      ? null
      : {
          neededMinutes: row.approved_minutes,
          skillIds: row.approved_skill_ids ?? [],
          startDate: row.approved_start_date!,
          endDate: row.approved_end_date!,
        },
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const searchTextOf = (project: Project) => normalizeForSearch(`${project.title} ${project.description}`);

export async function insertProject(db: Queryable, project: Project): Promise<void> {
  await db.query(
    `insert into projects (id, territory_id, title, description, kind, status, coordinator_id, start_date, end_date, refusal_reason, search_text, version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      project.id,
      project.territoryId,
      project.title,
      project.description,
      project.kind,
      project.status,
      project.coordinatorId,
      project.startDate,
      project.endDate,
      project.refusalReason,
      searchTextOf(project),
      project.version,
      project.createdAt,
      project.updatedAt,
    ],
  );
  await replaceProjectChallenges(db, project.id, project.challengeIds);
  await writeNeeds(db, project.id, project.needs);
}

/** Saves the project's own fields, status and version; its needs and challenges have their own calls. */
export async function updateProject(db: Queryable, project: Project): Promise<void> {
  await db.query(
    `update projects set territory_id = $2, title = $3, description = $4, kind = $5, status = $6, start_date = $7, end_date = $8,
       refusal_reason = $9, search_text = $10, version = $11, updated_at = $12,
       approved_minutes = $13, approved_skill_ids = $14, approved_start_date = $15, approved_end_date = $16 where id = $1`,
    [
      project.id,
      project.territoryId,
      project.title,
      project.description,
      project.kind,
      project.status,
      project.startDate,
      project.endDate,
      project.refusalReason,
      searchTextOf(project),
      project.version,
      project.updatedAt,
      project.approved?.neededMinutes ?? null,
      project.approved?.skillIds ?? null,
      project.approved?.startDate ?? null,
      project.approved?.endDate ?? null,
    ],
  );
}

export async function replaceProjectChallenges(db: Queryable, projectId: string, challengeIds: readonly string[]): Promise<void> {
  await db.query('delete from project_challenges where project_id = $1', [projectId]);
  if (challengeIds.length) {
    await db.query('insert into project_challenges (project_id, challenge_id) select $1, unnest($2::uuid[])', [projectId, challengeIds]);
  }
}

/** Writes the needs in the order given: their positions are the project's order of needs. */
async function writeNeeds(db: Queryable, projectId: string, needs: readonly Need[]): Promise<void> {
  for (const [position, need] of needs.entries()) {
    await db.query(
      `insert into project_needs (id, project_id, position, skill_id, needed_minutes, start_date, end_date) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (id) do update set position = excluded.position, skill_id = excluded.skill_id, needed_minutes = excluded.needed_minutes,
         start_date = excluded.start_date, end_date = excluded.end_date`,
      [need.id, projectId, position, need.skillId, need.neededMinutes, need.startDate, need.endDate],
    );
  }
}

/**
 * Applies an edit's plan of needs (kept ones first, then new ones). Pending requests to fill a
 * removed need are declined with it, by whoever made the edit, so their authors may ask again for another need.
 */
export async function applyNeedPlan(db: Queryable, projectId: string, plan: NeedPlan, change: { by: string; at: Date }): Promise<void> {
  if (plan.remove.length) {
    await db.query(
      `update join_requests set status = 'declined', decided_by = $3, decided_at = $4, decision_reason = 'The need was removed from the project'
       where project_id = $1 and need_id = any($2::uuid[]) and status = 'pending'`,
      [projectId, plan.remove, change.by, change.at],
    );
    await db.query('delete from project_needs where project_id = $1 and id = any($2::uuid[])', [projectId, plan.remove]);
  }
  await writeNeeds(db, projectId, [...plan.keep, ...plan.add]);
}

export async function getProject(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<Project | undefined> {
  // Locking the project row serializes every change of the project and its team.
  if (options.forUpdate) await db.query('select 1 from projects where id = $1 for update', [id]);
  const { rows } = await db.query<ProjectRow>(`${PROJECT_SELECT} where p.id = $1`, [id]);
  return rows[0] && projectOf(rows[0]);
}

export async function getProjects(db: Queryable, ids: readonly string[]): Promise<Project[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<ProjectRow>(`${PROJECT_SELECT} where p.id = any($1::uuid[]) order by p.title, p.id`, [ids]);
  return rows.map(projectOf);
}

export async function insertTransition(db: Queryable, projectId: string, change: StatusChange): Promise<void> {
  await db.query(
    'insert into project_transitions (project_id, from_status, to_status, changed_by, changed_at, reason) values ($1, $2, $3, $4, $5, $6)',
    [projectId, change.from, change.to, change.by, change.at, change.reason],
  );
}

export async function listTransitions(db: Queryable, projectId: string): Promise<StatusChange[]> {
  const { rows } = await db.query<{
    from_status: ProjectStatus;
    to_status: ProjectStatus;
    changed_by: string;
    changed_at: Date;
    reason: string;
  }>('select from_status, to_status, changed_by, changed_at, reason from project_transitions where project_id = $1 order by seq', [
    projectId,
  ]);
  return rows.map((row) => ({ from: row.from_status, to: row.to_status, by: row.changed_by, at: row.changed_at, reason: row.reason }));
}

export interface ProjectFilter {
  /** The territory asked about and every territory below it. */
  territoryIds?: readonly string[];
  skillId?: string;
  /** A challenge: projects linked to it or to a challenge refining it, at any depth. */
  challengeId?: string;
  kind?: ProjectKind;
  statuses?: readonly ProjectStatus[];
  text?: string;
  /** Drafts are shown to their own team only. */
  viewerId?: string;
}

export async function searchProjects(db: Queryable, filter: ProjectFilter, limit: number, cursor?: string): Promise<Page<Project>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<ProjectRow>(
    `${PROJECT_SELECT}
     where ($1::uuid[] is null or p.territory_id = any($1))
       and ($2::text is null or exists (select 1 from project_needs n where n.project_id = p.id and n.skill_id = $2))
       and ($3::uuid is null or exists (
         with recursive refined as (select id from challenges where id = $3 union select c.id from challenges c join refined r on c.refines_id = r.id)
         select 1 from project_challenges pc where pc.project_id = p.id and pc.challenge_id in (select id from refined)))
       and ($4::text is null or p.kind = $4)
       and (cardinality($5::text[]) = 0 or p.status = any($5))
       and ($6::text = '' or strpos(p.search_text, $6) > 0)
       and (p.status <> 'draft' or exists (select 1 from project_members m where m.project_id = p.id and m.person_id = $7 and m.until is null))
       and ($8::timestamptz is null or (p.created_at, p.id) < ($8, $9::uuid))
     order by p.created_at desc, p.id desc limit $10`,
    [
      filter.territoryIds ?? null,
      filter.skillId ?? null,
      filter.challengeId ?? null,
      filter.kind ?? null,
      filter.statuses ?? [],
      normalizeForSearch(filter.text ?? ''),
      filter.viewerId ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit + 1,
    ],
  );
  return pageOf(rows.map(projectOf), limit, (last) => [last.createdAt.toISOString(), last.id]);
}

/** The projects whose team a person is on now, with their role. */
export async function projectsOfPerson(db: Queryable, personId: string): Promise<{ project: Project; role: TeamRole }[]> {
  const { rows } = await db.query<ProjectRow & { role: TeamRole }>(
    `select q.*, m.role from (${PROJECT_SELECT}) q join project_members m on m.project_id = q.id and m.until is null
     where m.person_id = $1 order by q.updated_at desc, q.id`,
    [personId],
  );
  return rows.map((row) => ({ project: projectOf(row), role: row.role }));
}

/** Open needs of approved and running projects in some territories, leaving out those of projects the person is on. */
export async function openNeeds(
  db: Queryable,
  territoryIds: readonly string[],
  personId: string,
  limit: number,
): Promise<{ project: Project; need: Need; openMinutes: number }[]> {
  const { rows } = await db.query<{ project_id: string; need_id: string; open_minutes: number }>(
    `select n.project_id, n.id as need_id,
       n.needed_minutes - coalesce((select sum(m.minutes) from project_members m where m.need_id = n.id and m.until is null), 0)::int as open_minutes
     from project_needs n join projects p on p.id = n.project_id
     where p.status in ('approved', 'active') and p.territory_id = any($1::uuid[])
       and not exists (select 1 from project_members m where m.project_id = p.id and m.person_id = $2 and m.until is null)
       and n.needed_minutes > coalesce((select sum(m.minutes) from project_members m where m.need_id = n.id and m.until is null), 0)
     order by p.updated_at desc, n.position limit $3`,
    [territoryIds, personId, limit],
  );
  const projects = new Map((await getProjects(db, [...new Set(rows.map((row) => row.project_id))])).map((p) => [p.id, p]));
  return rows.flatMap((row) => {
    const project = projects.get(row.project_id);
    const need = project?.needs.find((n) => n.id === row.need_id);
    return project && need ? [{ project, need, openMinutes: row.open_minutes }] : [];
  });
}

/** Minutes pledged by current members, per need, for the needs of some projects. */
export async function filledByNeed(db: Queryable, projectIds: readonly string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const { rows } = await db.query<{ need_id: string; minutes: bigint }>(
    'select need_id, sum(minutes) as minutes from project_members where project_id = any($1::uuid[]) and until is null and need_id is not null group by need_id',
    [projectIds],
  );
  return new Map(rows.map((row) => [row.need_id, Number(row.minutes)]));
}

export async function programCandidates(db: Queryable, territoryIds: readonly string[], year: number): Promise<Project[]> {
  const { rows } = await db.query<ProjectRow>(
    `${PROJECT_SELECT} where p.status in ('approved', 'active') and p.territory_id = any($1::uuid[])
       and p.start_date <= make_date($2, 12, 31) and p.end_date >= make_date($2, 1, 1)
     order by p.title, p.id`,
    [territoryIds, year],
  );
  return rows.map(projectOf);
}
