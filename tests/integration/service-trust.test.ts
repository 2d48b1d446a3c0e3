// No process can be anyone: every service's gRPC port refuses a call whose caller is not proven by a
// caller token it verifies, whatever metadata the call carries. Nothing such a call asks for happens.
import { generateKeyPairSync } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import pg from 'pg';
import { parseWorkloadKey, signCallerToken, toProtoEnum, type Caller, type ServiceDefinition } from '@e21/kit';
import { testSecrets } from '@e21/devinfra';
import { IdentityServiceService, type Role, type ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { CommitmentBasis, ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import { createWorld, startPlatform, type Platform, type World } from '../support/platform.js';
import { NOW } from '../support/timesheets-world.js';

let platform: Platform;
let world: World;
let attacker: Awaited<ReturnType<World['person']>>;

const DEFINITIONS = {
  identity: IdentityServiceService,
  programs: ProgramsServiceService,
  contracts: ContractsServiceService,
  timesheets: TimesheetsServiceService,
  currency: CurrencyServiceService,
  payroll: PayrollServiceService,
} as const;
type ServiceName = keyof typeof DEFINITIONS;
const SERVICE_NAMES = Object.keys(DEFINITIONS) as ServiceName[];

const targetOf = (service: ServiceName) =>
  `127.0.0.1:${(service === 'identity' ? platform.identity : platform.services[service]!).grpcPort}`;
const databaseOf = (service: ServiceName) => (service === 'identity' ? platform.identity : platform.services[service]!).config.DATABASE_URL;
const keyOf = (workload: string) => parseWorkloadKey(JSON.stringify(testSecrets().workloadKeys[workload]));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The credentials a forger can come with, each named for the test report. */
function forgeries(service: ServiceName, victim: Caller): [string, Record<string, string>][] {
  const { privateKey } = generateKeyPairSync('ed25519');
  const gateway = keyOf('gateway');
  const otherService = service === 'identity' ? 'programs' : 'identity';
  return [
    ['x-e21-caller system:gateway, no token', { 'x-e21-caller': 'system:gateway' }],
    ['x-e21-caller of another person, no token', { 'x-e21-caller': `person:${victim.kind === 'person' ? victim.personId : ''}` }],
    [
      'a token signed by a key the platform does not trust',
      bearer(signCallerToken({ ...gateway, privateKey }, victim, service, Date.now())),
    ],
    ['a gateway token made for another service', bearer(signCallerToken(gateway, victim, otherService, Date.now()))],
    ['an expired gateway token', bearer(signCallerToken(gateway, victim, service, Date.now() - 10 * 60_000))],
    ['a service claiming to call for a person', bearer(signCallerToken(keyOf(otherService), victim, service, Date.now()))],
    [
      'a service claiming to be the gateway',
      bearer(signCallerToken(keyOf(otherService), { kind: 'system', service: 'gateway' }, service, Date.now())),
    ],
    ['garbage', { authorization: 'Bearer not.a.token' }],
  ];
}

/** One unary call with the given metadata and an already encoded request; resolves to its status code. */
function rawCall(service: ServiceName, path: string, request: Buffer, metadata: Record<string, string>): Promise<grpc.status> {
  const client = new grpc.Client(targetOf(service), grpc.credentials.createInsecure());
  const headers = new grpc.Metadata();
  for (const [key, value] of Object.entries(metadata)) headers.set(key, value);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      request,
      headers,
      { deadline: Date.now() + 10_000 },
      (error) => {
        client.close();
        resolve(error ? error.code : grpc.status.OK);
      },
    );
  });
}

/** Rows per table of every service database: what a call that got through would have changed. */
async function snapshot(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of SERVICE_NAMES) {
    const client = new pg.Client({ connectionString: databaseOf(service) });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
      );
      for (const { name } of tables) {
        const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${client.escapeIdentifier(name)}`);
        counts[`${service}.${name}`] = Number(rows[0]!.n);
      }
    } finally {
      await client.end();
    }
  }
  return counts;
}

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  attacker = await world.person('Mallory Forger', 'marseille');
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

/** Writes that succeed when made with a genuine credential: the forged copies must not. */
function writes() {
  const territories = world.territories;
  return {
    identity: {
      method: 'grantRole',
      request: {
        grantee: `person:${attacker.id}`,
        role: toProtoEnum<Role>('ROLE', 'territory_admin'),
        scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
        scopeId: territories.eu,
      },
    },
    programs: {
      method: 'defineChallenge',
      request: { territoryId: territories.eu, title: 'Forged challenge', description: 'Set by nobody', sdgs: [13], refinesId: '' },
    },
    contracts: {
      method: 'setCommitment',
      request: {
        organizationId: world.companyMarseille,
        year: NOW.getUTCFullYear(),
        basis: CommitmentBasis.COMMITMENT_BASIS_ABSOLUTE,
        minutes: 600_000n,
        shareBasisPoints: 0,
        declaredEmployees: 0,
        declaredMinutesPerEmployee: 0n,
      },
    },
    timesheets: {
      method: 'closePeriod',
      request: { territoryId: territories.marseille, month: `${NOW.getUTCFullYear()}-01`, carryPending: true },
    },
    currency: {
      method: 'configureCurrency',
      request: {
        territoryId: territories.bouchesDuRhone,
        code: 'FORGE',
        name: 'Forged écu',
        minorUnits: 2,
        ratePerHourMinor: 100_000n,
        redemptionFeeBasisPoints: 0,
      },
    },
  } as Record<Exclude<ServiceName, 'payroll'>, { method: string; request: unknown }>;
}

const methodOf = (service: ServiceName, method: string) => {
  const definition = DEFINITIONS[service] as ServiceDefinition;
  const entry = Object.entries(definition).find(([name]) => name === method);
  if (!entry) throw new Error(`${service} has no ${method}`);
  return entry[1];
};

describe('a service reached directly', () => {
  it('refuses every forged caller on every method of every service, and nothing changes', async () => {
    const victim: Caller = { kind: 'person', personId: world.admin.id };
    const before = await snapshot();
    const refusedOtherwise: string[] = [];
    for (const service of SERVICE_NAMES) {
      const forged = forgeries(service, victim);
      const write = (writes() as Record<string, { method: string; request: unknown } | undefined>)[service];
      for (const [method, definition] of Object.entries(DEFINITIONS[service] as ServiceDefinition)) {
        // Every method with an empty request; the service's write with a request that would succeed.
        const request = write?.method === method ? Buffer.from(definition.requestSerialize(write.request as never)) : Buffer.alloc(0);
        for (const [what, metadata] of forged) {
          const code = await rawCall(service, definition.path, request, metadata);
          if (code !== grpc.status.UNAUTHENTICATED) refusedOtherwise.push(`${service}.${method} with ${what}: ${grpc.status[code]}`);
        }
      }
    }
    expect(refusedOtherwise).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 300_000);

  it('accepts the same writes with a genuine credential, so the refusals above were about the caller only', async () => {
    for (const [service, write] of Object.entries(writes()) as [ServiceName, { method: string; request: unknown }][]) {
      const code = await rawCall(
        service,
        methodOf(service, write.method).path,
        Buffer.from(methodOf(service, write.method).requestSerialize(write.request as never)),
        bearer(signCallerToken(keyOf('test'), { kind: 'system', service: 'test' }, service, Date.now())),
      );
      expect(`${service}.${write.method}: ${grpc.status[code]}`).toBe(`${service}.${write.method}: OK`);
    }
  });

  it('refuses a caller token made for one service at another, and an expired one, with UNAUTHENTICATED', async () => {
    const listTerritories = methodOf('identity', 'listTerritories');
    const gateway = keyOf('gateway');
    const amina: Caller = { kind: 'person', personId: world.inhabitant.id };
    const call = (token: string) => rawCall('identity', listTerritories.path, Buffer.alloc(0), bearer(token));
    expect(await call(signCallerToken(gateway, amina, 'identity', Date.now()))).toBe(grpc.status.OK);
    expect(await call(signCallerToken(gateway, amina, 'currency', Date.now()))).toBe(grpc.status.UNAUTHENTICATED);
    expect(await call(signCallerToken(gateway, amina, 'identity', Date.now() - 3 * 60_000))).toBe(grpc.status.UNAUTHENTICATED);
  });
});
