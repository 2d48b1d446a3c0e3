import type { TimeEntry } from './entries.js';
import { carried, checkClose, periodTotals } from './periods.js';

const open = { closed: false, currentMonth: '2030-05', pendingCount: 0, carryPending: false };

describe('closing a month', () => {
  it('closes a month that is over and has nothing pending', () => {
    expect(checkClose('2030-04', open)).toBeUndefined();
  });

  it('month_not_over: waits until the month has ended', () => {
    expect(checkClose('2030-05', open)?.code).toBe('month_not_over');
    expect(checkClose('2030-06', open)?.code).toBe('month_not_over');
  });

  it('pending_entries: refuses while entries wait for validation, unless they are carried', () => {
    const refused = checkClose('2030-04', { ...open, pendingCount: 2 });
    expect(refused?.code).toBe('pending_entries');
    expect(refused?.message).toContain('2 entries are still waiting');
    expect(checkClose('2030-04', { ...open, pendingCount: 2, carryPending: true })).toBeUndefined();
  });

  it('period_closed: a closed month is never closed again', () => {
    expect(checkClose('2030-04', { ...open, closed: true })?.code).toBe('period_closed');
  });

  it('carries a pending entry to the next month, keeping its date and saying where it came from', () => {
    const entry = { id: 'e1', date: '2030-12-31', month: '2030-12', version: 1, carriedFrom: null } as TimeEntry;
    expect(carried(entry, new Date())).toMatchObject({ date: '2030-12-31', month: '2031-01', carriedFrom: '2030-12', version: 2 });
  });
});

describe('the totals a close announces', () => {
  it('adds up approved minutes per person and project, leaving pending and rejected entries out', () => {
    const entries = [
      { personId: 'ada', projectId: 'garden', minutes: 60, status: 'approved' },
      { personId: 'ada', projectId: 'garden', minutes: 30, status: 'approved' },
      { personId: 'ada', projectId: 'roofs', minutes: 45, status: 'approved' },
      { personId: 'bob', projectId: 'garden', minutes: 90, status: 'rejected' },
      { personId: 'bob', projectId: 'garden', minutes: 15, status: 'pending' },
    ] as const;
    expect(periodTotals([...entries])).toEqual([
      { personId: 'ada', projectId: 'garden', approvedMinutes: 90 },
      { personId: 'ada', projectId: 'roofs', approvedMinutes: 45 },
    ]);
  });
});
