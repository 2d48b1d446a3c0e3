// The co-management board: decisions the co-managers vote on, and feedback from contributors and beneficiaries.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { Vote } from '@e21/proto/e21/programs/v1/programs';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { uuid } from '../common.js';
import { decisionOut, feedbackOut } from './mapping.js';
import { Decision, DecisionInput, Feedback, FeedbackInput, FeedbackList, VOTES } from './schemas.js';

const projectParam = z.object({ projectId: uuid }).strict();

export function boardRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/projects/:projectId/decisions',
      summary: 'The board’s decisions, newest first; past its deadline a decision shows its outcome',
      tag: 'boards',
      access: 'person',
      params: projectParam,
      query: z.object({}).strict(),
      response: { status: 200, schema: z.object({ items: z.array(Decision) }), description: 'Decisions with their count' },
      async handler({ actor, params }) {
        const { decisions } = await deps.programs.listDecisions({ projectId: params.projectId }, { caller: callerOf(actor) });
        return { body: { items: decisions.map(decisionOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/decisions',
      summary: 'Put a decision to the board, with a deadline (co-managers)',
      tag: 'boards',
      access: 'person',
      refusals: ['invalid_decision', 'not_a_co_manager', 'project_closed'],
      params: projectParam,
      body: DecisionInput,
      response: { status: 201, schema: Decision, description: 'The open decision' },
      async handler({ actor, params, body }) {
        const decision = await deps.programs.proposeDecision(
          { projectId: params.projectId, title: body.title, description: body.description, deadline: body.deadline },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: decisionOut(decision) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/decisions/:decisionId/votes',
      summary: 'Vote on a decision, once, before its deadline (co-managers)',
      tag: 'boards',
      access: 'person',
      refusals: ['decision_closed', 'not_a_co_manager', 'already_voted'],
      params: z.object({ projectId: uuid, decisionId: uuid }).strict(),
      body: z.object({ vote: z.enum(VOTES) }).strict(),
      response: { status: 201, schema: Decision, description: 'The decision with the vote counted' },
      async handler({ actor, params, body }) {
        const decision = await deps.programs.castVote(
          { projectId: params.projectId, decisionId: params.decisionId, vote: toProtoEnum<Vote>('VOTE', body.vote) },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: decisionOut(decision) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/projects/:projectId/feedback',
      summary: 'Feedback on the service the project provides, with the ratings’ count and sum (the board)',
      tag: 'boards',
      access: 'person',
      refusals: ['not_on_board'],
      params: projectParam,
      query: z.object({}).strict(),
      response: { status: 200, schema: FeedbackList, description: 'Feedback, latest first' },
      async handler({ actor, params }) {
        const found = await deps.programs.listFeedback({ projectId: params.projectId }, { caller: callerOf(actor) });
        return { body: { items: found.feedback.map(feedbackOut), ratingCount: found.ratingCount, ratingSum: found.ratingSum } };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/projects/:projectId/my-feedback',
      summary:
        'Rate the service a running or completed project provides, with a comment (contributors and beneficiaries; replaces your earlier one)',
      tag: 'boards',
      access: 'person',
      refusals: ['invalid_feedback', 'feedback_not_open', 'board_cannot_rate'],
      params: projectParam,
      body: FeedbackInput,
      response: { status: 200, schema: Feedback, description: 'Your feedback' },
      async handler({ actor, params, body }) {
        const feedback = await deps.programs.leaveFeedback(
          { projectId: params.projectId, rating: body.rating, comment: body.comment },
          { caller: callerOf(actor) },
        );
        return { body: feedbackOut(feedback) };
      },
    }),
  ];
}
