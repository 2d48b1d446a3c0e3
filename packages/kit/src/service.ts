// Starts and stops a service the same way everywhere: telemetry, database, bus, gRPC, metrics.
import { z } from 'zod';
import { ensureStream, connectNats, type NatsConnection } from './bus/nats.js';
import type { EventConsumer } from './bus/consumer.js';
import { OutboxRelay } from './bus/outbox.js';
import { exitOnConfigError, loadConfig, serviceEnv } from './config.js';
import { createPool, type Pool } from './db/pool.js';
import { kitMigrationsDir, migrate } from './db/migrate.js';
import { GrpcServer, type ServiceBinding } from './grpc/server.js';
import type { ClientOptions } from './grpc/client.js';
import { loadGrpcTls } from './grpc/tls.js';
import { CallerVerifier, WorkloadCredentials } from './trust/credentials.js';
import { createLogger, type Logger } from './log.js';
import { startMetricsServer } from './metrics.js';
import { initTelemetry, shutdownTelemetry } from './telemetry.js';

export type ServiceConfig = z.infer<z.ZodObject<typeof serviceEnv>>;

export interface ServiceDeps<C extends ServiceConfig> {
  config: C;
  logger: Logger;
  pool: Pool;
  nats: NatsConnection;
  /** Options of every client this service creates: it calls as itself, with its own signed tokens. */
  clientOptions: ClientOptions;
}

/** Extra parts a service runs besides its gRPC server (an HTTP listener, timers...). */
export interface Component {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceParts {
  bindings: ServiceBinding[];
  consumers?: EventConsumer[];
  components?: Component[];
}

export interface ServiceSpec<C extends ServiceConfig> {
  name: string;
  migrationsDir: string;
  build(deps: ServiceDeps<C>): Promise<ServiceParts> | ServiceParts;
}

export interface RunningService<C extends ServiceConfig> extends ServiceDeps<C> {
  grpcPort: number;
  metricsPort: number;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

export async function startService<C extends ServiceConfig>(spec: ServiceSpec<C>, config: C): Promise<RunningService<C>> {
  initTelemetry({ serviceName: spec.name, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger(spec.name, config.LOG_LEVEL);
  const credentials = WorkloadCredentials.fromJwk(config.WORKLOAD_KEY);
  if (credentials.workload !== spec.name) throw new Error(`WORKLOAD_KEY is the key of ${credentials.workload}, not of ${spec.name}`);
  const verifier = CallerVerifier.fromBundle(config.WORKLOAD_TRUST, spec.name);
  const tls = loadGrpcTls({ ca: config.GRPC_TLS_CA_FILE, cert: config.GRPC_TLS_CERT_FILE, key: config.GRPC_TLS_KEY_FILE });
  const clientOptions: ClientOptions = { from: spec.name, credentials, tls };
  const pool = createPool(config.DATABASE_URL);
  const applied = await migrate(pool, [
    { name: 'kit', dir: kitMigrationsDir },
    { name: spec.name, dir: spec.migrationsDir },
  ]);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const nats = await connectNats(
    { url: config.NATS_URL, user: config.NATS_USER ?? spec.name, password: config.NATS_PASSWORD, name: spec.name },
    logger,
  );
  await ensureStream(nats, spec.name, { replicas: config.NATS_STREAM_REPLICAS });

  const parts = await spec.build({ config, logger, pool, nats, clientOptions });
  const server = new GrpcServer({
    service: spec.name,
    host: config.GRPC_HOST,
    port: config.GRPC_PORT,
    bindings: parts.bindings,
    logger,
    verifier,
    tls,
  });
  const relay = new OutboxRelay({ service: spec.name, pool, connectionString: config.DATABASE_URL, nats, logger });
  const components = parts.components ?? [];
  const consumers = parts.consumers ?? [];

  const grpcPort = await server.start();
  await relay.start();
  for (const component of components) await component.start();
  for (const consumer of consumers) await consumer.start();
  const metrics = await startMetricsServer(config.METRICS_PORT);
  logger.info({ grpcPort, metricsPort: metrics.port }, `${spec.name} ready`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info(`${spec.name} stopping`);
      await server.stop(config.SHUTDOWN_GRACE_MS);
      for (const consumer of consumers) await consumer.stop();
      for (const component of components) await component.stop();
      await relay.stop();
      await nats.drain().catch(() => undefined);
      await pool.end();
      await metrics.close();
      logger.info(`${spec.name} stopped`);
    })());

  return { config, logger, pool, nats, clientOptions, grpcPort, metricsPort: metrics.port, relay, stop };
}

/** The entrypoint of a service process: config from the environment, stop on SIGTERM or SIGINT. */
export async function runMain<S extends z.ZodRawShape>(
  spec: ServiceSpec<ServiceConfig & z.infer<z.ZodObject<S>>>,
  extraEnv: S,
): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...serviceEnv, ...extraEnv });
  } catch (error) {
    exitOnConfigError(error);
  }
  const running = await startService(spec, config as ServiceConfig & z.infer<z.ZodObject<S>>);
  const shutdown = (signal: string) => {
    running.logger.info({ signal }, 'shutdown requested');
    void running
      .stop()
      .then(() => shutdownTelemetry())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
