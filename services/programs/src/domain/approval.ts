// What an officer approved, and which edits of an approved or running project change it enough to
// need a new approval: the officer committed the territory to these hours, skills and dates.
import type { StatusChange } from './lifecycle.js';
import { elapsedDays } from './checks.js';
import { neededMinutesOf, type Project, type ProjectStatus } from './projects.js';

/** The terms an officer approved, kept from the approval on: edits are measured against them. */
export interface ApprovedTerms {
  neededMinutes: number;
  skillIds: string[];
  startDate: string;
  endDate: string;
}

/**
 * The tolerances of the rule, in integers. Total hours may grow by up to 10 % of the approved
 * hours (600 approved hours may become 660, not 661); the period may start up to 30 days earlier
 * and end up to 30 days later than approved. Fewer hours, a shorter period, fewer skills, and any
 * change of title, description or challenges are minor: they ask nothing more of the territory.
 */
export const HOURS_TOLERANCE_PERCENT = 10;
export const PERIOD_TOLERANCE_DAYS = 30;

/** Statuses whose content an officer approved: a material edit sends them back to approval. */
export const APPROVED_STATUSES: readonly ProjectStatus[] = ['approved', 'active'];

export type MaterialChangeCode = 'hours_increased' | 'new_competence' | 'period_extended';

export interface MaterialChange {
  code: MaterialChangeCode;
  /** What changed, in words an officer reads in the project's history. */
  detail: string;
}

export function approvedTermsOf(project: Pick<Project, 'needs' | 'startDate' | 'endDate'>): ApprovedTerms {
  return {
    neededMinutes: neededMinutesOf(project),
    skillIds: [...new Set(project.needs.map((need) => need.skillId))].sort(),
    startDate: project.startDate,
    endDate: project.endDate,
  };
}

const hours = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/** How an edit departs from the approved terms beyond the tolerances; none for a minor edit. */
export function materialChanges(approved: ApprovedTerms, edited: Pick<Project, 'needs' | 'startDate' | 'endDate'>): MaterialChange[] {
  const changes: MaterialChange[] = [];
  const minutes = neededMinutesOf(edited);
  if (minutes * 100 > approved.neededMinutes * (100 + HOURS_TOLERANCE_PERCENT)) {
    changes.push({
      code: 'hours_increased',
      detail: `needed hours from ${hours(approved.neededMinutes)} to ${hours(minutes)} (more than ${HOURS_TOLERANCE_PERCENT} % more)`,
    });
  }
  const skills = [...new Set(edited.needs.map((need) => need.skillId))].filter((skill) => !approved.skillIds.includes(skill)).sort();
  if (skills.length) changes.push({ code: 'new_competence', detail: `new competences needed: ${skills.join(', ')}` });
  const earlier = elapsedDays(edited.startDate, approved.startDate);
  const later = elapsedDays(approved.endDate, edited.endDate);
  if (earlier > PERIOD_TOLERANCE_DAYS || later > PERIOD_TOLERANCE_DAYS) {
    changes.push({
      code: 'period_extended',
      detail: `period from ${approved.startDate} – ${approved.endDate} to ${edited.startDate} – ${edited.endDate} (more than ${PERIOD_TOLERANCE_DAYS} days beyond)`,
    });
  }
  return changes;
}

export interface ReviewedEdit {
  project: Project;
  /** The move back to approval, when the edit is material. */
  change?: StatusChange;
  changes: MaterialChange[];
}

/**
 * An edit of an approved or running project that is material goes back to the officers: the
 * project becomes proposed again (its team, needs' members and history stay) with the reason in
 * its history, and the next approval makes the edited terms the approved ones. A minor edit, or
 * any edit of a draft, keeps the status.
 */
export function reviewEdit(before: Project, edited: Project, by: string, at: Date): ReviewedEdit {
  if (!APPROVED_STATUSES.includes(before.status)) return { project: edited, changes: [] };
  const changes = materialChanges(before.approved ?? approvedTermsOf(before), edited);
  if (!changes.length) return { project: edited, changes };
  const reason = `Material change, back to approval: ${changes.map((c) => c.detail).join('; ')}`;
  return {
    project: { ...edited, status: 'proposed' },
    change: { from: before.status, to: 'proposed', by, at, reason },
    changes,
  };
}
