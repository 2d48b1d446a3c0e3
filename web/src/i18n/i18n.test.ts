import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { interpolate, placeholders } from './format';

// The catalogs are read as files: the app imports them through Vite, and what is checked here is
// the files themselves, one per area of the app in each language.
const areas = (lang: string) =>
  readdirSync(new URL(`./${lang}/`, import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .sort();
const catalogFile = (lang: string, area: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./${lang}/${area}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const merged = (lang: string) => Object.assign({}, ...areas(lang).map((area) => catalogFile(lang, area))) as Record<string, unknown>;

const en = merged('en');
const fr = merged('fr');

describe('message catalogs', () => {
  it('have the same areas, and exactly the same keys in English and French in each', () => {
    expect(areas('fr')).toEqual(areas('en'));
    for (const area of areas('en'))
      expect({ area, keys: Object.keys(catalogFile('fr', area)).sort() }).toEqual({
        area,
        keys: Object.keys(catalogFile('en', area)).sort(),
      });
  });

  it('never define one key in two areas', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const area of areas('en')) {
      for (const key of Object.keys(catalogFile('en', area))) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${area})`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it.each([
    ['en', en],
    ['fr', fr],
  ])('hold a non-empty string for every key (%s)', (_lang, messages) => {
    const bad = Object.entries(messages).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(bad).toEqual([]);
  });

  it('use the same {placeholders} in both languages for each key', () => {
    const differing = Object.keys(en).filter((key) => placeholders(String(en[key])).join() !== placeholders(String(fr[key] ?? '')).join());
    expect(differing).toEqual([]);
  });
});

describe('interpolate', () => {
  it('replaces each {name} with its parameter, numbers included', () => {
    expect(interpolate('{count} skills for {name}, {name}', { count: 3, name: 'Ada' })).toBe('3 skills for Ada, Ada');
  });

  it('leaves a placeholder without parameter visible rather than empty', () => {
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });
});
