// The PayrollService gRPC handlers, assembled from one module per area.
import type { Handlers } from '@e21/kit';
import type { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import type { HandlerDeps } from './context.js';
import { exportHandlers } from './exports.js';
import { formHandlers } from './forms.js';
import { runHandlers } from './runs.js';

export type { HandlerDeps } from './context.js';

export function payrollHandlers(deps: HandlerDeps): Handlers<typeof PayrollServiceService> {
  return { ...formHandlers(deps), ...runHandlers(deps), ...exportHandlers(deps) };
}
