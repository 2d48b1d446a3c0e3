// What the timesheets service publishes: each change's event, written to the outbox in the
// change's transaction. It consumes no events: it asks contracts and programs at each submission.
import { appendEvent, eventSourceOf, type Queryable } from '@e21/kit';
import { timesheetsEvents } from '@e21/events';
import type { TimeEntry } from './domain/entries.js';
import type { EntryCorrection } from './domain/corrections.js';
import type { ClosedPeriod } from './domain/periods.js';
import { entryFacts } from './mapping.js';

const SOURCE = eventSourceOf('timesheets');

export const entrySubmitted = (tx: Queryable, entry: TimeEntry) =>
  appendEvent(tx, SOURCE, timesheetsEvents.entrySubmitted, entry.id, { entry: entryFacts(entry), version: entry.version });

export const entryApproved = (tx: Queryable, entry: TimeEntry) =>
  appendEvent(tx, SOURCE, timesheetsEvents.entryApproved, entry.id, {
    entry: entryFacts(entry),
    approvedBy: entry.decidedBy ?? '',
    approvedAt: entry.decidedAt?.toISOString() ?? '',
  });

export const entryRejected = (tx: Queryable, entry: TimeEntry) =>
  appendEvent(tx, SOURCE, timesheetsEvents.entryRejected, entry.id, {
    entry: entryFacts(entry),
    rejectedBy: entry.decidedBy ?? '',
    reason: entry.rejectionReason,
  });

export const entryWithdrawn = (tx: Queryable, entry: TimeEntry, by: string) =>
  appendEvent(tx, SOURCE, timesheetsEvents.entryWithdrawn, entry.id, { entry: entryFacts(entry), withdrawnBy: by });

export const periodClosed = (tx: Queryable, period: ClosedPeriod) =>
  appendEvent(tx, SOURCE, timesheetsEvents.periodClosed, period.id, {
    periodId: period.id,
    territoryId: period.territoryId,
    month: period.month,
    totals: period.totals.map((t) => ({ personId: t.personId, projectId: t.projectId, approvedMinutes: BigInt(t.approvedMinutes) })),
    carriedEntryIds: period.carriedEntryIds,
    closedBy: period.closedBy,
    closedAt: period.closedAt.toISOString(),
  });

export const entryCorrected = (tx: Queryable, entry: TimeEntry, correction: EntryCorrection) =>
  appendEvent(tx, SOURCE, timesheetsEvents.entryCorrected, entry.id, {
    entry: entryFacts(entry),
    correctionId: correction.id,
    previousMinutes: BigInt(correction.previousMinutes),
    reason: correction.reason,
    correctedBy: correction.correctedBy,
    correctedAt: correction.correctedAt.toISOString(),
  });
