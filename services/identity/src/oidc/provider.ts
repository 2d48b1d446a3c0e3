// The built-in OpenID Connect provider, backed by identity's people: what Keycloak is in production.
import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { isUuid, type Clock, type Logger, type Pool } from '@e21/kit';
import type { SignInLimits } from '../domain/sign-in-limits.js';
import * as store from '../store/index.js';
import { postgresAdapter } from './adapter.js';
import { authenticate, type Authentication } from './authenticate.js';
import { errorPage, loginPage, LOGOUT_SCRIPT, logoutPage, pickLanguage, type LoginProblem } from './login-page.js';
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
  /** The instant of each sign-in attempt, which the failure limits and lockouts count from. */
  now: Clock;
  secrets: ProviderSecrets;
  clients: Configuration['clients'];
  /** Behind a TLS-terminating proxy (Kubernetes ingress). */
  behindProxy?: boolean;
  limits: SignInLimits;
}

/**
 * Every response of the provider: its pages (login, consent, errors, sign-out) may not be framed by
 * another site, which could overlay them to make a person type their password or click for it
 * (clickjacking), and load nothing from elsewhere. No form-action: the login and sign-out forms end
 * in redirects to the relying party, which browsers would check against it.
 */
const PAGE_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};
const policyText = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
const LOGOUT_POLICY = policyText({
  ...PAGE_POLICY,
  'script-src': [`'sha256-${createHash('sha256').update(LOGOUT_SCRIPT).digest('base64')}'`],
});

function pageSecurityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', policyText(PAGE_POLICY));
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

/** The client address a limit is kept for: an IPv6 client holds a whole /56, so it counts as one. */
const clientAddress = (ip: string | undefined) => ipKeyGenerator(ip ?? '');

/** The password grant's answer to too many failures (oidc-provider turns it into JSON with this status). */
class TooManyAttempts extends errors.OIDCProviderError {
  constructor(retryAfterSeconds: number) {
    super(429, 'too_many_attempts');
    this.error_description = `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`;
  }
}

function configuration(options: ProviderOptions): Configuration {
  return {
    adapter: postgresAdapter(options.pool),
    clients: options.clients,
    jwks: options.secrets.jwks as Configuration['jwks'],
    cookies: { keys: options.secrets.cookieKeys, long: { signed: true, sameSite: 'lax' }, short: { signed: true, sameSite: 'lax' } },
    pkce: { required: () => true },
    // The provider's only key is an EC P-256 key (generated once per deployment).
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
    enabledJWA: { idTokenSigningAlgValues: ['ES256'], userinfoSigningAlgValues: ['ES256'] },
    scopes: ['openid', 'profile', 'email', 'offline_access', API_SCOPE],
    claims: { openid: ['sub'], profile: ['name', 'locale'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, id) => {
      const person = isUuid(id) ? await store.getPerson(options.pool, id) : undefined;
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
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.set('Content-Security-Policy', LOGOUT_POLICY);
          ctx.body = logoutPage(pickLanguage(ctx.get('accept-language')), form);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'ES256' } },
          };
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
      ctx.body = errorPage(pickLanguage(ctx.get('accept-language')), { described: String(out.error_description ?? out.error) });
    },
  };
}

/** The resource owner password grant, as Keycloak's Direct Access Grants: for scripts and tests. */
function registerPasswordGrant(provider: Provider, options: ProviderOptions): void {
  provider.registerGrantType(
    'password',
    async (ctx: KoaContextWithOIDC) => {
      const { username, password } = ctx.oidc.params as { username?: string; password?: string };
      if (!username || !password) throw new errors.InvalidRequest('username and password are required');
      const attempt = { email: username, password, clientAddress: clientAddress(ctx.ip) };
      const result = await authenticate(options.pool, options.limits, attempt, options.now());
      if (!result.ok && result.reason === 'throttled') {
        ctx.set('Retry-After', String(result.retryAfterSeconds));
        throw new TooManyAttempts(result.retryAfterSeconds);
      }
      // The same words for an unknown e-mail, a wrong password and a locked account.
      if (!result.ok) throw new errors.InvalidGrant('wrong username or password');
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
  // Behind the ingress, the client is the address it adds last to X-Forwarded-For: entries before it
  // were sent by the client and would let anyone pick the address their failures are counted for.
  provider.proxy = options.behindProxy ?? false;
  provider.maxIpsCount = 1;
  registerPasswordGrant(provider, options);
  provider.on('server_error', (_ctx, error) => options.logger.error({ err: error }, 'OpenID Connect provider error'));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.behindProxy ? 1 : false);
  app.use(pageSecurityHeaders);

  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.get('/interaction/:uid', async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    res.type('html').send(renderLogin(req, details));
  });

  app.post('/interaction/:uid/login', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const email = String(req.body?.email ?? '');
    const result = await authenticate(
      options.pool,
      options.limits,
      { email, password: String(req.body?.password ?? ''), clientAddress: clientAddress(req.ip) },
      options.now(),
    );
    if (!result.ok) {
      if (result.reason === 'throttled') res.set('Retry-After', String(result.retryAfterSeconds));
      res
        .status(result.reason === 'throttled' ? 429 : 401)
        .type('html')
        .send(renderLogin(req, details, { email, problem: loginProblem(result) }));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: result.personId } }, { mergeWithLastSubmission: false });
  });

  app.use(provider.callback());
  // An interaction that expired or never was (oidc-provider's SessionNotFound, 400) and anything
  // unexpected: the sign-in error page, never Express's default page with its stack trace.
  app.use((error: { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) options.logger.error({ err: error }, 'sign-in page failed');
    res
      .status(status)
      .type('html')
      .send(errorPage(pickLanguage(String(req.query.lang ?? ''), req.get('accept-language')), status === 500 ? 'unexpected' : 'expired'));
  });
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

function loginProblem(refused: Exclude<Authentication, { ok: true }>): LoginProblem {
  return refused.reason === 'throttled' ? { kind: 'tooFast', waitMinutes: Math.ceil(refused.retryAfterSeconds / 60) } : { kind: 'invalid' };
}
