// Corrections of approved hours: an officer changes the minutes of an approved entry once its month
// is closed (the Societal Activity Form was issued from it), with a reason kept in the entry's audit trail.
import { randomUUID } from 'node:crypto';
import { refusal, type RefusalValue } from '@e21/kit';
import { MAX_MINUTES_A_DAY, type TimeEntry } from './entries.js';
import { REASON_MAX_LENGTH } from './validation.js';

export interface EntryCorrection {
  id: string;
  entryId: string;
  previousMinutes: number;
  minutes: number;
  reason: string;
  correctedBy: string;
  correctedAt: Date;
  version: number;
}

export interface CorrectionRequest {
  expectedVersion: number;
  minutes: number;
  reason: string;
}

/** What is wrong with the correction itself: its minutes and its reason. */
export function correctionProblems(request: Pick<CorrectionRequest, 'minutes' | 'reason'>): RefusalValue | undefined {
  if (!Number.isSafeInteger(request.minutes) || request.minutes < 1 || request.minutes > MAX_MINUTES_A_DAY) {
    return refusal('invalid', 'validation_failed', `minutes: must be a whole number of minutes from 1 to ${MAX_MINUTES_A_DAY}`, [
      { field: 'minutes', message: `must be from 1 to ${MAX_MINUTES_A_DAY}` },
    ]);
  }
  if (!request.reason || request.reason.length > REASON_MAX_LENGTH) {
    return refusal('invalid', 'reason_required', `reason: say why, in at most ${REASON_MAX_LENGTH} characters`, [
      { field: 'reason', message: `must say why, in at most ${REASON_MAX_LENGTH} characters` },
    ]);
  }
  return undefined;
}

/**
 * Whether the entry may be corrected so: approved, its month closed (an open month's approvals are
 * final and nothing was issued from them yet), at the version the officer saw, minutes that change,
 * and the person's day still within twelve hours.
 */
export function checkCorrection(
  entry: TimeEntry,
  request: CorrectionRequest,
  facts: { periodClosed: boolean; personDayMinutes: number },
): RefusalValue | undefined {
  if (entry.status !== 'approved')
    return refusal('conflict', 'entry_not_approved', `Only approved hours are corrected; this entry is ${entry.status}`);
  if (!facts.periodClosed)
    return refusal(
      'conflict',
      'period_not_closed',
      `${entry.month} is not closed: approved hours are corrected once their month is closed`,
    );
  if (entry.version !== request.expectedVersion)
    return refusal('stale', 'stale_version', `The entry is at version ${entry.version}, not ${request.expectedVersion}; reload it`);
  if (request.minutes === entry.minutes)
    return refusal('invalid', 'nothing_to_correct', `The entry already has ${entry.minutes} minutes`, [
      { field: 'minutes', message: 'must differ from the entry’s minutes' },
    ]);
  if (facts.personDayMinutes - entry.minutes + request.minutes > MAX_MINUTES_A_DAY) {
    return refusal('conflict', 'over_12_hours_a_day', `With this correction the person would have more than 12 hours on ${entry.date}`, [
      { field: 'minutes', message: 'would make the day longer than 12 hours' },
    ]);
  }
  return undefined;
}

/** The entry with its corrected minutes, and the correction for the audit trail. */
export function corrected(
  entry: TimeEntry,
  request: CorrectionRequest,
  by: string,
  at: Date,
): { entry: TimeEntry; correction: EntryCorrection } {
  const next = { ...entry, minutes: request.minutes, version: entry.version + 1, updatedAt: at };
  return {
    entry: next,
    correction: {
      id: randomUUID(),
      entryId: entry.id,
      previousMinutes: entry.minutes,
      minutes: request.minutes,
      reason: request.reason,
      correctedBy: by,
      correctedAt: at,
      version: next.version,
    },
  };
}
