// A project's lifecycle: draft -> proposed -> approved (or refused) -> active -> completed, or
// cancelled on the way; who may make each move, recorded with who and when.
import { refusal, type RefusalValue } from '@e21/kit';
import { approvedTermsOf } from './approval.js';
import type { Project, ProjectStatus } from './projects.js';
import { isBoardRole, type TeamRole } from './team.js';

/** Who makes a move: the project's board (coordinator, co-managers), an officer of its territory, or either. */
type Mover = 'board' | 'officer' | 'board_or_officer';

/** Every move the lifecycle allows; anything else is refused. */
export const LIFECYCLE: Record<ProjectStatus, Partial<Record<ProjectStatus, Mover>>> = {
  draft: { proposed: 'board', cancelled: 'board_or_officer' },
  // The board may take a proposal back to the draft, while no officer decided it.
  proposed: { approved: 'officer', refused: 'officer', draft: 'board', cancelled: 'board_or_officer' },
  // A refused project can be reworked as a draft and proposed again.
  refused: { draft: 'board' },
  approved: { active: 'board', cancelled: 'board_or_officer' },
  active: { completed: 'board', cancelled: 'board_or_officer' },
  completed: {},
  cancelled: {},
};

export const REASON_MAX = 1000;

export interface TransitionActor {
  /** "person:<uuid>" or "system:<service>", as recorded. */
  by: string;
  /** The mover's role on the project's team, if any. */
  teamRole: TeamRole | undefined;
  /** Officer (or territory admin) of the project's territory or above, as identity decided. */
  officer: boolean;
  /** An internal service acting on its own: trusted to have checked its callers. */
  system: boolean;
}

export interface StatusChange {
  from: ProjectStatus;
  to: ProjectStatus;
  by: string;
  at: Date;
  reason: string;
}

export function allowedMoves(from: ProjectStatus): ProjectStatus[] {
  return Object.keys(LIFECYCLE[from]) as ProjectStatus[];
}

function checkMover(mover: Mover, to: ProjectStatus, actor: TransitionActor): RefusalValue | undefined {
  if (actor.system) return undefined;
  const board = isBoardRole(actor.teamRole);
  if (mover === 'officer') {
    if (!actor.officer)
      return refusal(
        'forbidden',
        'not_an_officer',
        `Only an Engagement 21 officer of the project's territory (or above) can make it ${to}`,
      );
    // An officer on the team would decide on their own project.
    if (actor.teamRole) return refusal('forbidden', 'own_project', `A member of a project's team cannot make it ${to}, even as an officer`);
    return undefined;
  }
  if (mover === 'board' && !board)
    return refusal('forbidden', 'not_on_board', `Only the project's coordinator or co-managers can make it ${to}`);
  if (mover === 'board_or_officer' && !board && !actor.officer) {
    return refusal(
      'forbidden',
      'not_on_board',
      `Only the project's coordinator, co-managers or an officer of its territory can make it ${to}`,
    );
  }
  return undefined;
}

/** Moves the project to `to` if the lifecycle allows it and the actor may; refusing needs a reason. */
export function transition(
  project: Project,
  to: ProjectStatus,
  actor: TransitionActor,
  reason: string,
  at: Date,
): { project: Project; change: StatusChange } | RefusalValue {
  const mover = LIFECYCLE[project.status][to];
  if (!mover) {
    const allowed = allowedMoves(project.status);
    const next = allowed.length ? `from ${project.status} it can become ${allowed.join(' or ')}` : `${project.status} is final`;
    return refusal('conflict', 'invalid_transition', `A ${project.status} project cannot become ${to}: ${next}`, [
      { field: 'status', message: `cannot go from ${project.status} to ${to}` },
    ]);
  }
  const refused = checkMover(mover, to, actor);
  if (refused) return refused;
  const trimmed = reason.trim();
  if (trimmed.length > REASON_MAX)
    return refusal('invalid', 'validation_failed', `reason must be at most ${REASON_MAX} characters`, [
      { field: 'reason', message: `must be at most ${REASON_MAX} characters` },
    ]);
  if (to === 'refused' && !trimmed)
    return refusal('invalid', 'reason_required', 'Say why the project is refused', [
      { field: 'reason', message: 'is required when refusing' },
    ]);
  const change: StatusChange = { from: project.status, to, by: actor.by, at, reason: trimmed };
  return {
    project: {
      ...project,
      status: to,
      refusalReason: to === 'refused' ? trimmed : '',
      // An approval fixes the terms later edits are measured against (approval.ts).
      approved: to === 'approved' ? approvedTermsOf(project) : project.approved,
      version: project.version + 1,
      updatedAt: at,
    },
    change,
  };
}
