// The identity service's parts, assembled for startService (main.ts, tests and the local stack).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bind, serviceEnv, systemClock, type Component, type ServiceSpec } from '@e21/kit';
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { identityHandlers } from './grpc/index.js';
import { pruneExpiredPayloads } from './oidc/adapter.js';
import { pruneSignInFailures } from './oidc/sign-in-failures.js';
import { createProviderApp } from './oidc/provider.js';
import { loadProviderSecrets } from './oidc/secrets.js';
import { loadShippedTaxonomy } from './skills/taxonomy.js';
import * as store from './store/index.js';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const identityEnv = {
  OIDC_PROVIDER_ENABLED: flag.default(true).describe('serve the built-in OpenID Connect provider (false when Keycloak is the issuer)'),
  OIDC_ISSUER_URL: z.string().url().default('http://localhost:4000').describe('public URL of the built-in provider, its issuer'),
  OIDC_PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe('port of the built-in provider'),
  OIDC_HOST: z.string().default('0.0.0.0').describe('address the built-in provider binds'),
  OIDC_CLIENTS_JSON: z
    .string()
    .default('[]')
    .describe('JSON array of OAuth client metadata (client_id, client_secret, grant_types, redirect_uris...)'),
  OIDC_JWKS: z.string().optional().describe('JSON Web Key Set the provider signs with; generated and stored in the database when unset'),
  OIDC_COOKIE_KEYS: z.string().optional().describe('comma-separated keys signing the provider cookies; generated when unset'),
  OIDC_BEHIND_PROXY: flag.default(false).describe('behind one proxy (the ingress): trust the X-Forwarded-* headers it sets'),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('failed sign-ins a client address may make per window (login page and password grant)'),
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('failed sign-ins at one e-mail per window, from any address'),
  SIGN_IN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(15)
    .describe('window of the failed sign-in limits, from the first failure of a counter'),
};

export type IdentityConfig = z.infer<z.ZodObject<typeof serviceEnv & typeof identityEnv>>;

export const identityConfigSchema = { ...serviceEnv, ...identityEnv };

/** The provider's HTTP listener, with a periodic clean-up of expired records. */
function providerComponent(
  config: IdentityConfig,
  app: ReturnType<typeof createProviderApp>,
  pool: Parameters<typeof pruneExpiredPayloads>[0],
): Component & { port(): number } {
  let server: Server | undefined;
  let pruning: NodeJS.Timeout | undefined;
  return {
    async start() {
      server = createServer(app);
      await new Promise<void>((resolve) => server!.listen(config.OIDC_PORT, config.OIDC_HOST, resolve));
      pruning = setInterval(() => {
        void pruneExpiredPayloads(pool).catch(() => undefined);
        void pruneSignInFailures(pool).catch(() => undefined);
      }, 10 * 60_000);
      pruning.unref();
    },
    async stop() {
      clearInterval(pruning);
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
    },
    port: () => (server?.address() as AddressInfo | null)?.port ?? 0,
  };
}

export const identitySpec: ServiceSpec<IdentityConfig> = {
  name: 'identity',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  async build({ config, pool, logger }) {
    await store.upsertSkills(pool, await loadShippedTaxonomy());
    const components: Component[] = [];
    if (config.OIDC_PROVIDER_ENABLED) {
      const secrets = await loadProviderSecrets(pool, { jwks: config.OIDC_JWKS, cookieKeys: config.OIDC_COOKIE_KEYS });
      const app = createProviderApp({
        issuer: config.OIDC_ISSUER_URL,
        pool,
        logger,
        now: systemClock,
        secrets,
        clients: JSON.parse(config.OIDC_CLIENTS_JSON),
        behindProxy: config.OIDC_BEHIND_PROXY,
        limits: {
          failuresPerAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
          failuresPerAccount: config.SIGN_IN_FAILURES_PER_ACCOUNT,
          windowMinutes: config.SIGN_IN_WINDOW_MINUTES,
        },
      });
      components.push(providerComponent(config, app, pool));
    }
    const ownIssuer = config.OIDC_PROVIDER_ENABLED ? config.OIDC_ISSUER_URL : undefined;
    return { bindings: [bind(IdentityServiceService, identityHandlers({ pool, logger, now: systemClock, ownIssuer }))], components };
  },
};
