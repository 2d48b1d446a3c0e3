// Loading projects as a caller may see them, and turning them into messages with filled hours and labels.
import { notFound, type Caller, type Queryable } from '@e21/kit';
import type * as proto from '@e21/proto/e21/programs/v1/programs';
import { FEEDBACK_STATUSES } from '../domain/feedback.js';
import { EDITABLE_STATUSES, type Project } from '../domain/projects.js';
import { filledMinutes, isBoardRole, teamRoleOf, type Membership, type TeamRole } from '../domain/team.js';
import { projectToProto, teamRoleToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { personIdOf, type HandlerDeps } from './context.js';

export interface LoadedProject {
  project: Project;
  /** Every membership of the project, past ones included. */
  history: Membership[];
  /** The caller's current role on the team. */
  role: TeamRole | undefined;
}

/**
 * The project with its team, as the caller may see it: a draft exists only for its own team (and
 * services); to anyone else it is not found, like a project that does not exist.
 */
export async function loadProject(
  db: Queryable,
  id: string,
  caller: Caller,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedProject> {
  const project = await store.getProject(db, id, options);
  if (!project) throw notFound('project', id);
  const history = await store.memberHistory(db, id);
  const personId = personIdOf(caller);
  const role = personId ? teamRoleOf(history, personId) : undefined;
  if (project.status === 'draft' && !role && caller.kind !== 'system') throw notFound('project', id);
  return { project, history, role };
}

/**
 * Projects as messages, as lists show them: filled minutes read in one query, skill labels in one
 * identity call, and each coordinator's name (once per coordinator, however many projects).
 */
export async function projectsToProto(deps: HandlerDeps, projects: readonly Project[], language: string): Promise<proto.Project[]> {
  const [filled, skills, names] = await Promise.all([
    store.filledByNeed(
      deps.pool,
      projects.map((p) => p.id),
    ),
    deps.directory.skills(
      projects.flatMap((p) => p.needs.map((n) => n.skillId)),
      language,
    ),
    deps.directory.names(projects.map((p) => p.coordinatorId)),
  ]);
  const labels = new Map([...skills.values()].map((s) => [s.id, s.label]));
  return projects.map((project) =>
    projectToProto(project, { filled, skillLabels: labels, coordinatorName: names.get(project.coordinatorId) ?? '' }),
  );
}

/** What a project's message needs from identity, gathered before any transaction: labels, names, the caller's standing. */
export interface ProjectViewFacts {
  skillLabels: Map<string, string>;
  coordinatorName: string;
  /** Whether the caller, an outsider to the team, may approve the project's territory's proposals. */
  officer: boolean;
}

export async function projectViewFacts(
  deps: HandlerDeps,
  project: Pick<Project, 'id' | 'territoryId' | 'coordinatorId'>,
  skillIds: readonly string[],
  caller: Caller,
  role: TeamRole | undefined,
  language: string,
): Promise<ProjectViewFacts> {
  const [skills, names, officer] = await Promise.all([
    deps.directory.skills([...skillIds], language),
    deps.directory.names([project.coordinatorId]),
    // Only the approval buttons need identity's word, and only for someone outside the team.
    personIdOf(caller) && !role
      ? deps.directory.allowed(caller, 'programs.projects.approve', { projectId: project.id, projectTerritoryId: project.territoryId })
      : Promise.resolve(false),
  ]);
  return {
    skillLabels: new Map([...skills.values()].map((s) => [s.id, s.label])),
    coordinatorName: names.get(project.coordinatorId) ?? '',
    officer,
  };
}

/** One project in full from this service's own tables and the facts gathered before: safe inside a transaction. */
export async function projectMessage(
  db: Queryable,
  loaded: LoadedProject,
  caller: Caller,
  facts: ProjectViewFacts,
): Promise<proto.Project> {
  const { project, history, role } = loaded;
  const personId = personIdOf(caller);
  const [transitions, pending] = await Promise.all([
    store.listTransitions(db, project.id),
    personId ? store.pendingRequestOf(db, project.id, personId) : Promise.resolve(undefined),
  ]);
  const viewer: proto.Viewer | undefined = personId
    ? {
        role: teamRoleToProto(role),
        mayEdit: isBoardRole(role) && EDITABLE_STATUSES.includes(project.status),
        mayApprove: project.status === 'proposed' && !role && facts.officer,
        pendingRequestId: pending?.id ?? '',
        mayLeaveFeedback: FEEDBACK_STATUSES.includes(project.status) && !isBoardRole(role),
      }
    : undefined;
  return projectToProto(project, {
    filled: filledMinutes(history),
    skillLabels: facts.skillLabels,
    history: transitions,
    viewer,
    coordinatorName: facts.coordinatorName,
  });
}

/** One project in full, read now: its history, its coordinator's name, and what the caller may do with it. */
export async function projectInFull(deps: HandlerDeps, loaded: LoadedProject, caller: Caller, language: string): Promise<proto.Project> {
  const facts = await projectViewFacts(
    deps,
    loaded.project,
    loaded.project.needs.map((n) => n.skillId),
    caller,
    loaded.role,
    language,
  );
  return projectMessage(deps.pool, loaded, caller, facts);
}
