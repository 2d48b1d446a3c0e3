// timesheets' protobuf messages as the REST API shows them: minutes as numbers, enums as words.
import { fromProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/timesheets/v1/timesheets';
import { orNull } from '../common.js';

const minutes = (value: bigint | undefined) => Number(value ?? 0n);

export const entryOut = (e: proto.TimeEntry) => ({
  id: e.id,
  personId: e.personId,
  personName: e.personName,
  contractId: e.contractId,
  employerId: orNull(e.employerId),
  employerName: orNull(e.employerName),
  projectId: e.projectId,
  projectTitle: e.projectTitle,
  territoryId: e.territoryId,
  date: e.date,
  month: e.month,
  minutes: minutes(e.minutes),
  competenceId: e.competenceId,
  note: e.note,
  status: fromProtoEnum<'pending' | 'approved' | 'rejected' | 'withdrawn'>('ENTRY_STATUS', e.status)!,
  version: e.version,
  submittedAt: e.submittedAt,
  updatedAt: e.updatedAt,
  decidedBy: orNull(e.decidedBy),
  decidedAt: orNull(e.decidedAt),
  rejectionReason: orNull(e.rejectionReason),
  carriedFrom: orNull(e.carriedFrom),
});

export const balanceOut = (b: proto.Balance) => ({
  contractId: b.contractId,
  yearlyMinutes: minutes(b.yearlyMinutes),
  approvedMinutes: minutes(b.approvedMinutes),
  pendingMinutes: minutes(b.pendingMinutes),
  remainingMinutes: minutes(b.remainingMinutes),
  week: {
    start: b.weekStart,
    end: b.weekEnd,
    allowedMinutes: minutes(b.weekAllowedMinutes),
    usedMinutes: minutes(b.weekUsedMinutes),
    days: b.days.map((d) => ({
      date: d.date,
      dayKind: fromProtoEnum<'outside'>('DAY_KIND', d.dayKind) ?? 'outside',
      allowedMinutes: minutes(d.allowedMinutes),
      usedMinutes: minutes(d.usedMinutes),
    })),
  },
});

export const periodOut = (p: proto.Period) => ({
  id: orNull(p.id),
  territoryId: p.territoryId,
  month: p.month,
  status: fromProtoEnum<'open' | 'closed'>('PERIOD_STATUS', p.status)!,
  pendingCount: p.pendingCount,
  pendingMinutes: minutes(p.pendingMinutes),
  approvedCount: p.approvedCount,
  approvedMinutes: minutes(p.approvedMinutes),
  rejectedCount: p.rejectedCount,
  carriedInCount: p.carriedInCount,
  closedBy: orNull(p.closedBy),
  closedAt: orNull(p.closedAt),
  carriedEntryIds: p.carriedEntryIds,
  totals: p.totals.map((t) => ({ personId: t.personId, projectId: t.projectId, approvedMinutes: minutes(t.approvedMinutes) })),
});

export const reportOut = (r: proto.Report) => ({
  territoryId: r.territoryId,
  by: fromProtoEnum<'project'>('REPORT_DIMENSION', r.by)!,
  from: r.fromMonth,
  to: r.toMonth,
  rows: r.rows.map((row) => ({
    key: orNull(row.key),
    label: row.label,
    approvedMinutes: minutes(row.approvedMinutes),
    entryCount: row.entryCount,
    personCount: row.personCount,
  })),
  totalMinutes: minutes(r.totalMinutes),
  totalEntries: r.totalEntries,
});

/** A report as CSV (RFC 4180): one row per key, hours as minutes, the way integrating bodies import it. */
export function reportCsv(report: ReturnType<typeof reportOut>): string {
  const cell = (value: string) => {
    // A title starting like a formula is written as text, so no spreadsheet runs it.
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [[report.by, 'label', 'approved_minutes', 'entries', 'people']];
  for (const row of report.rows)
    lines.push([row.key ?? '', row.label, String(row.approvedMinutes), String(row.entryCount), String(row.personCount)]);
  lines.push(['total', '', String(report.totalMinutes), String(report.totalEntries), '']);
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
