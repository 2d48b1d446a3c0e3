// A project's team: the coordinator, co-managers and contributors; who may join, accept, change
// roles and leave; which needs are filled.
import { refusal, type RefusalValue } from '@e21/kit';
import type { Need, ProjectStatus } from './projects.js';

export const TEAM_ROLES = ['coordinator', 'co_manager', 'contributor'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** The roles a member can be given; the coordinator is who created the project. */
export const ASSIGNABLE_ROLES = ['co_manager', 'contributor'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** Statuses in which people may ask to join and be accepted; a cancelled project accepts no members. */
export const OPEN_FOR_MEMBERS: readonly ProjectStatus[] = ['proposed', 'approved', 'active'];
export const JOIN_MESSAGE_MAX = 1000;

/** One stretch of a person's membership: a role change ends it and starts another. */
export interface Membership {
  id: string;
  projectId: string;
  personId: string;
  role: TeamRole;
  needId: string | null;
  minutes: number;
  since: Date;
  until: Date | null;
}

export interface JoinRequestRecord {
  id: string;
  projectId: string;
  personId: string;
  /** null once the need was removed from the project. */
  needId: string | null;
  minutes: number;
  message: string;
  status: 'pending' | 'accepted' | 'declined';
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string;
}

/** The board runs the project together: its coordinator and co-managers. */
export const isBoardRole = (role: TeamRole | undefined): boolean => role === 'coordinator' || role === 'co_manager';

export function currentMembers(history: readonly Membership[]): Membership[] {
  return history.filter((membership) => membership.until === null);
}

export function teamRoleOf(history: readonly Membership[], personId: string): TeamRole | undefined {
  return history.find((membership) => membership.until === null && membership.personId === personId)?.role;
}

/** Minutes the current members pledged to each need. */
export function filledMinutes(history: readonly Membership[]): Map<string, number> {
  const filled = new Map<string, number>();
  for (const membership of currentMembers(history)) {
    if (membership.needId) filled.set(membership.needId, (filled.get(membership.needId) ?? 0) + membership.minutes);
  }
  return filled;
}

export function openMinutes(need: Need, filled: ReadonlyMap<string, number>): number {
  return Math.max(0, need.neededMinutes - (filled.get(need.id) ?? 0));
}

/** The co-managers (the coordinator included) on the board at a moment: for counting a decision's votes. */
export function boardAt(history: readonly Membership[], at: Date): string[] {
  const time = at.getTime();
  return [
    ...new Set(
      history
        .filter((m) => isBoardRole(m.role) && m.since.getTime() <= time && (m.until === null || m.until.getTime() > time))
        .map((m) => m.personId),
    ),
  ];
}

const closed = (status: ProjectStatus) =>
  refusal('conflict', 'project_closed', `A ${status} project accepts no members; people join proposed, approved or active projects`);

function checkMinutes(need: Need, filled: ReadonlyMap<string, number>, minutes: number): RefusalValue | undefined {
  const open = openMinutes(need, filled);
  if (open === 0)
    return refusal('conflict', 'need_filled', 'This need is already filled; choose another one', [
      { field: 'need_id', message: 'is already filled' },
    ]);
  if (minutes > open)
    return refusal('conflict', 'exceeds_open_minutes', `This need has ${open} minutes left to fill`, [
      { field: 'minutes', message: `must be at most the ${open} open minutes` },
    ]);
  return undefined;
}

/** Someone asks to join, saying which need they fill and with how many minutes. */
export function checkJoinRequest(
  project: { status: ProjectStatus },
  need: Need | undefined,
  history: readonly Membership[],
  personId: string,
  request: { minutes: number; message: string; pending: boolean },
): RefusalValue | undefined {
  if (!OPEN_FOR_MEMBERS.includes(project.status)) return closed(project.status);
  if (!need)
    return refusal('invalid', 'unknown_need', 'need_id is not one of the project’s needs', [
      { field: 'need_id', message: 'is not one of the project’s needs' },
    ]);
  if (!Number.isInteger(request.minutes) || request.minutes < 1)
    return refusal('invalid', 'validation_failed', 'minutes must be a whole number above 0', [
      { field: 'minutes', message: 'must be a whole number above 0' },
    ]);
  if (request.message.length > JOIN_MESSAGE_MAX)
    return refusal('invalid', 'validation_failed', `message must be at most ${JOIN_MESSAGE_MAX} characters`, [
      { field: 'message', message: `must be at most ${JOIN_MESSAGE_MAX} characters` },
    ]);
  if (teamRoleOf(history, personId)) return refusal('conflict', 'already_member', 'You are already on this project’s team');
  if (request.pending) return refusal('conflict', 'request_pending', 'You already asked to join this project; wait for the board’s answer');
  return checkMinutes(need, filledMinutes(history), request.minutes);
}

/** The board accepts a pending request, if the project still takes members and the need still has room. */
export function checkAcceptance(
  project: { status: ProjectStatus },
  request: JoinRequestRecord,
  need: Need | undefined,
  history: readonly Membership[],
  deciderRole: TeamRole | undefined,
): RefusalValue | undefined {
  if (!isBoardRole(deciderRole))
    return refusal('forbidden', 'not_on_board', 'Only the project’s coordinator or co-managers accept members');
  if (request.status !== 'pending') return refusal('conflict', 'already_decided', `This request was already ${request.status}`);
  if (!OPEN_FOR_MEMBERS.includes(project.status)) return closed(project.status);
  if (teamRoleOf(history, request.personId)) return refusal('conflict', 'already_member', 'This person is already on the team');
  if (!need) return refusal('conflict', 'need_removed', 'The need this request fills was removed');
  return checkMinutes(need, filledMinutes(history), request.minutes);
}

export function checkDecline(request: JoinRequestRecord, deciderRole: TeamRole | undefined): RefusalValue | undefined {
  if (!isBoardRole(deciderRole))
    return refusal('forbidden', 'not_on_board', 'Only the project’s coordinator or co-managers decline requests');
  if (request.status !== 'pending') return refusal('conflict', 'already_decided', `This request was already ${request.status}`);
  return undefined;
}

/** The board makes a contributor co-manager or the reverse; the coordinator stays coordinator. */
export function checkRoleChange(actorRole: TeamRole | undefined, target: Membership | undefined): RefusalValue | undefined {
  if (!isBoardRole(actorRole)) return refusal('forbidden', 'not_on_board', 'Only the project’s coordinator or co-managers change roles');
  if (!target) return refusal('not_found', 'member_not_found', 'This person is not on the team');
  if (target.role === 'coordinator') return refusal('conflict', 'coordinator_role', 'The coordinator’s role does not change');
  return undefined;
}

/** Members leave when they want; the board removes others; the coordinator cannot leave their project. */
export function checkRemoval(
  actorPersonId: string | undefined,
  actorRole: TeamRole | undefined,
  target: Membership | undefined,
): RefusalValue | undefined {
  const self = actorPersonId !== undefined && target?.personId === actorPersonId;
  if (!self && !isBoardRole(actorRole))
    return refusal('forbidden', 'not_on_board', 'Only the project’s coordinator or co-managers remove members');
  if (!target) return refusal('not_found', 'member_not_found', 'This person is not on the team');
  if (target.role === 'coordinator')
    return refusal('conflict', 'coordinator_cannot_leave', 'The coordinator stays with the project; cancel it or complete it instead');
  return undefined;
}
