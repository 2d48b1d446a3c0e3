import { isRefusal, type RefusalValue } from '@e21/kit';
import { isWithin, placeTerritory, type Territory, type TerritoryLevel } from './territories.js';

const territory = (id: string, level: TerritoryLevel, code: string, path: string[]): Territory => ({
  id,
  parentId: path.length > 1 ? path[path.length - 2]! : null,
  level,
  code,
  labels: { en: id, fr: id },
  path,
});

const eu = territory('eu', 'eu', 'EU', ['eu']);
const france = territory('fr', 'country', 'FR', ['eu', 'fr']);
const idf = territory('idf', 'region', 'FR10', ['eu', 'fr', 'idf']);
const essonne = territory('essonne', 'department', 'FR104', ['eu', 'fr', 'idf', 'essonne']);

const candidate = (id: string, level: TerritoryLevel, overrides: { code?: string; labels?: Record<string, string> } = {}) => ({
  id,
  level,
  code: overrides.code ?? 'FR101',
  labels: overrides.labels ?? { en: id, fr: id },
});

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const fieldsNamed = (result: unknown) => (refused(result).fields ?? []).map((problem) => problem.field);

describe('placeTerritory', () => {
  it('places the EU at the root, with no parent', () => {
    expect(placeTerritory(candidate('eu', 'eu', { code: 'EU' }), undefined)).toEqual({ path: ['eu'] });
  });

  it('refuses a parent for the EU', () => {
    expect(refused(placeTerritory(candidate('eu2', 'eu', { code: 'EU' }), france)).code).toBe('invalid_territory');
  });

  it('requires a parent for every level below the EU', () => {
    expect(fieldsNamed(placeTerritory(candidate('fr', 'country', { code: 'FR' }), undefined))).toEqual(['parent_id']);
    expect(fieldsNamed(placeTerritory(candidate('paris', 'locality', { code: '75056' }), undefined))).toEqual(['parent_id']);
  });

  it("places a child one level deeper under its parent, its path being the parent's path and itself", () => {
    expect(placeTerritory(candidate('fr', 'country', { code: 'FR' }), eu)).toEqual({ path: ['eu', 'fr'] });
    expect(placeTerritory(candidate('evry', 'locality', { code: '91228' }), essonne)).toEqual({
      path: ['eu', 'fr', 'idf', 'essonne', 'evry'],
    });
  });

  it('lets a locality sit directly under a region, skipping the department', () => {
    expect(placeTerritory(candidate('paris', 'locality', { code: '75056' }), idf)).toEqual({ path: ['eu', 'fr', 'idf', 'paris'] });
  });

  it('refuses a child at the same level as its parent', () => {
    expect(fieldsNamed(placeTerritory(candidate('hdf', 'region', { code: 'FRE1' }), idf))).toEqual(['level']);
  });

  it('refuses a child at a higher level than its parent', () => {
    expect(fieldsNamed(placeTerritory(candidate('de', 'country', { code: 'DE' }), idf))).toEqual(['level']);
    expect(fieldsNamed(placeTerritory(candidate('bretagne', 'region', { code: 'FRH0' }), essonne))).toEqual(['level']);
  });

  it('refuses to place a territory under one of its own descendants', () => {
    // idf is an ancestor of essonne: re-placing "idf" as a locality under essonne would close a cycle.
    expect(refused(placeTerritory(candidate('idf', 'locality', { code: '91228' }), essonne)).code).toBe('invalid_territory');
    expect(isRefusal(placeTerritory(candidate('evry', 'locality', { code: '91228' }), essonne))).toBe(false);
  });

  it('requires an English label', () => {
    expect(fieldsNamed(placeTerritory(candidate('paris', 'locality', { code: '75056', labels: { fr: 'Paris' } }), idf))).toEqual([
      'labels',
    ]);
    expect(fieldsNamed(placeTerritory(candidate('paris', 'locality', { code: '75056', labels: { en: '', fr: 'Paris' } }), idf))).toEqual([
      'labels',
    ]);
  });

  it('accepts NUTS and LAU shaped codes and refuses others', () => {
    for (const code of ['FR1', 'FR104', '75056', 'FR-75056']) {
      expect(isRefusal(placeTerritory(candidate('paris', 'locality', { code }), idf))).toBe(false);
    }
    for (const code of ['', 'F', 'FR 10', 'FR10!', 'FR1234567890X', 'Île']) {
      expect(fieldsNamed(placeTerritory(candidate('paris', 'locality', { code }), idf))).toEqual(['code']);
    }
  });
});

describe('isWithin', () => {
  it('holds for the territory itself and every territory above it', () => {
    expect(isWithin(essonne.path, 'essonne')).toBe(true);
    expect(isWithin(essonne.path, 'idf')).toBe(true);
    expect(isWithin(essonne.path, 'eu')).toBe(true);
  });

  it('does not hold for a territory below or beside it', () => {
    expect(isWithin(idf.path, 'essonne')).toBe(false);
    expect(isWithin(['eu', 'fr', 'idf', 'paris'], 'essonne')).toBe(false);
  });
});
