// SQL of Societal Activity Forms: their versions, documents and entries, and the lists that read them.
import { decodeCursor, isMonth, invalid, pageOf, type Page, type Queryable } from '@e21/kit';
import type { Month } from '../domain/dates.js';
import type { EmployerDocuments, FormFigures, FormRecord } from '../domain/forms.js';

const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

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
export interface NewForm extends Omit<
  FormRecord,
  'supersededById' | 'supersededAt' | 'figures' | 'employerDocument' | 'employerJsonSha256' | 'employerPdfSha256'
> {
  pdf: Buffer;
  employer: EmployerDocuments | undefined;
}

export async function insertForm(db: Queryable, f: NewForm): Promise<void> {
  await db.query(
    `insert into forms (id, person_id, contract_id, employer_id, territory_id, month, version, supersedes_id, run_id, issued_at, total_minutes,
       verification_code, document, json_sha256, pdf, pdf_sha256, figures_sha256, employer_document, employer_json_sha256, employer_pdf, employer_pdf_sha256)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
    [
      f.id,
      f.personId,
      f.contractId,
      f.employerId,
      f.territoryId,
      f.month,
      f.version,
      f.supersedesId,
      f.runId,
      f.issuedAt,
      f.totalMinutes,
      f.verificationCode,
      f.document,
      f.jsonSha256,
      f.pdf,
      f.pdfSha256,
      f.figuresSha256,
      f.employer?.document ?? null,
      f.employer?.jsonSha256 ?? null,
      f.employer?.pdf ?? null,
      f.employer?.pdfSha256 ?? null,
    ],
  );
}

/**
 * Gives a form issued before employer documents existed its employer documents, once: a form that
 * already has them keeps them (false is returned), whoever wrote them first.
 */
export async function setEmployerDocuments(db: Queryable, id: string, documents: EmployerDocuments): Promise<boolean> {
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
  const { rows } = await db.query<{ employer_pdf: Buffer | null; employer_pdf_sha256: string | null }>(
    'select employer_pdf, employer_pdf_sha256 from forms where id = $1',
    [id],
  );
  const row = rows[0];
  return row?.employer_pdf && row.employer_pdf_sha256 ? { pdf: row.employer_pdf, pdfSha256: row.employer_pdf_sha256 } : undefined;
}

/** Marks the version in force superseded; only a form still in force is ever marked. */
export async function supersede(db: Queryable, id: string, by: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    'update forms set superseded_by_id = $2, superseded_at = $3 where id = $1 and superseded_by_id is null',
    [id, by, at],
  );
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

async function formPage(
  db: Queryable,
  where: string,
  params: unknown[],
  limit: number,
  cursor: string | undefined,
): Promise<Page<FormRecord>> {
  const after = decodeCursor(cursor, ['string', 'instant', 'uuid']) as [string, string, string] | undefined;
  if (after && !isMonth(after[0])) throw invalid('cursor', 'is not a cursor this list gave out', 'invalid_cursor');
  const n = params.length;
  const { rows } = await db.query<FormRow>(
    `select ${FORM_COLUMNS} from forms where ${where}
       and ($${n + 1}::text is null or (month, issued_at, id) < ($${n + 1}, $${n + 2}::timestamptz, $${n + 3}::uuid))
     order by month desc, issued_at desc, id desc limit $${n + 4}`,
    [...params, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit + 1],
  );
  return pageOf(rows.map(formOf), limit, (last) => [last.month, last.issuedAt.toISOString(), last.id]);
}

export const formsOfPerson = (db: Queryable, personId: string, limit: number, cursor?: string) =>
  formPage(db, 'person_id = $1', [personId], limit, cursor);

export const formsOfTerritory = (db: Queryable, territoryId: string, month: Month, limit: number, cursor?: string) =>
  formPage(db, 'territory_id = $1 and month = $2', [territoryId, month], limit, cursor);

export const formsOfEmployer = (db: Queryable, employerId: string, month: Month, limit: number, cursor?: string) =>
  formPage(db, 'employer_id = $1 and month = $2', [employerId, month], limit, cursor);

/** An employer's forms in force for a month: what its export lists. */
export async function currentFormsOfEmployer(db: Queryable, employerId: string, month: Month): Promise<FormRecord[]> {
  const { rows } = await db.query<FormRow>(
    `select ${FORM_COLUMNS} from forms where employer_id = $1 and month = $2 and superseded_by_id is null order by id`,
    [employerId, month],
  );
  return rows.map(formOf);
}

export async function insertFormEntries(db: Queryable, formId: string, entryIds: string[]): Promise<void> {
  await db.query('insert into form_entries (form_id, entry_id) select $1, unnest($2::uuid[])', [formId, entryIds]);
}

/** The form in force that counts an entry, if one was issued. */
export async function currentFormOfEntry(
  db: Queryable,
  entryId: string,
): Promise<{ personId: string; territoryId: string; month: Month } | undefined> {
  const { rows } = await db.query<{ person_id: string; territory_id: string; month: string }>(
    `select f.person_id, f.territory_id, f.month from form_entries fe join forms f on f.id = fe.form_id
     where fe.entry_id = $1 and f.superseded_by_id is null limit 1`,
    [entryId],
  );
  return rows[0] && { personId: rows[0].person_id, territoryId: rows[0].territory_id, month: rows[0].month };
}
