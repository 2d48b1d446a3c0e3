// The built-in OpenID Connect provider, backed by identity's people: what Keycloak is in production.
import express, { type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import Provider, { errors, type Configuration } from 'oidc-provider';
import type { Logger, Pool } from '@e21/kit';
import * as store from '../store.js';
import { postgresAdapter } from './adapter.js';
import { authenticate } from './authenticate.js';
import { loginPage, logoutPage, pickLanguage, type LoginProblem } from './login-page.js';
import type { ProviderSecrets } from './secrets.js';

/** The audience of access tokens for the platform's API (the gateway checks it). */
export const API_AUDIENCE = 'urn:e21:api';
const API_SCOPE = 'api';
/** Clients of the platform itself: people are not asked to consent to them. */
const FIRST_PARTY = new Set(['e21-web', 'e21-cli']);

export interface ProviderOptions {
  issuer: string;
  pool: Pool;
  logger: Logger;
  secrets: ProviderSecrets;
  clients: Configuration['clients'];
  /** Behind a TLS-terminating proxy (Kubernetes ingress). */
  behindProxy?: boolean;
}

function configuration(options: ProviderOptions): Configuration {
  return {
    adapter: postgresAdapter(options.pool),
    clients: options.clients,
    jwks: options.secrets.jwks as Configuration['jwks'],
    cookies: { keys: options.secrets.cookieKeys, long: { signed: true, sameSite: 'lax' }, short: { signed: true, sameSite: 'lax' } },
    pkce: { required: () => true },
    // The provider's only key is an EC P-256 key (generated once per deployment).
    clientDefaults: { grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'ES256' },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'], userinfoSigningAlgValues: ['ES256'] },
    scopes: ['openid', 'profile', 'email', 'offline_access', API_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'locale'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, id) => {
      const person = /^[0-9a-f-]{36}$/i.test(id) ? await store.getPerson(options.pool, id) : undefined;
      if (!person) return undefined;
      return {
        accountId: person.id,
        claims: () => ({ sub: person.id, name: person.name, locale: person.locale, email: person.email, email_verified: true }),
      };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: (ctx, form) => {
        ctx.body = logoutPage(pickLanguage(ctx.get('accept-language')), form);
      } },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_AUDIENCE) throw new errors.InvalidTarget();
          return { scope: API_SCOPE, audience: API_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'ES256' } } };
        },
      },
    },
    // Integrating bodies (client credentials) are told apart from people by this claim; the
    // Keycloak realm adds the same claim to its integration clients with a hardcoded mapper.
    extraTokenClaims: (_ctx, token) => (token.kind === 'ClientCredentials' ? { e21_kind: 'client' } : undefined),
    loadExistingGrant: async (ctx) => {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!FIRST_PARTY.has(clientId)) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addResourceScope(API_AUDIENCE, API_SCOPE);
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 3600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 14 * 24 * 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign-in error</title><main><h1>Sign-in error</h1><p>${String(out.error_description ?? out.error).replace(/[<>&]/g, '')}</p></main></html>`;
    },
  };
}

/** The resource owner password grant, as Keycloak's Direct Access Grants: for scripts and tests. */
function registerPasswordGrant(provider: Provider, pool: Pool): void {
  provider.registerGrantType(
    'password',
    async (ctx) => {
      const { username, password } = ctx.oidc.params as { username?: string; password?: string };
      if (!username || !password) throw new errors.InvalidRequest('username and password are required');
      const result = await authenticate(pool, username, password);
      if (!result.ok) throw new errors.InvalidGrant(result.reason === 'locked' ? 'account locked after repeated failures' : 'wrong username or password');
      const client = ctx.oidc.client!;
      const grant = new provider.Grant({ clientId: client.clientId, accountId: result.personId });
      grant.addResourceScope(API_AUDIENCE, API_SCOPE);
      await grant.save();
      const token = new provider.AccessToken({
        accountId: result.personId,
        client,
        grantId: grant.jti,
        gty: 'password',
        scope: API_SCOPE,
        resourceServer: new provider.ResourceServer(API_AUDIENCE, {
          scope: API_SCOPE,
          audience: API_AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'ES256' } },
        }),
      });
      ctx.body = { access_token: await token.save(), expires_in: token.expiration, token_type: 'Bearer', scope: token.scope };
    },
    ['username', 'password', 'scope'],
  );
}

/** The provider's HTTP application: login pages first, then everything oidc-provider serves. */
export function createProviderApp(options: ProviderOptions): express.Express {
  const provider = new Provider(options.issuer, configuration(options));
  provider.proxy = options.behindProxy ?? false;
  registerPasswordGrant(provider, options.pool);
  provider.on('server_error', (_ctx, error) => options.logger.error({ err: error }, 'OpenID Connect provider error'));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.behindProxy ?? false);
  const loginAttempts = rateLimit({ windowMs: 60_000, limit: 10, standardHeaders: 'draft-8', legacyHeaders: false, handler: (req, res) => tooFast(provider, req, res) });

  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/interaction/:uid', async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    res.type('html').send(renderLogin(req, details));
  });

  app.post('/interaction/:uid/login', loginAttempts, express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const email = String(req.body?.email ?? '');
    const result = await authenticate(options.pool, email, String(req.body?.password ?? ''));
    if (!result.ok) {
      res.status(result.reason === 'locked' ? 423 : 401).type('html').send(renderLogin(req, details, { email, problem: result.reason }));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: result.personId } }, { mergeWithLastSubmission: false });
  });

  app.use(provider.callback());
  return app;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

function renderLogin(req: Request, details: Details, state: { email?: string; problem?: LoginProblem } = {}): string {
  const language = pickLanguage(String(req.query.lang ?? ''), String(details.params.ui_locales ?? ''), req.get('accept-language'));
  const other = language === 'en' ? 'fr' : 'en';
  return loginPage({
    language,
    action: `/interaction/${details.uid}/login${language === 'fr' ? '?lang=fr' : ''}`,
    email: state.email,
    problem: state.problem,
    otherLanguageHref: `/interaction/${details.uid}?lang=${other}`,
  });
}

async function tooFast(provider: Provider, req: Request, res: Response): Promise<void> {
  const details = await provider.interactionDetails(req, res).catch(() => undefined);
  if (!details) {
    res.status(429).send('Too many attempts');
    return;
  }
  res.status(429).type('html').send(renderLogin(req, details, { problem: 'tooFast' }));
}
