// Typed calls to the gateway's payroll endpoints: my Societal Activity Forms, a territory's issuing
// runs, an employer's exports and their layout, and the public verification of a form.
import { api } from '../api';
import type { Items, Page } from './identity';

export interface SocietalActivityForm {
  id: string;
  personName: string;
  contractId: string;
  employerName: string | null;
  territoryName: string;
  month: string;
  version: number;
  status: 'current' | 'superseded';
  issuedAt: string;
  totalMinutes: number;
  projects: { projectId: string; title: string; minutes: number }[];
  competences: { skillId: string; label: string; groupLabel: string; minutes: number }[];
  contractYear: { start: string; end: string; yearlyMinutes: number; toDateMinutes: number };
  currency: { code: string; minorUnits: number; creditedMinor: number; balanceAtMonthEndMinor: number } | null;
  verificationCode: string;
  pdfSha256: string;
}

export interface IssuingRun {
  id: string;
  territoryId: string;
  month: string;
  trigger: 'close' | 'correction' | 'payment';
  status: 'running' | 'completed';
  total: number;
  done: number;
  percent: number;
  formsIssued: number;
  startedAt: string;
  completedAt: string | null;
}

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
export type Separator = 'comma' | 'semicolon' | 'tab';

export interface ExportLayout {
  columns: { key: ColumnKey; header: string }[];
  separator: Separator;
  decimalComma: boolean;
  version: number;
}

export interface Preview {
  headers: string[];
  rows: string[][];
  totalRows: number;
}

export interface Verification {
  code: string;
  found: boolean;
  status: 'current' | 'superseded' | null;
  version: number | null;
  month: string | null;
  issuedAt: string | null;
  supersededAt: string | null;
  supersededByCode: string | null;
  pdfSha256: string | null;
  jsonSha256: string | null;
  matches: boolean | null;
  form: SocietalActivityForm | null;
}

const id = encodeURIComponent;
const organization = (organizationId: string) => `/v1/payroll/organizations/${id(organizationId)}`;

export const listMyForms = (cursor?: string | null) => api.get<Page<SocietalActivityForm>>('/v1/payroll/me/forms', { query: { limit: 50, cursor } });
export const formDocumentHref = (formId: string, format: 'pdf' | 'json') => `/v1/payroll/forms/${id(formId)}/document?format=${format}`;

export const listRuns = (territoryId: string) => api.get<Items<IssuingRun>>(`/v1/payroll/territories/${id(territoryId)}/runs`, { query: { limit: 24 } });

export const getLayout = (organizationId: string) => api.get<ExportLayout>(`${organization(organizationId)}/export-layout`);
export const saveLayout = (organizationId: string, layout: Omit<ExportLayout, 'version'>, version: number) =>
  api.put<ExportLayout>(`${organization(organizationId)}/export-layout`, { columns: layout.columns, separator: layout.separator, decimalComma: layout.decimalComma }, { headers: { 'If-Match': `"${version}"` } });
export const previewExport = (organizationId: string, month: string, layout: Omit<ExportLayout, 'version'>) =>
  api.post<Preview>(`${organization(organizationId)}/exports/${id(month)}/preview`, { layout: { columns: layout.columns, separator: layout.separator, decimalComma: layout.decimalComma }, limit: 10 });
export const exportHref = (organizationId: string, month: string, format: 'csv' | 'json') => `${organization(organizationId)}/exports/${id(month)}?format=${format}`;

export const verifyForm = (code: string, sha256?: string) => api.get<Verification>(`/v1/payroll/verifications/${id(code.trim())}`, { query: { sha256 } });

/** SHA-256 (hex) of a file the person picked, computed in the browser: the file never leaves it. */
export async function sha256Of(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
