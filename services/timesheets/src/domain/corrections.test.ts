import { checkCorrection, corrected, correctionProblems } from './corrections.js';
import type { TimeEntry } from './entries.js';

const entry = (overrides: Partial<TimeEntry> = {}): TimeEntry => ({
  id: 'e1',
  personId: 'ada',
  personName: 'Ada',
  contractId: 'c1',
  employerId: null,
  employerName: '',
  projectId: 'p1',
  projectTitle: 'Garden',
  territoryId: 't1',
  date: '2030-03-05',
  month: '2030-03',
  minutes: 60,
  competenceId: 'urn:e21:skill:first-aid',
  note: '',
  status: 'approved',
  version: 2,
  submittedAt: new Date('2030-03-05T10:00:00Z'),
  updatedAt: new Date('2030-03-06T10:00:00Z'),
  decidedBy: 'person:bob',
  decidedAt: new Date('2030-03-06T10:00:00Z'),
  rejectionReason: '',
  carriedFrom: null,
  ...overrides,
});

const closed = { periodClosed: true, personDayMinutes: 60 };
const request = { expectedVersion: 2, minutes: 45, reason: 'Logged an hour, gave 45 minutes' };

describe('correcting approved hours', () => {
  it('corrects an approved entry of a closed month, keeping the change in the audit trail', () => {
    expect(checkCorrection(entry(), request, closed)).toBeUndefined();
    const at = new Date('2030-04-10T09:00:00Z');
    const result = corrected(entry(), request, 'person:officer', at);
    expect(result.entry).toMatchObject({ minutes: 45, version: 3, status: 'approved', updatedAt: at });
    expect(result.correction).toMatchObject({
      entryId: 'e1',
      previousMinutes: 60,
      minutes: 45,
      reason: request.reason,
      correctedBy: 'person:officer',
      version: 3,
    });
  });

  it('entry_not_approved: corrects only approved hours', () => {
    expect(checkCorrection(entry({ status: 'pending' }), request, closed)?.code).toBe('entry_not_approved');
  });

  it('period_not_closed: waits for the month to be closed', () => {
    expect(checkCorrection(entry(), request, { ...closed, periodClosed: false })?.code).toBe('period_not_closed');
  });

  it('stale_version: corrects the version the officer saw', () => {
    expect(checkCorrection(entry(), { ...request, expectedVersion: 1 }, closed)?.code).toBe('stale_version');
  });

  it('nothing_to_correct: refuses the same minutes', () => {
    expect(checkCorrection(entry(), { ...request, minutes: 60 }, closed)?.code).toBe('nothing_to_correct');
  });

  it('over_12_hours_a_day: keeps the person’s day within twelve hours', () => {
    expect(checkCorrection(entry(), { ...request, minutes: 700 }, { ...closed, personDayMinutes: 120 })?.code).toBe('over_12_hours_a_day');
  });

  it('reason_required: says why, and minutes stay from 1 to 720', () => {
    expect(correctionProblems({ minutes: 30, reason: '' })?.code).toBe('reason_required');
    expect(correctionProblems({ minutes: 0, reason: 'x' })?.fields?.[0]?.field).toBe('minutes');
    expect(correctionProblems({ minutes: 721, reason: 'x' })?.fields?.[0]?.field).toBe('minutes');
  });
});
