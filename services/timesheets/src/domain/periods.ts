// Monthly periods of a territory: open until an officer closes them once the month is over;
// entries still pending block the close unless carried to the next month; closed, they never change.
import { refusal, type RefusalValue } from '@e21/kit';
import { nextMonth, type Month } from './dates.js';
import type { TimeEntry } from './entries.js';

export interface PeriodTotal {
  personId: string;
  projectId: string;
  approvedMinutes: number;
}

export interface ClosedPeriod {
  id: string;
  territoryId: string;
  month: Month;
  closedBy: string;
  closedAt: Date;
  carriedEntryIds: string[];
  totals: PeriodTotal[];
}

/**
 * Whether the month may be closed now: not closed already, over (its last day is behind us), and
 * without pending entries unless the officer carries them to the next month.
 */
export function checkClose(
  month: Month,
  options: { closed: boolean; currentMonth: Month; pendingCount: number; carryPending: boolean },
): RefusalValue | undefined {
  if (options.closed) return refusal('conflict', 'period_closed', `${month} is already closed`);
  if (month >= options.currentMonth)
    return refusal('conflict', 'month_not_over', `${month} is not over yet: a month is closed once it has ended`);
  if (options.pendingCount > 0 && !options.carryPending) {
    return refusal(
      'conflict',
      'pending_entries',
      `${options.pendingCount} ${options.pendingCount === 1 ? 'entry is' : 'entries are'} still waiting for validation in ${month}: have them validated, or carry them to ${nextMonth(month)}`,
    );
  }
  return undefined;
}

/** A pending entry moved to the next month's period at a close; its date does not change. */
export function carried(entry: TimeEntry, at: Date): TimeEntry {
  return { ...entry, month: nextMonth(entry.month), carriedFrom: entry.month, version: entry.version + 1, updatedAt: at };
}

/** Approved minutes per person and project, in a stable order: what the closing event carries. */
export function periodTotals(entries: Pick<TimeEntry, 'personId' | 'projectId' | 'minutes' | 'status'>[]): PeriodTotal[] {
  const totals = new Map<string, PeriodTotal>();
  for (const entry of entries) {
    if (entry.status !== 'approved') continue;
    const key = `${entry.personId}/${entry.projectId}`;
    const total = totals.get(key) ?? { personId: entry.personId, projectId: entry.projectId, approvedMinutes: 0 };
    total.approvedMinutes += entry.minutes;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.personId.localeCompare(b.personId) || a.projectId.localeCompare(b.projectId));
}
