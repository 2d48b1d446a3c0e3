// SQL for the payroll service's tables; the only module that knows their names.
import { decodeCursor, invalid, pageOf, type Page, type Queryable } from '@e21/kit';
import type { Month } from './domain/dates.js';
import type { ExportLanguage, ExportLayout } from './domain/exports.js';
import type { FormFigures } from './domain/forms.js';
import type { IssuingRun, RunStatus, RunTrigger } from './domain/runs.js';

const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

// Forms

export interface FormRecord {
  id: string;
  personId: string;
  contractId: string;
  employerId: string | null;
  territoryId: string;
  month: Month;
  version: number;
  supersedesId: string | null;
  supersededById: string | null;
  supersededAt: Date | null;
  runId: string;
  issuedAt: Date;
  totalMinutes: number;
  verificationCode: string;
  document: string;
  jsonSha256: string;
  pdfSha256: string;
  figuresSha256: string;
  figures: FormFigures;
  /** The employer view's JSON document and hashes; null for a form without an employer (or one not yet given them). */
  employerDocument: string | null;
  employerJsonSha256: string | null;
  employerPdfSha256: string | null;
}

/** A form with its PDF, read only to send it. */
export interface StoredPdf {
  pdf: Buffer;
  pdfSha256: string;
}

interface FormRow {
  id: string;
  person_id: string;
  contract_id: string;
  employer_id: string | null;
  territory_id: string;
  month: string;
  version: number;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  superseded_at: Date | null;
  run_id: string;
  issued_at: Date;
  total_minutes: bigint;
  verification_code: string;
  document: string;
  json_sha256: string;
  pdf_sha256: string;
  figures_sha256: string;
  employer_document: string | null;
  employer_json_sha256: string | null;
  employer_pdf_sha256: string | null;
}

const FORM_COLUMNS = `id, person_id, contract_id, employer_id, territory_id, month, version, supersedes_id, superseded_by_id, superseded_at, run_id, issued_at,
  total_minutes, verification_code, document, json_sha256, pdf_sha256, figures_sha256, employer_document, employer_json_sha256, employer_pdf_sha256`;

function formOf(row: FormRow): FormRecord {
  const parsed = JSON.parse(row.document) as FormFigures & Record<string, unknown>;
  const { formId: _id, version: _v, supersedesId: _s, issuedAt: _i, verificationCode: _c, ...figures } = parsed;
  return {
    id: row.id,
    personId: row.person_id,
    contractId: row.contract_id,
    employerId: row.employer_id,
    territoryId: row.territory_id,
    month: row.month,
    version: row.version,
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by_id,
    supersededAt: row.superseded_at,
    runId: row.run_id,
    issuedAt: row.issued_at,
    totalMinutes: count(row.total_minutes),
    verificationCode: row.verification_code,
    document: row.document,
    jsonSha256: row.json_sha256,
    pdfSha256: row.pdf_sha256,
    figuresSha256: row.figures_sha256,
    figures: figures as FormFigures,
    employerDocument: row.employer_document,
    employerJsonSha256: row.employer_json_sha256,
    employerPdfSha256: row.employer_pdf_sha256,
  };
}

/** The employer view's documents as written (see documents.ts). */
export interface EmployerDocumentsRow {
  document: string;
  jsonSha256: string;
  pdf: Buffer;
  pdfSha256: string;
}

export interface NewForm extends Omit<FormRecord, 'supersededById' | 'supersededAt' | 'figures' | 'employerDocument' | 'employerJsonSha256' | 'employerPdfSha256'> {
  pdf: Buffer;
  employer: EmployerDocumentsRow | undefined;
}

export async function insertForm(db: Queryable, f: NewForm): Promise<void> {
  await db.query(
    `insert into forms (id, person_id, contract_id, employer_id, territory_id, month, version, supersedes_id, run_id, issued_at, total_minutes,
       verification_code, document, json_sha256, pdf, pdf_sha256, figures_sha256, employer_document, employer_json_sha256, employer_pdf, employer_pdf_sha256)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
    [
      f.id, f.personId, f.contractId, f.employerId, f.territoryId, f.month, f.version, f.supersedesId, f.runId, f.issuedAt, f.totalMinutes, f.verificationCode,
      f.document, f.jsonSha256, f.pdf, f.pdfSha256, f.figuresSha256,
      f.employer?.document ?? null, f.employer?.jsonSha256 ?? null, f.employer?.pdf ?? null, f.employer?.pdfSha256 ?? null,
    ],
  );
}

/**
 * Gives a form issued before employer documents existed its employer documents, once: a form that
 * already has them keeps them (false is returned), whoever wrote them first.
 */
export async function setEmployerDocuments(db: Queryable, id: string, documents: EmployerDocumentsRow): Promise<boolean> {
  const { rowCount } = await db.query(
    `update forms set employer_document = $2, employer_json_sha256 = $3, employer_pdf = $4, employer_pdf_sha256 = $5
     where id = $1 and employer_id is not null and employer_document is null`,
    [id, documents.document, documents.jsonSha256, documents.pdf, documents.pdfSha256],
  );
  return (rowCount ?? 0) > 0;
}

/** Forms of a contract with an employer still without their employer documents, oldest first. */
export async function formsWithoutEmployerDocuments(db: Queryable, limit: number): Promise<FormRecord[]> {
  const { rows } = await db.query<FormRow>(
    `select ${FORM_COLUMNS} from forms where employer_id is not null and employer_document is null order by issued_at, id limit $1`,
    [limit],
  );
  return rows.map(formOf);
}

export async function employerPdf(db: Queryable, id: string): Promise<StoredPdf | undefined> {
  const { rows } = await db.query<{ employer_pdf: Buffer | null; employer_pdf_sha256: string | null }>('select employer_pdf, employer_pdf_sha256 from forms where id = $1', [id]);
  const row = rows[0];
  return row?.employer_pdf && row.employer_pdf_sha256 ? { pdf: row.employer_pdf, pdfSha256: row.employer_pdf_sha256 } : undefined;
}

/** Marks the version in force superseded; only a form still in force is ever marked. */
export async function supersede(db: Queryable, id: string, by: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query('update forms set superseded_by_id = $2, superseded_at = $3 where id = $1 and superseded_by_id is null', [id, by, at]);
  return (rowCount ?? 0) > 0;
}

export async function getForm(db: Queryable, id: string): Promise<FormRecord | undefined> {
  const { rows } = await db.query<FormRow>(`select ${FORM_COLUMNS} from forms where id = $1`, [id]);
  return rows[0] && formOf(rows[0]);
}

export async function formByCode(db: Queryable, code: string): Promise<FormRecord | undefined> {
  const { rows } = await db.query<FormRow>(`select ${FORM_COLUMNS} from forms where verification_code = $1`, [code]);
  return rows[0] && formOf(rows[0]);
}

export async function codeOf(db: Queryable, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ verification_code: string }>('select verification_code from forms where id = $1', [id]);
  return rows[0]?.verification_code;
}

export async function formPdf(db: Queryable, id: string): Promise<StoredPdf | undefined> {
  const { rows } = await db.query<{ pdf: Buffer; pdf_sha256: string }>('select pdf, pdf_sha256 from forms where id = $1', [id]);
  return rows[0] && { pdf: rows[0].pdf, pdfSha256: rows[0].pdf_sha256 };
}

/** The forms in force of a person in a territory's month, per contract, locked until the transaction ends. */
export async function currentForms(db: Queryable, personId: string, territoryId: string, month: Month): Promise<FormRecord[]> {
  const { rows } = await db.query<FormRow>(
    `select ${FORM_COLUMNS} from forms where person_id = $1 and territory_id = $2 and month = $3 and superseded_by_id is null order by contract_id for update`,
    [personId, territoryId, month],
  );
  return rows.map(formOf);
}

/** Minutes of a contract's forms in force for the months from `from` up to (not including) `before`. */
export async function contractMinutesBetween(db: Queryable, contractId: string, from: Month, before: Month): Promise<number> {
  const { rows } = await db.query<{ minutes: bigint | null }>(
    'select sum(total_minutes) as minutes from forms where contract_id = $1 and superseded_by_id is null and month >= $2 and month < $3',
    [contractId, from, before],
  );
  return count(rows[0]?.minutes);
}

async function formPage(db: Queryable, where: string, params: unknown[], limit: number, cursor: string | undefined): Promise<Page<FormRecord>> {
  const after = decodeCursor(cursor, ['string', 'instant', 'uuid']) as [string, string, string] | undefined;
  if (after && !/^\d{4}-\d{2}$/.test(after[0])) throw invalid('cursor', 'is not a cursor this list gave out', 'invalid_cursor');
  const n = params.length;
  const { rows } = await db.query<FormRow>(
    `select ${FORM_COLUMNS} from forms where ${where}
       and ($${n + 1}::text is null or (month, issued_at, id) < ($${n + 1}, $${n + 2}::timestamptz, $${n + 3}::uuid))
     order by month desc, issued_at desc, id desc limit $${n + 4}`,
    [...params, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
  );
  return pageOf(rows.map(formOf), limit, (last) => [last.month, last.issuedAt.toISOString(), last.id]);
}

export const formsOfPerson = (db: Queryable, personId: string, limit: number, cursor?: string) => formPage(db, 'person_id = $1', [personId], limit, cursor);

export const formsOfTerritory = (db: Queryable, territoryId: string, month: Month, limit: number, cursor?: string) =>
  formPage(db, 'territory_id = $1 and month = $2', [territoryId, month], limit, cursor);

export const formsOfEmployer = (db: Queryable, employerId: string, month: Month, limit: number, cursor?: string) =>
  formPage(db, 'employer_id = $1 and month = $2', [employerId, month], limit, cursor);

/** An employer's forms in force for a month: what its export lists. */
export async function currentFormsOfEmployer(db: Queryable, employerId: string, month: Month): Promise<FormRecord[]> {
  const { rows } = await db.query<FormRow>(`select ${FORM_COLUMNS} from forms where employer_id = $1 and month = $2 and superseded_by_id is null order by id`, [employerId, month]);
  return rows.map(formOf);
}

// Runs

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
    [run.id, run.territoryId, run.month, run.trigger, run.sourceEventId, run.total, run.done, run.formsIssued, run.status, run.startedAt, run.completedAt],
  );
  if ((inserted.rowCount ?? 0) === 0) return false;
  await db.query(`insert into run_people (run_id, person_id, status, not_before) select $1, unnest($2::uuid[]), 'pending', $3`, [run.id, personIds, notBefore]);
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
 * The next person due in any running run, locked for this transaction; people another replica or
 * worker holds are skipped, so each is issued by one worker at a time.
 */
export async function claimPerson(db: Queryable, at: Date): Promise<RunPerson | undefined> {
  const { rows } = await db.query<{ run_id: string; person_id: string; attempts: number }>(
    `select run_id, person_id, attempts from run_people where status = 'pending' and not_before <= $1
     order by not_before, run_id, person_id limit 1 for update skip locked`,
    [at],
  );
  return rows[0] && { runId: rows[0].run_id, personId: rows[0].person_id, attempts: rows[0].attempts };
}

export async function markPersonDone(db: Queryable, runId: string, personId: string): Promise<void> {
  await db.query(`update run_people set status = 'done', attempts = attempts + 1 where run_id = $1 and person_id = $2`, [runId, personId]);
}

export async function postponePerson(db: Queryable, runId: string, personId: string, notBefore: Date): Promise<void> {
  await db.query('update run_people set attempts = attempts + 1, not_before = $3 where run_id = $1 and person_id = $2', [runId, personId, notBefore]);
}

// What currency paid

/** Records what an entry was paid; false when it was already known. */
export async function recordHoursCredit(db: Queryable, credit: { entryId: string; personId: string; currencyId: string; currencyCode: string; amountMinor: number; postedAt: Date }): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into hours_credits (entry_id, person_id, currency_id, currency_code, amount_minor, posted_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (entry_id) do nothing`,
    [credit.entryId, credit.personId, credit.currencyId, credit.currencyCode, credit.amountMinor, credit.postedAt],
  );
  return (rowCount ?? 0) > 0;
}

export async function insertFormEntries(db: Queryable, formId: string, entryIds: string[]): Promise<void> {
  await db.query('insert into form_entries (form_id, entry_id) select $1, unnest($2::uuid[])', [formId, entryIds]);
}

/** The form in force that counts an entry, if one was issued. */
export async function currentFormOfEntry(db: Queryable, entryId: string): Promise<{ personId: string; territoryId: string; month: Month } | undefined> {
  const { rows } = await db.query<{ person_id: string; territory_id: string; month: string }>(
    `select f.person_id, f.territory_id, f.month from form_entries fe join forms f on f.id = fe.form_id
     where fe.entry_id = $1 and f.superseded_by_id is null limit 1`,
    [entryId],
  );
  return rows[0] && { personId: rows[0].person_id, territoryId: rows[0].territory_id, month: rows[0].month };
}

/** Whether a run of this kind still has the person of this territory's month to go through. */
export async function hasPendingRun(db: Queryable, trigger: RunTrigger, personId: string, territoryId: string, month: Month): Promise<boolean> {
  const { rowCount } = await db.query(
    `select 1 from run_people p join runs r on r.id = p.run_id
     where p.status = 'pending' and p.person_id = $1 and r.territory_id = $2 and r.month = $3 and r.trigger = $4 limit 1`,
    [personId, territoryId, month, trigger],
  );
  return (rowCount ?? 0) > 0;
}

export async function recordWalletMovement(db: Queryable, movement: { transferId: string; personId: string; currencyId: string; amountMinor: number; postedAt: Date }): Promise<void> {
  await db.query(
    `insert into wallet_movements (transfer_id, person_id, currency_id, amount_minor, posted_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing`,
    [movement.transferId, movement.personId, movement.currencyId, movement.amountMinor, movement.postedAt],
  );
}

/** What currency paid for each of these entries. */
export async function hoursCredits(db: Queryable, entryIds: string[]): Promise<Map<string, { amountMinor: number; currencyId: string }>> {
  if (entryIds.length === 0) return new Map();
  const { rows } = await db.query<{ entry_id: string; amount_minor: bigint; currency_id: string }>(
    'select entry_id, amount_minor, currency_id from hours_credits where entry_id = any($1::uuid[])',
    [entryIds],
  );
  return new Map(rows.map((row) => [row.entry_id, { amountMinor: count(row.amount_minor), currencyId: row.currency_id }]));
}

/** A person's wallet balance in a currency just before an instant. */
export async function walletBalanceBefore(db: Queryable, personId: string, currencyId: string, before: Date): Promise<number> {
  const { rows } = await db.query<{ balance: bigint | null }>(
    'select sum(amount_minor) as balance from wallet_movements where person_id = $1 and currency_id = $2 and posted_at < $3',
    [personId, currencyId, before],
  );
  return count(rows[0]?.balance);
}

// Export layouts

export interface StoredLayout extends ExportLayout {
  organizationId: string;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export async function getLayout(db: Queryable, organizationId: string, options: { forUpdate?: boolean } = {}): Promise<StoredLayout | undefined> {
  const { rows } = await db.query<{
    organization_id: string;
    columns: ExportLayout['columns'];
    separator: ExportLayout['separator'];
    decimal_comma: boolean;
    language: ExportLanguage | null;
    version: number;
    updated_by: string;
    updated_at: Date;
  }>(
    `select organization_id, columns, separator, decimal_comma, language, version, updated_by, updated_at from export_layouts where organization_id = $1${options.forUpdate ? ' for update' : ''}`,
    [organizationId],
  );
  const row = rows[0];
  return (
    row && {
      organizationId: row.organization_id,
      columns: row.columns,
      separator: row.separator,
      decimalComma: row.decimal_comma,
      language: row.language,
      version: row.version,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    }
  );
}

export async function saveLayout(db: Queryable, layout: StoredLayout): Promise<void> {
  await db.query(
    `insert into export_layouts (organization_id, columns, separator, decimal_comma, language, version, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (organization_id) do update set columns = excluded.columns, separator = excluded.separator, decimal_comma = excluded.decimal_comma,
       language = excluded.language, version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [layout.organizationId, JSON.stringify(layout.columns), layout.separator, layout.decimalComma, layout.language, layout.version, layout.updatedBy, layout.updatedAt],
  );
}
