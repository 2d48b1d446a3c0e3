// payroll's protobuf messages as the REST API shows them: minutes and minor units as numbers, enums as words.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/payroll/v1/payroll';
import { orNull } from '../common.js';

const n = (value: bigint | undefined) => Number(value ?? 0n);

/** The whole form: its person's and the officers'. */
export const formOut = (f: proto.SocietalActivityForm) => ({
  view: 'whole' as const,
  id: f.id,
  personId: f.personId,
  personName: f.personName,
  language: f.language === 'fr' ? ('fr' as const) : ('en' as const),
  contractId: f.contractId,
  contractVersion: f.contractVersion,
  contractKind: f.contractKind,
  employerId: orNull(f.employerId),
  employerName: orNull(f.employerName),
  territoryId: f.territoryId,
  territoryName: f.territoryName,
  month: f.month,
  version: f.version,
  status: fromProtoEnum<'current' | 'superseded'>('FORM_STATUS', f.status) ?? 'current',
  supersedesId: orNull(f.supersedesId),
  supersededById: orNull(f.supersededById),
  issuedAt: f.issuedAt,
  supersededAt: orNull(f.supersededAt),
  totalMinutes: n(f.totalMinutes),
  projects: f.projects.map((p) => ({ projectId: p.projectId, title: p.title, minutes: n(p.minutes) })),
  competences: f.competences.map((c) => ({
    skillId: c.skillId,
    label: c.label,
    groupId: c.groupId,
    groupLabel: c.groupLabel,
    minutes: n(c.minutes),
  })),
  projectCompetences: f.projectCompetences.map((pc) => ({ projectId: pc.projectId, skillId: pc.skillId, minutes: n(pc.minutes) })),
  challenges: f.challenges.map((c) => ({ challengeId: c.challengeId, title: c.title, minutes: n(c.minutes) })),
  contractYear: {
    start: f.contractYearStart,
    end: f.contractYearEnd,
    yearlyMinutes: n(f.yearlyMinutes),
    toDateMinutes: n(f.yearToDateMinutes),
  },
  currency: f.currency
    ? {
        currencyId: f.currency.currencyId,
        code: f.currency.code,
        minorUnits: f.currency.minorUnits,
        creditedMinor: n(f.currency.creditedMinor),
        balanceAtMonthEndMinor: n(f.currency.balanceAtMonthEndMinor),
      }
    : null,
  verificationCode: f.verificationCode,
  pdfSha256: f.pdfSha256,
  jsonSha256: f.jsonSha256,
});

/** The employer view: the employer's (hours by competence group, the contract's hours, the currency credited). */
export const employerViewOut = (v: proto.EmployerFormView) => ({
  view: 'employer' as const,
  id: v.id,
  personId: v.personId,
  personName: v.personName,
  language: v.language === 'fr' ? ('fr' as const) : ('en' as const),
  contractId: v.contractId,
  contractVersion: v.contractVersion,
  contractKind: v.contractKind,
  employerId: v.employerId,
  employerName: v.employerName,
  territoryId: v.territoryId,
  territoryName: v.territoryName,
  month: v.month,
  version: v.version,
  status: fromProtoEnum<'current' | 'superseded'>('FORM_STATUS', v.status) ?? 'current',
  supersedesId: orNull(v.supersedesId),
  supersededById: orNull(v.supersededById),
  issuedAt: v.issuedAt,
  supersededAt: orNull(v.supersededAt),
  totalMinutes: n(v.totalMinutes),
  competenceGroups: v.competenceGroups.map((g) => ({ groupId: g.groupId, label: g.label, minutes: n(g.minutes) })),
  contractYear: {
    start: v.contractYearStart,
    end: v.contractYearEnd,
    yearlyMinutes: n(v.yearlyMinutes),
    toDateMinutes: n(v.yearToDateMinutes),
  },
  currency: v.currency
    ? {
        currencyId: v.currency.currencyId,
        code: v.currency.code,
        minorUnits: v.currency.minorUnits,
        creditedMinor: n(v.currency.creditedMinor),
      }
    : null,
  verificationCode: v.verificationCode,
  pdfSha256: v.pdfSha256,
  jsonSha256: v.jsonSha256,
});

/** A form as the payroll service decided its reader sees it; null when it shows no figures. */
export const formForReaderOut = (v: {
  form?: proto.SocietalActivityForm | undefined;
  employerView?: proto.EmployerFormView | undefined;
}) => (v.form ? formOut(v.form) : v.employerView ? employerViewOut(v.employerView) : null);

export const runOut = (r: proto.IssuingRun) => ({
  id: r.id,
  territoryId: r.territoryId,
  month: r.month,
  trigger: fromProtoEnum<'close' | 'correction' | 'payment'>('RUN_TRIGGER', r.trigger) ?? 'close',
  status: fromProtoEnum<'running' | 'completed'>('RUN_STATUS', r.status) ?? 'running',
  total: r.total,
  done: r.done,
  percent: r.total === 0 ? 100 : Math.floor((r.done * 100) / r.total),
  formsIssued: r.formsIssued,
  startedAt: r.startedAt,
  completedAt: orNull(r.completedAt),
});

export const verificationOut = (v: proto.FormVerification) => ({
  code: v.code,
  found: v.found,
  status: v.found ? (fromProtoEnum<'current' | 'superseded'>('FORM_STATUS', v.status) ?? null) : null,
  version: v.found ? v.version : null,
  month: orNull(v.month),
  issuedAt: orNull(v.issuedAt),
  supersededAt: orNull(v.supersededAt),
  supersededByCode: orNull(v.supersededByCode),
  pdfSha256: orNull(v.pdfSha256),
  jsonSha256: orNull(v.jsonSha256),
  employerPdfSha256: orNull(v.employerPdfSha256),
  employerJsonSha256: orNull(v.employerJsonSha256),
  matches: v.sha256Given ? v.matches : null,
  matchedDocument: fromProtoEnum<'pdf' | 'json' | 'employer_pdf' | 'employer_json'>('FORM_DOCUMENT_KIND', v.matchedDocument) ?? null,
  reader: fromProtoEnum<'person' | 'office' | 'employer' | 'public'>('FORM_READER', v.reader) ?? 'public',
  form: formForReaderOut(v),
});

export const layoutOut = (l: proto.ExportLayout) => ({
  organizationId: l.organizationId,
  columns: l.columns.map((c) => ({ key: c.key, header: c.header })),
  separator: fromProtoEnum<'comma' | 'semicolon' | 'tab'>('EXPORT_SEPARATOR', l.separator) ?? 'comma',
  decimalComma: l.decimalComma,
  version: l.version,
  updatedBy: orNull(l.updatedBy),
  updatedAt: orNull(l.updatedAt),
  language: l.language === 'fr' ? ('fr' as const) : ('en' as const),
  chosenLanguage: l.chosenLanguage === 'fr' || l.chosenLanguage === 'en' ? l.chosenLanguage : null,
});

export const layoutIn = (layout: {
  columns: { key: string; header: string }[];
  separator: string;
  decimalComma: boolean;
  language?: string | undefined;
}): proto.LayoutInput => ({
  columns: layout.columns,
  separator: toProtoEnum<proto.ExportSeparator>('EXPORT_SEPARATOR', layout.separator),
  decimalComma: layout.decimalComma,
  language: layout.language ?? '',
});
