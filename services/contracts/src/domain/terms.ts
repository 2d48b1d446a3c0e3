// The terms of a SAR contract: what a valid proposal holds, and what changed between two versions.
import { isUuid, refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { isIsoDate, yearOf, type IsoDate } from '@e21/kit/calendar';
import { checkFits, hoursText, scheduleProblems, type HolidayBlock, type Schedule } from './schedule.js';

export interface AgreedCompetence {
  skillId: string;
  /** Label by language, as on the person's profile when the version was proposed. */
  labels: Record<string, string>;
}

export interface Terms {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  yearlyMinutes: number;
  competences: AgreedCompetence[];
  schedule: Schedule;
  preferredProjectIds: string[];
}

/** Terms as a party proposes them: competences are skill ids of the person's profile. */
export interface TermsInput {
  periodStart: string;
  periodEnd: string;
  yearlyMinutes: number;
  competenceSkillIds: string[];
  schedule: Schedule;
  preferredProjectIds: string[];
}

export const MIN_YEARLY_MINUTES = 60;
/** 1,607 hours: the French legal working year; nobody gives more of it. */
export const MAX_YEARLY_MINUTES = 96_420;
export const MAX_COMPETENCES = 20;
export const MAX_PREFERRED_PROJECTS = 10;

export interface TermsContext {
  /** The person's competence profile: skill id -> labels. */
  profile: Map<string, Record<string, string>>;
  /** Approved SAR holidays of the contract, which the terms must keep room for. */
  holidays: HolidayBlock[];
}

function periodProblems(input: TermsInput): FieldProblem[] {
  if (!isIsoDate(input.periodStart)) return [{ field: 'period_start', message: 'must be a date YYYY-MM-DD' }];
  if (!isIsoDate(input.periodEnd)) return [{ field: 'period_end', message: 'must be a date YYYY-MM-DD' }];
  if (input.periodEnd < input.periodStart) return [{ field: 'period_end', message: 'must not be before period_start' }];
  // Hours count against the employer's commitment of one year: a contract covers one calendar year at most.
  if (yearOf(input.periodEnd) !== yearOf(input.periodStart))
    return [{ field: 'period_end', message: `must be in ${yearOf(input.periodStart)}, the year the period starts in` }];
  return [];
}

function listProblems(values: string[], field: string, max: number, valid: (value: string) => string | undefined): FieldProblem[] {
  if (values.length > max) return [{ field, message: `must hold at most ${max} entries` }];
  return values.flatMap((value, i) => {
    const problem = valid(value) ?? (values.indexOf(value) < i ? 'is listed twice' : undefined);
    return problem ? [{ field: `${field}.${i}`, message: problem }] : [];
  });
}

/**
 * Proposed terms checked against the person's profile and the contract's approved holidays. Field
 * names are relative to the terms ("yearly_minutes", "schedule.blocks.0.minutes").
 */
export function validateTerms(input: TermsInput, context: TermsContext): Terms | RefusalValue {
  const problems = periodProblems(input);
  if (!Number.isSafeInteger(input.yearlyMinutes) || input.yearlyMinutes < MIN_YEARLY_MINUTES || input.yearlyMinutes > MAX_YEARLY_MINUTES) {
    problems.push({
      field: 'yearly_minutes',
      message: `must be a whole number of minutes from ${MIN_YEARLY_MINUTES} to ${MAX_YEARLY_MINUTES}`,
    });
  }
  problems.push(
    ...listProblems(input.competenceSkillIds, 'competence_skill_ids', MAX_COMPETENCES, (id) =>
      context.profile.has(id) ? undefined : "is not on the person's competence profile",
    ),
    ...listProblems(input.preferredProjectIds, 'preferred_project_ids', MAX_PREFERRED_PROJECTS, (id) =>
      isUuid(id) ? undefined : 'must be a project id',
    ),
  );
  if (problems.length === 0) {
    const period = { startDate: input.periodStart, endDate: input.periodEnd };
    problems.push(...scheduleProblems(input.schedule, period, context.holidays));
    for (const holiday of context.holidays) {
      if (holiday.startDate < input.periodStart || holiday.endDate > input.periodEnd) {
        problems.push({
          field: 'period_start',
          message: `must keep the approved SAR holidays ${holiday.startDate} to ${holiday.endDate} within the period`,
        });
      }
    }
  }
  if (problems.length) return refusal('invalid', 'invalid_terms', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  const terms: Terms = {
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    yearlyMinutes: input.yearlyMinutes,
    competences: input.competenceSkillIds.map((skillId) => ({ skillId, labels: context.profile.get(skillId)! })),
    schedule: input.schedule,
    preferredProjectIds: input.preferredProjectIds.map((id) => id.toLowerCase()),
  };
  return checkFits({ ...terms, holidays: context.holidays }) ?? terms;
}

export interface TermsChange {
  field: string;
  before: string;
  after: string;
}

const minutesText = (minutes: number) => `${minutes} min (${hoursText(minutes)})`;

const TERMS_FIELDS: [field: string, text: (terms: Terms) => string][] = [
  ['period_start', (t) => t.periodStart],
  ['period_end', (t) => t.periodEnd],
  ['yearly_minutes', (t) => minutesText(t.yearlyMinutes)],
  ['competences', (t) => t.competences.map((c) => c.labels.en ?? c.skillId).join(', ')],
  ['schedule.weekly_allowance_minutes', (t) => minutesText(t.schedule.weeklyAllowanceMinutes)],
  [
    'schedule.blocks',
    (t) =>
      t.schedule.blocks.map((b) => `${b.startDate} to ${b.endDate}: ${minutesText(b.minutes)}${b.label ? ` (${b.label})` : ''}`).join('; '),
  ],
  [
    'schedule.blackouts',
    (t) => t.schedule.blackouts.map((b) => `${b.startDate} to ${b.endDate}${b.reason ? ` (${b.reason})` : ''}`).join('; '),
  ],
  ['preferred_project_ids', (t) => t.preferredProjectIds.join(', ')],
];

/** What changed from one version's terms to the next, field by field, written for people. */
export function diffTerms(before: Terms, after: Terms): TermsChange[] {
  return TERMS_FIELDS.flatMap(([field, text]) => {
    const [was, is] = [text(before), text(after)];
    return was === is ? [] : [{ field, before: was, after: is }];
  });
}
