// Starts a real identity service (own database, own nats-server) for one test file.
import { randomUUID } from 'node:crypto';
import { createClient, loadConfig, personCaller, startService, systemCaller, type RunningService, type ServiceClient } from '@e21/kit';
import { createTestDatabase, freePort, startTestNats, type TestNats } from '@e21/devinfra';
import { IdentityServiceService, PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import { identityConfigSchema, identitySpec, type IdentityConfig } from '../src/service.js';

export type IdentityClient = ServiceClient<typeof IdentityServiceService>;

export interface IdentityUnderTest {
  service: RunningService<IdentityConfig>;
  client: IdentityClient;
  nats: TestNats;
  issuer: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export const SYSTEM = { caller: systemCaller('test') };
export const as = (personId: string) => ({ caller: personCaller(personId) });

export const TEST_CLIENTS = [
  { client_id: 'e21-cli', client_secret: 'cli-secret', grant_types: ['password'], response_types: [], redirect_uris: [] },
  {
    client_id: 'integrator-paca',
    client_secret: 'integrator-secret',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  },
];

export async function startIdentity(env: Record<string, string> = {}): Promise<IdentityUnderTest> {
  const nats = await startTestNats();
  const databaseUrl = await createTestDatabase('identity');
  const oidcPort = await freePort();
  const issuer = `http://127.0.0.1:${oidcPort}`;
  const config = loadConfig(identityConfigSchema, {
    DATABASE_URL: databaseUrl,
    ...nats.serviceEnv('identity'),
    GRPC_PORT: '0',
    GRPC_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    OIDC_PORT: String(oidcPort),
    OIDC_HOST: '127.0.0.1',
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENTS_JSON: JSON.stringify(TEST_CLIENTS),
    ...env,
  });
  const service = await startService(identitySpec, config);
  const client = createClient(IdentityServiceService, `127.0.0.1:${service.grpcPort}`, { from: 'test', deadlineMs: 30_000 });
  return {
    service,
    client,
    nats,
    issuer,
    databaseUrl,
    async stop() {
      client.close();
      await service.stop();
      await nats.stop();
    },
  };
}

let emailCounter = 0;

export async function registerPerson(
  client: IdentityClient,
  territoryId: string,
  fields: { name?: string; status?: PersonStatus; password?: string; email?: string; locale?: string } = {},
) {
  emailCounter += 1;
  return client.registerPerson(
    {
      name: fields.name ?? `Person ${emailCounter}`,
      email: fields.email ?? `person${emailCounter}.${randomUUID().slice(0, 8)}@example.org`,
      locale: fields.locale ?? 'en',
      status: fields.status ?? PersonStatus.PERSON_STATUS_EMPLOYEE,
      territoryId,
      password: fields.password ?? '',
    },
    SYSTEM,
  );
}
