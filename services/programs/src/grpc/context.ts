// What every programs handler needs: the pool, identity, the ranking, the clock, and checks on input.
import { callerOf, forbidden, Refused, type Caller, type CallContext, type Logger, type Pool } from '@e21/kit';
import type { ProjectRanking } from '../domain/ranking.js';
import type { Directory } from '../identity.js';

export { callerOf, requireUuid, optionalUuid, languageOf, requireEnum } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** Ranks open needs for "projects for me"; the allocation engine will be another implementation. */
  ranking: ProjectRanking;
  now(): Date;
}

/** The person calling; integration clients and services cannot join, vote or rate. */
export function personOf(call: CallContext): string {
  const caller = callerOf(call);
  if (caller.kind !== 'person') throw forbidden('Only a person can do this');
  return caller.personId;
}

export const personIdOf = (caller: Caller): string | undefined => (caller.kind === 'person' ? caller.personId : undefined);

/** A stale If-Match: the caller changed a version that is no longer the current one. */
export function requireVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new Refused('stale', 'stale_version', `This was changed in the meantime: it is at version ${current}, not ${expected}`);
  }
}
