// SQL for SAR contracts (contracts): their rows, the per-person lock, overlaps and a party's lists.
import { decodeCursor, pageOf, type Page, type Queryable } from '@e21/kit';
import type { ContractRecord } from '../domain/contracts.js';
import type { ContractKind, ContractStatus } from '../domain/negotiation.js';
import { forUpdate, prefixed } from './sql.js';

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

export async function insertContract(db: Queryable, c: ContractRecord): Promise<void> {
  await db.query(
    `insert into contracts (${CONTRACT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      c.id,
      c.personId,
      c.personName,
      c.kind,
      c.employerId,
      c.employerName,
      c.officeId,
      c.officeName,
      c.officeTerritoryId,
      c.status,
      c.latestVersion,
      c.inForceVersion,
      c.pendingVersion,
      c.terminationDate,
      c.terminationReason,
      c.createdAt,
      c.updatedAt,
    ],
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

/** Open or signed contracts of a person whose version in force or under negotiation overlaps the period. */
export async function overlappingContracts(
  db: Queryable,
  personId: string,
  periodStart: string,
  periodEnd: string,
  exceptId?: string,
): Promise<string[]> {
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
    [
      filter.personId,
      filter.employerIds,
      filter.officeTerritoryIds,
      filter.status ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit + 1,
    ],
  );
  return pageOf(rows.map(contractOf), limit, (last) => [last.updatedAt.toISOString(), last.id]);
}

/** The contracts of a person that were ever signed, earliest period first. */
export async function signedContractsOf(db: Queryable, personId: string): Promise<ContractRecord[]> {
  const { rows } = await db.query<ContractRow>(
    `select ${prefixed(CONTRACT_COLUMNS, 'c')} from contracts c join contract_versions v on v.contract_id = c.id and v.version = c.in_force_version
     where c.person_id = $1 order by v.period_start, c.id`,
    [personId],
  );
  return rows.map(contractOf);
}
