// The currency service's parts, assembled for startService (main.ts, tests and the local stack).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, createClient, grpcTargetEnv, serviceEnv, type ServiceSpec } from '@e21/kit';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { Directory } from './directory.js';
import { hoursConsumer, merchantsConsumer } from './events.js';
import { merchantFromOrganization } from './mapping.js';
import * as store from './store.js';
import { approvedHoursOf, payForHours } from './hours.js';
import { currencyServiceHandlers } from './grpc/index.js';

export const currencyEnv = {
  IDENTITY_GRPC: grpcTargetEnv('identity'),
};

export type CurrencyConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof currencyEnv>>;

export const currencyConfigSchema = { ...serviceEnv, ...currencyEnv };

export const currencySpec: ServiceSpec<CurrencyConfig> = {
  name: 'currency',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  build({ config, pool, logger, nats, clientOptions }) {
    const identity = createClient(IdentityServiceService, config.IDENTITY_GRPC, clientOptions);
    const directory = new Directory(identity);
    const consumer = hoursConsumer({ pool, nats, logger }, async (tx, event) => {
      const outcome = await payForHours(tx, directory, approvedHoursOf(event.data.entry, event.data.approvedBy));
      logger.debug({ event: event.id, entry: event.data.entry?.entryId, outcome }, 'approved hours');
    });
    const merchants = merchantsConsumer({ pool, nats, logger }, async (tx, event) => {
      if (!event.data.organization) return;
      const kept = await store.keepMerchant(tx, merchantFromOrganization(event.data.organization));
      logger.debug({ event: event.id, organization: event.data.organization.id, kept }, 'organization verification');
    });
    const clients = { start: async () => undefined, stop: async () => identity.close() };
    return { bindings: [bind(CurrencyServiceService, currencyServiceHandlers({ pool, logger, directory }))], consumers: [consumer, merchants], components: [clients] };
  },
};
