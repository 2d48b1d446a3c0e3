// The contracts service's parts, assembled for startService (main.ts, tests and the local stack).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, createClient, grpcTargetEnv, serviceEnv, systemClock, type ServiceSpec } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { consumedMinutesHandlers } from './consumption.js';
import { Directory, programsProjects } from './directory.js';
import { consumedMinutesConsumer } from './events.js';
import { contractsHandlers } from './grpc/index.js';

export const contractsEnv = {
  IDENTITY_GRPC: grpcTargetEnv('identity'),
  PROGRAMS_GRPC: grpcTargetEnv('programs'),
};

export type ContractsConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof contractsEnv>>;

export const contractsConfigSchema = { ...serviceEnv, ...contractsEnv };

export const contractsSpec: ServiceSpec<ContractsConfig> = {
  name: 'contracts',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  build({ config, pool, logger, nats, clientOptions }) {
    const identity = createClient(IdentityServiceService, config.IDENTITY_GRPC, clientOptions);
    const programs = createClient(ProgramsServiceService, config.PROGRAMS_GRPC, clientOptions);
    const directory = new Directory(identity, programsProjects(programs));
    const clients = {
      start: async () => undefined,
      stop: async () => {
        identity.close();
        programs.close();
      },
    };
    return {
      bindings: [bind(ContractsServiceService, contractsHandlers({ pool, logger, directory, now: systemClock }))],
      consumers: [consumedMinutesConsumer({ pool, nats, logger }, consumedMinutesHandlers(logger))],
      components: [clients],
    };
  },
};
