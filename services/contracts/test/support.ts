// Starts real identity, programs and contracts services (own databases, own nats-server) for one
// test file, and builds the contracts world on them.
import { createClient, loadConfig, startService, type RunningService } from '@e21/kit';
import { createTestDatabase, startTestNats, type TestNats } from '@e21/devinfra';
import { identityConfigSchema, identitySpec } from '@e21/identity';
import { programsConfigSchema, programsSpec } from '@e21/programs';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import {
  createContractsWorld,
  type ContractsClient,
  type ContractsWorld,
  type IdentityClient,
  type ProgramsClient,
} from '../../../tests/support/contracts-world.js';
import { contractsConfigSchema, contractsSpec, type ContractsConfig } from '../src/service.js';

export * from '../../../tests/support/contracts-world.js';

export interface ContractsUnderTest {
  service: RunningService<ContractsConfig>;
  client: ContractsClient;
  identity: IdentityClient;
  programs: ProgramsClient;
  nats: TestNats;
  world: ContractsWorld;
  stop(): Promise<void>;
}

export async function startContracts(): Promise<ContractsUnderTest> {
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
  const programsService = await startService(
    programsSpec,
    loadConfig(programsConfigSchema, {
      ...common,
      ...nats.serviceEnv('programs'),
      DATABASE_URL: await createTestDatabase('programs'),
      IDENTITY_GRPC: identityTarget,
    }),
  );
  const service = await startService(
    contractsSpec,
    loadConfig(contractsConfigSchema, {
      ...common,
      ...nats.serviceEnv('contracts'),
      DATABASE_URL: await createTestDatabase('contracts'),
      IDENTITY_GRPC: identityTarget,
      PROGRAMS_GRPC: `127.0.0.1:${programsService.grpcPort}`,
    }),
  );
  const identity = createClient(IdentityServiceService, identityTarget, { from: 'test', deadlineMs: 30_000 });
  const programs = createClient(ProgramsServiceService, `127.0.0.1:${programsService.grpcPort}`, { from: 'test' });
  const client = createClient(ContractsServiceService, `127.0.0.1:${service.grpcPort}`, { from: 'test', deadlineMs: 15_000 });
  const world = await createContractsWorld(identity);
  return {
    service,
    client,
    identity,
    programs,
    nats,
    world,
    async stop() {
      client.close();
      programs.close();
      identity.close();
      await service.stop();
      await programsService.stop();
      await identityService.stop();
      await nats.stop();
    },
  };
}
