// Starts real identity, programs, contracts, timesheets, currency and payroll services (own
// databases, own nats-server) for one test file, timesheets at the tests' clock, and builds the
// payroll world on them.
import { createClient, loadConfig, startService, type RunningService, type ServiceConfig, type ServiceSpec } from '@e21/kit';
import { createTestDatabase, startTestNats, type TestNats } from '@e21/devinfra';
import { contractsConfigSchema, contractsSpec } from '@e21/contracts';
import { currencyConfigSchema, currencySpec } from '@e21/currency';
import { identityConfigSchema, identitySpec } from '@e21/identity';
import { programsConfigSchema, programsSpec } from '@e21/programs';
import { timesheetsConfigSchema, timesheetsSpecWithClock } from '@e21/timesheets';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { NOW } from '../../../tests/support/timesheets-world.js';
import { createPayrollWorld, type PayrollClient, type PayrollClients, type PayrollWorld } from '../../../tests/support/payroll-world.js';
import { payrollConfigSchema, payrollSpec, type PayrollConfig } from '../src/service.js';

export * from '../../../tests/support/contracts-world.js';
export { refusalOf } from '../../../tests/support/refusals.js';
export * from '../../../tests/support/payroll-world.js';

export interface PayrollUnderTest extends PayrollClients {
  nats: TestNats;
  service: RunningService<PayrollConfig>;
  payroll: PayrollClient;
  world: PayrollWorld;
  /** Stops the payroll service and starts it again on the same database (a crash, a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPayroll(): Promise<PayrollUnderTest> {
  const nats = await startTestNats();
  const common = { NATS_URL: nats.url, GRPC_PORT: '0', GRPC_HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  const started: RunningService<ServiceConfig>[] = [];
  const identityService = await startService(
    identitySpec,
    loadConfig(identityConfigSchema, {
      ...common,
      ...nats.serviceEnv('identity'),
      DATABASE_URL: await createTestDatabase('identity'),
      OIDC_PROVIDER_ENABLED: 'false',
    }),
  );
  started.push(identityService);
  const targets: Record<string, string> = { IDENTITY_GRPC: `127.0.0.1:${identityService.grpcPort}` };
  const more = [
    ['programs', programsSpec, programsConfigSchema],
    ['contracts', contractsSpec, contractsConfigSchema],
    ['timesheets', timesheetsSpecWithClock(() => NOW), timesheetsConfigSchema],
    ['currency', currencySpec, currencyConfigSchema],
  ] as const;
  for (const [name, spec, schema] of more) {
    // Each spec with its own config schema: the tuple's union type is widened to the kit's common config.
    const service = (await startService(
      spec as ServiceSpec<ServiceConfig>,
      loadConfig(schema, {
        ...common,
        ...nats.serviceEnv(name),
        ...targets,
        DATABASE_URL: await createTestDatabase(name),
      }) as ServiceConfig,
    )) as RunningService<ServiceConfig>;
    started.push(service);
    targets[`${name.toUpperCase()}_GRPC`] = `127.0.0.1:${service.grpcPort}`;
  }
  const payrollConfig = loadConfig(payrollConfigSchema, {
    ...common,
    ...nats.serviceEnv('payroll'),
    ...targets,
    DATABASE_URL: await createTestDatabase('payroll'),
    PAYROLL_ISSUE_CONCURRENCY: '2',
  });
  let service = await startService(payrollSpec, payrollConfig);
  const clients: PayrollClients = {
    identity: createClient(IdentityServiceService, targets.IDENTITY_GRPC!, { from: 'test' }),
    programs: createClient(ProgramsServiceService, targets.PROGRAMS_GRPC!, { from: 'test' }),
    contracts: createClient(ContractsServiceService, targets.CONTRACTS_GRPC!, { from: 'test', deadlineMs: 15_000 }),
    timesheets: createClient(TimesheetsServiceService, targets.TIMESHEETS_GRPC!, { from: 'test', deadlineMs: 15_000 }),
    currency: createClient(CurrencyServiceService, targets.CURRENCY_GRPC!, { from: 'test' }),
  };
  let payroll = createClient(PayrollServiceService, `127.0.0.1:${service.grpcPort}`, { from: 'test', deadlineMs: 15_000 });
  const world = await createPayrollWorld(clients);
  const under: PayrollUnderTest = {
    ...clients,
    nats,
    service,
    payroll,
    world,
    async restart() {
      payroll.close();
      await service.stop();
      service = await startService(payrollSpec, payrollConfig);
      payroll = createClient(PayrollServiceService, `127.0.0.1:${service.grpcPort}`, { from: 'test', deadlineMs: 15_000 });
      under.service = service;
      under.payroll = payroll;
    },
    async stop() {
      payroll.close();
      for (const client of Object.values(clients)) client.close();
      await service.stop();
      for (const s of started.reverse()) await s.stop();
      await nats.stop();
    },
  };
  return under;
}
