// Projects of general interest: what a valid project is, its needs, and when it may be edited.
import { isUuid, refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { isIsoDate } from '@e21/kit/calendar';
import type { ApprovedTerms } from './approval.js';
import { checkText, checkTitle, elapsedDays, summary } from './checks.js';

export const PROJECT_KINDS = ['general_interest', 'individual_initiative', 'international_solidarity'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_STATUSES = ['draft', 'proposed', 'approved', 'refused', 'active', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_TITLE_MAX = 200;
export const PROJECT_DESCRIPTION_MAX = 8000;
export const MAX_NEEDS = 30;
export const MAX_CHALLENGES = 10;
/** About 1,700 hours: more than one need can ask of a whole team in a year. */
export const MAX_NEED_MINUTES = 100_000;
/** A project runs at most five years; a longer one is several projects. */
export const MAX_PERIOD_DAYS = 5 * 366;
export const SKILL_ID_MAX = 300;

export interface Need {
  id: string;
  skillId: string;
  neededMinutes: number;
  startDate: string | null;
  endDate: string | null;
}

export interface NeedInput {
  /** Set to keep (and change) an existing need; absent for a new one. */
  id?: string;
  skillId: string;
  neededMinutes: number;
  startDate?: string | null;
  endDate?: string | null;
}

export interface Project {
  id: string;
  territoryId: string;
  title: string;
  description: string;
  kind: ProjectKind;
  status: ProjectStatus;
  coordinatorId: string;
  startDate: string;
  endDate: string;
  challengeIds: string[];
  needs: Need[];
  refusalReason: string;
  /** The terms of the last approval (null before the first): a material edit is measured against them. */
  approved: ApprovedTerms | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProjectFields {
  territoryId: string;
  title: string;
  description: string;
  kind: ProjectKind;
  challengeIds: string[];
  startDate: string;
  endDate: string;
  needs: NeedInput[];
}

/** Statuses in which the board may still change the project's content. */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'approved', 'active'];
/** Territory and kind decide who approves and what the project is: fixed once it leaves the draft. */
const FIXED_AFTER_DRAFT = ['territoryId', 'kind'] as const;

function checkPeriod(
  problems: FieldProblem[],
  prefix: string,
  start: string | null | undefined,
  end: string | null | undefined,
  required: boolean,
): void {
  const startField = `${prefix}start_date`;
  const endField = `${prefix}end_date`;
  if (required && !start) problems.push({ field: startField, message: 'is required' });
  if (required && !end) problems.push({ field: endField, message: 'is required' });
  if (start && !isIsoDate(start)) problems.push({ field: startField, message: 'must be a date YYYY-MM-DD' });
  if (end && !isIsoDate(end)) problems.push({ field: endField, message: 'must be a date YYYY-MM-DD' });
  if (start && end && isIsoDate(start) && isIsoDate(end) && end < start)
    problems.push({ field: endField, message: 'must not be before the start date' });
}

function checkNeeds(problems: FieldProblem[], needs: NeedInput[], period: { startDate: string; endDate: string }): NeedInput[] {
  if (needs.length > MAX_NEEDS) problems.push({ field: 'needs', message: `must be at most ${MAX_NEEDS}` });
  const ids = new Set<string>();
  return needs.map((need, index) => {
    const prefix = `needs.${index}.`;
    if (need.id !== undefined && need.id !== '') {
      if (!isUuid(need.id)) problems.push({ field: `${prefix}id`, message: 'must be the id of one of the project’s needs' });
      else if (ids.has(need.id.toLowerCase())) problems.push({ field: `${prefix}id`, message: 'is given twice' });
      ids.add(need.id.toLowerCase());
    }
    const skillId = need.skillId.trim();
    if (!skillId || skillId.length > SKILL_ID_MAX) problems.push({ field: `${prefix}skill_id`, message: 'must be a skill id' });
    if (!Number.isInteger(need.neededMinutes) || need.neededMinutes < 1 || need.neededMinutes > MAX_NEED_MINUTES) {
      problems.push({ field: `${prefix}needed_minutes`, message: `must be a whole number of minutes from 1 to ${MAX_NEED_MINUTES}` });
    }
    const startDate = need.startDate || null;
    const endDate = need.endDate || null;
    checkPeriod(problems, prefix, startDate, endDate, false);
    if (startDate && isIsoDate(startDate) && (startDate < period.startDate || startDate > period.endDate)) {
      problems.push({ field: `${prefix}start_date`, message: 'must be within the project’s period' });
    }
    if (endDate && isIsoDate(endDate) && (endDate < period.startDate || endDate > period.endDate)) {
      problems.push({ field: `${prefix}end_date`, message: 'must be within the project’s period' });
    }
    return { ...(need.id ? { id: need.id.toLowerCase() } : {}), skillId, neededMinutes: need.neededMinutes, startDate, endDate };
  });
}

/** Trims the texts, checks the kind, the period (YYYY-MM-DD, at most five years), the challenges and each need. */
export function validateProjectFields(fields: ProjectFields): ProjectFields | RefusalValue {
  const problems: FieldProblem[] = [];
  const title = checkTitle(problems, 'title', fields.title, PROJECT_TITLE_MAX);
  const description = checkText(problems, 'description', fields.description, PROJECT_DESCRIPTION_MAX, false);
  if (!PROJECT_KINDS.includes(fields.kind)) problems.push({ field: 'kind', message: `must be one of ${PROJECT_KINDS.join(', ')}` });
  checkPeriod(problems, '', fields.startDate, fields.endDate, true);
  if (isIsoDate(fields.startDate) && isIsoDate(fields.endDate) && elapsedDays(fields.startDate, fields.endDate) > MAX_PERIOD_DAYS) {
    problems.push({ field: 'end_date', message: 'must be at most five years after the start date' });
  }
  const challengeIds = [...new Set(fields.challengeIds.map((id) => id.toLowerCase()))];
  if (challengeIds.length > MAX_CHALLENGES) problems.push({ field: 'challenge_ids', message: `must be at most ${MAX_CHALLENGES}` });
  if (challengeIds.some((id) => !isUuid(id))) problems.push({ field: 'challenge_ids', message: 'must be challenge ids' });
  const needs = checkNeeds(problems, fields.needs, fields);
  if (problems.length) return refusal('invalid', 'invalid_project', summary(problems), problems);
  return { ...fields, title, description, challengeIds, needs };
}

/** Whether the content may change now, and that territory and kind stay as they are after the draft. */
export function checkEdit(project: Project, fields: ProjectFields): RefusalValue | undefined {
  if (!EDITABLE_STATUSES.includes(project.status)) {
    return refusal(
      'conflict',
      'not_editable',
      `A ${project.status} project cannot be edited; it can be edited as a draft, approved or active project`,
    );
  }
  if (project.status !== 'draft') {
    const changed = FIXED_AFTER_DRAFT.filter((key) => project[key] !== fields[key]);
    if (changed.length) {
      const names = changed.map((key) => (key === 'territoryId' ? 'territory_id' : key));
      return refusal(
        'conflict',
        'fixed_after_draft',
        `${names.join(' and ')} can only change while the project is a draft`,
        names.map((field) => ({ field, message: 'can only change while the project is a draft' })),
      );
    }
  }
  return undefined;
}

export interface NeedPlan {
  keep: Need[];
  add: Need[];
  remove: string[];
}

/**
 * How the needs change: those named by id are kept (with their new values), the others are added,
 * and the missing ones removed. A need someone fills can be neither removed nor made smaller than
 * the minutes already pledged to it.
 */
export function planNeeds(
  current: readonly Need[],
  requested: readonly NeedInput[],
  filled: ReadonlyMap<string, number>,
  newId: () => string,
): NeedPlan | RefusalValue {
  const byId = new Map(current.map((need) => [need.id, need]));
  const unknown = requested.flatMap((input, index) =>
    input.id && !byId.has(input.id) ? [{ field: `needs.${index}.id`, message: 'is not one of the project’s needs' }] : [],
  );
  if (unknown.length) return refusal('invalid', 'unknown_need', summary(unknown), unknown);
  const problems: FieldProblem[] = [];
  const keep: Need[] = [];
  const add: Need[] = [];
  requested.forEach((input, index) => {
    const need = {
      skillId: input.skillId,
      neededMinutes: input.neededMinutes,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    };
    const existing = input.id ? byId.get(input.id) : undefined;
    if (!existing) add.push({ id: newId(), ...need });
    else {
      const pledged = filled.get(existing.id) ?? 0;
      if (pledged > 0 && existing.skillId !== need.skillId)
        problems.push({ field: `needs.${index}.skill_id`, message: 'cannot change while members fill this need' });
      if (need.neededMinutes < pledged)
        problems.push({ field: `needs.${index}.needed_minutes`, message: `must be at least the ${pledged} minutes members pledged` });
      keep.push({ id: existing.id, ...need });
    }
  });
  const kept = new Set(keep.map((need) => need.id));
  const remove = current.filter((need) => !kept.has(need.id)).map((need) => need.id);
  for (const id of remove) {
    if ((filled.get(id) ?? 0) > 0) problems.push({ field: 'needs', message: `need ${id} is filled by members and cannot be removed` });
  }
  if (problems.length) return refusal('conflict', 'needs_in_use', summary(problems), problems);
  return { keep, add, remove };
}

export const neededMinutesOf = (project: { needs: readonly { neededMinutes: number }[] }): number =>
  project.needs.reduce((total, need) => total + need.neededMinutes, 0);
