import type { TimeEntry } from './entries.js';
import { checkDecision, decided } from './validation.js';

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
  status: 'pending',
  version: 1,
  submittedAt: new Date('2030-03-05T10:00:00Z'),
  updatedAt: new Date('2030-03-05T10:00:00Z'),
  decidedBy: null,
  decidedAt: null,
  rejectionReason: '',
  carriedFrom: null,
  ...overrides,
});

const coordinator = { personId: 'carl', canValidate: true };
const code = (result: ReturnType<typeof checkDecision>) => (typeof result === 'object' ? result.code : result);

describe('who validates hours', () => {
  it('lets the project’s coordinator or a co-manager approve or reject a pending entry', () => {
    expect(checkDecision(entry(), 'approve', coordinator, 1)).toBeUndefined();
    expect(checkDecision(entry(), 'reject', coordinator, 1)).toBeUndefined();
  });

  it('own_hours: never lets a person validate their own hours, even as coordinator', () => {
    expect(code(checkDecision(entry({ personId: 'carl' }), 'approve', coordinator, 1))).toBe('own_hours');
  });

  it('not_a_validator: refuses contributors and people off the team', () => {
    expect(code(checkDecision(entry(), 'approve', { personId: 'cleo', canValidate: false }, 1))).toBe('not_a_validator');
  });
});

describe('what a decision does', () => {
  it('makes approval final: an approved entry is never rejected', () => {
    expect(code(checkDecision(entry({ status: 'approved', version: 2 }), 'reject', coordinator, 2))).toBe('entry_approved');
  });

  it('answers unchanged to a decision the entry already has (a retried request)', () => {
    expect(checkDecision(entry({ status: 'approved', version: 2 }), 'approve', coordinator, 1)).toBe('unchanged');
    expect(checkDecision(entry({ status: 'rejected', version: 2 }), 'reject', coordinator, 1)).toBe('unchanged');
  });

  it('lets a rejected entry wait for its correction rather than be approved as it was', () => {
    expect(code(checkDecision(entry({ status: 'rejected', version: 2 }), 'approve', coordinator, 2))).toBe('entry_rejected');
  });

  it('refuses a decision on a version the validator did not see', () => {
    const refused = checkDecision(entry({ version: 3 }), 'approve', coordinator, 2);
    expect(typeof refused === 'object' && refused.kind).toBe('stale');
  });

  it('refuses decisions on withdrawn entries', () => {
    expect(code(checkDecision(entry({ status: 'withdrawn', version: 2 }), 'approve', coordinator, 2))).toBe('entry_withdrawn');
  });

  it('records who decided and when, the reason of a rejection only, and a new version', () => {
    const at = new Date('2030-03-06T08:00:00Z');
    expect(decided(entry(), 'reject', 'person:carl', 'not that day', at)).toMatchObject({
      status: 'rejected',
      version: 2,
      decidedBy: 'person:carl',
      decidedAt: at,
      rejectionReason: 'not that day',
    });
    expect(decided(entry(), 'approve', 'person:carl', 'ignored', at)).toMatchObject({
      status: 'approved',
      version: 2,
      rejectionReason: '',
    });
  });
});
