// Employers' payroll exports: what an employer may see of its employees' forms, the column layouts
// it configures, and the CSV and JSON files its payroll software reads, in the organization's language.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { EXPORT_COLUMN_KEYS, type ExportColumnKey } from '@e21/vocabulary';
import type { FormFigures } from './forms.js';
import { employerFormView, UNGROUPED_LABEL } from './views.js';

/** The language of an export: its default headers and its competence groups' labels. */
export type ExportLanguage = 'en' | 'fr';
export const EXPORT_LANGUAGES: readonly ExportLanguage[] = ['en', 'fr'];

/**
 * An organization's export language until it chooses one: French for an organization in France (its
 * territory's country code is FR), English anywhere else, English being the platform's common
 * language between the countries it serves.
 */
export function defaultExportLanguage(countryCode: string | undefined): ExportLanguage {
  return countryCode?.toUpperCase() === 'FR' ? 'fr' : 'en';
}

export const DEFAULT_HEADERS: Record<ExportLanguage, Record<ExportColumnKey, string>> = {
  en: {
    employee_reference: 'Employee reference',
    person_name: 'Name',
    person_id: 'Person id',
    month: 'Month',
    sar_minutes: 'SAR minutes',
    sar_hours: 'SAR hours',
    competence_groups: 'Hours: ',
    currency_credited: 'Local currency credited',
    currency_code: 'Currency',
    form_id: 'Form id',
    form_version: 'Form version',
    contract_id: 'Contract id',
    verification_code: 'Verification code',
  },
  fr: {
    employee_reference: 'Matricule',
    person_name: 'Nom',
    person_id: 'Identifiant de la personne',
    month: 'Mois',
    sar_minutes: 'Minutes DAS',
    sar_hours: 'Heures DAS',
    competence_groups: 'Heures : ',
    currency_credited: 'Monnaie locale créditée',
    currency_code: 'Monnaie',
    form_id: 'Identifiant du formulaire',
    form_version: 'Version du formulaire',
    contract_id: 'Identifiant du contrat',
    verification_code: 'Code de vérification',
  },
};

export type Separator = 'comma' | 'semicolon' | 'tab';
const SEPARATOR_CHAR: Record<Separator, string> = { comma: ',', semicolon: ';', tab: '\t' };

export interface ExportColumn {
  key: ExportColumnKey;
  /** '' for the key's default header. */
  header: string;
}

export interface ExportLayout {
  columns: ExportColumn[];
  separator: Separator;
  decimalComma: boolean;
  /** The organization's chosen language; null while it follows its default (`defaultExportLanguage`). */
  language: ExportLanguage | null;
}

/** An organization's saved layout, with its version (If-Match) and who saved it last. */
export interface StoredLayout extends ExportLayout {
  organizationId: string;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export const DEFAULT_LAYOUT: ExportLayout = {
  columns: (
    ['employee_reference', 'person_name', 'sar_hours', 'competence_groups', 'currency_credited', 'currency_code', 'form_id'] as const
  ).map((key: ExportColumnKey) => ({ key, header: '' })),
  separator: 'comma',
  decimalComma: false,
  language: null,
};

export const MAX_COLUMNS = 20;
export const MAX_HEADER_LENGTH = 60;

/** A layout's own rules: 1 to 20 known columns, each once, headers of at most 60 printable characters, English or French. */
export function checkLayout(layout: { columns: { key: string; header: string }[]; language?: string | null }): RefusalValue | undefined {
  const problems: FieldProblem[] = [];
  if (layout.language && !(EXPORT_LANGUAGES as readonly string[]).includes(layout.language))
    problems.push({
      field: 'layout.language',
      message: `must be one of ${EXPORT_LANGUAGES.join(', ')} (or absent for the organization's default)`,
    });
  if (layout.columns.length === 0 || layout.columns.length > MAX_COLUMNS)
    problems.push({ field: 'layout.columns', message: `must have 1 to ${MAX_COLUMNS} columns` });
  const seen = new Set<string>();
  layout.columns.forEach((column, index) => {
    if (!(EXPORT_COLUMN_KEYS as readonly string[]).includes(column.key)) {
      problems.push({ field: `layout.columns.${index}.key`, message: `must be one of ${EXPORT_COLUMN_KEYS.join(', ')}` });
    } else if (seen.has(column.key)) problems.push({ field: `layout.columns.${index}.key`, message: 'is already a column' });
    seen.add(column.key);
    if (column.header.length > MAX_HEADER_LENGTH)
      problems.push({ field: `layout.columns.${index}.header`, message: `must be at most ${MAX_HEADER_LENGTH} characters` });
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(column.header))
      problems.push({ field: `layout.columns.${index}.header`, message: 'must not hold control characters' });
  });
  if (problems.length === 0) return undefined;
  return refusal('invalid', 'invalid_layout', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/**
 * A row of the export: the employer view of one form of a contract the employer is a party to, its
 * minutes keyed by competence group id (one group is one column, whatever its employee's language).
 */
export interface EmployerView {
  formId: string;
  formVersion: number;
  verificationCode: string;
  personId: string;
  personName: string;
  contractId: string;
  month: string;
  sarMinutes: number;
  /** Group id ('' for competences without a group) -> minutes. */
  minutesByGroup: Map<string, number>;
  /** Group id -> its label on the form (the person's language): what names a group identity no longer knows. */
  formGroupLabels: Map<string, string>;
  currencyCreditedMinor: number | null;
  currencyCode: string;
  minorUnits: number;
}

export function employerView(
  form: { id: string; version: number; verificationCode: string; figures: FormFigures },
  employerId: string,
): EmployerView | undefined {
  const view = employerFormView(form.figures);
  if (!view || view.employerId !== employerId) return undefined;
  return {
    formId: form.id,
    formVersion: form.version,
    verificationCode: form.verificationCode,
    personId: view.personId,
    personName: view.personName,
    contractId: view.contractId,
    month: view.month,
    sarMinutes: view.totalMinutes,
    minutesByGroup: new Map(view.competenceGroups.map((g) => [g.groupId, g.minutes])),
    formGroupLabels: new Map(view.competenceGroups.map((g) => [g.groupId, g.label])),
    currencyCreditedMinor: view.currency?.creditedMinor ?? null,
    currencyCode: view.currency?.code ?? '',
    minorUnits: view.currency?.minorUnits ?? 2,
  };
}

/** A competence group as an export shows it: its column. */
export interface ExportGroup {
  groupId: string;
  label: string;
}

/**
 * The competence groups of an export, each once: labelled in the export's language (identity's label
 * in that language, else the form's, and "Other competences" for those without a group), in that
 * language's alphabetical order.
 */
export function exportGroups(views: EmployerView[], labels: Map<string, string>, language: ExportLanguage): ExportGroup[] {
  const groups = new Map<string, string>();
  for (const view of views) {
    for (const groupId of view.minutesByGroup.keys()) {
      if (groups.has(groupId)) continue;
      groups.set(
        groupId,
        groupId === '' ? UNGROUPED_LABEL[language] : (labels.get(groupId) ?? view.formGroupLabels.get(groupId) ?? groupId),
      );
    }
  }
  return [...groups]
    .map(([groupId, label]) => ({ groupId, label }))
    .sort((a, b) => a.label.localeCompare(b.label, language) || a.groupId.localeCompare(b.groupId));
}

/** Minutes as decimal hours with two decimals, in integers: 90 -> "1.50", 1 -> "0.02". */
export function hoursText(minutes: number, decimalComma: boolean): string {
  const hundredths = Math.round((minutes * 100) / 60);
  return decimalText(hundredths, 2, decimalComma);
}

/** An amount of minor units in its currency's units: 1250 with 2 minor units -> "12.50". */
export function decimalText(minor: number, minorUnits: number, decimalComma: boolean): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(minorUnits + 1, '0');
  if (minorUnits === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -minorUnits)}${decimalComma ? ',' : '.'}${digits.slice(-minorUnits)}`;
}

export interface ExportTable {
  headers: string[];
  rows: string[][];
}

/**
 * The export's table: one row per employee's form, columns as the layout orders them, default
 * headers in the export's language; the competence groups column becomes one column per group of
 * `groups` (see `exportGroups`).
 */
export function exportTable(
  views: EmployerView[],
  references: Map<string, string>,
  layout: ExportLayout,
  groups: ExportGroup[],
  language: ExportLanguage,
): ExportTable {
  const headers: string[] = [];
  const cellsOf: ((view: EmployerView) => string)[] = [];
  const hours = (minutes: number) => hoursText(minutes, layout.decimalComma);
  for (const column of layout.columns) {
    const header = column.header || DEFAULT_HEADERS[language][column.key];
    if (column.key === 'competence_groups') {
      for (const group of groups) {
        headers.push(`${header}${group.label}`);
        cellsOf.push((v) => hours(v.minutesByGroup.get(group.groupId) ?? 0));
      }
      continue;
    }
    headers.push(header);
    cellsOf.push(CELL[column.key]((v) => references.get(v.personId) ?? '', layout.decimalComma));
  }
  return { headers, rows: inExportOrder(views, references).map((view) => cellsOf.map((cell) => cell(view))) };
}

/** Employees by their reference, then name: the order of every export. */
function inExportOrder(views: EmployerView[], references: Map<string, string>): EmployerView[] {
  return [...views].sort(
    (a, b) =>
      (references.get(a.personId) ?? '').localeCompare(references.get(b.personId) ?? '') ||
      a.personName.localeCompare(b.personName) ||
      a.formId.localeCompare(b.formId),
  );
}

type Cell = (reference: (v: EmployerView) => string, decimalComma: boolean) => (v: EmployerView) => string;

const CELL: Record<Exclude<ExportColumnKey, 'competence_groups'>, Cell> = {
  employee_reference: (reference) => reference,
  person_name: () => (v) => v.personName,
  person_id: () => (v) => v.personId,
  month: () => (v) => v.month,
  sar_minutes: () => (v) => String(v.sarMinutes),
  sar_hours: (_r, comma) => (v) => hoursText(v.sarMinutes, comma),
  currency_credited: (_r, comma) => (v) =>
    v.currencyCreditedMinor === null ? '' : decimalText(v.currencyCreditedMinor, v.minorUnits, comma),
  currency_code: () => (v) => v.currencyCode,
  form_id: () => (v) => v.formId,
  form_version: () => (v) => String(v.formVersion),
  contract_id: () => (v) => v.contractId,
  verification_code: () => (v) => v.verificationCode,
};

/** RFC 4180 CSV with the layout's separator; cells that could start a spreadsheet formula are quoted with a leading apostrophe. */
export function toCsv(table: ExportTable, separator: Separator): string {
  const char = SEPARATOR_CHAR[separator];
  const cell = (value: string) => {
    const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
    return safe.includes(char) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [table.headers, ...table.rows].map((row) => row.map(cell).join(char)).join('\r\n') + '\r\n';
}

/**
 * The JSON export's employees: every employee's figures in integers (minutes, minor units), whatever
 * the CSV layout; minutes per competence group keyed by the group's id, in the order of `groups`
 * (which the file lists with their labels).
 */
export function exportJson(views: EmployerView[], references: Map<string, string>, groups: ExportGroup[]) {
  return inExportOrder(views, references).map((v) => ({
    employeeReference: references.get(v.personId) ?? '',
    personId: v.personId,
    personName: v.personName,
    month: v.month,
    contractId: v.contractId,
    formId: v.formId,
    formVersion: v.formVersion,
    verificationCode: v.verificationCode,
    sarMinutes: v.sarMinutes,
    minutesByCompetenceGroup: Object.fromEntries(
      groups.filter((g) => v.minutesByGroup.has(g.groupId)).map((g) => [g.groupId, v.minutesByGroup.get(g.groupId)!]),
    ),
    currencyCreditedMinor: v.currencyCreditedMinor,
    currencyCode: v.currencyCode,
    minorUnits: v.minorUnits,
  }));
}
