// The territory tree.
import { notFound, orThrow, unknownReference, type Handlers } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { requireAllowed } from '../authorization.js';
import { placeTerritory, TERRITORY_LEVELS, type Territory } from '../domain/territories.js';
import { territoryLevelFromProto, territoryToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, languageOf, optionalUuid, requireEnum, requireUuid, type HandlerDeps } from './context.js';

type TerritoryHandlers = Pick<
  Handlers<typeof IdentityServiceService>,
  'upsertTerritory' | 'getTerritory' | 'listTerritories' | 'listChildTerritories' | 'listAncestorTerritories' | 'listDescendantTerritoryIds'
>;

export function territoryHandlers(deps: HandlerDeps): TerritoryHandlers {
  async function existing(id: string): Promise<Territory> {
    const territory = await store.getTerritory(deps.pool, requireUuid(id, 'id'));
    if (!territory) throw notFound('territory', id);
    return territory;
  }

  return {
    async upsertTerritory(request, call) {
      const id = requireUuid(request.id, 'id');
      const parentId = optionalUuid(request.parentId, 'parent_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.territories.write', { territoryId: parentId ?? id });
      const level = requireEnum(territoryLevelFromProto(request.level), 'level', TERRITORY_LEVELS);
      const parent = parentId ? await store.getTerritory(deps.pool, parentId) : undefined;
      if (parentId && !parent) throw unknownReference('parent_id', 'territory', parentId);
      const candidate = { id, level, code: request.code, labels: request.labels };
      const { path } = orThrow(placeTerritory(candidate, parent));
      const territory: Territory = { ...candidate, parentId: parentId ?? null, path };
      await store.upsertTerritory(deps.pool, territory);
      return territoryToProto(territory, 'en');
    },

    async getTerritory(request, call) {
      callerOf(call);
      return territoryToProto(await existing(request.id), languageOf(request.language));
    },

    async listTerritories(request, call) {
      callerOf(call);
      const language = languageOf(request.language);
      if (request.code) {
        const territory = await store.getTerritoryByCode(deps.pool, request.code);
        return { territories: territory ? [territoryToProto(territory, language)] : [] };
      }
      return { territories: (await store.listTerritories(deps.pool)).map((t) => territoryToProto(t, language)) };
    },

    async listChildTerritories(request, call) {
      callerOf(call);
      const territory = await existing(request.id);
      const children = await store.listChildTerritories(deps.pool, territory.id);
      return { territories: children.map((t) => territoryToProto(t, languageOf(request.language))) };
    },

    async listAncestorTerritories(request, call) {
      callerOf(call);
      const territory = await existing(request.id);
      const ancestors = await store.territoriesOnPath(deps.pool, territory.path.slice(0, -1));
      return { territories: ancestors.reverse().map((t) => territoryToProto(t, languageOf(request.language))) };
    },

    async listDescendantTerritoryIds(request, call) {
      callerOf(call);
      const territory = await existing(request.id);
      return { ids: await store.descendantTerritoryIds(deps.pool, territory.id) };
    },
  };
}
