// What every identity handler needs: the pool, the caller, and checks on ids and languages.
import type { Logger, Pool } from '@e21/kit';

export { callerOf, requireUuid, optionalUuid, languageOf, requireEnum } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  /** Issuer URL of the built-in OpenID Connect provider, whose subjects are person ids. */
  ownIssuer?: string;
}

