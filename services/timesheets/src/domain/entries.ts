// Time entries: what a person may log, and every check a submission (or a change) passes, each
// refusing with its own code. The facts come from contracts, programs and this service's own
// entries; the rules never fetch anything.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { isIsoDate, monthOf, type IsoDate, type Month } from './dates.js';

export const ENTRY_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Twelve hours: no more may be logged by a person on one day, across all their entries. */
export const MAX_MINUTES_A_DAY = 720;
export const NOTE_MAX_LENGTH = 1000;
export const COMPETENCE_MAX_LENGTH = 300;

export interface TimeEntry {
  id: string;
  personId: string;
  personName: string;
  contractId: string;
  employerId: string | null;
  employerName: string;
  projectId: string;
  projectTitle: string;
  territoryId: string;
  date: IsoDate;
  /** The month whose period the entry counts in: its date's, or the next one once carried. */
  month: Month;
  minutes: number;
  competenceId: string;
  note: string;
  status: EntryStatus;
  version: number;
  submittedAt: Date;
  updatedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string;
  carriedFrom: Month | null;
}

/** What the person says they did. */
export interface EntryInput {
  projectId: string;
  date: string;
  minutes: number;
  competenceId: string;
  note: string;
}

/** What is wrong with the input itself, before any fact is fetched. Fields are named as in the API. */
export function inputProblems(input: EntryInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(input.date)) problems.push({ field: 'date', message: 'must be a date YYYY-MM-DD' });
  if (!Number.isSafeInteger(input.minutes) || input.minutes < 1 || input.minutes > MAX_MINUTES_A_DAY) {
    problems.push({ field: 'minutes', message: `must be a whole number of minutes from 1 to ${MAX_MINUTES_A_DAY}` });
  }
  if (!input.competenceId || input.competenceId.length > COMPETENCE_MAX_LENGTH) {
    problems.push({ field: 'competence_id', message: `must be a skill id of 1 to ${COMPETENCE_MAX_LENGTH} characters` });
  }
  if (input.note.length > NOTE_MAX_LENGTH) problems.push({ field: 'note', message: `must be at most ${NOTE_MAX_LENGTH} characters` });
  // PostgreSQL text cannot hold NUL; no note needs one.
  for (const [field, value] of [
    ['note', input.note],
    ['competence_id', input.competenceId],
  ] as const) {
    if (value.includes('\u0000')) problems.push({ field, message: 'must not contain NUL characters' });
  }
  return problems;
}

export function validateInput(input: EntryInput): RefusalValue | undefined {
  const problems = inputProblems(input);
  return problems.length
    ? refusal('invalid', 'invalid_entry', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems)
    : undefined;
}

/** What the checks need to know, gathered from the other services and this one's entries. */
export interface SubmissionFacts {
  contract: {
    /** signed, suspended, terminated: once signed; negotiating, withdrawn: never. */
    status: string;
    yearlyMinutes: number;
    competenceIds: string[];
  };
  /** Contracts' GetAllowance for the entry's date. */
  allowance: { inForce: boolean; dayKind: string; dayMaxMinutes: number; weekAllowedMinutes: number };
  project: { status: string; member: boolean; needSkillId: string | undefined };
  /** Pending and approved minutes already logged, without the entry being changed. */
  logged: { personDay: number; contractDay: number; contractWeek: number; contractYear: number };
  /** The month the entry would count in (see periodMonthOf), and whether its period is closed. */
  month: Month;
  periodClosed: boolean;
  /** The day it is now (UTC). */
  today: IsoDate;
}

type Check = (entry: EntryInput, facts: SubmissionFacts) => RefusalValue | undefined;

const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
const conflict = (code: string, message: string, field?: string) =>
  refusal('conflict', code, message, field ? [{ field, message }] : undefined);

/** Hours are logged under a contract that every party signed. */
export const contractSigned: Check = (_entry, { contract }) =>
  contract.status === 'negotiating' || contract.status === 'withdrawn'
    ? conflict('contract_not_signed', 'The contract is not signed: hours are logged once every party accepted it', 'contract_id')
    : undefined;

/** ...and that is in force on the entry's date: within its period, not suspended, not after its termination. */
export const contractInForce: Check = (entry, { allowance }) =>
  allowance.inForce ? undefined : conflict('contract_not_in_force', `The contract is not in force on ${entry.date}`, 'date');

/** Only members of the project's team log hours on it. */
export const memberOfProject: Check = (_entry, { project }) =>
  project.member
    ? undefined
    : refusal('forbidden', 'not_a_member', 'You are not on this project’s team: ask to join it first', [
        { field: 'project_id', message: 'is not a project you are a member of' },
      ]);

/** Hours go to projects that were approved and are not over. */
export const projectOpen: Check = (_entry, { project }) =>
  project.status === 'approved' || project.status === 'active'
    ? undefined
    : conflict('project_not_open', `The project is ${project.status}: hours are logged on approved or running projects`, 'project_id');

/** The competence used is one the contract agreed, or the skill of the need the person fills. */
export const competenceAgreed: Check = (entry, { contract, project }) =>
  contract.competenceIds.includes(entry.competenceId) || project.needSkillId === entry.competenceId
    ? undefined
    : refusal('invalid', 'competence_not_agreed', 'The competence is neither one your contract agreed nor the one of the need you fill', [
        { field: 'competence_id', message: 'is not agreed in the contract nor the need you fill' },
      ]);

/** Hours are logged once given: never for a day to come. */
export const notInFuture: Check = (entry, { today }) =>
  entry.date > today
    ? refusal('invalid', 'future_date', `${entry.date} is in the future: log hours once given`, [
        { field: 'date', message: 'is in the future' },
      ])
    : undefined;

/** A closed month never changes: nothing is logged in it, and nothing in it is changed or withdrawn. */
export function checkPeriodOpen(month: Month, closed: boolean): RefusalValue | undefined {
  return closed ? conflict('period_closed', `The month ${month} is closed for your territory: it no longer changes`, 'date') : undefined;
}

export const periodOpen: Check = (_entry, { month, periodClosed }) => checkPeriodOpen(month, periodClosed);

/** Blackout days of the schedule allow nothing. */
export const notBlackout: Check = (entry, { allowance }) =>
  allowance.dayKind === 'blackout'
    ? conflict('blackout_day', `${entry.date} is in a blackout period of your schedule: nothing may be logged`, 'date')
    : undefined;

/** At most twelve hours a day for a person, across all their entries and contracts. */
export const twelveHoursADay: Check = (entry, { logged }) => {
  const total = logged.personDay + entry.minutes;
  return total > MAX_MINUTES_A_DAY
    ? conflict('over_12_hours_a_day', `That makes ${hours(total)} on ${entry.date}: no more than 12 hours a day`, 'minutes')
    : undefined;
};

/** The schedule's most for the day (a block's share, the weekly allowance, the 10-hour day). */
export const withinDailyAllowance: Check = (entry, { allowance, logged }) => {
  const total = logged.contractDay + entry.minutes;
  return total > allowance.dayMaxMinutes
    ? conflict(
        'over_daily_allowance',
        `That makes ${hours(total)} on ${entry.date}; your schedule allows ${hours(allowance.dayMaxMinutes)} that day`,
        'minutes',
      )
    : undefined;
};

/** The schedule's most for the ISO week: ordinary allowance, blocks and holidays. */
export const withinWeeklyAllowance: Check = (entry, { allowance, logged }) => {
  const total = logged.contractWeek + entry.minutes;
  return total > allowance.weekAllowedMinutes
    ? conflict(
        'over_weekly_allowance',
        `That makes ${hours(total)} in the week of ${entry.date}; your schedule allows ${hours(allowance.weekAllowedMinutes)}`,
        'minutes',
      )
    : undefined;
};

/** Approved and pending minutes never go beyond the contract's yearly minutes. */
export const withinYearlyHours: Check = (entry, { contract, logged }) => {
  const remaining = contract.yearlyMinutes - logged.contractYear;
  return entry.minutes > remaining
    ? conflict(
        'yearly_hours_exceeded',
        `Only ${hours(Math.max(0, remaining))} of the contract’s ${hours(contract.yearlyMinutes)} remain this year`,
        'minutes',
      )
    : undefined;
};

/** Every check, in the order a person would want to hear about them. */
export const SUBMISSION_CHECKS: Check[] = [
  notInFuture,
  contractSigned,
  contractInForce,
  memberOfProject,
  projectOpen,
  competenceAgreed,
  periodOpen,
  notBlackout,
  twelveHoursADay,
  withinDailyAllowance,
  withinWeeklyAllowance,
  withinYearlyHours,
];

/** The first check the entry fails, or undefined when it may be logged. */
export function checkSubmission(entry: EntryInput, facts: SubmissionFacts): RefusalValue | undefined {
  for (const check of SUBMISSION_CHECKS) {
    const refused = check(entry, facts);
    if (refused) return refused;
  }
  return undefined;
}

/**
 * Whether the person may change (edit, correct, withdraw) an entry: their own, not approved (an
 * approval is final), not withdrawn, at the version they saw.
 */
export function checkChange(entry: TimeEntry, personId: string, expectedVersion: number): RefusalValue | undefined {
  if (entry.personId !== personId) return refusal('forbidden', 'not_your_entry', 'Only the person who logged the hours changes them');
  if (entry.status === 'approved') return refusal('conflict', 'entry_approved', 'The entry is approved: an approval is final');
  if (entry.status === 'withdrawn') return refusal('conflict', 'entry_withdrawn', 'The entry was withdrawn');
  if (entry.version !== expectedVersion)
    return refusal('stale', 'stale_version', `The entry is at version ${entry.version}, not ${expectedVersion}; reload it`);
  return undefined;
}

/**
 * The month whose period an entry on `date` counts in: the date's month, except for an entry that
 * was carried to the next month and keeps its date (its own month is closed).
 */
export function periodMonthOf(date: IsoDate, existing?: TimeEntry): Month {
  return existing?.carriedFrom && existing.date === date ? existing.month : monthOf(date);
}

/** The entry with new facts: pending again (a correction of a rejected entry is a resubmission). */
export function changed(entry: TimeEntry, input: EntryInput & { projectTitle: string }, at: Date): TimeEntry {
  const month = periodMonthOf(input.date, entry);
  return {
    ...entry,
    projectId: input.projectId,
    projectTitle: input.projectTitle,
    date: input.date,
    month,
    minutes: input.minutes,
    competenceId: input.competenceId,
    note: input.note,
    status: 'pending',
    version: entry.version + 1,
    updatedAt: at,
    decidedBy: null,
    decidedAt: null,
    rejectionReason: '',
    carriedFrom: month === entry.month ? entry.carriedFrom : null,
  };
}

export function withdrawn(entry: TimeEntry, at: Date): TimeEntry {
  return { ...entry, status: 'withdrawn', version: entry.version + 1, updatedAt: at };
}
