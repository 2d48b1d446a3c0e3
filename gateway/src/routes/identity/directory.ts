// Skills taxonomy and the territory tree: reference data every signed-in caller can read.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { TerritoryLevel } from '@e21/proto/e21/identity/v1/identity';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { clientString, cursor, emptyQuery, limit, listOf, orNull, text, uuid } from '../common.js';
import { skillOut, territoryOut } from './mapping.js';
import { Skill, Territory, TERRITORY_LEVELS } from './schemas.js';

const territoryParam = z.object({ territoryId: uuid }).strict();
const territories = z.object({ items: z.array(Territory) });

export function directoryRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/skills',
      summary: 'Search the skills taxonomy by label, in the caller’s language (and every other)',
      tag: 'skills',
      access: 'person_or_client',
      query: z.object({ q: clientString().max(100).default(''), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Skill), description: 'Matching skills, best first' },
      async handler({ actor, query, language }) {
        const found = await deps.identity.searchSkills(
          { query: query.q, language, limit: query.limit ?? 20, cursor: query.cursor ?? '' },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.skills.map(skillOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/territories',
      summary: 'The territory tree as a flat list (parents before children), or the territory with a code',
      tag: 'territories',
      access: 'person_or_client',
      query: z.object({ code: clientString().max(12).optional() }).strict(),
      response: { status: 200, schema: territories, description: 'Territories' },
      async handler({ actor, query, language }) {
        const found = await deps.identity.listTerritories({ code: query.code ?? '', language }, { caller: callerOf(actor) });
        return { body: { items: found.territories.map(territoryOut) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/territories/:territoryId',
      summary: 'One territory',
      tag: 'territories',
      access: 'person_or_client',
      params: territoryParam,
      query: emptyQuery,
      response: { status: 200, schema: Territory, description: 'The territory' },
      async handler({ actor, params, language }) {
        return { body: territoryOut(await deps.identity.getTerritory({ id: params.territoryId, language }, { caller: callerOf(actor) })) };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/territories/:territoryId',
      summary: 'Create or update a territory under its parent (territory admins of the parent)',
      tag: 'territories',
      access: 'person',
      refusals: ['invalid_territory', 'unknown_territory'],
      params: territoryParam,
      body: z
        .object({
          parentId: uuid.nullable(),
          level: z.enum(TERRITORY_LEVELS),
          code: clientString().regex(/^[A-Za-z0-9-]{2,12}$/, 'must be a NUTS or LAU code'),
          labels: z.object({ en: text(200), fr: text(200).optional() }).catchall(text(200)),
        })
        .strict(),
      response: { status: 200, schema: Territory, description: 'The territory' },
      async handler({ actor, params, body, language }) {
        const territory = await deps.identity.upsertTerritory(
          {
            id: params.territoryId,
            parentId: body.parentId ?? '',
            level: toProtoEnum<TerritoryLevel>('TERRITORY_LEVEL', body.level),
            code: body.code,
            labels: body.labels as Record<string, string>,
          },
          { caller: callerOf(actor) },
        );
        return { body: { ...territoryOut(territory), name: territory.labels[language] ?? territory.name } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/territories/:territoryId/children',
      summary: 'The territories directly below one',
      tag: 'territories',
      access: 'person_or_client',
      params: territoryParam,
      query: emptyQuery,
      response: { status: 200, schema: territories, description: 'Child territories' },
      async handler({ actor, params, language }) {
        const found = await deps.identity.listChildTerritories({ id: params.territoryId, language }, { caller: callerOf(actor) });
        return { body: { items: found.territories.map(territoryOut) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/territories/:territoryId/ancestors',
      summary: 'The territories above one, nearest first, up to the EU',
      tag: 'territories',
      access: 'person_or_client',
      params: territoryParam,
      query: emptyQuery,
      response: { status: 200, schema: territories, description: 'Ancestor territories' },
      async handler({ actor, params, language }) {
        const found = await deps.identity.listAncestorTerritories({ id: params.territoryId, language }, { caller: callerOf(actor) });
        return { body: { items: found.territories.map(territoryOut) } };
      },
    }),
  ];
}
