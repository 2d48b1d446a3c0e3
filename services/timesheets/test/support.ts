// Starts real identity, programs, contracts and timesheets services (own databases, own
// nats-server) for one test file, timesheets at the tests' clock, and builds the world on them.
import { createClient, loadConfig, startService, type RunningService } from '@e21/kit';
import { createTestDatabase, startTestNats, type TestNats } from '@e21/devinfra';
import { contractsConfigSchema, contractsSpec, type ContractsConfig } from '@e21/contracts';
import { identityConfigSchema, identitySpec } from '@e21/identity';
import { programsConfigSchema, programsSpec } from '@e21/programs';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import {
  createContractsWorld,
  type ContractsClient,
  type ContractsWorld,
  type IdentityClient,
  type ProgramsClient,
} from '../../../tests/support/contracts-world.js';
import { NOW, type TimesheetsClient } from '../../../tests/support/timesheets-world.js';
import { timesheetsConfigSchema, timesheetsSpecWithClock, type TimesheetsConfig } from '../src/service.js';

export * from '../../../tests/support/contracts-world.js';
export { refusalOf } from '../../../tests/support/refusals.js';
export * from '../../../tests/support/timesheets-world.js';

export interface TimesheetsUnderTest {
  service: RunningService<TimesheetsConfig>;
  contractsService: RunningService<ContractsConfig>;
  client: TimesheetsClient;
  contracts: ContractsClient;
  programs: ProgramsClient;
  identity: IdentityClient;
  world: ContractsWorld;
  stop(): Promise<void>;
}

export async function startTimesheets(): Promise<TimesheetsUnderTest> {
  const nats: TestNats = await startTestNats();
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
  const targets: Record<string, string> = { IDENTITY_GRPC: `127.0.0.1:${identityService.grpcPort}` };
  const programsService = await startService(
    programsSpec,
    loadConfig(programsConfigSchema, {
      ...common,
      ...nats.serviceEnv('programs'),
      ...targets,
      DATABASE_URL: await createTestDatabase('programs'),
    }),
  );
  targets.PROGRAMS_GRPC = `127.0.0.1:${programsService.grpcPort}`;
  const contractsService = await startService(
    contractsSpec,
    loadConfig(contractsConfigSchema, {
      ...common,
      ...nats.serviceEnv('contracts'),
      ...targets,
      DATABASE_URL: await createTestDatabase('contracts'),
    }),
  );
  targets.CONTRACTS_GRPC = `127.0.0.1:${contractsService.grpcPort}`;
  const service = await startService(
    timesheetsSpecWithClock(() => NOW),
    loadConfig(timesheetsConfigSchema, {
      ...common,
      ...nats.serviceEnv('timesheets'),
      ...targets,
      DATABASE_URL: await createTestDatabase('timesheets'),
    }),
  );
  const identity = createClient(IdentityServiceService, targets.IDENTITY_GRPC!, { from: 'test', deadlineMs: 30_000 });
  const programs = createClient(ProgramsServiceService, targets.PROGRAMS_GRPC!, { from: 'test' });
  const contracts = createClient(ContractsServiceService, targets.CONTRACTS_GRPC!, { from: 'test', deadlineMs: 15_000 });
  const client = createClient(TimesheetsServiceService, `127.0.0.1:${service.grpcPort}`, { from: 'test', deadlineMs: 15_000 });
  const world = await createContractsWorld(identity);
  return {
    service,
    contractsService,
    client,
    contracts,
    programs,
    identity,
    world,
    async stop() {
      for (const c of [client, contracts, programs, identity]) c.close();
      await service.stop();
      await contractsService.stop();
      await programsService.stop();
      await identityService.stop();
      await nats.stop();
    },
  };
}
