// Configuration from environment variables, validated once at start.
import { z } from 'zod';
import { parseTrust, parseWorkloadKey } from './trust/workload-keys.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the variables described by `shape`. Every wrong or missing variable is
 * reported on its own line, with the description given in the schema (`.describe(...)`).
 */
export function loadConfig<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  const given = withoutEmptyStrings(env);
  const result = z.object(shape).safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const description = (shape[name] as z.ZodType | undefined)?.description;
    const what = given[name] === undefined ? 'is missing' : `is not valid (${issue.message})`;
    return `${name} ${what}${description ? `: ${description}` : ''}`;
  });
  throw new ConfigError(problems);
}

function withoutEmptyStrings(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

const port = z.coerce.number().int().min(0).max(65535);

/** A string that `parse` accepts; its error message becomes the variable's problem. */
const parsedBy = (parse: (text: string) => unknown) =>
  z.string().superRefine((text, context) => {
    try {
      parse(text);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

/** Variables of every process that calls services: its signing key and the optional mutual TLS. */
export const workloadEnv = {
  WORKLOAD_KEY: parsedBy(parseWorkloadKey).describe(
    'private Ed25519 JWK (kid "<workload>/<id>") this process signs its caller tokens with',
  ),
  GRPC_TLS_CA_FILE: z
    .string()
    .optional()
    .describe('CA certificate (PEM) of mutual TLS between pods; with GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE'),
  GRPC_TLS_CERT_FILE: z.string().optional().describe("this pod's TLS certificate (PEM)"),
  GRPC_TLS_KEY_FILE: z.string().optional().describe("this pod's TLS private key (PEM)"),
};

/** Variables every service reads. */
export const serviceEnv = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .describe("PostgreSQL URL of this service's own database"),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\//, 'must be a nats:// URL')
    .describe('NATS server URL, e.g. nats://localhost:4222'),
  NATS_USER: z.string().min(1).optional().describe("this service's NATS user (default: the service's name)"),
  NATS_PASSWORD: z.string().min(1).describe("this service's NATS password; the server lets it publish on its own subjects only"),
  WORKLOAD_TRUST: parsedBy(parseTrust).describe(
    'trust bundle (JSON): the public keys of every workload, and the delegates that may call for people',
  ),
  ...workloadEnv,
  GRPC_PORT: port.default(50051).describe('port the gRPC server listens on'),
  GRPC_HOST: z.string().default('0.0.0.0').describe('address the gRPC server binds'),
  METRICS_PORT: port.default(0).describe('port of the Prometheus /metrics endpoint (0 picks a free port)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional().describe('OTLP/HTTP endpoint; traces are exported when set'),
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1).describe('JetStream replicas of the streams this service owns'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000).describe('how long SIGTERM waits for in-flight work'),
};

export const grpcTargetEnv = (service: string) => z.string().min(1).describe(`host:port of the ${service} service's gRPC server`);

export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
