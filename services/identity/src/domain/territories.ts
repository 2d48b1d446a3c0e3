// The multi-level territory tree: EU > country > region > department > locality.
import { refusal, type RefusalValue } from '@e21/kit';

export const TERRITORY_LEVELS = ['eu', 'country', 'region', 'department', 'locality'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export interface Territory {
  id: string;
  parentId: string | null;
  level: TerritoryLevel;
  /** NUTS code for the upper levels, LAU code for localities, "EU" for the Union. */
  code: string;
  labels: Record<string, string>;
  /** Ids from the root down to this territory, itself included. */
  path: string[];
}

const depth = (level: TerritoryLevel) => TERRITORY_LEVELS.indexOf(level);

/** True when `territoryPath` (root..self) lies at or below `ancestorId`. */
export function isWithin(territoryPath: readonly string[], ancestorId: string): boolean {
  return territoryPath.includes(ancestorId);
}

/**
 * Where a territory sits in the tree: only the EU has no parent, and a child is always at a
 * deeper level than its parent (a locality may hang directly under a region).
 */
export function placeTerritory(
  candidate: { id: string; level: TerritoryLevel; code: string; labels: Record<string, string> },
  parent: Territory | undefined,
): { path: string[] } | RefusalValue {
  if (!candidate.labels.en)
    return refusal('invalid', 'invalid_territory', 'labels.en is required', [{ field: 'labels', message: 'needs an English label' }]);
  if (!/^[A-Z0-9-]{2,12}$/i.test(candidate.code))
    return refusal('invalid', 'invalid_territory', 'code must be a NUTS or LAU code', [
      { field: 'code', message: 'must be a NUTS or LAU code' },
    ]);
  if (candidate.level === 'eu') {
    return parent ? refusal('invalid', 'invalid_territory', 'the EU has no parent territory') : { path: [candidate.id] };
  }
  if (!parent)
    return refusal('invalid', 'invalid_territory', `a ${candidate.level} needs a parent territory`, [
      { field: 'parent_id', message: 'is required' },
    ]);
  if (depth(candidate.level) <= depth(parent.level)) {
    return refusal('invalid', 'invalid_territory', `a ${candidate.level} cannot sit under a ${parent.level}`, [
      { field: 'level', message: `must be below ${parent.level}` },
    ]);
  }
  if (parent.path.includes(candidate.id)) return refusal('invalid', 'invalid_territory', 'a territory cannot sit under itself');
  return { path: [...parent.path, candidate.id] };
}
