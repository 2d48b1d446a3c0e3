// Typed calls to the gateway's payroll endpoints: my Societal Activity Forms, a territory's issuing
// runs, an employer's forms (their employer view), exports and their layout, and the public
// verification of a form.
import type { ExportColumnKey } from '@e21/vocabulary';
import { api, ifMatch } from '../api';
import type { Items, Page } from './identity';

/** The whole form: its person's and the officers'. */
export interface SocietalActivityForm {
  view: 'whole';
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

/** The employer view of a form: hours, hours per competence group, the contract year, the currency credited. */
export interface EmployerFormView {
  view: 'employer';
  id: string;
  personId: string;
  personName: string;
  contractId: string;
  employerName: string;
  month: string;
  version: number;
  status: 'current' | 'superseded';
  issuedAt: string;
  totalMinutes: number;
  competenceGroups: { groupId: string; label: string; minutes: number }[];
  contractYear: { start: string; end: string; yearlyMinutes: number; toDateMinutes: number };
  currency: { code: string; minorUnits: number; creditedMinor: number } | null;
  verificationCode: string;
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

export type Separator = 'comma' | 'semicolon' | 'tab';
export type ExportLanguage = 'en' | 'fr';

export interface ExportLayout {
  columns: { key: ExportColumnKey; header: string }[];
  separator: Separator;
  decimalComma: boolean;
  /** The language exports are written in: the chosen one, or the organization's default. */
  language: ExportLanguage;
  chosenLanguage: ExportLanguage | null;
  version: number;
}

/** What a layout being edited sends: `language` null follows the organization's default. */
export type LayoutInput = Pick<ExportLayout, 'columns' | 'separator' | 'decimalComma'> & { language: ExportLanguage | null };

export interface Preview {
  headers: string[];
  rows: string[][];
  totalRows: number;
  language: ExportLanguage;
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
  employerPdfSha256: string | null;
  employerJsonSha256: string | null;
  matches: boolean | null;
  matchedDocument: 'pdf' | 'json' | 'employer_pdf' | 'employer_json' | null;
  reader: 'person' | 'office' | 'employer' | 'public';
  /** The whole form for its person and the officers, the employer view for its employer, null for anyone else. */
  form: SocietalActivityForm | EmployerFormView | null;
}

const id = encodeURIComponent;
const organization = (organizationId: string) => `/v1/payroll/organizations/${id(organizationId)}`;

export const listMyForms = (cursor?: string | null) =>
  api.get<Page<SocietalActivityForm>>('/v1/payroll/me/forms', { query: { limit: 50, cursor } });
export const formDocumentHref = (formId: string, format: 'pdf' | 'json') => `/v1/payroll/forms/${id(formId)}/document?format=${format}`;

export const listRuns = (territoryId: string) =>
  api.get<Items<IssuingRun>>(`/v1/payroll/territories/${id(territoryId)}/runs`, { query: { limit: 24 } });

export const listEmployerForms = (organizationId: string, month: string, cursor?: string | null) =>
  api.get<Page<EmployerFormView>>(`${organization(organizationId)}/forms`, { query: { month, limit: 100, cursor } });

/** A layout as the API takes it: the language only when the organization chose one. */
const layoutBody = (layout: LayoutInput) => ({
  columns: layout.columns,
  separator: layout.separator,
  decimalComma: layout.decimalComma,
  ...(layout.language ? { language: layout.language } : {}),
});

export const getLayout = (organizationId: string) => api.get<ExportLayout>(`${organization(organizationId)}/export-layout`);
export const saveLayout = (organizationId: string, layout: LayoutInput, version: number) =>
  api.put<ExportLayout>(`${organization(organizationId)}/export-layout`, layoutBody(layout), ifMatch(version));
export const previewExport = (organizationId: string, month: string, layout: LayoutInput) =>
  api.post<Preview>(`${organization(organizationId)}/exports/${id(month)}/preview`, { layout: layoutBody(layout), limit: 10 });
export const exportHref = (organizationId: string, month: string, format: 'csv' | 'json') =>
  `${organization(organizationId)}/exports/${id(month)}?format=${format}`;

export const verifyForm = (code: string, sha256?: string) =>
  api.get<Verification>(`/v1/payroll/verifications/${id(code.trim())}`, { query: { sha256 } });

/** SHA-256 (hex) of a file the person picked, computed in the browser: the file never leaves it. */
export async function sha256Of(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
