import { Refused } from './errors.js';
import { clampLimit, decodeCursor, encodeCursor, pageOf } from './pagination.js';

function refusalOf(run: () => unknown): Refused {
  try {
    run();
  } catch (error) {
    if (error instanceof Refused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('cursors', () => {
  it('decode to the key they were encoded from', () => {
    const key = ['2025-03-01T12:00:00.000Z', '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c'];
    expect(decodeCursor(encodeCursor(key), ['string', 'uuid'])).toEqual(key);
    expect(decodeCursor(encodeCursor([150]), ['offset'])).toEqual([150]);
  });

  it('are URL-safe tokens that do not show the key', () => {
    const cursor = encodeCursor(['Ada Lovelace', 'a/b+c?']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('Ada');
  });

  it('stand for the first page when empty or absent', () => {
    expect(decodeCursor(undefined, ['string', 'uuid'])).toBeUndefined();
    expect(decodeCursor('', ['string', 'uuid'])).toBeUndefined();
  });

  it('refuse a token that is not a cursor, with code invalid_cursor', () => {
    const notCursors = [
      'not a cursor',
      Buffer.from('{"id":1}').toString('base64url'),
      Buffer.from('"a"').toString('base64url'),
      Buffer.from('[1, 2').toString('base64url'),
    ];
    for (const cursor of notCursors) {
      const refusal = refusalOf(() => decodeCursor(cursor, ['string', 'uuid']));
      expect(refusal.code).toBe('invalid_cursor');
      expect(refusal.kind).toBe('invalid');
    }
  });

  it('refuse a cursor of another list, whose key has another length', () => {
    expect(refusalOf(() => decodeCursor(encodeCursor([150]), ['string', 'uuid'])).code).toBe('invalid_cursor');
    expect(refusalOf(() => decodeCursor(encodeCursor(['a', 'b', 'c']), ['string', 'uuid'])).code).toBe('invalid_cursor');
  });

  it('refuse a hand-made cursor whose parts are not of the expected kinds', () => {
    expect(refusalOf(() => decodeCursor(encodeCursor([-5]), ['offset'])).code).toBe('invalid_cursor');
    expect(refusalOf(() => decodeCursor(encodeCursor([1.5]), ['offset'])).code).toBe('invalid_cursor');
    expect(refusalOf(() => decodeCursor(encodeCursor(['Ada', 'not-a-uuid']), ['string', 'uuid'])).code).toBe('invalid_cursor');
    expect(refusalOf(() => decodeCursor(encodeCursor([42, '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c']), ['string', 'uuid'])).code).toBe(
      'invalid_cursor',
    );
  });
});

describe('clampLimit', () => {
  it('uses the fallback when no positive limit is asked for', () => {
    expect(clampLimit(undefined)).toBe(50);
    expect(clampLimit(0)).toBe(50);
    expect(clampLimit(-5)).toBe(50);
    expect(clampLimit(undefined, 20)).toBe(20);
  });

  it('keeps a limit within range and caps a larger one at the maximum', () => {
    expect(clampLimit(1)).toBe(1);
    expect(clampLimit(200)).toBe(200);
    expect(clampLimit(201)).toBe(200);
    expect(clampLimit(1000, 20, 100)).toBe(100);
  });
});

describe('instants in cursors', () => {
  it('take a timestamp and refuse a string that is not one, before it reaches SQL', () => {
    const key = ['2025-03-01T12:00:00.000Z', '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c'];
    expect(decodeCursor(encodeCursor(key), ['instant', 'uuid'])).toEqual(key);
    expect(refusalOf(() => decodeCursor(encodeCursor(['yesterday', key[1]]), ['instant', 'uuid'])).code).toBe('invalid_cursor');
    expect(refusalOf(() => decodeCursor(encodeCursor(['2025-02-30T12:00:00.000Z', key[1]]), ['instant', 'uuid'])).code).toBe(
      'invalid_cursor',
    );
  });

  it('take calendar dates only where a date is expected', () => {
    expect(decodeCursor(encodeCursor(['2028-02-29']), ['date'])).toEqual(['2028-02-29']);
    expect(refusalOf(() => decodeCursor(encodeCursor(['2026-02-30']), ['date'])).code).toBe('invalid_cursor');
  });
});

describe('pages', () => {
  it('give the cursor of the last item when one more row than the limit was read', () => {
    const page = pageOf([1, 2, 3], 2, (last) => [last]);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor, ['offset'])).toEqual([2]);
  });

  it('have no next cursor on the last page', () => {
    expect(pageOf([1, 2], 2, (last) => [last])).toEqual({ items: [1, 2], nextCursor: '' });
    expect(pageOf([], 2, (last) => [last])).toEqual({ items: [], nextCursor: '' });
  });
});
