// The local program of Societal Activities: the approved projects of a territory for a year, with
// the hours they need per strategic challenge. It stays a draft until the assembly validates it.
import { refusal, type RefusalValue } from '@e21/kit';
import type { ProjectStatus } from './projects.js';

/** Approved projects, and those already running, make up a program. */
export const PROGRAM_STATUSES: readonly ProjectStatus[] = ['approved', 'active'];
export const MAX_PROGRAM_PROJECTS = 500;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A territory's local program for a year, as an officer drafted it: one per territory and year. */
export interface ProgramRecord {
  id: string;
  territoryId: string;
  year: number;
  status: 'draft';
  version: number;
  draftedBy: string;
  draftedAt: Date;
  projectIds: string[];
}

export interface ProgramProject {
  id: string;
  territoryId: string;
  status: ProjectStatus;
  startDate: string;
  endDate: string;
  challengeIds: readonly string[];
  neededMinutes: number;
}

export interface ChallengeTotal {
  /** null for the projects linked to no challenge. */
  challengeId: string | null;
  neededMinutes: number;
  projectCount: number;
}

export function checkYear(year: number): RefusalValue | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return refusal('invalid', 'validation_failed', `year must be from ${MIN_YEAR} to ${MAX_YEAR}`, [
      { field: 'year', message: `must be from ${MIN_YEAR} to ${MAX_YEAR}` },
    ]);
  }
  return undefined;
}

const overlapsYear = (project: ProgramProject, year: number) => project.startDate <= `${year}-12-31` && project.endDate >= `${year}-01-01`;

/** Whether a project belongs in the program of a territory (and those below it) for a year. */
export function isProgramCandidate(project: ProgramProject, territoryIds: ReadonlySet<string>, year: number): boolean {
  return PROGRAM_STATUSES.includes(project.status) && territoryIds.has(project.territoryId) && overlapsYear(project, year);
}

/** Refuses a program that names a project it cannot hold, saying which and why. */
export function checkProgramProjects(
  projects: readonly ProgramProject[],
  requestedIds: readonly string[],
  territoryIds: ReadonlySet<string>,
  year: number,
): RefusalValue | undefined {
  if (requestedIds.length > MAX_PROGRAM_PROJECTS)
    return refusal('invalid', 'validation_failed', `a program holds at most ${MAX_PROGRAM_PROJECTS} projects`, [
      { field: 'project_ids', message: `must be at most ${MAX_PROGRAM_PROJECTS}` },
    ]);
  const byId = new Map(projects.map((project) => [project.id, project]));
  const problems = requestedIds.flatMap((id, index) => {
    const project = byId.get(id);
    if (!project) return [{ field: `project_ids.${index}`, message: 'is not a known project' }];
    if (!PROGRAM_STATUSES.includes(project.status))
      return [{ field: `project_ids.${index}`, message: `is ${project.status}; a program holds approved projects` }];
    if (!territoryIds.has(project.territoryId)) return [{ field: `project_ids.${index}`, message: 'is not a project of this territory' }];
    if (!overlapsYear(project, year)) return [{ field: `project_ids.${index}`, message: `does not run in ${year}` }];
    return [];
  });
  if (problems.length) return refusal('invalid', 'invalid_program', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  return undefined;
}

/**
 * The hours a program needs per challenge (a project linked to two challenges counts under both),
 * the projects linked to none under null; largest first. The program's total counts each project once.
 */
export function challengeTotals(projects: readonly ProgramProject[]): { totals: ChallengeTotal[]; neededMinutes: number } {
  const totals = new Map<string | null, ChallengeTotal>();
  for (const project of projects) {
    const keys = project.challengeIds.length ? project.challengeIds : [null];
    for (const challengeId of keys) {
      const total = totals.get(challengeId) ?? { challengeId, neededMinutes: 0, projectCount: 0 };
      total.neededMinutes += project.neededMinutes;
      total.projectCount += 1;
      totals.set(challengeId, total);
    }
  }
  const sorted = [...totals.values()].sort(
    (a, b) => b.neededMinutes - a.neededMinutes || String(a.challengeId).localeCompare(String(b.challengeId)),
  );
  return { totals: sorted, neededMinutes: projects.reduce((sum, p) => sum + p.neededMinutes, 0) };
}
