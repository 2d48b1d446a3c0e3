// Every gateway route backed by the timesheets service.
import type { GatewayDeps } from '../../deps.js';
import { correctionRoutes } from './corrections.js';
import { entryRoutes } from './entries.js';
import { periodRoutes } from './periods.js';
import { validationRoutes } from './validation.js';

export const timesheetsRoutes = (deps: GatewayDeps) => [
  ...entryRoutes(deps),
  ...validationRoutes(deps),
  ...periodRoutes(deps),
  ...correctionRoutes(deps),
];
