import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { interpolate, placeholders } from './format';

// The catalogs are read as files: the app imports them through Vite, and what is checked here is
// the files themselves.
const catalog = (lang: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const en = catalog('en');
const fr = catalog('fr');

describe('message catalogs', () => {
  it('have exactly the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ['en', en],
    ['fr', fr],
  ])('hold a non-empty string for every key (%s)', (_lang, messages) => {
    const bad = Object.entries(messages).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(bad).toEqual([]);
  });

  it('use the same {placeholders} in both languages for each key', () => {
    const differing = Object.keys(en).filter(
      (key) => placeholders(String(en[key])).join() !== placeholders(String(fr[key] ?? '')).join(),
    );
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
