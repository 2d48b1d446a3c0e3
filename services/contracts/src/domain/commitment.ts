// Employer commitments: what an employer commits for a year, what its signed contracts allocate of
// it, and the refusal to sign beyond it.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { yearOf } from '@e21/kit/calendar';
import type { ContractStatus } from './negotiation.js';
import { hoursText } from './schedule.js';
import { MAX_YEARLY_MINUTES } from './terms.js';

export const COMMITMENT_BASES = ['absolute', 'share'] as const;
export type CommitmentBasis = (typeof COMMITMENT_BASES)[number];

/** 100 basis points = 1 %. */
export const BASIS_POINTS_IN_WHOLE = 10_000;
export const MAX_DECLARED_EMPLOYEES = 1_000_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** No employer gives more than every minute of a million people's working year. */
export const MAX_COMMITTED_MINUTES = MAX_DECLARED_EMPLOYEES * MAX_YEARLY_MINUTES;

export interface CommitmentInput {
  year: number;
  basis: CommitmentBasis;
  /** For an absolute commitment. */
  minutes: number;
  /** For a share of declared working minutes: basis points of employees x minutes per employee. */
  shareBasisPoints: number;
  declaredEmployees: number;
  declaredMinutesPerEmployee: number;
}

export interface EmployerCommitment extends CommitmentInput {
  organizationId: string;
  committedMinutes: number;
  version: number;
  setBy: string;
  setAt: Date;
}

const inRange = (value: number, min: number, max: number) => Number.isSafeInteger(value) && value >= min && value <= max;

/**
 * The minutes a commitment comes to. A share is rounded down to the whole minute: the employer
 * commits at most the share it declared (1 % of 1,600 h x 250 employees = 240,000 minutes).
 */
export function committedMinutesOf(input: CommitmentInput): number {
  if (input.basis === 'absolute') return input.minutes;
  return Math.floor((input.shareBasisPoints * input.declaredEmployees * input.declaredMinutesPerEmployee) / BASIS_POINTS_IN_WHOLE);
}

/** The commitment's figures, or what is wrong with them. Unused figures of the other basis become 0. */
export function validateCommitment(input: CommitmentInput): (CommitmentInput & { committedMinutes: number }) | RefusalValue {
  const problems: FieldProblem[] = [];
  const need = (ok: boolean, field: string, message: string) => ok || problems.push({ field, message });
  need(inRange(input.year, MIN_YEAR, MAX_YEAR), 'year', `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  need(COMMITMENT_BASES.includes(input.basis), 'basis', `must be one of ${COMMITMENT_BASES.join(', ')}`);
  if (input.basis === 'absolute') {
    need(
      inRange(input.minutes, 1, MAX_COMMITTED_MINUTES),
      'minutes',
      `must be a whole number of minutes from 1 to ${MAX_COMMITTED_MINUTES}`,
    );
  }
  if (input.basis === 'share') {
    need(
      inRange(input.shareBasisPoints, 1, BASIS_POINTS_IN_WHOLE),
      'share_basis_points',
      `must be from 1 to ${BASIS_POINTS_IN_WHOLE} (100 = 1 %)`,
    );
    need(inRange(input.declaredEmployees, 1, MAX_DECLARED_EMPLOYEES), 'declared_employees', `must be from 1 to ${MAX_DECLARED_EMPLOYEES}`);
    need(
      inRange(input.declaredMinutesPerEmployee, 60, MAX_YEARLY_MINUTES),
      'declared_minutes_per_employee',
      `must be from 60 to ${MAX_YEARLY_MINUTES} minutes`,
    );
  }
  if (problems.length) return refusal('invalid', 'invalid_commitment', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  const figures: CommitmentInput =
    input.basis === 'absolute'
      ? { ...input, shareBasisPoints: 0, declaredEmployees: 0, declaredMinutesPerEmployee: 0 }
      : { ...input, minutes: 0 };
  const committedMinutes = committedMinutesOf(figures);
  if (committedMinutes < 1)
    return refusal('invalid', 'invalid_commitment', 'The share comes to less than one minute', [
      { field: 'share_basis_points', message: 'comes to less than one minute' },
    ]);
  return { ...figures, committedMinutes };
}

/**
 * Whether a commitment may be set: a change names the version it replaces (If-Match), and no
 * commitment goes below what signed contracts already allocate of it.
 */
export function checkCommitmentChange(
  existing: { version: number } | undefined,
  expectedVersion: number | undefined,
  committedMinutes: number,
  allocatedMinutes: number,
): RefusalValue | undefined {
  if (existing && expectedVersion === undefined) {
    return refusal(
      'invalid',
      'precondition_required',
      `The commitment exists (version ${existing.version}): send If-Match with the version you are changing`,
      [{ field: 'header.if-match', message: 'is required' }],
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== (existing?.version ?? 0)) {
    return refusal('stale', 'stale_version', `The commitment is at version ${existing?.version ?? 0}, not ${expectedVersion}; reload it`);
  }
  if (committedMinutes < allocatedMinutes) {
    const missing = allocatedMinutes - committedMinutes;
    return refusal(
      'conflict',
      'commitment_below_allocation',
      `Signed contracts already allocate ${allocatedMinutes} minutes (${hoursText(allocatedMinutes)}); the commitment is ${missing} minutes (${hoursText(missing)}) short of that`,
    );
  }
  return undefined;
}

/**
 * Refused when signing a contract of `contractMinutes` would take the employer's allocation for
 * the year beyond its commitment; the refusal says by how much, in minutes and in hours.
 */
export function checkAllocation(
  year: number,
  committedMinutes: number,
  allocatedToOthers: number,
  contractMinutes: number,
): RefusalValue | undefined {
  const allocated = allocatedToOthers + contractMinutes;
  if (allocated <= committedMinutes) return undefined;
  const excess = allocated - committedMinutes;
  return refusal(
    'conflict',
    'commitment_exceeded',
    `Signing would allocate ${allocated} minutes (${hoursText(allocated)}) of the employer's ${committedMinutes}-minute (${hoursText(committedMinutes)}) commitment for ${year}: ` +
      `${excess} minutes (${hoursText(excess)}) beyond it. The employer raises its commitment, or the terms give fewer hours.`,
  );
}

/**
 * What a contract allocates of its employer's commitment: its yearly minutes while signed or
 * suspended; once terminated, only what was consumed (the rest is given back).
 */
export function allocationOf(contract: { status: ContractStatus; yearlyMinutes: number; consumedMinutes: number }): number {
  if (contract.status === 'signed' || contract.status === 'suspended') return contract.yearlyMinutes;
  if (contract.status === 'terminated') return Math.min(contract.yearlyMinutes, contract.consumedMinutes);
  return 0;
}

/** Minutes to add to a contract's consumed minutes of a year (fewer, when negative). */
export interface Consumption {
  contractId: string;
  year: number;
  minutes: number;
}

/**
 * What approved hours add to their contract's consumed minutes: their minutes, in the year of
 * their date. A correction of approved hours (an officer's, in a closed month) moves them by the
 * difference from the minutes approved before (`previousMinutes`).
 */
export function consumptionOf(entry: { contractId: string; date: string; minutes: number }, previousMinutes = 0): Consumption {
  return { contractId: entry.contractId, year: yearOf(entry.date), minutes: entry.minutes - previousMinutes };
}

export interface EmployeeContract {
  personId: string;
  personName: string;
  contractId: string;
  status: ContractStatus;
  yearlyMinutes: number;
  consumedMinutes: number;
  periodStart: string;
  periodEnd: string;
}

export interface CommitmentReport {
  committedMinutes: number;
  allocatedMinutes: number;
  consumedMinutes: number;
  unallocatedMinutes: number;
  employees: (Omit<EmployeeContract, 'yearlyMinutes'> & { allocatedMinutes: number })[];
}

/** The dashboard's figures: totals are the sums of the per-employee rows. */
export function commitmentReport(committedMinutes: number, contracts: EmployeeContract[]): CommitmentReport {
  const employees = contracts.map(({ yearlyMinutes, ...contract }) => ({
    ...contract,
    allocatedMinutes: allocationOf({ ...contract, yearlyMinutes }),
  }));
  const allocatedMinutes = employees.reduce((total, e) => total + e.allocatedMinutes, 0);
  const consumedMinutes = employees.reduce((total, e) => total + e.consumedMinutes, 0);
  return {
    committedMinutes,
    allocatedMinutes,
    consumedMinutes,
    unallocatedMinutes: Math.max(0, committedMinutes - allocatedMinutes),
    employees,
  };
}
