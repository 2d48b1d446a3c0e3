// The gateway's environment variables.
import { z } from 'zod';
import { grpcTargetEnv, workloadEnv } from '@e21/kit';

export const gatewayEnv = {
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port of the gateway'),
  HOST: z.string().default('0.0.0.0').describe('address the gateway binds'),
  PUBLIC_URL: z.string().url().optional().describe('URL people reach the gateway at (default http://localhost:<PORT>)'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .describe("PostgreSQL URL of the gateway's session database"),
  IDENTITY_GRPC: grpcTargetEnv('identity'),
  CONTRACTS_GRPC: grpcTargetEnv('contracts'),
  PROGRAMS_GRPC: grpcTargetEnv('programs'),
  TIMESHEETS_GRPC: grpcTargetEnv('timesheets'),
  CURRENCY_GRPC: grpcTargetEnv('currency'),
  PAYROLL_GRPC: grpcTargetEnv('payroll'),
  OIDC_ISSUER: z.string().url().describe('OpenID Connect issuer URL (the built-in provider, or a Keycloak realm)'),
  OIDC_CLIENT_ID: z.string().min(1).default('e21-web').describe('client id of the web UI at the issuer'),
  OIDC_CLIENT_SECRET: z.string().min(1).describe('client secret of the web UI at the issuer'),
  OIDC_AUDIENCE: z.string().min(1).default('urn:e21:api').describe('audience bearer access tokens must carry'),
  WEB_DIST_DIR: z.string().optional().describe('folder of the built web UI (default web/dist of this repository)'),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(1200)
    .describe('requests per minute per client address, counted over every replica'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .describe('behind one proxy (the ingress): the client is the last X-Forwarded-For entry'),
  GRPC_DEADLINE_MS: z.coerce.number().int().min(100).default(5000).describe('deadline of every call to a service'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0).describe('port of the Prometheus /metrics endpoint'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional().describe('OTLP/HTTP endpoint; traces are exported when set'),
  ...workloadEnv,
};

export type GatewayConfig = z.infer<z.ZodObject<typeof gatewayEnv>>;
