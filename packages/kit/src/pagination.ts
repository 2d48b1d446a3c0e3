// Opaque cursors for keyset pagination: the client gets a token, never a raw offset or key.
import { invalid } from './errors.js';

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor stands for, or undefined for an empty cursor; throws on a forged or broken one. */
export function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // fall through
  }
  throw invalid('cursor', 'is not a cursor this list gave out', 'invalid_cursor');
}

export function clampLimit(limit: number | undefined, fallback = 50, max = 200): number {
  if (!limit || limit < 1) return fallback;
  return Math.min(limit, max);
}
