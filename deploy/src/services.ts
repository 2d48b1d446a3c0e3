// The processes of the platform, and the environment each one runs with in the local stack.
import { fileURLToPath } from 'node:url';
import { SERVICES, type ServiceName } from '@e21/events';
import { workloadEnvOf, type PlatformSecrets } from '@e21/devinfra';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The services, in start order (the platform's table in @e21/events). Each has its own database
 * and gRPC port; every process is told where every service is (<NAME>_GRPC).
 */
export { SERVICES, type ServiceName };

export interface StackPorts {
  gateway: number;
  postgres: number;
  nats: number;
  oidc: number;
  grpc: Record<ServiceName, number>;
}

/** The OAuth clients' secrets, and every workload's key and NATS password (in .data/secrets.json). */
export interface StackSecrets extends PlatformSecrets {
  webClientSecret: string;
  cliClientSecret: string;
  integratorClientSecret: string;
}

/** The local programs that call services as people on this machine: the demo seed and the benches. */
export const STACK_TOOLS = ['deploy'] as const;

export const databaseOf = (service: ServiceName | 'gateway') => `e21_${service}`;
export const DATABASES = [...SERVICES, 'gateway' as const].map(databaseOf);

export interface ProcessSpec {
  name: string;
  entry: string;
  env: Record<string, string>;
  /** Where readiness is checked: a gRPC health target, or the gateway's /readyz. */
  ready: { grpc: string } | { http: string };
}

export function oidcClients(secrets: StackSecrets, publicUrl: string) {
  return [
    {
      client_id: 'e21-web',
      client_secret: secrets.webClientSecret,
      client_name: 'Engagement 21 web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${publicUrl}/auth/callback`],
      post_logout_redirect_uris: [`${publicUrl}/`],
    },
    { client_id: 'e21-cli', client_secret: secrets.cliClientSecret, grant_types: ['password'], response_types: [], redirect_uris: [] },
    {
      client_id: 'e21-integrator-paca',
      client_secret: secrets.integratorClientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

/** IDENTITY_GRPC=127.0.0.1:50051, PROGRAMS_GRPC=... for every service. */
export function serviceTargets(ports: StackPorts): Record<string, string> {
  return Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_GRPC`, `127.0.0.1:${ports.grpc[name]}`]));
}

/** What a service needs beyond the common variables. */
function serviceEnv(name: ServiceName, ports: StackPorts, secrets: StackSecrets, publicUrl: string): Record<string, string> {
  if (name === 'identity') {
    return {
      OIDC_PORT: String(ports.oidc),
      OIDC_ISSUER_URL: `http://localhost:${ports.oidc}`,
      OIDC_CLIENTS_JSON: JSON.stringify(oidcClients(secrets, publicUrl)),
    };
  }
  if (name === 'payroll') return { PAYROLL_VERIFY_URL: `${publicUrl}/verify` };
  return {};
}

export function processSpecs(options: {
  ports: StackPorts;
  secrets: StackSecrets;
  databaseUrl: (name: string) => string;
  natsUrl: string;
  logLevel: string;
}): ProcessSpec[] {
  const { ports, secrets } = options;
  const publicUrl = `http://localhost:${ports.gateway}`;
  const common = { LOG_LEVEL: options.logLevel, METRICS_PORT: '0', ...serviceTargets(ports) };
  const services: ProcessSpec[] = SERVICES.map((name) => ({
    name,
    entry: `services/${name}/dist/main.js`,
    env: {
      ...common,
      ...workloadEnvOf(secrets, name),
      NATS_URL: options.natsUrl,
      NATS_USER: name,
      NATS_PASSWORD: secrets.natsPasswords[name]!,
      DATABASE_URL: options.databaseUrl(databaseOf(name)),
      GRPC_PORT: String(ports.grpc[name]),
      GRPC_HOST: '127.0.0.1',
      ...serviceEnv(name, ports, secrets, publicUrl),
    },
    ready: { grpc: `127.0.0.1:${ports.grpc[name]}` },
  }));
  const gateway: ProcessSpec = {
    name: 'gateway',
    entry: 'gateway/dist/main.js',
    env: {
      ...common,
      WORKLOAD_KEY: workloadEnvOf(secrets, 'gateway').WORKLOAD_KEY,
      DATABASE_URL: options.databaseUrl(databaseOf('gateway')),
      PORT: String(ports.gateway),
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: `http://localhost:${ports.oidc}`,
      OIDC_CLIENT_ID: 'e21-web',
      OIDC_CLIENT_SECRET: secrets.webClientSecret,
    },
    ready: { http: `http://127.0.0.1:${ports.gateway}/readyz` },
  };
  return [...services, gateway];
}
