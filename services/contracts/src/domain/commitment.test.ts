import { isRefusal, type RefusalValue } from '@e21/kit';
import {
  allocationOf,
  checkAllocation,
  checkCommitmentChange,
  commitmentReport,
  committedMinutesOf,
  consumptionOf,
  validateCommitment,
  type CommitmentInput,
} from './commitment.js';

const share: CommitmentInput = {
  year: 2026,
  basis: 'share',
  minutes: 0,
  shareBasisPoints: 100,
  declaredEmployees: 250,
  declaredMinutesPerEmployee: 96_000,
};

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('committedMinutesOf', () => {
  it('computes 1 % of 1,600 h x 250 employees as 4,000 h', () => {
    // 100 bp x 250 x 96,000 min / 10,000 = 240,000 min = 4,000 h.
    expect(committedMinutesOf(share)).toBe(240_000);
  });

  it('rounds a share down to the whole minute', () => {
    // 33 bp x 7 x 1,000 / 10,000 = 23.1 -> 23.
    expect(committedMinutesOf({ ...share, shareBasisPoints: 33, declaredEmployees: 7, declaredMinutesPerEmployee: 1_000 })).toBe(23);
  });
});

describe('validateCommitment', () => {
  it('keeps the figures of the basis chosen and zeroes the others', () => {
    expect(validateCommitment({ ...share, minutes: 999 })).toMatchObject({ minutes: 0, committedMinutes: 240_000 });
    expect(validateCommitment({ ...share, basis: 'absolute', minutes: 6_000 })).toMatchObject({
      shareBasisPoints: 0,
      declaredEmployees: 0,
      committedMinutes: 6_000,
    });
  });

  it('names every field out of range', () => {
    const problems = refused(validateCommitment({ ...share, year: 1999, shareBasisPoints: 10_001, declaredEmployees: 0 })).fields!.map(
      (p) => p.field,
    );
    expect(problems).toEqual(['year', 'share_basis_points', 'declared_employees']);
    expect(refused(validateCommitment({ ...share, basis: 'absolute', minutes: 1.5 })).fields![0]!.field).toBe('minutes');
  });
});

describe('checkCommitmentChange', () => {
  it('needs the version being changed, and refuses a stale one', () => {
    expect(refused(checkCommitmentChange({ version: 2 }, undefined, 10, 0)).code).toBe('precondition_required');
    expect(refused(checkCommitmentChange({ version: 2 }, 1, 10, 0)).kind).toBe('stale');
    expect(checkCommitmentChange({ version: 2 }, 2, 10, 0)).toBeUndefined();
    expect(checkCommitmentChange(undefined, undefined, 10, 0)).toBeUndefined();
  });

  it('refuses to lower a commitment below what signed contracts allocate', () => {
    expect(refused(checkCommitmentChange({ version: 1 }, 1, 5_000, 6_000))).toMatchObject({ code: 'commitment_below_allocation' });
    expect(checkCommitmentChange({ version: 1 }, 1, 6_000, 6_000)).toBeUndefined();
  });
});

describe('checkAllocation', () => {
  it('refuses signing beyond the commitment, stating the excess in minutes and hours', () => {
    // 10,000 committed, 7,000 allocated, a contract of 4,000: 1,000 minutes (16 h 40) too many.
    const excess = refused(checkAllocation(2026, 10_000, 7_000, 4_000));
    expect(excess).toMatchObject({ kind: 'conflict', code: 'commitment_exceeded' });
    expect(excess.message).toContain('1000 minutes (16 h 40) beyond it');
  });

  it('allows signing up to exactly the commitment', () => {
    expect(checkAllocation(2026, 10_000, 6_000, 4_000)).toBeUndefined();
  });

  it('treats no commitment as zero committed minutes', () => {
    expect(refused(checkAllocation(2026, 0, 0, 60)).message).toContain('60 minutes (1 h 00) beyond it');
  });
});

describe('allocationOf and commitmentReport', () => {
  it('allocates the yearly minutes of signed and suspended contracts, and only what was consumed of terminated ones', () => {
    expect(allocationOf({ status: 'signed', yearlyMinutes: 600, consumedMinutes: 0 })).toBe(600);
    expect(allocationOf({ status: 'suspended', yearlyMinutes: 600, consumedMinutes: 0 })).toBe(600);
    expect(allocationOf({ status: 'terminated', yearlyMinutes: 600, consumedMinutes: 120 })).toBe(120);
    expect(allocationOf({ status: 'negotiating', yearlyMinutes: 600, consumedMinutes: 0 })).toBe(0);
  });

  it('makes the totals the sums of the per-employee rows', () => {
    const row = (contractId: string, status: 'signed' | 'terminated', yearlyMinutes: number, consumedMinutes: number) => ({
      personId: contractId,
      personName: contractId,
      contractId,
      status,
      yearlyMinutes,
      consumedMinutes,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    const report = commitmentReport(5_000, [
      row('a', 'signed', 1_200, 100),
      row('b', 'signed', 2_400, 0),
      row('c', 'terminated', 900, 300),
    ]);
    expect(report).toMatchObject({ committedMinutes: 5_000, allocatedMinutes: 3_900, consumedMinutes: 400, unallocatedMinutes: 1_100 });
    expect(report.employees.map((e) => e.allocatedMinutes)).toEqual([1_200, 2_400, 300]);
  });
});

describe('consumptionOf', () => {
  const entry = { contractId: 'c', date: '2030-12-31', minutes: 90 };

  it('counts approved hours in the year of their date', () => {
    expect(consumptionOf(entry)).toEqual({ contractId: 'c', year: 2030, minutes: 90 });
  });

  it('moves a correction by the difference from the minutes approved before, down as well as up', () => {
    expect(consumptionOf(entry, 60)).toEqual({ contractId: 'c', year: 2030, minutes: 30 });
    expect(consumptionOf({ ...entry, minutes: 30 }, 90)).toEqual({ contractId: 'c', year: 2030, minutes: -60 });
  });
});
