// Every gateway route backed by the identity service.
import type { GatewayDeps } from '../../deps.js';
import { directoryRoutes } from './directory.js';
import { meRoutes } from './me.js';
import { organizationRoutes } from './organizations.js';
import { peopleRoutes } from './people.js';

export const identityRoutes = (deps: GatewayDeps) => [
  ...meRoutes(deps),
  ...directoryRoutes(deps),
  ...organizationRoutes(deps),
  ...peopleRoutes(deps),
];
