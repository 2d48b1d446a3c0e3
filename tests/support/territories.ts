// The territory tree every test world stands on: the demo's places, EU > France > Provence-Alpes-Côte
// d'Azur > Bouches-du-Rhône (Marseille, Aubagne) and Var (Toulon); and Occitanie (Montpellier), a
// region outside PACA for "not in your territory" cases.
import { randomUUID } from 'node:crypto';
import { systemCaller, toProtoEnum, type ServiceClient } from '@e21/kit';
import type { IdentityServiceService, TerritoryLevel } from '@e21/proto/e21/identity/v1/identity';

const TREE = [
  ['eu', undefined, 'eu', 'EU', 'European Union', 'Union européenne'],
  ['france', 'eu', 'country', 'FR', 'France', 'France'],
  ['paca', 'france', 'region', 'FRL0', "Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d'Azur"],
  ['bouchesDuRhone', 'paca', 'department', 'FRL04', 'Bouches-du-Rhône', 'Bouches-du-Rhône'],
  ['var', 'paca', 'department', 'FRL05', 'Var', 'Var'],
  ['marseille', 'bouchesDuRhone', 'locality', '13055', 'Marseille', 'Marseille'],
  ['aubagne', 'bouchesDuRhone', 'locality', '13005', 'Aubagne', 'Aubagne'],
  ['toulon', 'var', 'locality', '83137', 'Toulon', 'Toulon'],
  ['occitanie', 'france', 'region', 'FRJ0', 'Occitanie', 'Occitanie'],
  ['montpellier', 'occitanie', 'locality', '34172', 'Montpellier', 'Montpellier'],
] as const;

export type TerritoryName = (typeof TREE)[number][0];
export type Territories = Record<TerritoryName, string>;

/** Creates the tree through identity (fresh ids, the demo's codes) and returns the ids by name. */
export async function createTerritoryTree(identity: ServiceClient<typeof IdentityServiceService>): Promise<Territories> {
  const ids = {} as Territories;
  for (const [key, parent, level, code, en, fr] of TREE) {
    ids[key] = randomUUID();
    await identity.upsertTerritory(
      {
        id: ids[key],
        parentId: parent ? ids[parent] : '',
        level: toProtoEnum<TerritoryLevel>('TERRITORY_LEVEL', level),
        code,
        labels: { en, fr },
      },
      { caller: systemCaller('test') },
    );
  }
  return ids;
}
