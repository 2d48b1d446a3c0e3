// The platform in one test process: identity and the gateway on real PostgreSQL and nats-server.
import {
  createClient,
  loadConfig,
  personCaller,
  startService,
  systemCaller,
  toProtoEnum,
  type RunningService,
  type ServiceClient,
  type ServiceConfig,
} from '@e21/kit';
import { createTestDatabase, freePort, startTestNats, workloadEnvOf, testSecrets, type TestNats } from '@e21/devinfra';
import { identityConfigSchema, identitySpec, type IdentityConfig } from '@e21/identity';
import { programsConfigSchema, programsSpec } from '@e21/programs';
import { contractsConfigSchema, contractsSpec } from '@e21/contracts';
import { timesheetsConfigSchema, timesheetsSpecWithClock } from '@e21/timesheets';
import { currencyConfigSchema, currencySpec } from '@e21/currency';
import { payrollConfigSchema, payrollSpec } from '@e21/payroll';
import { startGateway, type RunningGateway } from '@e21/gateway';
import { gatewayEnv } from '@e21/gateway/config';
import { NOW as TIMESHEETS_NOW } from './timesheets-world.js';
import {
  IdentityServiceService,
  type MembershipRole,
  type OrganizationKind,
  type PersonStatus,
  type Role,
  type ScopeKind,
} from '@e21/proto/e21/identity/v1/identity';
import { createTerritoryTree, type TerritoryName } from './territories.js';

export type IdentityClient = ServiceClient<typeof IdentityServiceService>;
export const SYSTEM = { caller: systemCaller('test') };
export const PASSWORD = 'correct horse battery';
const CLI = { id: 'e21-cli', secret: 'cli-secret' };

export interface Platform {
  identity: RunningService<IdentityConfig>;
  /** The services started after identity, by name. */
  services: Record<string, RunningService<ServiceConfig>>;
  identityClient: IdentityClient;
  gateway: RunningGateway;
  nats: TestNats;
  issuer: string;
  gatewayDatabaseUrl: string;
  /** An access token through the password grant, as scripts get one. */
  tokenFor(email: string, password?: string): Promise<string>;
  clientToken(clientId: string, secret: string): Promise<string>;
  stop(): Promise<void>;
}

/** What starting one more service needs: the NATS URL and where the services started before it are. */
interface StartContext {
  nats: TestNats;
  targets: Record<string, string>;
}

const common = async (context: StartContext, service: string) => ({
  DATABASE_URL: await createTestDatabase(service),
  ...context.nats.serviceEnv(service),
  GRPC_PORT: '0',
  GRPC_HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  ...context.targets,
});

/**
 * The services after identity, in start order, each started in this process as its main.ts would.
 * A new service adds its line: name -> start(context).
 */
const LATER_SERVICES: { name: string; start(context: StartContext): Promise<RunningService<ServiceConfig>> }[] = [
  {
    name: 'programs',
    start: async (context) => startService(programsSpec, loadConfig(programsConfigSchema, await common(context, 'programs'))),
  },
  {
    name: 'contracts',
    start: async (context) => startService(contractsSpec, loadConfig(contractsConfigSchema, await common(context, 'contracts'))),
  },
  // Timesheets runs at the end of the tests' contract year (timesheets-world NOW): their dates are past.
  {
    name: 'timesheets',
    start: async (context) =>
      startService(
        timesheetsSpecWithClock(() => TIMESHEETS_NOW),
        loadConfig(timesheetsConfigSchema, await common(context, 'timesheets')),
      ),
  },
  {
    name: 'currency',
    start: async (context) => startService(currencySpec, loadConfig(currencyConfigSchema, await common(context, 'currency'))),
  },
  {
    name: 'payroll',
    start: async (context) => startService(payrollSpec, loadConfig(payrollConfigSchema, await common(context, 'payroll'))),
  },
];

export async function startPlatform(): Promise<Platform> {
  const nats = await startTestNats();
  const oidcPort = await freePort();
  const issuer = `http://127.0.0.1:${oidcPort}`;
  const gatewayPort = await freePort();
  const identity = await startService(
    identitySpec,
    loadConfig(identityConfigSchema, {
      DATABASE_URL: await createTestDatabase('identity'),
      ...nats.serviceEnv('identity'),
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      OIDC_PORT: String(oidcPort),
      OIDC_HOST: '127.0.0.1',
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENTS_JSON: JSON.stringify([
        { client_id: CLI.id, client_secret: CLI.secret, grant_types: ['password'], response_types: [], redirect_uris: [] },
        {
          client_id: 'e21-web',
          client_secret: 'web-secret',
          redirect_uris: [`http://127.0.0.1:${gatewayPort}/auth/callback`],
          post_logout_redirect_uris: [`http://127.0.0.1:${gatewayPort}/`],
        },
        {
          client_id: 'integrator-paca',
          client_secret: 'integrator-secret',
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        },
      ]),
    }),
  );
  const context: StartContext = { nats, targets: { IDENTITY_GRPC: `127.0.0.1:${identity.grpcPort}` } };
  const services: Record<string, RunningService<ServiceConfig>> = {};
  for (const { name, start } of LATER_SERVICES) {
    services[name] = await start(context);
    context.targets[`${name.toUpperCase()}_GRPC`] = `127.0.0.1:${services[name]!.grpcPort}`;
  }
  const gatewayDatabaseUrl = await createTestDatabase('gateway');
  const gateway = await startGateway(
    loadConfig(gatewayEnv, {
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
      DATABASE_URL: gatewayDatabaseUrl,
      ...context.targets,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_SECRET: 'web-secret',
      WORKLOAD_KEY: workloadEnvOf(testSecrets(), 'gateway').WORKLOAD_KEY,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000',
    }),
  );
  const identityClient = createClient(IdentityServiceService, `127.0.0.1:${identity.grpcPort}`, { from: 'test', deadlineMs: 30_000 });

  const token = async (body: Record<string, string>, client: { id: string; secret: string }) => {
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(body),
    });
    const json = (await response.json()) as { access_token?: string; error_description?: string };
    if (!json.access_token) throw new Error(`no token: ${json.error_description}`);
    return json.access_token;
  };

  return {
    identity,
    services,
    identityClient,
    gateway,
    nats,
    issuer,
    gatewayDatabaseUrl,
    tokenFor: (email, password = PASSWORD) => token({ grant_type: 'password', username: email, password }, CLI),
    clientToken: (clientId, secret) => token({ grant_type: 'client_credentials' }, { id: clientId, secret }),
    async stop() {
      identityClient.close();
      await gateway.stop();
      for (const service of Object.values(services).reverse()) await service.stop();
      await identity.stop();
      await nats.stop();
    },
  };
}

/** A small world: territories, two companies, and people in the roles the tests need. */
export async function createWorld(client: IdentityClient) {
  const territories = await createTerritoryTree(client);
  const organization = async (name: string, kind: string, territory: TerritoryName) =>
    (
      await client.createOrganization(
        {
          name,
          kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', kind),
          legalId: `L${Math.floor(Math.random() * 1e9)}`,
          territoryId: territories[territory],
        },
        SYSTEM,
      )
    ).id;
  const companyMarseille = await organization('Calanques Solaire', 'private_company', 'marseille');
  const companyAubagne = await organization('Garlaban Bois', 'private_company', 'aubagne');

  /** A person; only those who sign in get a password (a scrypt hash costs about a second here). */
  const person = async (name: string, territory: TerritoryName, options: { status?: string; signsIn?: boolean } = {}) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.floor(Math.random() * 1e9)}@test.e21.eu`;
    const created = await client.registerPerson(
      {
        name,
        email,
        locale: 'en',
        status: toProtoEnum<PersonStatus>('PERSON_STATUS', options.status ?? 'employee'),
        territoryId: territories[territory],
        password: options.signsIn ? PASSWORD : '',
      },
      SYSTEM,
    );
    return { id: created.id, email, caller: { caller: personCaller(created.id) } };
  };
  const member = (organizationId: string, personId: string, role: string) =>
    client.setMembership(
      { organizationId, personId, role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', role), employeeReference: '' },
      SYSTEM,
    );
  const grant = (personId: string, role: string, territory: TerritoryName) =>
    client.grantRole(
      {
        grantee: `person:${personId}`,
        role: toProtoEnum<Role>('ROLE', role),
        scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
        scopeId: territories[territory],
      },
      SYSTEM,
    );

  const signsIn = { signsIn: true };
  const inhabitant = await person('Amina Haddad', 'marseille', signsIn);
  const colleague = await person('Lucas Martin', 'marseille', signsIn);
  const hrManager = await person('Claire Dubois', 'marseille', signsIn);
  const officer = await person('Marc Rossi', 'marseille', signsIn);
  const regionalOfficer = await person('Hélène Garnier', 'marseille', signsIn);
  const admin = await person('Anne Admin', 'marseille', signsIn);
  const aubagneResident = await person('Karim Benali', 'aubagne');
  await member(companyMarseille, inhabitant.id, 'member');
  await member(companyMarseille, colleague.id, 'member');
  await member(companyMarseille, hrManager.id, 'hr_manager');
  await member(companyAubagne, aubagneResident.id, 'member');
  await grant(officer.id, 'officer', 'marseille');
  await grant(regionalOfficer.id, 'officer', 'paca');
  await grant(admin.id, 'territory_admin', 'paca');
  return {
    territories,
    companyMarseille,
    companyAubagne,
    inhabitant,
    colleague,
    hrManager,
    officer,
    regionalOfficer,
    admin,
    aubagneResident,
    person,
    member,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** fetch against the gateway with a bearer token and JSON. */
export function api(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    // Tests read response bodies field by field; a type per route would only restate the OpenAPI schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    return { status: response.status, body: json as any, headers: response.headers };
  };
}
