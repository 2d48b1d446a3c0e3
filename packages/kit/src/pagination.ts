// Opaque cursors for keyset pagination: the client gets a token, never a raw offset or key.
import { invalid } from './errors.js';
import { isIsoDate } from './calendar.js';
import { isUuid } from './grpc/input.js';

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export type CursorPart = 'string' | 'uuid' | 'offset' | 'instant' | 'date';

const partIsValid: Record<CursorPart, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string' && value.length <= 1000,
  uuid: (value) => typeof value === 'string' && isUuid(value),
  offset: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  // Exactly as toISOString() wrote it, so that PostgreSQL reads the same instant and never fails on it.
  instant: (value) =>
    typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
  date: (value) => typeof value === 'string' && isIsoDate(value),
};

/**
 * The key a cursor stands for, or undefined for an empty cursor. A cursor is only trusted as far
 * as its shape: one whose parts are not of the kinds given (`shape`) is refused as invalid_cursor.
 */
export function decodeCursor(cursor: string | undefined, shape: CursorPart[]): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && shape.every((part, i) => partIsValid[part](key[i]))) return key;
  } catch {
    // fall through
  }
  throw invalid('cursor', 'is not a cursor this list gave out', 'invalid_cursor');
}

/** One page of a keyset-paginated list and the cursor of the next one ('' on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/** The page out of `limit + 1` rows read: the extra row only tells that another page follows. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (last: T) => unknown[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : '' };
}

export function clampLimit(limit: number | undefined, fallback = 50, max = 200): number {
  if (!limit || limit < 1) return fallback;
  return Math.min(limit, max);
}
