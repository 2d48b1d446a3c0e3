// Every gateway route backed by the programs service.
import type { GatewayDeps } from '../../deps.js';
import { boardRoutes } from './board.js';
import { challengeRoutes } from './challenges.js';
import { programRoutes } from './programs.js';
import { projectRoutes } from './projects.js';
import { teamRoutes } from './team.js';

export const programsRoutes = (deps: GatewayDeps) => [
  ...challengeRoutes(deps),
  ...projectRoutes(deps),
  ...teamRoutes(deps),
  ...boardRoutes(deps),
  ...programRoutes(deps),
];
