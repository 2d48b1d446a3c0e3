// Board decisions: a co-manager proposes, each co-manager votes once before the deadline, and a
// simple majority of the co-managers on the board at the deadline adopts it.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { checkText, checkTitle, summary } from './checks.js';

export const VOTES = ['for', 'against', 'abstain'] as const;
export type VoteValue = (typeof VOTES)[number];
export const DECISION_TITLE_MAX = 200;
export const DECISION_DESCRIPTION_MAX = 4000;
/** A decision stays open at most this long: the board decides, it does not wait. */
export const DECISION_MAX_DAYS = 90;

export interface Decision {
  id: string;
  projectId: string;
  title: string;
  description: string;
  deadline: Date;
  proposedBy: string;
  createdAt: Date;
}

export interface VoteRecord {
  personId: string;
  vote: VoteValue;
  votedAt: Date;
}

export type Outcome = 'open' | 'adopted' | 'rejected';

export interface Tally {
  outcome: Outcome;
  for: number;
  against: number;
  abstain: number;
  boardSize: number;
  /** Votes "for" that make a majority of the board. */
  majority: number;
}

export function validateDecision(
  fields: { title: string; description: string; deadline: Date },
  at: Date,
): { title: string; description: string; deadline: Date } | RefusalValue {
  const problems: FieldProblem[] = [];
  const title = checkTitle(problems, 'title', fields.title, DECISION_TITLE_MAX);
  const description = checkText(problems, 'description', fields.description, DECISION_DESCRIPTION_MAX, false);
  const deadline = fields.deadline.getTime();
  if (Number.isNaN(deadline)) problems.push({ field: 'deadline', message: 'must be an instant such as 2026-05-01T18:00:00Z' });
  else if (deadline <= at.getTime()) problems.push({ field: 'deadline', message: 'must be in the future' });
  else if (deadline > at.getTime() + DECISION_MAX_DAYS * 86_400_000)
    problems.push({ field: 'deadline', message: `must be at most ${DECISION_MAX_DAYS} days away` });
  if (problems.length) return refusal('invalid', 'invalid_decision', summary(problems), problems);
  return { title, description, deadline: fields.deadline };
}

/** Only co-managers vote, once each, and only before the deadline. */
export function checkVote(
  decision: Decision,
  boardNow: readonly string[],
  voterId: string,
  votes: readonly VoteRecord[],
  at: Date,
): RefusalValue | undefined {
  if (at.getTime() >= decision.deadline.getTime())
    return refusal('conflict', 'decision_closed', 'The deadline of this decision has passed');
  if (!boardNow.includes(voterId)) return refusal('forbidden', 'not_a_co_manager', 'Only the project’s co-managers vote on its decisions');
  if (votes.some((vote) => vote.personId === voterId))
    return refusal('conflict', 'already_voted', 'You already voted on this decision; a vote cannot be changed');
  return undefined;
}

/**
 * The count of a decision. `board` is who is on the board at the deadline once it passed (now,
 * before it): only their votes count, and the decision is adopted when more than half of them
 * voted for it. Before the deadline the outcome is open, whatever the votes so far.
 */
export function tally(decision: Decision, votes: readonly VoteRecord[], board: readonly string[], at: Date): Tally {
  const counted = votes.filter((vote) => board.includes(vote.personId));
  const count = (value: VoteValue) => counted.filter((vote) => vote.vote === value).length;
  const majority = Math.floor(board.length / 2) + 1;
  const votesFor = count('for');
  const outcome: Outcome = at.getTime() < decision.deadline.getTime() ? 'open' : votesFor >= majority ? 'adopted' : 'rejected';
  return { outcome, for: votesFor, against: count('against'), abstain: count('abstain'), boardSize: board.length, majority };
}
