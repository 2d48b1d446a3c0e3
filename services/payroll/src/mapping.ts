// Domain values to protobuf messages and back: forms and their employer views, runs, export layouts.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type {
  EmployerFormView,
  ExportLayout as ExportLayoutMessage,
  FormReader as FormReaderMessage,
  ExportSeparator,
  FormStatus,
  IssuingRun as IssuingRunMessage,
  LayoutInput,
  RunStatus,
  RunTrigger,
  SocietalActivityForm,
} from '@e21/proto/e21/payroll/v1/payroll';
import type { ExportLanguage, ExportLayout, Separator } from './domain/exports.js';
import type { IssuingRun } from './domain/runs.js';
import { employerFormView, type FormReader } from './domain/views.js';
import type { FormRecord } from './domain/forms.js';
import type { StoredLayout } from './domain/exports.js';

const instant = (value: Date | null) => (value ? value.toISOString() : '');

export const formStatusOf = (form: Pick<FormRecord, 'supersededById'>): 'current' | 'superseded' =>
  form.supersededById ? 'superseded' : 'current';

export function formToProto(form: FormRecord): SocietalActivityForm {
  const f = form.figures;
  return {
    id: form.id,
    personId: f.personId,
    personName: f.personName,
    language: f.language,
    contractId: f.contractId,
    contractVersion: f.contractVersion,
    contractKind: f.contractKind,
    employerId: f.employerId ?? '',
    employerName: f.employerName,
    territoryId: f.territoryId,
    territoryName: f.territoryName,
    month: f.month,
    version: form.version,
    status: toProtoEnum<FormStatus>('FORM_STATUS', formStatusOf(form)),
    supersedesId: form.supersedesId ?? '',
    supersededById: form.supersededById ?? '',
    issuedAt: instant(form.issuedAt),
    supersededAt: instant(form.supersededAt),
    totalMinutes: BigInt(f.totalMinutes),
    projects: f.projects.map((p) => ({ ...p, minutes: BigInt(p.minutes) })),
    competences: f.competences.map((c) => ({ ...c, minutes: BigInt(c.minutes) })),
    projectCompetences: f.projectCompetences.map((pc) => ({ ...pc, minutes: BigInt(pc.minutes) })),
    challenges: f.challenges.map((c) => ({ ...c, minutes: BigInt(c.minutes) })),
    contractYearStart: f.contractYearStart,
    contractYearEnd: f.contractYearEnd,
    yearlyMinutes: BigInt(f.yearlyMinutes),
    yearToDateMinutes: BigInt(f.yearToDateMinutes),
    currency: f.currency
      ? {
          currencyId: f.currency.currencyId,
          code: f.currency.code,
          minorUnits: f.currency.minorUnits,
          creditedMinor: BigInt(f.currency.creditedMinor),
          balanceAtMonthEndMinor: BigInt(f.currency.balanceAtMonthEndMinor),
        }
      : undefined,
    verificationCode: form.verificationCode,
    pdfSha256: form.pdfSha256,
    jsonSha256: form.jsonSha256,
  };
}

export const readerToProto = (reader: FormReader): FormReaderMessage => toProtoEnum('FORM_READER', reader);

/** The employer view of a form of a contract with an employer, with its own documents' hashes. */
export function employerViewToProto(form: FormRecord): EmployerFormView {
  const v = employerFormView(form.figures);
  if (!v) throw new Error(`form ${form.id} has no employer: it has no employer view`);
  return {
    id: form.id,
    personId: v.personId,
    personName: v.personName,
    language: v.language,
    contractId: v.contractId,
    contractVersion: v.contractVersion,
    contractKind: v.contractKind,
    employerId: v.employerId,
    employerName: v.employerName,
    territoryId: v.territoryId,
    territoryName: v.territoryName,
    month: v.month,
    version: form.version,
    status: toProtoEnum<FormStatus>('FORM_STATUS', formStatusOf(form)),
    supersedesId: form.supersedesId ?? '',
    supersededById: form.supersededById ?? '',
    issuedAt: instant(form.issuedAt),
    supersededAt: instant(form.supersededAt),
    totalMinutes: BigInt(v.totalMinutes),
    competenceGroups: v.competenceGroups.map((g) => ({ groupId: g.groupId, label: g.label, minutes: BigInt(g.minutes) })),
    contractYearStart: v.contractYearStart,
    contractYearEnd: v.contractYearEnd,
    yearlyMinutes: BigInt(v.yearlyMinutes),
    yearToDateMinutes: BigInt(v.yearToDateMinutes),
    currency: v.currency
      ? {
          currencyId: v.currency.currencyId,
          code: v.currency.code,
          minorUnits: v.currency.minorUnits,
          creditedMinor: BigInt(v.currency.creditedMinor),
        }
      : undefined,
    verificationCode: form.verificationCode,
    pdfSha256: form.employerPdfSha256 ?? '',
    jsonSha256: form.employerJsonSha256 ?? '',
  };
}

export function runToProto(run: IssuingRun): IssuingRunMessage {
  return {
    id: run.id,
    territoryId: run.territoryId,
    month: run.month,
    trigger: toProtoEnum<RunTrigger>('RUN_TRIGGER', run.trigger),
    status: toProtoEnum<RunStatus>('RUN_STATUS', run.status),
    total: run.total,
    done: run.done,
    formsIssued: run.formsIssued,
    startedAt: instant(run.startedAt),
    completedAt: instant(run.completedAt),
  };
}

export const separatorToProto = (separator: Separator): ExportSeparator => toProtoEnum('EXPORT_SEPARATOR', separator);

/** `language` is the one the layout writes in: its chosen one, or the organization's default. */
export function layoutToProto(
  organizationId: string,
  layout: ExportLayout,
  language: ExportLanguage,
  stored?: StoredLayout,
): ExportLayoutMessage {
  return {
    organizationId,
    columns: layout.columns.map((c) => ({ key: c.key, header: c.header })),
    separator: separatorToProto(layout.separator),
    decimalComma: layout.decimalComma,
    version: stored?.version ?? 0,
    updatedBy: stored?.updatedBy ?? '',
    updatedAt: instant(stored?.updatedAt ?? null),
    language,
    chosenLanguage: layout.language ?? '',
  };
}

/**
 * A layout as sent: keys trimmed (headers kept as written: a prefix may end with a space), the
 * separator a comma unless named, the language the organization's default unless named.
 */
export function layoutFromProto(input: LayoutInput): {
  columns: { key: string; header: string }[];
  separator: Separator;
  decimalComma: boolean;
  language: string | null;
} {
  return {
    columns: input.columns.map((c) => ({ key: c.key.trim(), header: c.header })),
    separator: fromProtoEnum<Separator>('EXPORT_SEPARATOR', input.separator) ?? 'comma',
    decimalComma: input.decimalComma,
    language: input.language.trim().toLowerCase() || null,
  };
}
