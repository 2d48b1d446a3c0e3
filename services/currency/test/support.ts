// Starts real identity and currency services (own databases, own nats-server) for one test file,
// builds the currency world on them, and publishes approved hours as timesheets would.
import { createClient, createPool, loadConfig, startService, type Pool, type RunningService } from '@e21/kit';
import { createTestDatabase, startTestNats, type TestNats } from '@e21/devinfra';
import { identityConfigSchema, identitySpec } from '@e21/identity';
import { CurrencyServiceService, type Currency } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import {
  ApprovalPublisher,
  approvedEntry,
  configureEcu,
  createCurrencyWorld,
  walletOf,
  waitForBalance,
  waitForMerchants,
  type CurrencyClient,
  type CurrencyWorld,
  type IdentityClient,
} from '../../../tests/support/currency-world.js';
import { currencyConfigSchema, currencySpec, type CurrencyConfig } from '../src/service.js';

export * from '../../../tests/support/currency-world.js';

export interface CurrencyUnderTest {
  service: RunningService<CurrencyConfig>;
  client: CurrencyClient;
  identity: IdentityClient;
  nats: TestNats;
  world: CurrencyWorld;
  ecu: Currency;
  /** The currency service's own database, for checks the API does not offer. */
  db: Pool;
  approvals: ApprovalPublisher;
  /** Another replica of the currency service on the same database. */
  startReplica(): Promise<RunningService<CurrencyConfig>>;
  /** Approves `minutes` for a person of Marseille and waits until they are paid. */
  fund(personId: string, minutes: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startCurrency(): Promise<CurrencyUnderTest> {
  const nats = await startTestNats();
  const common = { NATS_URL: nats.url, GRPC_PORT: '0', GRPC_HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  const identityService = await startService(
    identitySpec,
    loadConfig(identityConfigSchema, {
      ...common,
      ...nats.serviceEnv('identity'),
      DATABASE_URL: await createTestDatabase('identity'),
      OIDC_PROVIDER_ENABLED: 'false',
    }),
  );
  const identityTarget = `127.0.0.1:${identityService.grpcPort}`;
  const config = loadConfig(currencyConfigSchema, {
    ...common,
    ...nats.serviceEnv('currency'),
    DATABASE_URL: await createTestDatabase('currency'),
    IDENTITY_GRPC: identityTarget,
  });
  const service = await startService(currencySpec, config);
  const replicas: RunningService<CurrencyConfig>[] = [];
  const identity = createClient(IdentityServiceService, identityTarget, { from: 'test', deadlineMs: 30_000 });
  const client = createClient(CurrencyServiceService, `127.0.0.1:${service.grpcPort}`, { from: 'test', deadlineMs: 15_000 });
  const world = await createCurrencyWorld(identity);
  const ecu = await configureEcu(client, world);
  await waitForMerchants(client, world.merchants);
  const db = createPool(config.DATABASE_URL, 4);
  const approvals = await ApprovalPublisher.connect(nats.login('timesheets'));
  return {
    service,
    client,
    identity,
    nats,
    world,
    ecu,
    db,
    approvals,
    async startReplica() {
      const replica = await startService(currencySpec, config);
      replicas.push(replica);
      return replica;
    },
    async fund(personId, minutes) {
      const before = (await walletOf(client, personId, ecu.id))?.balanceMinor ?? 0n;
      await approvals.publish(approvedEntry(personId, world.territories.marseille, minutes));
      await waitForBalance(client, personId, ecu.id, before + (BigInt(minutes) * ecu.ratePerHourMinor + 30n) / 60n);
    },
    async stop() {
      await approvals.close();
      client.close();
      identity.close();
      await db.end();
      for (const replica of replicas) await replica.stop();
      await service.stop();
      await identityService.stop();
      await nats.stop();
    },
  };
}
