// What programs publishes: each change's event, written to the outbox in the change's transaction.
import { appendEvent, eventSourceOf, type Queryable } from '@e21/kit';
import { programsEvents } from '@e21/events';
import type * as proto from '@e21/proto/e21/programs/v1/programs';
import type { StatusChange } from './domain/lifecycle.js';
import type { Membership, TeamRole } from './domain/team.js';
import { statusChangeToProto, teamRoleToProto } from './mapping.js';

const SOURCE = eventSourceOf('programs');

export const challengeDefined = (tx: Queryable, challenge: proto.Challenge) =>
  appendEvent(tx, SOURCE, programsEvents.challengeDefined, challenge.id, { challenge });

export const challengeUpdated = (tx: Queryable, challenge: proto.Challenge) =>
  appendEvent(tx, SOURCE, programsEvents.challengeUpdated, challenge.id, { challenge });

export const projectDrafted = (tx: Queryable, project: proto.Project) =>
  appendEvent(tx, SOURCE, programsEvents.projectDrafted, project.id, { project });

export const projectUpdated = (tx: Queryable, project: proto.Project, by: string) =>
  appendEvent(tx, SOURCE, programsEvents.projectUpdated, project.id, { project, updatedBy: by });

/** The status_changed event of every transition, and the dedicated event of a proposal, approval or refusal. */
export async function projectMoved(tx: Queryable, project: proto.Project, change: StatusChange): Promise<void> {
  const moved = statusChangeToProto(change);
  await appendEvent(
    tx,
    SOURCE,
    programsEvents.projectStatusChanged,
    project.id,
    {
      projectId: project.id,
      from: moved.from,
      to: moved.to,
      changedBy: change.by,
      reason: change.reason,
      at: moved.at,
      project,
    },
    change.at,
  );
  if (change.to === 'proposed')
    await appendEvent(tx, SOURCE, programsEvents.projectProposed, project.id, { project, proposedBy: change.by }, change.at);
  if (change.to === 'approved')
    await appendEvent(tx, SOURCE, programsEvents.projectApproved, project.id, { project, approvedBy: change.by }, change.at);
  if (change.to === 'refused')
    await appendEvent(
      tx,
      SOURCE,
      programsEvents.projectRefused,
      project.id,
      { project, refusedBy: change.by, reason: change.reason },
      change.at,
    );
}

export const memberJoined = (tx: Queryable, membership: Membership, acceptedBy: string, territoryId: string) =>
  appendEvent(
    tx,
    SOURCE,
    programsEvents.memberJoined,
    membership.projectId,
    {
      projectId: membership.projectId,
      personId: membership.personId,
      role: teamRoleToProto(membership.role),
      needId: membership.needId ?? '',
      minutes: membership.minutes,
      acceptedBy,
      territoryId,
    },
    membership.since,
  );

export const memberLeft = (tx: Queryable, membership: Membership, removedBy: string, at: Date) =>
  appendEvent(
    tx,
    SOURCE,
    programsEvents.memberLeft,
    membership.projectId,
    {
      projectId: membership.projectId,
      personId: membership.personId,
      role: teamRoleToProto(membership.role),
      removedBy,
    },
    at,
  );

export const memberRoleChanged = (tx: Queryable, membership: Membership, previous: TeamRole, changedBy: string) =>
  appendEvent(
    tx,
    SOURCE,
    programsEvents.memberRoleChanged,
    membership.projectId,
    {
      projectId: membership.projectId,
      personId: membership.personId,
      role: teamRoleToProto(membership.role),
      previousRole: teamRoleToProto(previous),
      changedBy,
    },
    membership.since,
  );

export const decisionProposed = (tx: Queryable, decision: proto.Decision) =>
  appendEvent(tx, SOURCE, programsEvents.decisionProposed, decision.id, { decision });

export const programDrafted = (tx: Queryable, program: proto.LocalProgram, by: string) =>
  appendEvent(tx, SOURCE, programsEvents.programDrafted, program.id, { program, draftedBy: by });
