// What every identity handler needs: the pool, the clock, the caller, and checks on ids and languages.
import type { Clock, Logger, Pool } from '@e21/kit';

export { callerOf, requireUuid, optionalUuid, languageOf, requireEnum } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  /** Every instant a handler records (creations, decisions, expiries) is read from here. */
  now: Clock;
  /** Issuer URL of the built-in OpenID Connect provider, whose subjects are person ids. */
  ownIssuer?: string;
}
