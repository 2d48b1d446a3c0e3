// What every currency handler needs: the pool, identity, the caller, and checks on ids and keys.
import { forbidden, type Caller, type Logger, type Pool } from '@e21/kit';
import type { Directory } from '../directory.js';

export { callerOf, requireUuid, optionalUuid, idempotencyKeyOf, requestHash } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
}

/** The person calling; services and integration clients hold no wallet. */
export function personOf(caller: Caller): string {
  if (caller.kind !== 'person') throw forbidden('Only people hold and spend money here');
  return caller.personId;
}

