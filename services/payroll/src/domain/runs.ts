// Issuing runs: who a run goes through, when a person is tried again, and when a run is complete.
import type { Month } from './dates.js';

export type RunTrigger = 'close' | 'correction' | 'payment';
export type RunStatus = 'running' | 'completed';

export interface IssuingRun {
  id: string;
  territoryId: string;
  month: Month;
  trigger: RunTrigger;
  sourceEventId: string;
  total: number;
  done: number;
  formsIssued: number;
  status: RunStatus;
  startedAt: Date;
  completedAt: Date | null;
}

/** A run that starts at `at` with `total` people to go through; a run without anyone is complete at once. */
export function newRun(
  id: string,
  territoryId: string,
  month: Month,
  trigger: RunTrigger,
  sourceEventId: string,
  total: number,
  at: Date,
): IssuingRun {
  const empty = total === 0;
  const progress = { total, done: 0, formsIssued: 0, status: empty ? ('completed' as const) : ('running' as const) };
  return { id, territoryId, month, trigger, sourceEventId, ...progress, startedAt: at, completedAt: empty ? at : null };
}

/** The people a closing run goes through: each person with approved minutes in the month, once. */
export function peopleOfClose(totals: { personId: string; approvedMinutes: number }[]): string[] {
  return [...new Set(totals.filter((t) => t.approvedMinutes > 0).map((t) => t.personId.toLowerCase()))].sort();
}

/** How many times a person is tried while currency has not paid all their hours yet. */
export const MAX_ATTEMPTS_WAITING_FOR_PAY = 8;

/**
 * When a person whose hours currency has not paid yet is tried again: soon, then less often. After
 * MAX_ATTEMPTS_WAITING_FOR_PAY the form is issued with what was paid (undefined: do not wait).
 */
export function retryAt(attempts: number, at: Date): Date | undefined {
  if (attempts >= MAX_ATTEMPTS_WAITING_FOR_PAY) return undefined;
  return new Date(at.getTime() + Math.min(250 * 2 ** attempts, 15_000));
}

/**
 * How long a late payment waits for the others of its burst before the person's forms are issued
 * again: a currency created after the close pays all the hours that waited for it at once.
 */
export const LATE_PAY_GATHER_MS = 2000;

/**
 * How long a worker holds the person it claimed: far longer than gathering the facts and rendering
 * the forms take. A worker that dies leaves the person to be claimed again when it ends.
 */
export const CLAIM_LEASE_MS = 60_000;

/** Progress in whole percent, for the bar (100 only when complete). */
export function progressPercent(run: Pick<IssuingRun, 'done' | 'total'>): number {
  if (run.total === 0) return 100;
  return Math.floor((run.done * 100) / run.total);
}
