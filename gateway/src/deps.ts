// What route handlers use: the service clients, and the gateway's own session bookkeeping.
import type { ServiceClient } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import type { Authenticator } from './auth/authenticator.js';
import type { SessionStore } from './auth/sessions.js';

export interface GatewayDeps {
  identity: ServiceClient<typeof IdentityServiceService>;
  contracts: ServiceClient<typeof ContractsServiceService>;
  programs: ServiceClient<typeof ProgramsServiceService>;
  sessions: SessionStore;
  authenticator: Authenticator;
}
