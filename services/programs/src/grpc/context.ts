// What every programs handler needs: the pool, identity, the ranking, the clock, and checks on input.
import { formatCaller, forbidden, invalid, Refused, type Caller, type CallContext, type Logger, type Pool } from '@e21/kit';
import { isUuid } from '../domain/checks.js';
import type { ProjectRanking } from '../domain/ranking.js';
import type { Directory } from '../identity.js';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** Ranks open needs for "projects for me"; the allocation engine will be another implementation. */
  ranking: ProjectRanking;
  now(): Date;
}

export function callerOf(call: CallContext): Caller {
  if (!call.caller) throw new Refused('unauthenticated', 'unauthenticated', 'This call needs a caller');
  return call.caller;
}

export const callerText = formatCaller;

/** The person calling; integration clients and services cannot join, vote or rate. */
export function personOf(call: CallContext): string {
  const caller = callerOf(call);
  if (caller.kind !== 'person') throw forbidden('Only a person can do this');
  return caller.personId;
}

export const personIdOf = (caller: Caller): string | undefined => (caller.kind === 'person' ? caller.personId : undefined);

/** The value, if it is a UUID; otherwise an invalid-argument refusal naming the field. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw invalid(field, 'must be a UUID', 'invalid_id');
  return value.toLowerCase();
}

export function optionalUuid(value: string, field: string): string | undefined {
  return value ? requireUuid(value, field) : undefined;
}

export function languageOf(value: string): 'en' | 'fr' {
  return value === 'fr' ? 'fr' : 'en';
}

export function requireEnum<T>(value: T | undefined, field: string, allowed: readonly string[]): T {
  if (value === undefined) throw invalid(field, `must be one of ${allowed.join(', ')}`, 'invalid_enum');
  return value;
}

/** A stale If-Match: the caller changed a version that is no longer the current one. */
export function requireVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new Refused('stale', 'stale_version', `This was changed in the meantime: it is at version ${current}, not ${expected}`);
  }
}
