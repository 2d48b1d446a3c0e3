// Domain values to protobuf messages and back: entries, statuses, periods, report dimensions.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type { TimeEntryFacts } from '@e21/proto/e21/events/v1/timesheets';
import {
  EntryStatus as ProtoEntryStatus,
  PeriodStatus,
  ReportDimension as ProtoReportDimension,
  type EntryCorrection as EntryCorrectionMessage,
  type Period as PeriodMessage,
  type TimeEntry as TimeEntryMessage,
} from '@e21/proto/e21/timesheets/v1/timesheets';
import type { Month } from './domain/dates.js';
import type { EntryCorrection } from './domain/corrections.js';
import type { EntryStatus, TimeEntry } from './domain/entries.js';
import type { ClosedPeriod } from './domain/periods.js';
import type { ReportDimension } from './domain/report.js';
import type { MonthFigures } from './store.js';

export const entryStatusToProto = (status: EntryStatus): ProtoEntryStatus => toProtoEnum('ENTRY_STATUS', status);
export const entryStatusFromProto = (value: ProtoEntryStatus | undefined) => fromProtoEnum<EntryStatus>('ENTRY_STATUS', value);
export const dimensionFromProto = (value: ProtoReportDimension | undefined) => fromProtoEnum<ReportDimension>('REPORT_DIMENSION', value);
export const dimensionToProto = (value: ReportDimension): ProtoReportDimension => toProtoEnum('REPORT_DIMENSION', value);

/** An int64 from the wire as a number; values beyond what a number holds exactly become NaN, which validation refuses. */
export function minutesFromProto(value: bigint | undefined): number {
  const minutes = value ?? 0n;
  return minutes > BigInt(Number.MAX_SAFE_INTEGER) || minutes < -BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(minutes);
}

const instant = (value: Date | null) => (value ? value.toISOString() : '');

export function entryToProto(e: TimeEntry): TimeEntryMessage {
  return {
    id: e.id,
    personId: e.personId,
    personName: e.personName,
    contractId: e.contractId,
    employerId: e.employerId ?? '',
    employerName: e.employerName,
    projectId: e.projectId,
    projectTitle: e.projectTitle,
    territoryId: e.territoryId,
    date: e.date,
    month: e.month,
    minutes: BigInt(e.minutes),
    competenceId: e.competenceId,
    note: e.note,
    status: entryStatusToProto(e.status),
    version: e.version,
    submittedAt: instant(e.submittedAt),
    updatedAt: instant(e.updatedAt),
    decidedBy: e.decidedBy ?? '',
    decidedAt: instant(e.decidedAt),
    rejectionReason: e.rejectionReason,
    carriedFrom: e.carriedFrom ?? '',
  };
}

/** What the events say about an entry. */
export function entryFacts(e: TimeEntry): TimeEntryFacts {
  return {
    entryId: e.id,
    personId: e.personId,
    contractId: e.contractId,
    employerId: e.employerId ?? '',
    projectId: e.projectId,
    date: e.date,
    minutes: BigInt(e.minutes),
    competenceId: e.competenceId,
    territoryId: e.territoryId,
    month: e.month,
  };
}

const NO_FIGURES = { pendingCount: 0, pendingMinutes: 0, approvedCount: 0, approvedMinutes: 0, rejectedCount: 0, carriedInCount: 0 };

export function periodToProto(
  territoryId: string,
  month: Month,
  figures: MonthFigures | undefined,
  closed: ClosedPeriod | undefined,
): PeriodMessage {
  const f = figures ?? NO_FIGURES;
  return {
    id: closed?.id ?? '',
    territoryId,
    month,
    status: closed ? PeriodStatus.PERIOD_STATUS_CLOSED : PeriodStatus.PERIOD_STATUS_OPEN,
    pendingCount: f.pendingCount,
    pendingMinutes: BigInt(f.pendingMinutes),
    approvedCount: f.approvedCount,
    approvedMinutes: BigInt(f.approvedMinutes),
    rejectedCount: f.rejectedCount,
    closedBy: closed?.closedBy ?? '',
    closedAt: instant(closed?.closedAt ?? null),
    carriedEntryIds: closed?.carriedEntryIds ?? [],
    totals: (closed?.totals ?? []).map((t) => ({
      personId: t.personId,
      projectId: t.projectId,
      approvedMinutes: BigInt(t.approvedMinutes),
    })),
    carriedInCount: f.carriedInCount,
  };
}

export const correctionToProto = (c: EntryCorrection): EntryCorrectionMessage => ({
  id: c.id,
  entryId: c.entryId,
  previousMinutes: BigInt(c.previousMinutes),
  minutes: BigInt(c.minutes),
  reason: c.reason,
  correctedBy: c.correctedBy,
  correctedAt: c.correctedAt.toISOString(),
  version: c.version,
});
