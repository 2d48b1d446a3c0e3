// SQL for the contracts service's tables; the only module that knows their names.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { CommitmentBasis, EmployeeContract, EmployerCommitment } from './domain/commitment.js';
import type { HolidaysStatus } from './domain/holidays.js';
import type { ContractKind, ContractStatus, Party, Step } from './domain/negotiation.js';
import type { AgreedCompetence, Terms } from './domain/terms.js';
import type { Schedule } from './domain/schedule.js';

const forUpdate = (options: { forUpdate?: boolean }) => (options.forUpdate ? ' for update' : '');
const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

// Contracts

export interface ContractRecord {
  id: string;
  personId: string;
  personName: string;
  kind: ContractKind;
  employerId: string | null;
  employerName: string;
  officeId: string;
  officeName: string;
  officeTerritoryId: string;
  status: ContractStatus;
  latestVersion: number;
  inForceVersion: number | null;
  pendingVersion: number | null;
  terminationDate: string | null;
  terminationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ContractRow {
  id: string;
  person_id: string;
  person_name: string;
  kind: ContractKind;
  employer_id: string | null;
  employer_name: string;
  office_id: string;
  office_name: string;
  office_territory_id: string;
  status: ContractStatus;
  latest_version: number;
  in_force_version: number | null;
  pending_version: number | null;
  termination_date: string | null;
  termination_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

const contractOf = (row: ContractRow): ContractRecord => ({
  id: row.id,
  personId: row.person_id,
  personName: row.person_name,
  kind: row.kind,
  employerId: row.employer_id,
  employerName: row.employer_name,
  officeId: row.office_id,
  officeName: row.office_name,
  officeTerritoryId: row.office_territory_id,
  status: row.status,
  latestVersion: row.latest_version,
  inForceVersion: row.in_force_version,
  pendingVersion: row.pending_version,
  terminationDate: row.termination_date,
  terminationReason: row.termination_reason,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const CONTRACT_COLUMNS = `id, person_id, person_name, kind, employer_id, employer_name, office_id, office_name, office_territory_id,
  status, latest_version, in_force_version, pending_version, termination_date, termination_reason, created_at, updated_at`;
const prefixed = (prefix: string) => CONTRACT_COLUMNS.split(',').map((c) => `${prefix}.${c.trim()}`).join(', ');

export async function insertContract(db: Queryable, c: ContractRecord): Promise<void> {
  await db.query(
    `insert into contracts (${CONTRACT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [c.id, c.personId, c.personName, c.kind, c.employerId, c.employerName, c.officeId, c.officeName, c.officeTerritoryId, c.status, c.latestVersion, c.inForceVersion, c.pendingVersion, c.terminationDate, c.terminationReason, c.createdAt, c.updatedAt],
  );
}

/** With `forUpdate`, the row stays locked until the transaction ends: one step of a negotiation at a time. */
export async function getContract(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<ContractRecord | undefined> {
  const { rows } = await db.query<ContractRow>(`select ${CONTRACT_COLUMNS} from contracts where id = $1${forUpdate(options)}`, [id]);
  return rows[0] && contractOf(rows[0]);
}

export async function updateContract(db: Queryable, c: ContractRecord): Promise<void> {
  await db.query(
    `update contracts set status = $2, latest_version = $3, in_force_version = $4, pending_version = $5, termination_date = $6,
       termination_reason = $7, updated_at = $8 where id = $1`,
    [c.id, c.status, c.latestVersion, c.inForceVersion, c.pendingVersion, c.terminationDate, c.terminationReason, c.updatedAt],
  );
}

/** Serializes the creation of contracts for one person, so two overlapping ones cannot both be opened. */
export async function lockPerson(db: Queryable, personId: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended('contracts-person:' || $1, 0))`, [personId]);
}

/** Serializes signatures against one employer's commitment for one year (a row may not exist yet to lock). */
export async function lockCommitment(db: Queryable, organizationId: string, year: number): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended('contracts-commitment:' || $1 || ':' || $2, 0))`, [organizationId, year]);
}

/** Open or signed contracts of a person whose version in force or under negotiation overlaps the period. */
export async function overlappingContracts(db: Queryable, personId: string, periodStart: string, periodEnd: string, exceptId?: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select distinct c.id from contracts c
       join contract_versions v on v.contract_id = c.id and v.version in (c.in_force_version, c.pending_version)
     where c.person_id = $1 and c.status in ('negotiating', 'signed', 'suspended') and ($4::uuid is null or c.id <> $4)
       and v.period_start <= $3 and v.period_end >= $2`,
    [personId, periodStart, periodEnd, exceptId ?? null],
  );
  return rows.map((row) => row.id);
}

export interface InboxFilter {
  personId: string;
  employerIds: string[];
  officeTerritoryIds: string[];
  status?: ContractStatus;
}

/** Contracts of the person, of the employers and of the offices' territories given, latest change first. */
export async function listContractsFor(db: Queryable, filter: InboxFilter, limit: number, cursor?: string): Promise<Page<ContractRecord>> {
  const after = decodeCursor(cursor, ['instant', 'uuid']) as [string, string] | undefined;
  const { rows } = await db.query<ContractRow>(
    `select ${CONTRACT_COLUMNS} from contracts
     where (person_id = $1 or employer_id = any($2::uuid[]) or office_territory_id = any($3::uuid[]))
       and ($4::text is null or status = $4)
       and ($5::timestamptz is null or (updated_at, id) < ($5, $6::uuid))
     order by updated_at desc, id desc limit $7`,
    [filter.personId, filter.employerIds, filter.officeTerritoryIds, filter.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return pageOf(rows.map(contractOf), limit, (last) => [last.updatedAt.toISOString(), last.id]);
}

/** The contracts of a person that were ever signed, earliest period first. */
export async function signedContractsOf(db: Queryable, personId: string): Promise<ContractRecord[]> {
  const { rows } = await db.query<ContractRow>(
    `select ${prefixed('c')} from contracts c join contract_versions v on v.contract_id = c.id and v.version = c.in_force_version
     where c.person_id = $1 order by v.period_start, c.id`,
    [personId],
  );
  return rows.map(contractOf);
}

// Versions

export interface VersionRecord {
  contractId: string;
  version: number;
  terms: Terms;
  proposedByParty: Party;
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
  comment: string;
  amendment: boolean;
  signedAt: Date | null;
}

interface VersionRow {
  contract_id: string;
  version: number;
  period_start: string;
  period_end: string;
  yearly_minutes: bigint;
  terms: { competences: AgreedCompetence[]; schedule: Schedule; preferredProjectIds: string[] };
  proposed_by_party: Party;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: Date;
  comment: string;
  amendment: boolean;
  signed_at: Date | null;
}

const versionOf = (row: VersionRow): VersionRecord => ({
  contractId: row.contract_id,
  version: row.version,
  terms: { periodStart: row.period_start, periodEnd: row.period_end, yearlyMinutes: count(row.yearly_minutes), ...row.terms },
  proposedByParty: row.proposed_by_party,
  proposedBy: row.proposed_by,
  proposedByName: row.proposed_by_name,
  proposedAt: row.proposed_at,
  comment: row.comment,
  amendment: row.amendment,
  signedAt: row.signed_at,
});

const VERSION_COLUMNS = 'contract_id, version, period_start, period_end, yearly_minutes, terms, proposed_by_party, proposed_by, proposed_by_name, proposed_at, comment, amendment, signed_at';

export async function insertVersion(db: Queryable, v: VersionRecord): Promise<void> {
  const { periodStart, periodEnd, yearlyMinutes, competences, schedule, preferredProjectIds } = v.terms;
  await db.query(
    `insert into contract_versions (${VERSION_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [v.contractId, v.version, periodStart, periodEnd, yearlyMinutes, { competences, schedule, preferredProjectIds }, v.proposedByParty, v.proposedBy, v.proposedByName, v.proposedAt, v.comment, v.amendment, v.signedAt],
  );
}

export async function getVersion(db: Queryable, contractId: string, version: number): Promise<VersionRecord | undefined> {
  const { rows } = await db.query<VersionRow>(`select ${VERSION_COLUMNS} from contract_versions where contract_id = $1 and version = $2`, [contractId, version]);
  return rows[0] && versionOf(rows[0]);
}

export async function listVersions(db: Queryable, contractId: string): Promise<VersionRecord[]> {
  const { rows } = await db.query<VersionRow>(`select ${VERSION_COLUMNS} from contract_versions where contract_id = $1 order by version`, [contractId]);
  return rows.map(versionOf);
}

export async function markVersionSigned(db: Queryable, contractId: string, version: number, at: Date): Promise<void> {
  await db.query('update contract_versions set signed_at = $3 where contract_id = $1 and version = $2 and signed_at is null', [contractId, version, at]);
}

// Acceptances

export interface AcceptanceRecord {
  contractId: string;
  version: number;
  party: Party;
  acceptedBy: string;
  acceptedByName: string;
  acceptedAt: Date;
}

interface AcceptanceRow {
  contract_id: string;
  version: number;
  party: Party;
  accepted_by: string;
  accepted_by_name: string;
  accepted_at: Date;
}

const acceptanceOf = (row: AcceptanceRow): AcceptanceRecord => ({
  contractId: row.contract_id,
  version: row.version,
  party: row.party,
  acceptedBy: row.accepted_by,
  acceptedByName: row.accepted_by_name,
  acceptedAt: row.accepted_at,
});

export async function insertAcceptance(db: Queryable, a: AcceptanceRecord): Promise<void> {
  await db.query(
    'insert into acceptances (contract_id, version, party, accepted_by, accepted_by_name, accepted_at) values ($1, $2, $3, $4, $5, $6)',
    [a.contractId, a.version, a.party, a.acceptedBy, a.acceptedByName, a.acceptedAt],
  );
}

export async function listAcceptances(db: Queryable, contractId: string, version?: number): Promise<AcceptanceRecord[]> {
  const { rows } = await db.query<AcceptanceRow>(
    `select contract_id, version, party, accepted_by, accepted_by_name, accepted_at from acceptances
     where contract_id = $1 and ($2::int is null or version = $2) order by version, accepted_at, party`,
    [contractId, version ?? null],
  );
  return rows.map(acceptanceOf);
}

/** The parties that accepted each contract's version under negotiation. */
export async function pendingAcceptances(db: Queryable, contracts: ContractRecord[]): Promise<Map<string, Party[]>> {
  const pending = contracts.filter((c) => c.pendingVersion !== null);
  const byContract = new Map<string, Party[]>(contracts.map((c) => [c.id, []]));
  if (pending.length === 0) return byContract;
  const { rows } = await db.query<{ contract_id: string; party: Party }>(
    `select a.contract_id, a.party from acceptances a join contracts c on c.id = a.contract_id and a.version = c.pending_version
     where a.contract_id = any($1::uuid[])`,
    [pending.map((c) => c.id)],
  );
  for (const row of rows) byContract.get(row.contract_id)!.push(row.party);
  return byContract;
}

// History

export interface StepRecord {
  step: Step | `holidays_${string}`;
  party: Party | null;
  actor: string;
  actorName: string;
  at: Date;
  version: number | null;
  comment: string;
}

export async function appendStep(db: Queryable, contractId: string, s: StepRecord): Promise<void> {
  await db.query(
    'insert into contract_steps (contract_id, step, party, actor, actor_name, at, version, comment) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [contractId, s.step, s.party, s.actor, s.actorName, s.at, s.version, s.comment],
  );
}

export async function listSteps(db: Queryable, contractId: string): Promise<StepRecord[]> {
  const { rows } = await db.query<{ step: StepRecord['step']; party: Party | null; actor: string; actor_name: string; at: Date; version: number | null; comment: string }>(
    'select step, party, actor, actor_name, at, version, comment from contract_steps where contract_id = $1 order by seq',
    [contractId],
  );
  return rows.map((row) => ({ step: row.step, party: row.party, actor: row.actor, actorName: row.actor_name, at: row.at, version: row.version, comment: row.comment }));
}

// Commitments and allocation

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

const COMMITMENT_COLUMNS = 'organization_id, year, basis, committed_minutes, minutes, share_basis_points, declared_employees, declared_minutes_per_employee, version, set_by, set_at';

export async function getCommitment(db: Queryable, organizationId: string, year: number): Promise<EmployerCommitment | undefined> {
  const { rows } = await db.query<CommitmentRow>(`select ${COMMITMENT_COLUMNS} from employer_commitments where organization_id = $1 and year = $2`, [organizationId, year]);
  return rows[0] && commitmentOf(rows[0]);
}

export async function listCommitments(db: Queryable, organizationId: string): Promise<EmployerCommitment[]> {
  const { rows } = await db.query<CommitmentRow>(`select ${COMMITMENT_COLUMNS} from employer_commitments where organization_id = $1 order by year desc`, [organizationId]);
  return rows.map(commitmentOf);
}

export async function saveCommitment(db: Queryable, c: EmployerCommitment): Promise<void> {
  await db.query(
    `insert into employer_commitments (${COMMITMENT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (organization_id, year) do update set basis = excluded.basis, committed_minutes = excluded.committed_minutes,
       minutes = excluded.minutes, share_basis_points = excluded.share_basis_points, declared_employees = excluded.declared_employees,
       declared_minutes_per_employee = excluded.declared_minutes_per_employee, version = excluded.version, set_by = excluded.set_by, set_at = excluded.set_at`,
    [c.organizationId, c.year, c.basis, c.committedMinutes, c.minutes, c.shareBasisPoints, c.declaredEmployees, c.declaredMinutesPerEmployee, c.version, c.setBy, c.setAt],
  );
}

/** The employer's contracts signed for a year (in force, suspended or terminated), with consumed minutes. */
export async function employeeContracts(db: Queryable, employerId: string, year: number, exceptContractId?: string): Promise<EmployeeContract[]> {
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

// SAR holidays

export interface HolidaysRecord {
  id: string;
  contractId: string;
  personId: string;
  projectId: string;
  projectTitle: string;
  projectKind: string;
  startDate: string;
  endDate: string;
  minutes: number;
  status: HolidaysStatus;
  comment: string;
  requestedAt: Date;
  employerAgreedBy: string | null;
  employerAgreedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string;
  version: number;
}

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
    [h.id, h.contractId, h.personId, h.projectId, h.projectTitle, h.projectKind, h.startDate, h.endDate, h.minutes, h.status, h.comment, h.requestedAt, h.employerAgreedBy, h.employerAgreedAt, h.decidedBy, h.decidedAt, h.decisionComment, h.version],
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
  const { rows } = await db.query<HolidaysRow>(`select ${HOLIDAYS_COLUMNS} from sar_holidays where contract_id = any($1::uuid[]) order by start_date, id`, [contractIds]);
  return rows.map(holidaysOf);
}

// Idempotency keys

export { findIdempotent, saveIdempotent } from '@e21/kit';
