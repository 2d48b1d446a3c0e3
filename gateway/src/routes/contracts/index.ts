// Every gateway route backed by the contracts service.
import type { GatewayDeps } from '../../deps.js';
import { commitmentRoutes } from './commitments.js';
import { contractRoutes } from './contracts.js';
import { holidaysRoutes } from './holidays.js';

export const contractsRoutes = (deps: GatewayDeps) => [...contractRoutes(deps), ...holidaysRoutes(deps), ...commitmentRoutes(deps)];
