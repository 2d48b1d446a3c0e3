// SQL for the timesheets service's tables; the only module that knows their names.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { IsoDate, Month } from './domain/dates.js';
import type { EntryStatus, TimeEntry } from './domain/entries.js';
import type { EntryCorrection } from './domain/corrections.js';
import type { ClosedPeriod, PeriodTotal } from './domain/periods.js';
import type { KeyedMinutes, ReportDimension } from './domain/report.js';

const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

// Locks. Taken in this order (periods sorted, then the person), so two transactions never wait on each other in a circle.

/**
 * A period's lock: shared by the writes that put or change entries in it, exclusive for its close,
 * so that nothing enters a month while it is being closed.
 */
export async function lockPeriod(db: Queryable, territoryId: string, month: Month, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await db.query(`select ${fn}(hashtextextended('timesheets-period:' || $1 || ':' || $2, 0))`, [territoryId, month]);
}

export async function lockPeriods(
  db: Queryable,
  periods: { territoryId: string; month: Month }[],
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const unique = [...new Map(periods.map((p) => [`${p.territoryId}:${p.month}`, p])).entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, period] of unique) await lockPeriod(db, period.territoryId, period.month, mode);
}

/**
 * Serializes the submissions and changes of one person: the checks read what is already logged
 * (their day across contracts, their contract's week and year), so two entries sent at the same
 * instant for the last remaining hour are checked one after the other.
 */
export async function lockPerson(db: Queryable, personId: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended('timesheets-person:' || $1, 0))`, [personId]);
}

// Entries

interface EntryRow {
  id: string;
  person_id: string;
  person_name: string;
  contract_id: string;
  employer_id: string | null;
  employer_name: string;
  project_id: string;
  project_title: string;
  territory_id: string;
  date: string;
  month: string;
  minutes: number;
  competence_id: string;
  note: string;
  status: EntryStatus;
  version: number;
  submitted_at: Date;
  updated_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  rejection_reason: string;
  carried_from: string | null;
}

const entryOf = (row: EntryRow): TimeEntry => ({
  id: row.id,
  personId: row.person_id,
  personName: row.person_name,
  contractId: row.contract_id,
  employerId: row.employer_id,
  employerName: row.employer_name,
  projectId: row.project_id,
  projectTitle: row.project_title,
  territoryId: row.territory_id,
  date: row.date,
  month: row.month,
  minutes: row.minutes,
  competenceId: row.competence_id,
  note: row.note,
  status: row.status,
  version: row.version,
  submittedAt: row.submitted_at,
  updatedAt: row.updated_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  rejectionReason: row.rejection_reason,
  carriedFrom: row.carried_from,
});

const ENTRY_COLUMNS = `id, person_id, person_name, contract_id, employer_id, employer_name, project_id, project_title, territory_id, date, month,
  minutes, competence_id, note, status, version, submitted_at, updated_at, decided_by, decided_at, rejection_reason, carried_from`;

export async function insertEntry(db: Queryable, e: TimeEntry): Promise<void> {
  await db.query(
    `insert into entries (${ENTRY_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    [
      e.id,
      e.personId,
      e.personName,
      e.contractId,
      e.employerId,
      e.employerName,
      e.projectId,
      e.projectTitle,
      e.territoryId,
      e.date,
      e.month,
      e.minutes,
      e.competenceId,
      e.note,
      e.status,
      e.version,
      e.submittedAt,
      e.updatedAt,
      e.decidedBy,
      e.decidedAt,
      e.rejectionReason,
      e.carriedFrom,
    ],
  );
}

export async function updateEntry(db: Queryable, e: TimeEntry): Promise<void> {
  await db.query(
    `update entries set project_id = $2, project_title = $3, date = $4, month = $5, minutes = $6, competence_id = $7, note = $8, status = $9,
       version = $10, updated_at = $11, decided_by = $12, decided_at = $13, rejection_reason = $14, carried_from = $15 where id = $1`,
    [
      e.id,
      e.projectId,
      e.projectTitle,
      e.date,
      e.month,
      e.minutes,
      e.competenceId,
      e.note,
      e.status,
      e.version,
      e.updatedAt,
      e.decidedBy,
      e.decidedAt,
      e.rejectionReason,
      e.carriedFrom,
    ],
  );
}

/** With `forUpdate`, the row stays locked until the transaction ends: one decision or change at a time. */
export async function getEntry(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<TimeEntry | undefined> {
  const { rows } = await db.query<EntryRow>(`select ${ENTRY_COLUMNS} from entries where id = $1${options.forUpdate ? ' for update' : ''}`, [
    id,
  ]);
  return rows[0] && entryOf(rows[0]);
}

/** The entries with these ids, locked in id order (so two batches lock them in the same order). */
export async function getEntriesForUpdate(db: Queryable, ids: string[]): Promise<TimeEntry[]> {
  const { rows } = await db.query<EntryRow>(`select ${ENTRY_COLUMNS} from entries where id = any($1::uuid[]) order by id for update`, [
    ids,
  ]);
  return rows.map(entryOf);
}

export interface Logged {
  personDay: number;
  contractDay: number;
  contractWeek: number;
  contractYear: number;
}

/** Pending and approved minutes already logged around a date, leaving out the entry being changed. */
export async function loggedMinutes(
  db: Queryable,
  where: { personId: string; contractId: string; date: IsoDate; weekStart: IsoDate; weekEnd: IsoDate; exceptEntryId?: string },
): Promise<Logged> {
  const { rows } = await db.query<{
    person_day: bigint | null;
    contract_day: bigint | null;
    contract_week: bigint | null;
    contract_year: bigint | null;
  }>(
    `select sum(minutes) filter (where date = $3) as person_day,
            sum(minutes) filter (where contract_id = $2 and date = $3) as contract_day,
            sum(minutes) filter (where contract_id = $2 and date between $4 and $5) as contract_week,
            sum(minutes) filter (where contract_id = $2) as contract_year
     from entries
     where status in ('pending', 'approved') and ($6::uuid is null or id <> $6)
       and ((person_id = $1 and date = $3) or contract_id = $2)`,
    [where.personId, where.contractId, where.date, where.weekStart, where.weekEnd, where.exceptEntryId ?? null],
  );
  const row = rows[0]!;
  return {
    personDay: count(row.person_day),
    contractDay: count(row.contract_day),
    contractWeek: count(row.contract_week),
    contractYear: count(row.contract_year),
  };
}

/** A person's entries between two dates (withdrawn ones left out), by date. */
export async function entriesOfPerson(db: Queryable, personId: string, from: IsoDate, to: IsoDate): Promise<TimeEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `select ${ENTRY_COLUMNS} from entries where person_id = $1 and date between $2 and $3 and status <> 'withdrawn' order by date, submitted_at, id`,
    [personId, from, to],
  );
  return rows.map(entryOf);
}

/** Entries of the projects given, in a status, other people's than the validator's; oldest date first. */
export async function validationQueue(
  db: Queryable,
  filter: { projectIds: string[]; status: EntryStatus; exceptPersonId: string },
  limit: number,
  cursor?: string,
): Promise<Page<TimeEntry>> {
  const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<EntryRow>(
    `select ${ENTRY_COLUMNS} from entries
     where project_id = any($1::uuid[]) and status = $2 and person_id <> $3
       and ($4::date is null or (date, id) > ($4, $5::uuid))
     order by date, id limit $6`,
    [filter.projectIds, filter.status, filter.exceptPersonId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(entryOf), limit, (last) => [last.date, last.id]);
}

/** Minutes of a contract by status, and logged per day between two dates (pending and approved). */
export async function contractMinutes(
  db: Queryable,
  contractId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<{ approved: number; pending: number; byDate: Map<IsoDate, number> }> {
  const [totals, days] = await Promise.all([
    db.query<{ approved: bigint | null; pending: bigint | null }>(
      `select sum(minutes) filter (where status = 'approved') as approved, sum(minutes) filter (where status = 'pending') as pending
       from entries where contract_id = $1`,
      [contractId],
    ),
    db.query<{ date: string; minutes: bigint }>(
      `select date, sum(minutes) as minutes from entries
       where contract_id = $1 and status in ('pending', 'approved') and date between $2 and $3 group by date`,
      [contractId, from, to],
    ),
  ]);
  return {
    approved: count(totals.rows[0]?.approved),
    pending: count(totals.rows[0]?.pending),
    byDate: new Map(days.rows.map((row) => [row.date, count(row.minutes)])),
  };
}

/** A person's approved entries counted in a territory's month. */
export async function approvedEntries(db: Queryable, personId: string, territoryId: string, month: Month): Promise<TimeEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `select ${ENTRY_COLUMNS} from entries where person_id = $1 and territory_id = $2 and month = $3 and status = 'approved' order by date, id`,
    [personId, territoryId, month],
  );
  return rows.map(entryOf);
}

// Periods

export async function isClosed(db: Queryable, territoryId: string, month: Month): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from periods where territory_id = $1 and month = $2', [territoryId, month]);
  return (rowCount ?? 0) > 0;
}

interface PeriodRow {
  id: string;
  territory_id: string;
  month: string;
  closed_by: string;
  closed_at: Date;
  carried_entry_ids: string[];
  totals: PeriodTotal[];
}

const periodOf = (row: PeriodRow): ClosedPeriod => ({
  id: row.id,
  territoryId: row.territory_id,
  month: row.month,
  closedBy: row.closed_by,
  closedAt: row.closed_at,
  carriedEntryIds: row.carried_entry_ids,
  totals: row.totals,
});

export async function insertPeriod(db: Queryable, p: ClosedPeriod): Promise<void> {
  await db.query(
    'insert into periods (id, territory_id, month, closed_by, closed_at, carried_entry_ids, totals) values ($1, $2, $3, $4, $5, $6, $7)',
    [p.id, p.territoryId, p.month, p.closedBy, p.closedAt, p.carriedEntryIds, JSON.stringify(p.totals)],
  );
}

export async function closedPeriods(db: Queryable, territoryId: string, from: Month, to: Month): Promise<ClosedPeriod[]> {
  const { rows } = await db.query<PeriodRow>(
    'select id, territory_id, month, closed_by, closed_at, carried_entry_ids, totals from periods where territory_id = $1 and month between $2 and $3',
    [territoryId, from, to],
  );
  return rows.map(periodOf);
}

export interface MonthFigures {
  month: Month;
  pendingCount: number;
  pendingMinutes: number;
  approvedCount: number;
  approvedMinutes: number;
  rejectedCount: number;
  carriedInCount: number;
}

/** Per month of a territory: pending, approved and rejected entries, and those carried in. */
export async function monthFigures(db: Queryable, territoryId: string, from: Month, to: Month): Promise<Map<Month, MonthFigures>> {
  const { rows } = await db.query<{
    month: string;
    pending_count: bigint;
    pending_minutes: bigint | null;
    approved_count: bigint;
    approved_minutes: bigint | null;
    rejected_count: bigint;
    carried_in: bigint;
  }>(
    `select month,
            count(*) filter (where status = 'pending') as pending_count,
            sum(minutes) filter (where status = 'pending') as pending_minutes,
            count(*) filter (where status = 'approved') as approved_count,
            sum(minutes) filter (where status = 'approved') as approved_minutes,
            count(*) filter (where status = 'rejected') as rejected_count,
            count(*) filter (where carried_from is not null and status <> 'withdrawn') as carried_in
     from entries where territory_id = $1 and month between $2 and $3 group by month`,
    [territoryId, from, to],
  );
  return new Map(
    rows.map((row) => [
      row.month,
      {
        month: row.month,
        pendingCount: count(row.pending_count),
        pendingMinutes: count(row.pending_minutes),
        approvedCount: count(row.approved_count),
        approvedMinutes: count(row.approved_minutes),
        rejectedCount: count(row.rejected_count),
        carriedInCount: count(row.carried_in),
      },
    ]),
  );
}

/** Every entry counted in a territory's month, pending ones locked (the close carries them). */
export async function entriesOfPeriod(db: Queryable, territoryId: string, month: Month): Promise<TimeEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `select ${ENTRY_COLUMNS} from entries where territory_id = $1 and month = $2 order by id for update`,
    [territoryId, month],
  );
  return rows.map(entryOf);
}

// Reports

const REPORT_KEYS: Record<ReportDimension, string> = {
  project: 'project_id::text',
  // A report by challenge reads projects, whose challenges programs knows.
  challenge: 'project_id::text',
  competence: 'competence_id',
  employer: "coalesce(employer_id::text, '')",
  territory: 'territory_id::text',
  month: 'month',
};

/** Approved minutes and entries per key of the dimension and person, in the territories and months given. */
export async function reportMinutes(
  db: Queryable,
  dimension: ReportDimension,
  territoryIds: string[],
  from: Month,
  to: Month,
): Promise<KeyedMinutes[]> {
  const key = REPORT_KEYS[dimension];
  const { rows } = await db.query<{ key: string; person_id: string; minutes: bigint; entries: bigint }>(
    `select ${key} as key, person_id, sum(minutes) as minutes, count(*) as entries from entries
     where status = 'approved' and territory_id = any($1::uuid[]) and month between $2 and $3
     group by 1, 2`,
    [territoryIds, from, to],
  );
  return rows.map((row) => ({ key: row.key, personId: row.person_id, minutes: count(row.minutes), entries: count(row.entries) }));
}

/** Titles and employers' names as the entries recorded them, for report labels. */
export async function recordedNames(db: Queryable, dimension: 'project' | 'employer', ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [idColumn, nameColumn] = dimension === 'project' ? ['project_id', 'project_title'] : ['employer_id', 'employer_name'];
  const { rows } = await db.query<{ id: string; name: string }>(
    `select distinct on (${idColumn}) ${idColumn}::text as id, ${nameColumn} as name from entries where ${idColumn} = any($1::uuid[]) order by ${idColumn}, submitted_at desc`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

// Idempotency keys (the kit's replayOf reads them)

export { saveIdempotent } from '@e21/kit';

// Corrections

export async function insertCorrection(db: Queryable, c: EntryCorrection): Promise<void> {
  await db.query(
    `insert into entry_corrections (id, entry_id, previous_minutes, minutes, reason, corrected_by, corrected_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.entryId, c.previousMinutes, c.minutes, c.reason, c.correctedBy, c.correctedAt, c.version],
  );
}

/** An entry's corrections, oldest first. */
export async function correctionsOf(db: Queryable, entryId: string): Promise<EntryCorrection[]> {
  const { rows } = await db.query<{
    id: string;
    entry_id: string;
    previous_minutes: number;
    minutes: number;
    reason: string;
    corrected_by: string;
    corrected_at: Date;
    version: number;
  }>(
    'select id, entry_id, previous_minutes, minutes, reason, corrected_by, corrected_at, version from entry_corrections where entry_id = $1 order by version',
    [entryId],
  );
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entry_id,
    previousMinutes: r.previous_minutes,
    minutes: r.minutes,
    reason: r.reason,
    correctedBy: r.corrected_by,
    correctedAt: r.corrected_at,
    version: r.version,
  }));
}
