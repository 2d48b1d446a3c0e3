// Employers' payroll exports: what an employer may see of its employees' forms, the column layouts
// it configures, and the CSV and JSON files its payroll software reads.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import type { FormFigures } from './forms.js';

export const COLUMN_KEYS = [
  'employee_reference',
  'person_name',
  'person_id',
  'month',
  'sar_minutes',
  'sar_hours',
  'competence_groups',
  'currency_credited',
  'currency_code',
  'form_id',
  'form_version',
  'contract_id',
  'verification_code',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const DEFAULT_HEADERS: Record<ColumnKey, string> = {
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
};

export type Separator = 'comma' | 'semicolon' | 'tab';
const SEPARATOR_CHAR: Record<Separator, string> = { comma: ',', semicolon: ';', tab: '\t' };

export interface ExportColumn {
  key: ColumnKey;
  /** '' for the key's default header. */
  header: string;
}

export interface ExportLayout {
  columns: ExportColumn[];
  separator: Separator;
  decimalComma: boolean;
}

export const DEFAULT_LAYOUT: ExportLayout = {
  columns: ['employee_reference', 'person_name', 'sar_hours', 'competence_groups', 'currency_credited', 'currency_code', 'form_id'].map((key) => ({ key: key as ColumnKey, header: '' })),
  separator: 'comma',
  decimalComma: false,
};

export const MAX_COLUMNS = 20;
export const MAX_HEADER_LENGTH = 60;

/** A layout's own rules: 1 to 20 known columns, each once, headers of at most 60 printable characters. */
export function checkLayout(layout: { columns: { key: string; header: string }[] }): RefusalValue | undefined {
  const problems: FieldProblem[] = [];
  if (layout.columns.length === 0 || layout.columns.length > MAX_COLUMNS) problems.push({ field: 'layout.columns', message: `must have 1 to ${MAX_COLUMNS} columns` });
  const seen = new Set<string>();
  layout.columns.forEach((column, index) => {
    if (!(COLUMN_KEYS as readonly string[]).includes(column.key)) problems.push({ field: `layout.columns.${index}.key`, message: `must be one of ${COLUMN_KEYS.join(', ')}` });
    else if (seen.has(column.key)) problems.push({ field: `layout.columns.${index}.key`, message: 'is already a column' });
    seen.add(column.key);
    if (column.header.length > MAX_HEADER_LENGTH) problems.push({ field: `layout.columns.${index}.header`, message: `must be at most ${MAX_HEADER_LENGTH} characters` });
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(column.header)) problems.push({ field: `layout.columns.${index}.header`, message: 'must not hold control characters' });
  });
  if (problems.length === 0) return undefined;
  return refusal('invalid', 'invalid_layout', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/**
 * What an employer sees of a form of a contract it is a party to: the hours given under that
 * contract, by competence group, and what they were paid. Never the projects, the challenges, the
 * wallet balance, nor any form of another contract.
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
  /** Group label -> minutes. */
  minutesByGroup: Map<string, number>;
  currencyCreditedMinor: number | null;
  currencyCode: string;
  minorUnits: number;
}

export function employerView(form: { id: string; version: number; verificationCode: string; figures: FormFigures }, employerId: string): EmployerView | undefined {
  const { figures } = form;
  if (figures.employerId !== employerId) return undefined;
  const minutesByGroup = new Map<string, number>();
  for (const competence of figures.competences) {
    const group = competence.groupLabel || competence.label;
    minutesByGroup.set(group, (minutesByGroup.get(group) ?? 0) + competence.minutes);
  }
  return {
    formId: form.id,
    formVersion: form.version,
    verificationCode: form.verificationCode,
    personId: figures.personId,
    personName: figures.personName,
    contractId: figures.contractId,
    month: figures.month,
    sarMinutes: figures.totalMinutes,
    minutesByGroup,
    currencyCreditedMinor: figures.currency?.creditedMinor ?? null,
    currencyCode: figures.currency?.code ?? '',
    minorUnits: figures.currency?.minorUnits ?? 2,
  };
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
 * The export's table: one row per employee's form, columns as the layout orders them; the
 * competence groups column becomes one column per group found in the month, in alphabetical order.
 */
export function exportTable(views: EmployerView[], references: Map<string, string>, layout: ExportLayout): ExportTable {
  const groups = [...new Set(views.flatMap((v) => [...v.minutesByGroup.keys()]))].sort((a, b) => a.localeCompare(b));
  const headers: string[] = [];
  const cellsOf: ((view: EmployerView) => string)[] = [];
  const hours = (minutes: number) => hoursText(minutes, layout.decimalComma);
  for (const column of layout.columns) {
    const header = column.header || DEFAULT_HEADERS[column.key];
    if (column.key === 'competence_groups') {
      for (const group of groups) {
        headers.push(`${header}${group}`);
        cellsOf.push((v) => hours(v.minutesByGroup.get(group) ?? 0));
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
  return [...views].sort((a, b) => (references.get(a.personId) ?? '').localeCompare(references.get(b.personId) ?? '') || a.personName.localeCompare(b.personName) || a.formId.localeCompare(b.formId));
}

type Cell = (reference: (v: EmployerView) => string, decimalComma: boolean) => (v: EmployerView) => string;

const CELL: Record<Exclude<ColumnKey, 'competence_groups'>, Cell> = {
  employee_reference: (reference) => reference,
  person_name: () => (v) => v.personName,
  person_id: () => (v) => v.personId,
  month: () => (v) => v.month,
  sar_minutes: () => (v) => String(v.sarMinutes),
  sar_hours: (_r, comma) => (v) => hoursText(v.sarMinutes, comma),
  currency_credited: (_r, comma) => (v) => (v.currencyCreditedMinor === null ? '' : decimalText(v.currencyCreditedMinor, v.minorUnits, comma)),
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

/** The JSON export: every employee's figures in integers (minutes, minor units), whatever the CSV layout. */
export function exportJson(views: EmployerView[], references: Map<string, string>) {
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
    minutesByCompetenceGroup: Object.fromEntries([...v.minutesByGroup].sort(([a], [b]) => a.localeCompare(b))),
    currencyCreditedMinor: v.currencyCreditedMinor,
    currencyCode: v.currencyCode,
    minorUnits: v.minorUnits,
  }));
}
