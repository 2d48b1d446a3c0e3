// What route handlers use: the service clients, and the gateway's own session bookkeeping.
import type { ServiceClient } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import type { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import type { Authenticator } from './auth/authenticator.js';
import type { SessionStore } from './auth/sessions.js';

export interface GatewayDeps {
  identity: ServiceClient<typeof IdentityServiceService>;
  contracts: ServiceClient<typeof ContractsServiceService>;
  currency: ServiceClient<typeof CurrencyServiceService>;
  programs: ServiceClient<typeof ProgramsServiceService>;
  timesheets: ServiceClient<typeof TimesheetsServiceService>;
  payroll: ServiceClient<typeof PayrollServiceService>;
  sessions: SessionStore;
  authenticator: Authenticator;
}
