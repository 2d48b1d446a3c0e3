// Domain values to protobuf messages and back (enums, dates, labels in the asked language).
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/programs/v1/programs';
import type { Challenge } from './domain/challenges.js';
import type { Decision, Tally, VoteRecord, VoteValue } from './domain/decisions.js';
import type { FeedbackRecord } from './domain/feedback.js';
import type { StatusChange } from './domain/lifecycle.js';
import type { ProgramRecord } from './domain/programs.js';
import { neededMinutesOf, type Need, type Project, type ProjectKind, type ProjectStatus } from './domain/projects.js';
import type { ScoreReason } from './domain/ranking.js';
import { openMinutes, type JoinRequestRecord, type Membership, type TeamRole } from './domain/team.js';

export const projectKindFromProto = (value: proto.ProjectKind | undefined) => fromProtoEnum<ProjectKind>('PROJECT_KIND', value);
export const projectStatusFromProto = (value: proto.ProjectStatus | undefined) => fromProtoEnum<ProjectStatus>('PROJECT_STATUS', value);
export const teamRoleFromProto = (value: proto.TeamRole | undefined) => fromProtoEnum<TeamRole>('TEAM_ROLE', value);
export const voteFromProto = (value: proto.Vote | undefined) => fromProtoEnum<VoteValue>('VOTE', value);

const statusToProto = (status: ProjectStatus) => toProtoEnum<proto.ProjectStatus>('PROJECT_STATUS', status);
export const teamRoleToProto = (role: TeamRole | undefined) => toProtoEnum<proto.TeamRole>('TEAM_ROLE', role ?? 'unspecified');
const voteToProto = (vote: VoteValue | undefined) => toProtoEnum<proto.Vote>('VOTE', vote ?? 'unspecified');

export function challengeToProto(challenge: Challenge, territoryName = ''): proto.Challenge {
  return {
    id: challenge.id,
    territoryId: challenge.territoryId,
    title: challenge.title,
    description: challenge.description,
    sdgs: challenge.sdgs,
    refinesId: challenge.refinesId ?? '',
    version: challenge.version,
    createdBy: challenge.createdBy,
    createdAt: challenge.createdAt.toISOString(),
    updatedAt: challenge.updatedAt.toISOString(),
    territoryName,
  };
}

export function needToProto(need: Need, filled: ReadonlyMap<string, number>, skillLabels: ReadonlyMap<string, string>): proto.Need {
  return {
    id: need.id,
    skillId: need.skillId,
    skillLabel: skillLabels.get(need.skillId) ?? need.skillId,
    neededMinutes: need.neededMinutes,
    filledMinutes: filled.get(need.id) ?? 0,
    openMinutes: openMinutes(need, filled),
    startDate: need.startDate ?? '',
    endDate: need.endDate ?? '',
  };
}

export function statusChangeToProto(change: StatusChange): proto.StatusChange {
  return {
    from: statusToProto(change.from),
    to: statusToProto(change.to),
    by: change.by,
    at: change.at.toISOString(),
    reason: change.reason,
  };
}

export interface ProjectExtras {
  filled: ReadonlyMap<string, number>;
  skillLabels: ReadonlyMap<string, string>;
  history?: StatusChange[];
  viewer?: proto.Viewer;
  coordinatorName?: string;
}

export function projectToProto(project: Project, extras: ProjectExtras): proto.Project {
  return {
    id: project.id,
    territoryId: project.territoryId,
    kind: toProtoEnum<proto.ProjectKind>('PROJECT_KIND', project.kind),
    status: statusToProto(project.status),
    coordinatorId: project.coordinatorId,
    title: project.title,
    challengeIds: project.challengeIds,
    needs: project.needs.map((need) => needToProto(need, extras.filled, extras.skillLabels)),
    description: project.description,
    startDate: project.startDate,
    endDate: project.endDate,
    version: project.version,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
    refusalReason: project.refusalReason,
    history: (extras.history ?? []).map(statusChangeToProto),
    neededMinutes: neededMinutesOf(project),
    filledMinutes: project.needs.reduce((sum, need) => sum + Math.min(need.neededMinutes, extras.filled.get(need.id) ?? 0), 0),
    viewer: extras.viewer,
    coordinatorName: extras.coordinatorName ?? '',
  };
}

export function memberToProto(membership: Membership, name: string, competenceLevel: number): proto.Member {
  return {
    projectId: membership.projectId,
    personId: membership.personId,
    personName: name,
    role: teamRoleToProto(membership.role),
    needId: membership.needId ?? '',
    minutes: membership.minutes,
    since: membership.since.toISOString(),
    competenceLevel,
  };
}

export function joinRequestToProto(request: JoinRequestRecord, name: string, competenceLevel: number): proto.JoinRequest {
  return {
    id: request.id,
    projectId: request.projectId,
    personId: request.personId,
    personName: name,
    needId: request.needId ?? '',
    minutes: request.minutes,
    message: request.message,
    status: toProtoEnum<proto.JoinRequestStatus>('JOIN_REQUEST_STATUS', request.status),
    createdAt: request.createdAt.toISOString(),
    decidedBy: request.decidedBy ?? '',
    decidedAt: request.decidedAt?.toISOString() ?? '',
    decisionReason: request.decisionReason,
    competenceLevel,
  };
}

export function decisionToProto(
  decision: Decision,
  count: Tally,
  votes: readonly VoteRecord[],
  view: { viewerId: string | undefined; showVotes: boolean; names: ReadonlyMap<string, string> },
): proto.Decision {
  return {
    id: decision.id,
    projectId: decision.projectId,
    title: decision.title,
    description: decision.description,
    deadline: decision.deadline.toISOString(),
    proposedBy: decision.proposedBy,
    createdAt: decision.createdAt.toISOString(),
    outcome: toProtoEnum<proto.DecisionOutcome>('DECISION_OUTCOME', count.outcome),
    votesFor: count.for,
    votesAgainst: count.against,
    votesAbstain: count.abstain,
    boardSize: count.boardSize,
    majority: count.majority,
    myVote: voteToProto(votes.find((v) => v.personId === view.viewerId)?.vote),
    votes: view.showVotes
      ? votes.map((v) => ({
          personId: v.personId,
          personName: view.names.get(v.personId) ?? '',
          vote: voteToProto(v.vote),
          votedAt: v.votedAt.toISOString(),
        }))
      : [],
  };
}

export function feedbackToProto(feedback: FeedbackRecord, name: string): proto.Feedback {
  return {
    projectId: feedback.projectId,
    personId: feedback.personId,
    personName: name,
    role: toProtoEnum<proto.FeedbackRole>('FEEDBACK_ROLE', feedback.role),
    rating: feedback.rating,
    comment: feedback.comment,
    createdAt: feedback.createdAt.toISOString(),
    updatedAt: feedback.updatedAt.toISOString(),
  };
}

export function reasonToProto(reason: ScoreReason): proto.ScoreReason {
  return { code: reason.code, points: reason.points, params: reason.params };
}

export function programToProto(
  program: ProgramRecord,
  details: { projects: proto.Project[]; totals: proto.ChallengeTotal[]; neededMinutes: number; territoryName: string },
): proto.LocalProgram {
  return {
    id: program.id,
    territoryId: program.territoryId,
    year: program.year,
    status: toProtoEnum<proto.ProgramStatus>('PROGRAM_STATUS', program.status),
    version: program.version,
    projects: details.projects,
    totals: details.totals,
    neededMinutes: details.neededMinutes,
    draftedBy: program.draftedBy,
    draftedAt: program.draftedAt.toISOString(),
    territoryName: details.territoryName,
  };
}
