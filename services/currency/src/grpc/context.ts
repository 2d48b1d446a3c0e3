// What every currency handler needs: the pool, identity, the clock, the caller, and checks on ids and keys.
import type { Clock, Logger, Pool } from '@e21/kit';
import type { Directory } from '../directory.js';

export { callerOf, requireUuid, optionalUuid, idempotencyKeyOf, requestHash, personOf } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** The clock: the instant of postings, requests, decisions and expiries. */
  now: Clock;
}

/** Why only people pay from a wallet: services and integration clients hold none. */
export const ONLY_PEOPLE_PAY = 'Only people hold and spend money here';
