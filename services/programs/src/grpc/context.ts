// What every programs handler needs: the pool, identity, the ranking, the clock, and checks on input.
import type { Caller, Clock, Logger, Pool } from '@e21/kit';
import type { ProjectRanking } from '../domain/ranking.js';
import type { Directory } from '../directory.js';

export { callerOf, personOf, requireCurrentVersion, requireUuid, optionalUuid, languageOf, requireEnum } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** Ranks open needs for "projects for me"; the allocation engine will be another implementation. */
  ranking: ProjectRanking;
  /** Every instant a handler records or compares with (deadlines, decisions) is read from here. */
  now: Clock;
}

export const personIdOf = (caller: Caller): string | undefined => (caller.kind === 'person' ? caller.personId : undefined);
