// The payroll service's parts, assembled for startService (main.ts, tests and the local stack).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, createClient, grpcTargetEnv, serviceEnv, systemClock, type Clock, type ServiceSpec } from '@e21/kit';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { Directory } from './directory.js';
import { EmployerDocumentsBackfill } from './employer-documents.js';
import { payrollConsumers } from './events.js';
import { payrollHandlers } from './grpc/index.js';
import { FormIssuer } from './issuing.js';
import { recordPay } from './pay.js';
import { closeRun, correctionRun } from './runs.js';

export const payrollEnv = {
  IDENTITY_GRPC: grpcTargetEnv('identity'),
  PROGRAMS_GRPC: grpcTargetEnv('programs'),
  CONTRACTS_GRPC: grpcTargetEnv('contracts'),
  TIMESHEETS_GRPC: grpcTargetEnv('timesheets'),
  CURRENCY_GRPC: grpcTargetEnv('currency'),
  PAYROLL_VERIFY_URL: z
    .string()
    .url()
    .default('http://localhost:8080/verify')
    .describe('the public verification page printed on every form'),
  PAYROLL_ISSUE_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4).describe('people whose forms one process issues at once'),
};

export type PayrollConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof payrollEnv>>;

export const payrollConfigSchema = { ...serviceEnv, ...payrollEnv };

/**
 * The service with its clock: the instant of every run, claim and issue. The process (main.ts) runs
 * it at the real time; a test may choose its own.
 */
export function payrollSpecWithClock(now: Clock): ServiceSpec<PayrollConfig> {
  return {
    name: 'payroll',
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    build({ config, pool, logger, nats, clientOptions }) {
      const clients = {
        identity: createClient(IdentityServiceService, config.IDENTITY_GRPC, clientOptions),
        programs: createClient(ProgramsServiceService, config.PROGRAMS_GRPC, clientOptions),
        contracts: createClient(ContractsServiceService, config.CONTRACTS_GRPC, clientOptions),
        timesheets: createClient(TimesheetsServiceService, config.TIMESHEETS_GRPC, clientOptions),
        currency: createClient(CurrencyServiceService, config.CURRENCY_GRPC, clientOptions),
      };
      const closeClients = { start: async () => undefined, stop: async () => Object.values(clients).forEach((client) => client.close()) };
      const directory = new Directory(clients);
      const verifyUrl = config.PAYROLL_VERIFY_URL;
      const issuer = new FormIssuer({ pool, logger, directory, now, concurrency: config.PAYROLL_ISSUE_CONCURRENCY, verifyUrl });
      const runStarted = () => issuer.wake();
      const consumers = payrollConsumers(
        { pool, nats, logger },
        {
          periodClosed: closeRun({ now, runStarted }),
          entryCorrected: correctionRun({ now, runStarted }),
          transferPosted: recordPay({ now, runStarted }),
        },
      );
      return {
        bindings: [bind(PayrollServiceService, payrollHandlers({ pool, logger, directory, now, verifyUrl }))],
        consumers,
        // Components stop in this order: the issuer before the clients it calls.
        components: [issuer, new EmployerDocumentsBackfill({ pool, logger, verifyUrl }), closeClients],
      };
    },
  };
}

export const payrollSpec = payrollSpecWithClock(systemClock);
