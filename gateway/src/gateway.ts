// Starts the gateway: sessions database, service clients, the issuer, the HTTP listener, metrics.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createClient,
  createLogger,
  createPool,
  initTelemetry,
  loadGrpcTls,
  migrate,
  startMetricsServer,
  systemCaller,
  WorkloadCredentials,
  type Logger,
} from '@e21/kit';
import { HealthService, HealthCheckResponse_ServingStatus } from '@e21/proto/grpc/health/v1/health';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import { createApp } from './app.js';
import { Authenticator } from './auth/authenticator.js';
import { Issuer } from './auth/issuer.js';
import { SessionStore } from './auth/sessions.js';
import { pruneRateLimitWindows, SharedRateLimitStore } from './http/rate-limit.js';
import type { GatewayConfig } from './config.js';

export interface RunningGateway {
  port: number;
  url: string;
  logger: Logger;
  stop(): Promise<void>;
}

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  initTelemetry({ serviceName: 'gateway', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const pool = createPool(config.DATABASE_URL, 20);
  await migrate(pool, [{ name: 'gateway', dir: migrationsDir }]);

  const credentials = WorkloadCredentials.fromJwk(config.WORKLOAD_KEY);
  if (credentials.workload !== 'gateway') throw new Error(`WORKLOAD_KEY is the key of ${credentials.workload}, not of the gateway`);
  const tls = loadGrpcTls({ ca: config.GRPC_TLS_CA_FILE, cert: config.GRPC_TLS_CERT_FILE, key: config.GRPC_TLS_KEY_FILE });
  // The gateway turns each verified session or bearer token into a caller token for the one service it calls.
  const clientOptions = { from: 'gateway', deadlineMs: config.GRPC_DEADLINE_MS, credentials, tls };
  /** Where each service is; a new service adds its line (and its client in deps below). */
  const targets = {
    identity: config.IDENTITY_GRPC,
    contracts: config.CONTRACTS_GRPC,
    programs: config.PROGRAMS_GRPC,
    currency: config.CURRENCY_GRPC,
    timesheets: config.TIMESHEETS_GRPC,
    payroll: config.PAYROLL_GRPC,
  };
  const identity = createClient(IdentityServiceService, targets.identity, clientOptions);
  const contracts = createClient(ContractsServiceService, targets.contracts, clientOptions);
  const currency = createClient(CurrencyServiceService, targets.currency, clientOptions);
  const programs = createClient(ProgramsServiceService, targets.programs, clientOptions);
  const timesheets = createClient(TimesheetsServiceService, targets.timesheets, clientOptions);
  const payroll = createClient(PayrollServiceService, targets.payroll, clientOptions);
  const health = Object.entries(targets).map(([name, target]) => ({
    name,
    client: createClient(HealthService, target, { ...clientOptions, deadlineMs: 1000 }),
  }));
  const publicUrl = new URL(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`);
  const issuer = new Issuer(
    {
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      audience: config.OIDC_AUDIENCE,
      redirectUri: new URL('/auth/callback', publicUrl).toString(),
      postLogoutRedirectUri: new URL('/', publicUrl).toString(),
    },
    logger,
  );
  const sessions = new SessionStore(pool);
  const rateLimitStore = new SharedRateLimitStore(pool, logger);
  const authenticator = new Authenticator(sessions, issuer, identity);

  const app = createApp({
    publicUrl,
    issuer,
    logger,
    deps: { identity, contracts, programs, currency, timesheets, payroll, sessions, authenticator },
    webDistDir: config.WEB_DIST_DIR ?? defaultWebDist,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    rateLimitStore,
    trustProxy: config.TRUST_PROXY === 'true',
    ready: async () => {
      const serving = async (client: (typeof health)[number]['client']) =>
        client.check({ service: '' }, { caller: systemCaller('gateway') }).then(
          (r) => r.status === HealthCheckResponse_ServingStatus.SERVING,
          () => false,
        );
      const services = await Promise.all(health.map(async ({ name, client }) => [name, await serving(client)] as const));
      return {
        database: await pool.query('select 1').then(
          () => true,
          () => false,
        ),
        issuer: await issuer.ready(),
        ...Object.fromEntries(services),
      };
    },
  });

  const server: Server = createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const port = (server.address() as AddressInfo).port;
  const metrics = await startMetricsServer(config.METRICS_PORT);
  const pruning = setInterval(() => {
    void sessions.prune().catch(() => undefined);
    void pruneRateLimitWindows(pool).catch(() => undefined);
  }, 10 * 60_000);
  pruning.unref();
  logger.info({ port, metricsPort: metrics.port, publicUrl: publicUrl.toString() }, 'gateway ready');

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    logger,
    async stop() {
      clearInterval(pruning);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await rateLimitStore.shutdown();
      identity.close();
      contracts.close();
      currency.close();
      programs.close();
      timesheets.close();
      payroll.close();
      for (const { client } of health) client.close();
      await pool.end();
      await metrics.close();
    },
  };
}
