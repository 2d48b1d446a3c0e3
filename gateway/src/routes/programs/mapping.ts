// programs' protobuf messages as the REST API shows them, and the request fields the service names.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/programs/v1/programs';
import { orNull } from '../common.js';

export const projectStatusToProto = (status: string) => toProtoEnum<proto.ProjectStatus>('PROJECT_STATUS', status);
export const projectKindToProto = (kind: string | undefined) => toProtoEnum<proto.ProjectKind>('PROJECT_KIND', kind ?? 'unspecified');

const positive = (value: number) => (value > 0 ? value : null);

export const challengeOut = (c: proto.Challenge) => ({
  id: c.id,
  territoryId: c.territoryId,
  territoryName: orNull(c.territoryName),
  title: c.title,
  description: c.description,
  sdgs: c.sdgs,
  refinesId: orNull(c.refinesId),
  version: c.version,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const needOut = (n: proto.Need) => ({
  id: n.id,
  skillId: n.skillId,
  skillLabel: n.skillLabel,
  neededMinutes: n.neededMinutes,
  filledMinutes: n.filledMinutes,
  openMinutes: n.openMinutes,
  startDate: orNull(n.startDate),
  endDate: orNull(n.endDate),
});

export const projectOut = (p: proto.Project) => ({
  id: p.id,
  territoryId: p.territoryId,
  title: p.title,
  description: p.description,
  kind: fromProtoEnum('PROJECT_KIND', p.kind),
  status: fromProtoEnum('PROJECT_STATUS', p.status),
  coordinatorId: p.coordinatorId,
  coordinatorName: orNull(p.coordinatorName),
  startDate: p.startDate,
  endDate: p.endDate,
  challengeIds: p.challengeIds,
  needs: p.needs.map(needOut),
  neededMinutes: p.neededMinutes,
  filledMinutes: p.filledMinutes,
  refusalReason: orNull(p.refusalReason),
  version: p.version,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  history: p.history.map((h) => ({
    from: fromProtoEnum('PROJECT_STATUS', h.from),
    to: fromProtoEnum('PROJECT_STATUS', h.to),
    by: h.by,
    at: h.at,
    reason: orNull(h.reason),
  })),
  viewer: p.viewer
    ? {
        role: fromProtoEnum('TEAM_ROLE', p.viewer.role) ?? null,
        mayEdit: p.viewer.mayEdit,
        mayApprove: p.viewer.mayApprove,
        pendingRequestId: orNull(p.viewer.pendingRequestId),
        mayLeaveFeedback: p.viewer.mayLeaveFeedback,
      }
    : null,
});

export const memberOut = (m: proto.Member) => ({
  personId: m.personId,
  personName: m.personName,
  role: fromProtoEnum('TEAM_ROLE', m.role),
  needId: orNull(m.needId),
  minutes: m.minutes,
  since: m.since,
  competenceLevel: positive(m.competenceLevel),
});

export const joinRequestOut = (r: proto.JoinRequest) => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  needId: orNull(r.needId),
  minutes: r.minutes,
  message: r.message,
  status: fromProtoEnum('JOIN_REQUEST_STATUS', r.status),
  createdAt: r.createdAt,
  decidedBy: orNull(r.decidedBy),
  decidedAt: orNull(r.decidedAt),
  decisionReason: orNull(r.decisionReason),
  competenceLevel: positive(r.competenceLevel),
});

export const decisionOut = (d: proto.Decision) => ({
  id: d.id,
  title: d.title,
  description: d.description,
  deadline: d.deadline,
  proposedBy: d.proposedBy,
  createdAt: d.createdAt,
  outcome: fromProtoEnum('DECISION_OUTCOME', d.outcome),
  votesFor: d.votesFor,
  votesAgainst: d.votesAgainst,
  votesAbstain: d.votesAbstain,
  boardSize: d.boardSize,
  majority: d.majority,
  myVote: fromProtoEnum('VOTE', d.myVote) ?? null,
  votes: d.votes.map((v) => ({ personId: v.personId, personName: v.personName, vote: fromProtoEnum('VOTE', v.vote), votedAt: v.votedAt })),
});

export const feedbackOut = (f: proto.Feedback) => ({
  personId: f.personId,
  personName: f.personName,
  role: fromProtoEnum('FEEDBACK_ROLE', f.role),
  rating: f.rating,
  comment: f.comment,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});

export const suggestionOut = (s: proto.SuggestedNeed) => ({
  project: projectOut(s.project!),
  need: needOut(s.need!),
  score: s.score,
  reasons: s.reasons.map((r) => ({ code: r.code, points: r.points, params: r.params })),
});

export const programOut = (p: proto.LocalProgram) => ({
  id: p.id,
  territoryId: p.territoryId,
  territoryName: orNull(p.territoryName),
  year: p.year,
  status: fromProtoEnum('PROGRAM_STATUS', p.status),
  version: p.version,
  neededMinutes: p.neededMinutes,
  totals: p.totals.map((t) => ({
    challengeId: orNull(t.challengeId),
    challengeTitle: orNull(t.challengeTitle),
    neededMinutes: t.neededMinutes,
    projectCount: t.projectCount,
  })),
  projects: p.projects.map(projectOut),
  draftedBy: p.draftedBy,
  draftedAt: p.draftedAt,
});
