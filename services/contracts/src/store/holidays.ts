// SQL for SAR holidays (sar_holidays).
import type { Queryable } from '@e21/kit';
import type { HolidaysRecord, HolidaysStatus } from '../domain/holidays.js';
import { count, forUpdate } from './sql.js';

interface HolidaysRow {
  id: string;
  contract_id: string;
  person_id: string;
  project_id: string;
  project_title: string;
  project_kind: string;
  start_date: string;
  end_date: string;
  minutes: bigint;
  status: HolidaysStatus;
  comment: string;
  requested_at: Date;
  employer_agreed_by: string | null;
  employer_agreed_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string;
  version: number;
}

const holidaysOf = (row: HolidaysRow): HolidaysRecord => ({
  id: row.id,
  contractId: row.contract_id,
  personId: row.person_id,
  projectId: row.project_id,
  projectTitle: row.project_title,
  projectKind: row.project_kind,
  startDate: row.start_date,
  endDate: row.end_date,
  minutes: count(row.minutes),
  status: row.status,
  comment: row.comment,
  requestedAt: row.requested_at,
  employerAgreedBy: row.employer_agreed_by,
  employerAgreedAt: row.employer_agreed_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  decisionComment: row.decision_comment,
  version: row.version,
});

const HOLIDAYS_COLUMNS = `id, contract_id, person_id, project_id, project_title, project_kind, start_date, end_date, minutes, status, comment,
  requested_at, employer_agreed_by, employer_agreed_at, decided_by, decided_at, decision_comment, version`;

export async function insertHolidays(db: Queryable, h: HolidaysRecord): Promise<void> {
  await db.query(
    `insert into sar_holidays (${HOLIDAYS_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      h.id,
      h.contractId,
      h.personId,
      h.projectId,
      h.projectTitle,
      h.projectKind,
      h.startDate,
      h.endDate,
      h.minutes,
      h.status,
      h.comment,
      h.requestedAt,
      h.employerAgreedBy,
      h.employerAgreedAt,
      h.decidedBy,
      h.decidedAt,
      h.decisionComment,
      h.version,
    ],
  );
}

export async function getHolidays(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<HolidaysRecord | undefined> {
  const { rows } = await db.query<HolidaysRow>(`select ${HOLIDAYS_COLUMNS} from sar_holidays where id = $1${forUpdate(options)}`, [id]);
  return rows[0] && holidaysOf(rows[0]);
}

export async function updateHolidays(db: Queryable, h: HolidaysRecord): Promise<void> {
  await db.query(
    `update sar_holidays set status = $2, employer_agreed_by = $3, employer_agreed_at = $4, decided_by = $5, decided_at = $6,
       decision_comment = $7, version = $8 where id = $1`,
    [h.id, h.status, h.employerAgreedBy, h.employerAgreedAt, h.decidedBy, h.decidedAt, h.decisionComment, h.version],
  );
}

export async function listHolidaysOf(db: Queryable, contractIds: string[]): Promise<HolidaysRecord[]> {
  if (contractIds.length === 0) return [];
  const { rows } = await db.query<HolidaysRow>(
    `select ${HOLIDAYS_COLUMNS} from sar_holidays where contract_id = any($1::uuid[]) order by start_date, id`,
    [contractIds],
  );
  return rows.map(holidaysOf);
}
