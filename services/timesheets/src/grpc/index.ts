// The TimesheetsService gRPC handlers, assembled from one module per area.
import type { Handlers } from '@e21/kit';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { balanceHandlers } from './balances.js';
import type { HandlerDeps } from './context.js';
import { correctionHandlers } from './corrections.js';
import { entryHandlers } from './entries.js';
import { periodHandlers } from './periods.js';
import { reportHandlers } from './reports.js';
import { validationHandlers } from './validation.js';

export type { HandlerDeps } from './context.js';

export function timesheetsHandlers(deps: HandlerDeps): Handlers<typeof TimesheetsServiceService> {
  return {
    ...entryHandlers(deps),
    ...validationHandlers(deps),
    ...balanceHandlers(deps),
    ...periodHandlers(deps),
    ...reportHandlers(deps),
    ...correctionHandlers(deps),
  };
}
