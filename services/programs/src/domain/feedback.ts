// Feedback on the service a project provides: contributors and beneficiaries rate it (1 to 5) and
// comment, for the board to read.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { checkText, summary } from './checks.js';
import type { ProjectStatus } from './projects.js';
import { isBoardRole, type TeamRole } from './team.js';

export type FeedbackRole = 'contributor' | 'beneficiary';
export const FEEDBACK_COMMENT_MAX = 2000;

/** One person's feedback on a project: leaving it again replaces it. */
export interface FeedbackRecord {
  projectId: string;
  personId: string;
  role: FeedbackRole;
  rating: number;
  comment: string;
  createdAt: Date;
  updatedAt: Date;
}
/** The service exists once the project runs. */
export const FEEDBACK_STATUSES: readonly ProjectStatus[] = ['active', 'completed'];

/**
 * In what capacity someone leaves feedback: a contributor of the team, or a beneficiary (anyone not
 * on the team). The board reads the feedback; its members do not rate their own service.
 */
export function feedbackRole(status: ProjectStatus, teamRole: TeamRole | undefined): FeedbackRole | RefusalValue {
  if (!FEEDBACK_STATUSES.includes(status))
    return refusal('conflict', 'feedback_not_open', 'Feedback is for projects that are running or completed');
  if (isBoardRole(teamRole))
    return refusal('forbidden', 'board_cannot_rate', 'The board reads the feedback on its project; it does not rate it');
  return teamRole === 'contributor' ? 'contributor' : 'beneficiary';
}

export function validateFeedback(fields: { rating: number; comment: string }): { rating: number; comment: string } | RefusalValue {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(fields.rating) || fields.rating < 1 || fields.rating > 5)
    problems.push({ field: 'rating', message: 'must be a whole number from 1 to 5' });
  const comment = checkText(problems, 'comment', fields.comment, FEEDBACK_COMMENT_MAX, false);
  if (problems.length) return refusal('invalid', 'invalid_feedback', summary(problems), problems);
  return { rating: fields.rating, comment };
}
