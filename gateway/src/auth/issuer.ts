// The OpenID Connect issuer as the gateway sees it: sign-in for browsers, JWKS for bearer tokens.
import * as oidc from 'openid-client';
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTPayload } from 'jose';
import { Refused, tracedFetch, type Logger } from '@e21/kit';

export interface IssuerSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Audience access tokens must carry (the built-in provider's is urn:e21:api). */
  audience: string;
  /** Where the issuer sends the browser back: <public URL>/auth/callback */
  redirectUri: string;
  postLogoutRedirectUri: string;
}

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

export class Issuer {
  private configuration: Promise<oidc.Configuration> | undefined;
  private keys: { jwks: ReturnType<typeof createRemoteJWKSet>; issuer: string } | undefined;
  /** Tokens already verified, until they expire (at most a minute): a token is checked once, not per request. */
  private readonly verified = new Map<string, { payload: JWTPayload; until: number }>();
  private readonly fetch = tracedFetch('gateway');

  constructor(
    private readonly settings: IssuerSettings,
    private readonly logger: Logger,
  ) {}

  /** Discovery, retried on the next call if the issuer was not reachable. */
  config(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        [oidc.customFetch]: this.fetch,
        execute: this.settings.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.logger.warn({ err: error }, 'OpenID Connect discovery failed');
        throw new Refused('unavailable', 'service_unavailable', 'The sign-in service is not reachable');
      });
    return this.configuration;
  }

  async ready(): Promise<boolean> {
    return this.config().then(
      () => true,
      () => false,
    );
  }

  private async issuerKeys() {
    if (this.keys) return this.keys;
    const metadata = (await this.config()).serverMetadata();
    if (!metadata.jwks_uri) throw new Refused('unavailable', 'service_unavailable', 'The issuer publishes no keys');
    this.keys = {
      jwks: createRemoteJWKSet(new URL(metadata.jwks_uri), { [customFetch]: this.fetch, cooldownDuration: 30_000 }),
      issuer: metadata.issuer,
    };
    return this.keys;
  }

  async tokenEndpoint(): Promise<string> {
    const endpoint = (await this.config()).serverMetadata().token_endpoint;
    if (!endpoint) throw new Refused('unavailable', 'service_unavailable', 'The issuer has no token endpoint');
    return endpoint;
  }

  async authorizationUrl(state: string, codeVerifier: string, nonce: string, language: string): Promise<URL> {
    const config = await this.config();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ui_locales: language,
    });
  }

  /** Exchanges the code the browser came back with; returns the ID token and its claims. */
  async finishSignIn(callbackUrl: URL, expectedState: string, codeVerifier: string, expectedNonce: string) {
    const tokens = await oidc.authorizationCodeGrant(await this.config(), callbackUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedState,
      expectedNonce,
    });
    const claims = tokens.claims();
    if (!claims) throw new Refused('unauthenticated', 'sign_in_failed', 'The issuer returned no ID token');
    return { idToken: tokens.id_token ?? null, claims };
  }

  async endSessionUrl(idToken: string | null): Promise<URL | undefined> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }

  /** Verifies a bearer access token's signature, issuer, audience and expiry. */
  async verifyAccessToken(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known && known.until > Date.now()) return known.payload;
    const keys = await this.issuerKeys();
    try {
      const { payload } = await jwtVerify(token, keys.jwks, { issuer: keys.issuer, audience: this.settings.audience });
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, { payload, until: Math.min(Date.now() + VERIFIED_TTL_MS, (payload.exp ?? 0) * 1000) });
      return payload;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      // The keys could not be fetched: not the caller's fault, and not a verdict on the token.
      if (code === 'ERR_JWKS_TIMEOUT' || !code.startsWith('ERR_J'))
        throw new Refused('unavailable', 'service_unavailable', 'The issuer keys are not reachable');
      throw new Refused('unauthenticated', 'invalid_token', 'The bearer token is not valid');
    }
  }
}
