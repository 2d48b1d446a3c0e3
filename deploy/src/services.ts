// The processes of the platform, and the environment each one runs with in the local stack.
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface StackPorts {
  gateway: number;
  postgres: number;
  nats: number;
  identityGrpc: number;
  oidc: number;
}

export interface StackSecrets {
  webClientSecret: string;
  cliClientSecret: string;
  integratorClientSecret: string;
}

/** One database per service, plus the gateway's sessions. */
export const DATABASES = { identity: 'e21_identity', gateway: 'e21_gateway' } as const;

export interface ProcessSpec {
  name: string;
  entry: string;
  env: Record<string, string>;
}

export function oidcClients(ports: StackPorts, secrets: StackSecrets, publicUrl: string) {
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
    { client_id: 'e21-integrator-paca', client_secret: secrets.integratorClientSecret, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
  ];
}

export function processSpecs(options: { ports: StackPorts; secrets: StackSecrets; databaseUrl: (name: string) => string; natsUrl: string; logLevel: string; webDistDir?: string }): ProcessSpec[] {
  const { ports, secrets } = options;
  const publicUrl = `http://localhost:${ports.gateway}`;
  const issuer = `http://localhost:${ports.oidc}`;
  const common = { NATS_URL: options.natsUrl, LOG_LEVEL: options.logLevel, METRICS_PORT: '0' };
  return [
    {
      name: 'identity',
      entry: 'services/identity/dist/main.js',
      env: {
        ...common,
        DATABASE_URL: options.databaseUrl(DATABASES.identity),
        GRPC_PORT: String(ports.identityGrpc),
        GRPC_HOST: '127.0.0.1',
        OIDC_PORT: String(ports.oidc),
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENTS_JSON: JSON.stringify(oidcClients(ports, secrets, publicUrl)),
      },
    },
    {
      name: 'gateway',
      entry: 'gateway/dist/main.js',
      env: {
        ...common,
        DATABASE_URL: options.databaseUrl(DATABASES.gateway),
        PORT: String(ports.gateway),
        PUBLIC_URL: publicUrl,
        IDENTITY_GRPC: `127.0.0.1:${ports.identityGrpc}`,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'e21-web',
        OIDC_CLIENT_SECRET: secrets.webClientSecret,
        ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
      },
    },
  ];
}
