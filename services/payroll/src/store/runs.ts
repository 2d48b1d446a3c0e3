// SQL of issuing runs and their people: starting a run, claiming the next person due, and each person's lock.
import type { Queryable } from '@e21/kit';
import type { Month } from '../domain/dates.js';
import type { IssuingRun, RunStatus, RunTrigger } from '../domain/runs.js';

/** Serializes the issuing of one person's forms, whichever runs and workers name them. */
export async function lockPerson(db: Queryable, personId: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended('payroll-person:' || $1, 0))`, [personId]);
}

interface RunRow {
  id: string;
  territory_id: string;
  month: string;
  trigger: RunTrigger;
  source_event_id: string;
  total: number;
  done: number;
  forms_issued: number;
  status: RunStatus;
  started_at: Date;
  completed_at: Date | null;
}

const RUN_COLUMNS = 'id, territory_id, month, trigger, source_event_id, total, done, forms_issued, status, started_at, completed_at';

const runOf = (row: RunRow): IssuingRun => ({
  id: row.id,
  territoryId: row.territory_id,
  month: row.month,
  trigger: row.trigger,
  sourceEventId: row.source_event_id,
  total: row.total,
  done: row.done,
  formsIssued: row.forms_issued,
  status: row.status,
  startedAt: row.started_at,
  completedAt: row.completed_at,
});

/**
 * Starts a run with its people, unless its event (or, for a close, the territory's month) already
 * started one: then nothing happens and false is returned.
 */
export async function startRun(db: Queryable, run: IssuingRun, personIds: string[], notBefore: Date = run.startedAt): Promise<boolean> {
  const inserted = await db.query(
    `insert into runs (${RUN_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing`,
    [
      run.id,
      run.territoryId,
      run.month,
      run.trigger,
      run.sourceEventId,
      run.total,
      run.done,
      run.formsIssued,
      run.status,
      run.startedAt,
      run.completedAt,
    ],
  );
  if ((inserted.rowCount ?? 0) === 0) return false;
  await db.query(`insert into run_people (run_id, person_id, status, not_before) select $1, unnest($2::uuid[]), 'pending', $3`, [
    run.id,
    personIds,
    notBefore,
  ]);
  return true;
}

export async function getRun(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<IssuingRun | undefined> {
  const { rows } = await db.query<RunRow>(`select ${RUN_COLUMNS} from runs where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] && runOf(rows[0]);
}

/** One more person of the run done, with the forms it issued; the run completes with its last person. */
export async function personOfRunDone(db: Queryable, runId: string, formsIssued: number, at: Date): Promise<IssuingRun | undefined> {
  const { rows } = await db.query<RunRow>(
    `update runs set done = done + 1, forms_issued = forms_issued + $2,
       status = case when done + 1 >= total then 'completed' else 'running' end,
       completed_at = case when done + 1 >= total then $3::timestamptz else null end
     where id = $1 returning ${RUN_COLUMNS}`,
    [runId, formsIssued, at],
  );
  return rows[0] && runOf(rows[0]);
}

export async function runsOfTerritory(db: Queryable, territoryId: string, month: Month | undefined, limit: number): Promise<IssuingRun[]> {
  const { rows } = await db.query<RunRow>(
    `select ${RUN_COLUMNS} from runs where territory_id = $1 and ($2::text is null or month = $2) order by started_at desc, id desc limit $3`,
    [territoryId, month ?? null, limit],
  );
  return rows.map(runOf);
}
export interface RunPerson {
  runId: string;
  personId: string;
  attempts: number;
}

/**
 * Claims the next person due in any running run until `leaseUntil`: people another worker holds are
 * skipped, so each is issued by one worker at a time. The claim commits at once; no transaction
 * stays open while the worker gathers and renders. A worker that dies leaves the person to be
 * claimed again when the lease ends.
 */
export async function claimPerson(db: Queryable, at: Date, leaseUntil: Date): Promise<RunPerson | undefined> {
  const { rows } = await db.query<{ run_id: string; person_id: string; attempts: number }>(
    `update run_people p set not_before = $2
     from (select run_id, person_id from run_people where status = 'pending' and not_before <= $1
           order by not_before, run_id, person_id limit 1 for update skip locked) due
     where p.run_id = due.run_id and p.person_id = due.person_id
     returning p.run_id, p.person_id, p.attempts`,
    [at, leaseUntil],
  );
  return rows[0] && { runId: rows[0].run_id, personId: rows[0].person_id, attempts: rows[0].attempts };
}

/** Whether the run still has the person to issue, locked until the transaction ends. */
export async function isPersonPending(db: Queryable, runId: string, personId: string): Promise<boolean> {
  const { rows } = await db.query<{ status: string }>('select status from run_people where run_id = $1 and person_id = $2 for update', [
    runId,
    personId,
  ]);
  return rows[0]?.status === 'pending';
}

export async function markPersonDone(db: Queryable, runId: string, personId: string): Promise<void> {
  await db.query(`update run_people set status = 'done', attempts = attempts + 1 where run_id = $1 and person_id = $2`, [runId, personId]);
}

export async function postponePerson(db: Queryable, runId: string, personId: string, notBefore: Date): Promise<void> {
  await db.query('update run_people set attempts = attempts + 1, not_before = $3 where run_id = $1 and person_id = $2', [
    runId,
    personId,
    notBefore,
  ]);
}
/** Whether a run of this kind still has the person of this territory's month to go through. */
export async function hasPendingRun(
  db: Queryable,
  trigger: RunTrigger,
  personId: string,
  territoryId: string,
  month: Month,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `select 1 from run_people p join runs r on r.id = p.run_id
     where p.status = 'pending' and p.person_id = $1 and r.territory_id = $2 and r.month = $3 and r.trigger = $4 limit 1`,
    [personId, territoryId, month, trigger],
  );
  return (rowCount ?? 0) > 0;
}
