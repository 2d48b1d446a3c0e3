// What every timesheets handler needs: the pool, the other services, the clock, the caller, and
// checks on input.
import type { Clock, Logger, Pool } from '@e21/kit';
import type { Directory } from '../directory.js';

export { callerOf, personOf, requireUuid, optionalUuid, requireDate, requireMonth, requireVersion } from '@e21/kit';
export { idempotencyKeyOf, replayOf, requestHash } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** The clock: "today" decides future dates and which months are over. */
  now: Clock;
}
