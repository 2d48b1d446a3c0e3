// The IdentityService gRPC handlers, assembled from one module per area.
import type { Handlers } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { HandlerDeps } from './context.js';
import { invitationHandlers } from './invitations.js';
import { organizationHandlers } from './organizations.js';
import { peopleHandlers } from './people.js';
import { roleHandlers } from './roles.js';
import { skillHandlers } from './skills.js';
import { territoryHandlers } from './territories.js';
import { verificationHandlers } from './verification.js';

export type { HandlerDeps } from './context.js';
export { registerPerson } from './people.js';

export function identityHandlers(deps: HandlerDeps): Handlers<typeof IdentityServiceService> {
  return {
    ...peopleHandlers(deps),
    ...skillHandlers(deps),
    ...territoryHandlers(deps),
    ...organizationHandlers(deps),
    ...invitationHandlers(deps),
    ...verificationHandlers(deps),
    ...roleHandlers(deps),
  };
}
