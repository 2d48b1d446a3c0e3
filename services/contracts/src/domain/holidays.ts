// SAR holidays: a block of SAR time a person takes at once for a project they initiated; the
// employer agrees (for employees), the office approves, and the block then counts against the SAR.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { isIsoDate } from '@e21/kit/calendar';
import { daysIn, overlaps, type DateRange } from './dates.js';
import type { ContractKind, ContractStatus, Party } from './negotiation.js';
import { DAY_CAP_MINUTES, hoursText, plannedMinutes, type HolidayBlock, type ScheduledContract } from './schedule.js';

export const HOLIDAYS_STATUSES = ['requested', 'employer_agreed', 'approved', 'refused', 'cancelled'] as const;
export type HolidaysStatus = (typeof HOLIDAYS_STATUSES)[number];
/** Projects a person initiates: of local interest, or of international solidarity. */
export const HOLIDAY_PROJECT_KINDS = ['individual_initiative', 'international_solidarity'] as const;
export const LIVE_PROJECT_STATUSES = ['approved', 'active'];

/** A request for SAR holidays and where its decision stands; `version` moves with each decision (If-Match). */
export interface HolidaysRecord {
  id: string;
  contractId: string;
  personId: string;
  projectId: string;
  /** The project's title and kind when the holidays were requested, as the contract's history shows them. */
  projectTitle: string;
  projectKind: string;
  startDate: string;
  endDate: string;
  minutes: number;
  status: HolidaysStatus;
  comment: string;
  requestedAt: Date;
  employerAgreedBy: string | null;
  employerAgreedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string;
  version: number;
}

export interface ProjectFacts {
  kind: string;
  status: string;
  coordinatorId: string;
}

export interface HolidaysRequest extends DateRange {
  minutes: number;
  personId: string;
  project: ProjectFacts;
}

export interface ContractForHolidays extends ScheduledContract {
  status: ContractStatus;
  /** The last day the contract is in force (its end, or its termination date). */
  lastDay: string;
  /** Holidays requested or agreed but not decided yet: they hold their dates too. */
  pendingHolidays: DateRange[];
}

function projectProblem(request: HolidaysRequest): RefusalValue | undefined {
  const { project } = request;
  if (!(HOLIDAY_PROJECT_KINDS as readonly string[]).includes(project.kind)) {
    return refusal('invalid', 'project_not_eligible', 'SAR holidays are for individual initiatives and international solidarity projects', [
      { field: 'project_id', message: 'is not an individual initiative or an international solidarity project' },
    ]);
  }
  if (!LIVE_PROJECT_STATUSES.includes(project.status)) {
    return refusal('invalid', 'project_not_approved', 'The project is not approved', [{ field: 'project_id', message: 'is not approved' }]);
  }
  if (project.coordinatorId !== request.personId) {
    return refusal('invalid', 'not_project_initiator', 'SAR holidays are for a project you initiated and coordinate', [
      { field: 'project_id', message: 'is not coordinated by you' },
    ]);
  }
  return undefined;
}

function dateProblems(request: HolidayBlock, contract: ContractForHolidays): FieldProblem[] {
  if (!isIsoDate(request.startDate)) return [{ field: 'start_date', message: 'must be a date YYYY-MM-DD' }];
  if (!isIsoDate(request.endDate)) return [{ field: 'end_date', message: 'must be a date YYYY-MM-DD' }];
  if (request.endDate < request.startDate) return [{ field: 'end_date', message: 'must not be before the start date' }];
  if (request.startDate < contract.periodStart || request.endDate > contract.lastDay) {
    return [{ field: 'start_date', message: `must lie within the contract, ${contract.periodStart} to ${contract.lastDay}` }];
  }
  const most = daysIn(request) * DAY_CAP_MINUTES;
  if (!Number.isSafeInteger(request.minutes) || request.minutes < 1 || request.minutes > most) {
    return [{ field: 'minutes', message: `must be a whole number of minutes from 1 to ${most} (${DAY_CAP_MINUTES} a day)` }];
  }
  const clash = [
    ...contract.schedule.blackouts.map((b) => ({ range: b, what: 'a blackout' })),
    ...contract.schedule.blocks.map((b) => ({ range: b, what: 'a block of the schedule' })),
    ...[...contract.holidays, ...contract.pendingHolidays].map((h) => ({ range: h, what: 'other SAR holidays' })),
  ].find(({ range }) => overlaps(range, request));
  return clash ? [{ field: 'start_date', message: `overlaps ${clash.what} (${clash.range.startDate} to ${clash.range.endDate})` }] : [];
}

/** Refused when the holidays, with the schedule and the holidays already approved, exceed the SAR's yearly minutes. */
export function checkHolidaysFit(contract: ScheduledContract, holidays: HolidayBlock): RefusalValue | undefined {
  const planned = plannedMinutes({ ...contract, holidays: [...contract.holidays, holidays] });
  if (planned <= contract.yearlyMinutes) return undefined;
  const excess = planned - contract.yearlyMinutes;
  return refusal(
    'conflict',
    'holidays_exceed_sar',
    `With these holidays the SAR would plan ${planned} minutes (${hoursText(planned)}), ${excess} minutes (${hoursText(excess)}) more than its ${contract.yearlyMinutes} yearly minutes`,
    [{ field: 'minutes', message: `exceeds what is left of the SAR by ${excess} minutes` }],
  );
}

/**
 * Whether a block of holidays has its place in the contract in force: within it, clear of
 * blackouts, blocks and other holidays, and within the yearly minutes. Checked when requested and
 * again when approved, since the schedule may have been amended in between.
 */
export function checkHolidaysPlacement(block: HolidayBlock, contract: ContractForHolidays): RefusalValue | undefined {
  if (contract.status !== 'signed')
    return refusal('conflict', 'contract_not_in_force', `SAR holidays are taken under a signed contract; this one is ${contract.status}`);
  const problems = dateProblems(block, contract);
  if (problems.length) return refusal('invalid', 'invalid_holidays', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  return checkHolidaysFit(contract, block);
}

/** A request for SAR holidays, checked against the project and the contract in force. */
export function checkHolidaysRequest(request: HolidaysRequest, contract: ContractForHolidays): RefusalValue | undefined {
  if (contract.status !== 'signed') return checkHolidaysPlacement(request, contract);
  return projectProblem(request) ?? checkHolidaysPlacement(request, contract);
}

export type HolidaysDecision = 'agree' | 'approve' | 'refuse' | 'cancel';

/**
 * The status a decision leads to. Employees' holidays go person -> employer -> office; everyone
 * else's go straight to the office. Each decision names the version it was made on (If-Match).
 */
export function decideHolidays(
  holidays: { status: HolidaysStatus; version: number },
  decision: HolidaysDecision,
  party: Party,
  kind: ContractKind,
  expectedVersion: number,
): HolidaysStatus | RefusalValue {
  if (expectedVersion !== holidays.version) {
    return refusal('stale', 'stale_version', `The holidays are at version ${holidays.version}, not ${expectedVersion}; reload them`);
  }
  const open = holidays.status === 'requested' || holidays.status === 'employer_agreed';
  if (!open) return refusal('conflict', 'holidays_decided', `The holidays are already ${holidays.status}`);
  const waitingForOffice = holidays.status === 'employer_agreed' || kind !== 'employee';
  const allowed: Record<HolidaysDecision, boolean> = {
    agree: party === 'employer' && holidays.status === 'requested',
    approve: party === 'office' && waitingForOffice,
    refuse: (party === 'employer' && holidays.status === 'requested') || (party === 'office' && waitingForOffice),
    cancel: party === 'person',
  };
  if (!allowed[decision]) {
    const next = waitingForOffice ? 'the office' : 'the employer';
    return refusal('conflict', 'not_your_decision', `As the ${party} you cannot ${decision} these holidays now: they wait for ${next}`);
  }
  const outcome: Record<HolidaysDecision, HolidaysStatus> = {
    agree: 'employer_agreed',
    approve: 'approved',
    refuse: 'refused',
    cancel: 'cancelled',
  };
  return outcome[decision];
}

/** Which of the caller's parties has a decision to make on open holidays. */
export function holidaysAwaiting(status: HolidaysStatus, kind: ContractKind): Party | undefined {
  if (status === 'requested') return kind === 'employee' ? 'employer' : 'office';
  if (status === 'employer_agreed') return 'office';
  return undefined;
}
