// Validation of hours by the people who run the project: who may approve or reject an entry, and
// what each decision does to it.
import { refusal, type RefusalValue } from '@e21/kit';
import type { TimeEntry } from './entries.js';

export type Decision = 'approve' | 'reject';

export const REASON_MAX_LENGTH = 1000;
/** Entries decided in one request at most (a month of a busy project's queue). */
export const MAX_BATCH = 200;

export interface Validator {
  personId: string;
  /** programs' CanValidate: the coordinator or a co-manager of the entry's project. */
  canValidate: boolean;
}

/**
 * Whether the validator may make the decision on the entry: they run its project, the hours are not
 * their own, the entry is at the version they saw. 'unchanged' when the entry already has that
 * decision (a retried request); an approval is final, a rejected entry waits for its correction.
 */
export function checkDecision(
  entry: TimeEntry,
  decision: Decision,
  validator: Validator,
  expectedVersion: number,
): RefusalValue | 'unchanged' | undefined {
  if (entry.personId === validator.personId)
    return refusal('forbidden', 'own_hours', 'Nobody validates their own hours: another coordinator or co-manager does');
  if (!validator.canValidate)
    return refusal('forbidden', 'not_a_validator', 'Only the project’s coordinator or co-managers validate its hours');
  if (entry.status === 'withdrawn') return refusal('conflict', 'entry_withdrawn', 'The entry was withdrawn');
  if (decision === 'approve' && entry.status === 'approved') return 'unchanged';
  if (decision === 'reject' && entry.status === 'rejected') return 'unchanged';
  if (entry.status === 'approved') return refusal('conflict', 'entry_approved', 'The entry is approved: an approval is final');
  if (entry.status === 'rejected')
    return refusal('conflict', 'entry_rejected', 'The entry was rejected: it waits for the person’s correction');
  if (entry.version !== expectedVersion)
    return refusal(
      'stale',
      'stale_version',
      `The entry is at version ${entry.version}, not ${expectedVersion}: it changed since you saw it`,
    );
  return undefined;
}

export function decided(entry: TimeEntry, decision: Decision, by: string, reason: string, at: Date): TimeEntry {
  return {
    ...entry,
    status: decision === 'approve' ? 'approved' : 'rejected',
    version: entry.version + 1,
    updatedAt: at,
    decidedBy: by,
    decidedAt: at,
    rejectionReason: decision === 'reject' ? reason : '',
  };
}
