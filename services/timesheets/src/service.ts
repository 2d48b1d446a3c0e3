// The timesheets service's parts, assembled for startService (main.ts, tests and the local stack).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, createClient, grpcTargetEnv, serviceEnv, systemClock, type Clock, type ServiceSpec } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { Directory } from './directory.js';
import { timesheetsHandlers } from './grpc/index.js';

export const timesheetsEnv = {
  IDENTITY_GRPC: grpcTargetEnv('identity'),
  PROGRAMS_GRPC: grpcTargetEnv('programs'),
  CONTRACTS_GRPC: grpcTargetEnv('contracts'),
};

export type TimesheetsConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof timesheetsEnv>>;

export const timesheetsConfigSchema = { ...serviceEnv, ...timesheetsEnv };

/**
 * The service with its clock. "Today" decides which dates are in the future and which months are
 * over; tests run it at a fixed instant, the process (main.ts) at the real time.
 */
export function timesheetsSpecWithClock(now: Clock): ServiceSpec<TimesheetsConfig> {
  return {
    name: 'timesheets',
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    build({ config, pool, logger, clientOptions }) {
      const identity = createClient(IdentityServiceService, config.IDENTITY_GRPC, clientOptions);
      const programs = createClient(ProgramsServiceService, config.PROGRAMS_GRPC, clientOptions);
      const contracts = createClient(ContractsServiceService, config.CONTRACTS_GRPC, clientOptions);
      const clients = {
        start: async () => undefined,
        stop: async () => {
          identity.close();
          programs.close();
          contracts.close();
        },
      };
      const directory = new Directory(identity, programs, contracts);
      return { bindings: [bind(TimesheetsServiceService, timesheetsHandlers({ pool, logger, directory, now }))], components: [clients] };
    },
  };
}

export const timesheetsSpec = timesheetsSpecWithClock(systemClock);
