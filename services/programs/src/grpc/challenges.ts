// Strategic challenges of a territory and those inherited from above, tagged with the SDGs.
import { randomUUID } from 'node:crypto';
import { forbidden, notFound, orThrow, throwIfRefused, unknownReference, withTransaction, type Handlers } from '@e21/kit';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { checkRefinement, validateChallenge, visibleChallenges, type Challenge } from '../domain/challenges.js';
import * as events from '../events.js';
import { challengeToProto } from '../mapping.js';
import type { Sdg } from '../sdgs.js';
import * as store from '../store/index.js';
import { callerOf, callerText, languageOf, optionalUuid, requireUuid, requireCurrentVersion, type HandlerDeps } from './context.js';

type ChallengeHandlers = Pick<
  Handlers<typeof ProgramsServiceService>,
  'listSdgs' | 'defineChallenge' | 'updateChallenge' | 'getChallenge' | 'listChallenges'
>;

export function challengeHandlers(deps: HandlerDeps, sdgs: readonly Sdg[]): ChallengeHandlers {
  async function requireWriter(caller: Parameters<HandlerDeps['directory']['allowed']>[0], territoryId: string): Promise<void> {
    if (!(await deps.directory.allowed(caller, 'programs.challenges.write', { territoryId }))) {
      throw forbidden('Only officers of a territory (or above) set its strategic challenges');
    }
  }

  /** The refined challenge must exist and belong to a territory above the challenge's own. */
  async function checkRefines(refinesId: string | undefined, territoryPath: string[]): Promise<void> {
    if (!refinesId) return;
    const refined = await store.getChallenge(deps.pool, refinesId);
    if (!refined) throw unknownReference('refines_id', 'challenge', refinesId);
    throwIfRefused(checkRefinement(territoryPath, refined));
  }

  return {
    async listSdgs(request, call) {
      callerOf(call);
      const language = languageOf(request.language);
      return {
        goals: sdgs.map((goal) => ({ number: goal.number, label: goal.labels[language] ?? goal.labels.en ?? '', labels: goal.labels })),
      };
    },

    async defineChallenge(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const refinesId = optionalUuid(request.refinesId, 'refines_id');
      const path = await deps.directory.territoryPath(territoryId);
      await requireWriter(caller, territoryId);
      const fields = orThrow(validateChallenge({ title: request.title, description: request.description, sdgs: request.sdgs }));
      await checkRefines(refinesId, path);
      const at = deps.now();
      const challenge: Challenge = {
        id: randomUUID(),
        territoryId,
        ...fields,
        refinesId: refinesId ?? null,
        version: 1,
        createdBy: callerText(caller),
        createdAt: at,
        updatedAt: at,
      };
      await withTransaction(deps.pool, async (tx) => {
        await store.insertChallenge(tx, challenge);
        await events.challengeDefined(tx, challengeToProto(challenge));
      });
      return challengeToProto(challenge);
    },

    async updateChallenge(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      const refinesId = optionalUuid(request.refinesId, 'refines_id');
      const current = await store.getChallenge(deps.pool, id);
      if (!current) throw notFound('challenge', id);
      await requireWriter(caller, current.territoryId);
      const fields = orThrow(validateChallenge({ title: request.title, description: request.description, sdgs: request.sdgs }));
      await checkRefines(refinesId, await deps.directory.territoryPath(current.territoryId));
      return withTransaction(deps.pool, async (tx) => {
        const challenge = await store.getChallenge(tx, id, { forUpdate: true });
        if (!challenge) throw notFound('challenge', id);
        requireCurrentVersion(request.expectedVersion, challenge.version);
        const updated: Challenge = {
          ...challenge,
          ...fields,
          refinesId: refinesId ?? null,
          version: challenge.version + 1,
          updatedAt: deps.now(),
        };
        await store.updateChallenge(tx, updated);
        await events.challengeUpdated(tx, challengeToProto(updated));
        return challengeToProto(updated);
      });
    },

    async getChallenge(request, call) {
      callerOf(call);
      const id = requireUuid(request.id, 'id');
      const challenge = await store.getChallenge(deps.pool, id);
      if (!challenge) throw notFound('challenge', id);
      return challengeToProto(challenge);
    },

    async listChallenges(request, call) {
      callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const territories = await deps.directory.territoryWithAncestors(territoryId, languageOf(request.language));
      const names = new Map(territories.map((t) => [t.id, t.name]));
      const path = request.includeInherited ? territories.map((t) => t.id).reverse() : [territoryId];
      const challenges = visibleChallenges(path, await store.listChallengesIn(deps.pool, path));
      return { challenges: challenges.map((c) => challengeToProto(c, names.get(c.territoryId))) };
    },
  };
}
