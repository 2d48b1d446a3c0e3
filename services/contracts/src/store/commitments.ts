// SQL for employer commitments, what their employees' signed contracts allocate of them, and the
// minutes consumed on each contract (fed by timesheets' approved hours).
import type { Queryable } from '@e21/kit';
import type { CommitmentBasis, EmployeeContract, EmployerCommitment } from '../domain/commitment.js';
import type { ContractStatus } from '../domain/negotiation.js';
import { count } from './sql.js';

/** Serializes signatures against one employer's commitment for one year (a row may not exist yet to lock). */
export async function lockCommitment(db: Queryable, organizationId: string, year: number): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended('contracts-commitment:' || $1 || ':' || $2, 0))`, [organizationId, year]);
}

interface CommitmentRow {
  organization_id: string;
  year: number;
  basis: CommitmentBasis;
  committed_minutes: bigint;
  minutes: bigint;
  share_basis_points: number;
  declared_employees: number;
  declared_minutes_per_employee: bigint;
  version: number;
  set_by: string;
  set_at: Date;
}

const commitmentOf = (row: CommitmentRow): EmployerCommitment => ({
  organizationId: row.organization_id,
  year: row.year,
  basis: row.basis,
  committedMinutes: count(row.committed_minutes),
  minutes: count(row.minutes),
  shareBasisPoints: row.share_basis_points,
  declaredEmployees: row.declared_employees,
  declaredMinutesPerEmployee: count(row.declared_minutes_per_employee),
  version: row.version,
  setBy: row.set_by,
  setAt: row.set_at,
});

const COMMITMENT_COLUMNS =
  'organization_id, year, basis, committed_minutes, minutes, share_basis_points, declared_employees, declared_minutes_per_employee, version, set_by, set_at';

export async function getCommitment(db: Queryable, organizationId: string, year: number): Promise<EmployerCommitment | undefined> {
  const { rows } = await db.query<CommitmentRow>(
    `select ${COMMITMENT_COLUMNS} from employer_commitments where organization_id = $1 and year = $2`,
    [organizationId, year],
  );
  return rows[0] && commitmentOf(rows[0]);
}

export async function listCommitments(db: Queryable, organizationId: string): Promise<EmployerCommitment[]> {
  const { rows } = await db.query<CommitmentRow>(
    `select ${COMMITMENT_COLUMNS} from employer_commitments where organization_id = $1 order by year desc`,
    [organizationId],
  );
  return rows.map(commitmentOf);
}

export async function saveCommitment(db: Queryable, c: EmployerCommitment): Promise<void> {
  await db.query(
    `insert into employer_commitments (${COMMITMENT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (organization_id, year) do update set basis = excluded.basis, committed_minutes = excluded.committed_minutes,
       minutes = excluded.minutes, share_basis_points = excluded.share_basis_points, declared_employees = excluded.declared_employees,
       declared_minutes_per_employee = excluded.declared_minutes_per_employee, version = excluded.version, set_by = excluded.set_by, set_at = excluded.set_at`,
    [
      c.organizationId,
      c.year,
      c.basis,
      c.committedMinutes,
      c.minutes,
      c.shareBasisPoints,
      c.declaredEmployees,
      c.declaredMinutesPerEmployee,
      c.version,
      c.setBy,
      c.setAt,
    ],
  );
}

/** The employer's contracts signed for a year (in force, suspended or terminated), with consumed minutes. */
export async function employeeContracts(
  db: Queryable,
  employerId: string,
  year: number,
  exceptContractId?: string,
): Promise<EmployeeContract[]> {
  const { rows } = await db.query<{
    person_id: string;
    person_name: string;
    contract_id: string;
    status: ContractStatus;
    yearly_minutes: bigint;
    consumed: bigint | null;
    period_start: string;
    period_end: string;
  }>(
    `select c.person_id, c.person_name, c.id as contract_id, c.status, v.yearly_minutes, m.minutes as consumed, v.period_start, v.period_end
     from contracts c
       join contract_versions v on v.contract_id = c.id and v.version = c.in_force_version
       left join consumed_minutes m on m.contract_id = c.id and m.year = $2
     where c.employer_id = $1 and extract(year from v.period_start) = $2 and ($3::uuid is null or c.id <> $3)
     order by c.person_name, c.id`,
    [employerId, year, exceptContractId ?? null],
  );
  return rows.map((row) => ({
    personId: row.person_id,
    personName: row.person_name,
    contractId: row.contract_id,
    status: row.status,
    yearlyMinutes: count(row.yearly_minutes),
    consumedMinutes: count(row.consumed),
    periodStart: row.period_start,
    periodEnd: row.period_end,
  }));
}

/**
 * Adds minutes (fewer, for a correction that lowered approved hours) to a contract's consumed
 * minutes of a year; false for an unknown contract. Never below zero: an event must not become a
 * message that fails forever.
 */
export async function addConsumedMinutes(db: Queryable, contractId: string, year: number, minutes: number): Promise<boolean> {
  await db.query(
    `insert into consumed_minutes (contract_id, year, minutes) select id, $2, 0 from contracts where id = $1 on conflict (contract_id, year) do nothing`,
    [contractId, year],
  );
  const { rowCount } = await db.query(
    `update consumed_minutes set minutes = greatest(minutes + $3, 0) where contract_id = $1 and year = $2`,
    [contractId, year, minutes],
  );
  return (rowCount ?? 0) > 0;
}
