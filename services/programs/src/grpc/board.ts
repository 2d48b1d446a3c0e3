// The co-management board: decisions put to the vote of the co-managers, and feedback for the board to read.
import { randomUUID } from 'node:crypto';
import { notFound, orThrow, Refused, throwIfRefused, withTransaction, type Caller, type Handlers, type Queryable } from '@e21/kit';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { checkVote, tally, validateDecision, VOTES, type Decision, type VoteRecord } from '../domain/decisions.js';
import { feedbackRole, validateFeedback } from '../domain/feedback.js';
import { boardAt, isBoardRole } from '../domain/team.js';
import * as events from '../events.js';
import { decisionToProto, feedbackToProto, voteFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, personIdOf, personOf, requireEnum, requireUuid, type HandlerDeps } from './context.js';
import { loadProject, type LoadedProject } from './views.js';

type BoardHandlers = Pick<
  Handlers<typeof ProgramsServiceService>,
  'proposeDecision' | 'castVote' | 'listDecisions' | 'leaveFeedback' | 'listFeedback'
>;

/** A finished project's board no longer decides anything. */
const DECIDING_STATUSES = ['draft', 'proposed', 'approved', 'active'];

export function boardHandlers(deps: HandlerDeps): BoardHandlers {
  /** Decisions with their count: over the board at the deadline once it passed, the board of now before. */
  async function decisionsView(loaded: LoadedProject, decisions: Decision[], caller: Caller, db: Queryable = deps.pool) {
    const at = deps.now();
    const votes = await store.votesOf(
      db,
      decisions.map((d) => d.id),
    );
    const showVotes = isBoardRole(loaded.role) || caller.kind === 'system';
    const names = showVotes ? await deps.directory.names([...votes.values()].flat().map((v) => v.personId)) : new Map<string, string>();
    return decisions.map((decision) => {
      const cast = votes.get(decision.id) ?? [];
      const board = boardAt(loaded.history, at < decision.deadline ? at : decision.deadline);
      return decisionToProto(decision, tally(decision, cast, board, at), cast, { viewerId: personIdOf(caller), showVotes, names });
    });
  }

  return {
    async proposeDecision(request, call) {
      const personId = personOf(call);
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const fields = orThrow(
        validateDecision({ title: request.title, description: request.description, deadline: new Date(request.deadline) }, deps.now()),
      );
      return withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
        if (!isBoardRole(loaded.role))
          throw new Refused('forbidden', 'not_a_co_manager', 'Only the project’s co-managers put decisions to the board');
        if (!DECIDING_STATUSES.includes(loaded.project.status))
          throw new Refused('conflict', 'project_closed', `A ${loaded.project.status} project takes no more decisions`);
        const decision: Decision = { id: randomUUID(), projectId, ...fields, proposedBy: personId, createdAt: deps.now() };
        await store.insertDecision(tx, decision);
        const [message] = await decisionsView(loaded, [decision], caller, tx);
        await events.decisionProposed(tx, message!);
        return message!;
      });
    },

    async castVote(request, call) {
      const personId = personOf(call);
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const decisionId = requireUuid(request.decisionId, 'decision_id');
      const value = requireEnum(voteFromProto(request.vote), 'vote', VOTES);
      const { loaded, decision } = await withTransaction(deps.pool, async (tx) => {
        // The project lock orders a vote after any role change happening at the same moment.
        const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
        const decision = await store.getDecision(tx, projectId, decisionId);
        if (!decision) throw notFound('decision', decisionId);
        const at = deps.now();
        const cast = (await store.votesOf(tx, [decisionId])).get(decisionId) ?? [];
        throwIfRefused(checkVote(decision, boardAt(loaded.history, at), personId, cast, at));
        const vote: VoteRecord = { personId, vote: value, votedAt: at };
        if (!(await store.insertVote(tx, decisionId, vote)))
          throw new Refused('conflict', 'already_voted', 'You already voted on this decision; a vote cannot be changed');
        return { loaded, decision };
      });
      // Voters' names come from identity once the vote is committed; the count read then includes it.
      const [message] = await decisionsView(loaded, [decision], caller);
      return message!;
    },

    async listDecisions(request, call) {
      const caller = callerOf(call);
      const loaded = await loadProject(deps.pool, requireUuid(request.projectId, 'project_id'), caller);
      return { decisions: await decisionsView(loaded, await store.listDecisions(deps.pool, loaded.project.id), caller) };
    },

    async leaveFeedback(request, call) {
      const personId = personOf(call);
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const fields = orThrow(validateFeedback({ rating: request.rating, comment: request.comment }));
      const loaded = await loadProject(deps.pool, projectId, caller);
      const role = orThrow(feedbackRole(loaded.project.status, loaded.role));
      const at = deps.now();
      const saved = await store.saveFeedback(deps.pool, { projectId, personId, role, ...fields, createdAt: at, updatedAt: at });
      const names = await deps.directory.names([personId]);
      return feedbackToProto(saved, names.get(personId) ?? '');
    },

    async listFeedback(request, call) {
      const caller = callerOf(call);
      const loaded = await loadProject(deps.pool, requireUuid(request.projectId, 'project_id'), caller);
      if (caller.kind !== 'system' && !isBoardRole(loaded.role))
        throw new Refused('forbidden', 'not_on_board', 'Feedback is for the project’s board to read');
      const feedback = await store.listFeedback(deps.pool, loaded.project.id);
      const names = await deps.directory.names(feedback.map((f) => f.personId));
      return {
        feedback: feedback.map((f) => feedbackToProto(f, names.get(f.personId) ?? '')),
        ratingCount: feedback.length,
        ratingSum: feedback.reduce((sum, f) => sum + f.rating, 0),
      };
    },
  };
}
