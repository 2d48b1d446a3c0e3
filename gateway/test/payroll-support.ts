// Fixtures for the payroll gateway tests: the payroll world on the platform, March closed in
// Marseille and its forms issued, and a fetch that reads files (CSV, PDF) as bytes.
import { createClient } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { PayrollServiceService, type IssuingRun, type SocietalActivityForm } from '@e21/proto/e21/payroll/v1/payroll';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { PASSWORD, type Platform } from '../../tests/support/platform.js';
import {
  closeMarch,
  completedRun,
  createPayrollWorld,
  MONTH,
  type PayrollClient,
  type PayrollClients,
  type PayrollWorld,
  type PayrollWorldOptions,
} from '../../tests/support/payroll-world.js';
import { SYSTEM } from '../../tests/support/contracts-world.js';

export * from '../../tests/support/payroll-world.js';

type PersonKey = 'amina' | 'lucas' | 'claire' | 'garlabanHr' | 'marc' | 'nadia' | 'helene';

/** fetch against the gateway with a bearer token; JSON and problem bodies parsed, files as bytes. */
export function callApi(baseUrl: string, token?: string) {
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
    const bytes = Buffer.from(await response.arrayBuffer());
    const json =
      /json/.test(response.headers.get('content-type') ?? '') && bytes.length
        ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>)
        : undefined;
    // Tests read response bodies field by field; a type per route would only restate the OpenAPI schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    return { status: response.status, body: json as any, bytes, text: bytes.toString('utf8'), headers: response.headers };
  };
}

export interface PayrollFixtures {
  world: PayrollWorld;
  clients: PayrollClients;
  payroll: PayrollClient;
  run: IssuingRun;
  /** March's forms in Marseille. */
  forms: SocietalActivityForm[];
  tokens: Record<PersonKey, string>;
  close(): void;
}

export async function createPayrollFixtures(
  platform: Platform,
  signIn: PersonKey[],
  options: Pick<PayrollWorldOptions, 'locales'> = {},
): Promise<PayrollFixtures> {
  const target = (name: string) => `127.0.0.1:${platform.services[name]!.grpcPort}`;
  const clients: PayrollClients = {
    identity: platform.identityClient,
    programs: createClient(ProgramsServiceService, target('programs'), { from: 'test' }),
    contracts: createClient(ContractsServiceService, target('contracts'), { from: 'test', deadlineMs: 15_000 }),
    timesheets: createClient(TimesheetsServiceService, target('timesheets'), { from: 'test', deadlineMs: 15_000 }),
    currency: createClient(CurrencyServiceService, target('currency'), { from: 'test' }),
  };
  const payroll = createClient(PayrollServiceService, target('payroll'), { from: 'test', deadlineMs: 15_000 });
  const world = await createPayrollWorld(clients, { password: PASSWORD, signIn, ...options });
  await closeMarch(clients.timesheets, world);
  const run = await completedRun(payroll, world.territories.marseille);
  const { forms } = await payroll.listForms(
    { territoryId: world.territories.marseille, organizationId: '', month: MONTH, limit: 0, cursor: '' },
    SYSTEM,
  );
  const tokens = {} as Record<PersonKey, string>;
  for (const key of signIn) tokens[key] = await platform.tokenFor(world.people[key].email);
  return {
    world,
    clients,
    payroll,
    run,
    forms,
    tokens,
    close() {
      for (const client of [clients.programs, clients.contracts, clients.timesheets, clients.currency, payroll]) client.close();
    },
  };
}
