// The CurrencyService gRPC handlers, assembled from one module per area.
import type { Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { accountHandlers } from './accounts.js';
import type { HandlerDeps } from './context.js';
import { currencyHandlers } from './currencies.js';
import { merchantHandlers } from './merchants.js';
import { redemptionHandlers } from './redemptions.js';
import { requestHandlers } from './requests.js';
import { supplyHandlers } from './supply.js';
import { transferHandlers } from './transfers.js';

export type { HandlerDeps } from './context.js';

export function currencyServiceHandlers(deps: HandlerDeps): Handlers<typeof CurrencyServiceService> {
  return {
    ...currencyHandlers(deps),
    ...accountHandlers(deps),
    ...transferHandlers(deps),
    ...merchantHandlers(deps),
    ...requestHandlers(deps),
    ...redemptionHandlers(deps),
    ...supplyHandlers(deps),
  };
}
