// Checks every gRPC handler makes on what it is sent: who calls, ids, dates, enums, idempotency keys,
// and the one check the server makes on every request (no control characters in any string).
// Each refuses with invalid_argument naming the field, so the gateway can answer a precise 4xx.
import { createHash } from 'node:crypto';
import { isIsoDate, isMonth } from '../calendar.js';
import type { Caller } from '../caller.js';
import { forbidden, invalid, Refused } from '../errors.js';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterFields } from '../text.js';
import type { CallContext } from './server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Refuses a request any of whose strings holds a control character other than tab and line
 * breaks (NUL, ESC, DEL, C1...), naming each such field. The gRPC server runs it on every request
 * before its handler, so no service stores, logs or prints one, whoever the caller.
 */
export function refuseControlCharacters(request: unknown): void {
  const fields = controlCharacterFields(request);
  if (fields.length === 0) return;
  throw new Refused(
    'invalid',
    'control_characters',
    fields.map((field) => `${field} ${CONTROL_CHARACTER_MESSAGE}`).join('; '),
    fields.map((field) => ({ field, message: CONTROL_CHARACTER_MESSAGE })),
  );
}

export function callerOf(call: CallContext): Caller {
  if (!call.caller) throw new Refused('unauthenticated', 'unauthenticated', 'This call needs a caller');
  return call.caller;
}

/** The person calling; `why` says to anyone else (a service, an integration client) why only people may. */
export function personOf(call: CallContext, why = 'Only a person can do this'): string {
  const caller = callerOf(call);
  if (caller.kind !== 'person') throw forbidden(why);
  return caller.personId;
}

/** A version number the request names (If-Match), from 1. */
export function requireVersion(value: number, field = 'expected_version'): number {
  if (!Number.isInteger(value) || value < 1) throw invalid(field, 'must be a version number from 1', 'invalid_version');
  return value;
}

/** Refuses a change made to a version that is no longer the current one (a stale If-Match); none named is no check. */
export function requireCurrentVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new Refused('stale', 'stale_version', `This was changed in the meantime: it is at version ${current}, not ${expected}`);
  }
}

/** The value, if it is a UUID, in lower case; otherwise an invalid-argument refusal naming the field. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw invalid(field, 'must be a UUID', 'invalid_id');
  return value.toLowerCase();
}

export function optionalUuid(value: string, field: string): string | undefined {
  return value ? requireUuid(value, field) : undefined;
}

export function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw invalid(field, 'must be a date YYYY-MM-DD', 'invalid_date');
  return value;
}

export function requireMonth(value: string, field: string): string {
  if (!isMonth(value)) throw invalid(field, 'must be a month YYYY-MM', 'invalid_month');
  return value;
}

/** A proto enum value already mapped to the domain's (undefined when unknown or unspecified). */
export function requireEnum<T>(value: T | undefined, field: string, allowed: readonly string[]): T {
  if (value === undefined) throw invalid(field, `must be one of ${allowed.join(', ')}`, 'invalid_enum');
  return value;
}

export function languageOf(value: string): 'en' | 'fr' {
  return value === 'fr' ? 'fr' : 'en';
}

export function idempotencyKeyOf(value: string): string | undefined {
  if (!value) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) throw invalid('idempotency_key', 'must be 1 to 100 letters, digits or ._:-', 'invalid_idempotency_key');
  return value;
}

/** A fingerprint of a request, to tell a retry (same request) from a reused key (another one). */
export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)))
    .digest('hex');
}
