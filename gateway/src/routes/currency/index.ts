// Every gateway route backed by the currency service.
import type { GatewayDeps } from '../../deps.js';
import { currencyRoutes } from './currencies.js';
import { tillRoutes } from './till.js';
import { treasuryRoutes } from './treasury.js';
import { walletRoutes } from './wallet.js';

export const currencyServiceRoutes = (deps: GatewayDeps) => [
  ...currencyRoutes(deps),
  ...walletRoutes(deps),
  ...tillRoutes(deps),
  ...treasuryRoutes(deps),
];
