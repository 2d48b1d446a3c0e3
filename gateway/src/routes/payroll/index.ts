// Every gateway route backed by the payroll service.
import type { GatewayDeps } from '../../deps.js';
import { exportRoutes } from './exports.js';
import { formRoutes } from './forms.js';
import { runRoutes } from './runs.js';

export const payrollRoutes = (deps: GatewayDeps) => [...formRoutes(deps), ...runRoutes(deps), ...exportRoutes(deps)];
