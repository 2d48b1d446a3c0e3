// The currency service's parts, assembled for startService (main.ts, tests and the local stack).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, createClient, grpcTargetEnv, serviceEnv, systemClock, type Clock, type ServiceSpec } from '@e21/kit';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { Directory } from './directory.js';
import { currencyConsumers } from './events.js';
import { currencyServiceHandlers } from './grpc/index.js';
import { hoursPayment } from './hours.js';
import { merchantVerification } from './merchants.js';

export const currencyEnv = {
  IDENTITY_GRPC: grpcTargetEnv('identity'),
};

export type CurrencyConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof currencyEnv>>;

export const currencyConfigSchema = { ...serviceEnv, ...currencyEnv };

/**
 * The service with its clock: the instant of every posting, request and decision. The process
 * (main.ts) runs it at the real time; a test may choose its own.
 */
export function currencySpecWithClock(now: Clock): ServiceSpec<CurrencyConfig> {
  return {
    name: 'currency',
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    build({ config, pool, logger, nats, clientOptions }) {
      const identity = createClient(IdentityServiceService, config.IDENTITY_GRPC, clientOptions);
      const directory = new Directory(identity);
      const consumers = currencyConsumers(
        { pool, nats, logger },
        { approvedHours: hoursPayment({ pool, directory, now, logger }), verification: merchantVerification(logger) },
      );
      const clients = { start: async () => undefined, stop: async () => identity.close() };
      const bindings = [bind(CurrencyServiceService, currencyServiceHandlers({ pool, logger, directory, now }))];
      return { bindings, consumers, components: [clients] };
    },
  };
}

export const currencySpec = currencySpecWithClock(systemClock);
