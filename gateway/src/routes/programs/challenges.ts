// Strategic challenges of a territory (its own and those set above it) and the SDGs they are tagged with.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { emptyQuery, uuid } from '../common.js';
import { challengeOut } from './mapping.js';
import { Challenge, ChallengeInput, ChallengeUpdate, Sdg } from './schemas.js';

const challengeParam = z.object({ challengeId: uuid }).strict();

export function challengeRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/sdgs',
      summary: 'The 17 UN Sustainable Development Goals challenges are tagged with',
      tag: 'challenges',
      access: 'person_or_client',
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Sdg) }), description: 'Goals 1 to 17' },
      async handler({ actor, language }) {
        const { goals } = await deps.programs.listSdgs({ language }, { caller: callerOf(actor) });
        return { body: { items: goals.map((g) => ({ number: g.number, label: g.label })) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/challenges',
      summary: 'Strategic challenges of a territory and, unless inherited=false, of every territory above it (top first)',
      tag: 'challenges',
      access: 'person_or_client',
      refusals: ['unknown_territory'],
      query: z.object({ territoryId: uuid, inherited: z.enum(['true', 'false']).default('true') }).strict(),
      response: {
        status: 200,
        schema: z.object({ items: z.array(Challenge) }),
        description: 'Challenges, from the EU down to the territory',
      },
      async handler({ actor, query, language }) {
        const { challenges } = await deps.programs.listChallenges(
          { territoryId: query.territoryId, includeInherited: query.inherited === 'true', language },
          { caller: callerOf(actor) },
        );
        return { body: { items: challenges.map(challengeOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/challenges',
      summary: 'Set a strategic challenge on a territory, optionally refining one set above (officers of the territory or above)',
      tag: 'challenges',
      access: 'person',
      refusals: ['invalid_challenge', 'unknown_territory', 'unknown_challenge', 'refines_not_above'],
      body: ChallengeInput,
      response: { status: 201, schema: Challenge, description: 'The new challenge' },
      async handler({ actor, body }) {
        const challenge = await deps.programs.defineChallenge(
          {
            territoryId: body.territoryId,
            title: body.title,
            description: body.description,
            sdgs: body.sdgs,
            refinesId: body.refinesId ?? '',
          },
          { caller: callerOf(actor) },
        );
        return {
          status: 201,
          body: challengeOut(challenge),
          headers: { Location: `/v1/challenges/${challenge.id}` },
          version: challenge.version,
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/challenges/:challengeId',
      summary: 'One strategic challenge',
      tag: 'challenges',
      access: 'person_or_client',
      params: challengeParam,
      query: emptyQuery,
      response: { status: 200, schema: Challenge, description: 'The challenge, with an ETag of its version' },
      async handler({ actor, params }) {
        const challenge = await deps.programs.getChallenge({ id: params.challengeId }, { caller: callerOf(actor) });
        return { body: challengeOut(challenge), version: challenge.version };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/challenges/:challengeId',
      summary: 'Change a challenge’s title, description, goals or the challenge it refines (officers of its territory or above)',
      tag: 'challenges',
      access: 'person',
      refusals: ['invalid_challenge', 'unknown_challenge', 'refines_not_above'],
      params: challengeParam,
      body: ChallengeUpdate,
      ifMatch: 'required',
      response: { status: 200, schema: Challenge, description: 'The challenge' },
      async handler({ actor, params, body, ifMatch }) {
        const challenge = await deps.programs.updateChallenge(
          {
            id: params.challengeId,
            title: body.title,
            description: body.description,
            sdgs: body.sdgs,
            refinesId: body.refinesId ?? '',
            expectedVersion: ifMatch,
          },
          { caller: callerOf(actor) },
        );
        return { body: challengeOut(challenge), version: challenge.version };
      },
    }),
  ];
}
