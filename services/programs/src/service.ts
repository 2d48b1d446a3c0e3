// The programs service's parts, assembled for startService (main.ts, tests and the local stack).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, createClient, grpcTargetEnv, serviceEnv, systemClock, type Component, type ServiceSpec } from '@e21/kit';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { competenceAndProximityRanking } from './domain/ranking.js';
import { programsHandlers } from './grpc/index.js';
import { Directory } from './directory.js';
import { loadSdgs } from './sdgs.js';

export const programsEnv = {
  IDENTITY_GRPC: grpcTargetEnv('identity'),
};

export type ProgramsConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof programsEnv>>;

export const programsConfigSchema = { ...serviceEnv, ...programsEnv };

export const programsSpec: ServiceSpec<ProgramsConfig> = {
  name: 'programs',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  async build({ config, pool, logger, clientOptions }) {
    const identity = createClient(IdentityServiceService, config.IDENTITY_GRPC, clientOptions);
    const closeIdentity: Component = { start: async () => undefined, stop: async () => identity.close() };
    const deps = { pool, logger, directory: new Directory(identity), ranking: competenceAndProximityRanking, now: systemClock };
    return { bindings: [bind(ProgramsServiceService, programsHandlers(deps, await loadSdgs()))], components: [closeIdentity] };
  },
};
