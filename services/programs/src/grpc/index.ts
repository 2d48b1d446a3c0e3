// The ProgramsService gRPC handlers, assembled from one module per area.
import type { Handlers } from '@e21/kit';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import type { Sdg } from '../sdgs.js';
import { boardHandlers } from './board.js';
import { challengeHandlers } from './challenges.js';
import type { HandlerDeps } from './context.js';
import { programHandlers } from './programs.js';
import { projectHandlers } from './projects.js';
import { teamHandlers } from './team.js';

export type { HandlerDeps } from './context.js';

export function programsHandlers(deps: HandlerDeps, sdgs: readonly Sdg[]): Handlers<typeof ProgramsServiceService> {
  return {
    ...challengeHandlers(deps, sdgs),
    ...projectHandlers(deps),
    ...teamHandlers(deps),
    ...boardHandlers(deps),
    ...programHandlers(deps),
  };
}
