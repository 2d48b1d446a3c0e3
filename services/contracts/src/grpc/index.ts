// The ContractsService gRPC handlers, assembled from one module per area.
import type { Handlers } from '@e21/kit';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { commitmentHandlers } from './commitments.js';
import type { HandlerDeps } from './context.js';
import { holidaysHandlers } from './holidays.js';
import { negotiationHandlers } from './negotiation.js';
import { readingHandlers } from './reading.js';

export type { HandlerDeps } from './context.js';

export function contractsHandlers(deps: HandlerDeps): Handlers<typeof ContractsServiceService> {
  return {
    ...commitmentHandlers(deps),
    ...negotiationHandlers(deps),
    ...readingHandlers(deps),
    ...holidaysHandlers(deps),
  };
}
