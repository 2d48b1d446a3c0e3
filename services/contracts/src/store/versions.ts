// SQL for what a negotiation writes: the contract's versions, the parties' acceptances and its history of steps.
import type { Queryable } from '@e21/kit';
import type { AcceptanceRecord, ContractRecord, StepRecord, VersionRecord } from '../domain/contracts.js';
import type { Party } from '../domain/negotiation.js';
import type { Schedule } from '../domain/schedule.js';
import type { AgreedCompetence } from '../domain/terms.js';
import { count } from './sql.js';

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

const VERSION_COLUMNS =
  'contract_id, version, period_start, period_end, yearly_minutes, terms, proposed_by_party, proposed_by, proposed_by_name, proposed_at, comment, amendment, signed_at';

export async function insertVersion(db: Queryable, v: VersionRecord): Promise<void> {
  const { periodStart, periodEnd, yearlyMinutes, competences, schedule, preferredProjectIds } = v.terms;
  await db.query(`insert into contract_versions (${VERSION_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
    v.contractId,
    v.version,
    periodStart,
    periodEnd,
    yearlyMinutes,
    { competences, schedule, preferredProjectIds },
    v.proposedByParty,
    v.proposedBy,
    v.proposedByName,
    v.proposedAt,
    v.comment,
    v.amendment,
    v.signedAt,
  ]);
}

export async function getVersion(db: Queryable, contractId: string, version: number): Promise<VersionRecord | undefined> {
  const { rows } = await db.query<VersionRow>(`select ${VERSION_COLUMNS} from contract_versions where contract_id = $1 and version = $2`, [
    contractId,
    version,
  ]);
  return rows[0] && versionOf(rows[0]);
}

export async function listVersions(db: Queryable, contractId: string): Promise<VersionRecord[]> {
  const { rows } = await db.query<VersionRow>(`select ${VERSION_COLUMNS} from contract_versions where contract_id = $1 order by version`, [
    contractId,
  ]);
  return rows.map(versionOf);
}

export async function markVersionSigned(db: Queryable, contractId: string, version: number, at: Date): Promise<void> {
  await db.query('update contract_versions set signed_at = $3 where contract_id = $1 and version = $2 and signed_at is null', [
    contractId,
    version,
    at,
  ]);
}

// Acceptances

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

export async function appendStep(db: Queryable, contractId: string, s: StepRecord): Promise<void> {
  await db.query(
    'insert into contract_steps (contract_id, step, party, actor, actor_name, at, version, comment) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [contractId, s.step, s.party, s.actor, s.actorName, s.at, s.version, s.comment],
  );
}

export async function listSteps(db: Queryable, contractId: string): Promise<StepRecord[]> {
  const { rows } = await db.query<{
    step: StepRecord['step'];
    party: Party | null;
    actor: string;
    actor_name: string;
    at: Date;
    version: number | null;
    comment: string;
  }>('select step, party, actor, actor_name, at, version, comment from contract_steps where contract_id = $1 order by seq', [contractId]);
  return rows.map((row) => ({
    step: row.step,
    party: row.party,
    actor: row.actor,
    actorName: row.actor_name,
    at: row.at,
    version: row.version,
    comment: row.comment,
  }));
}
