// Browser sign-in and sign-out through the OpenID Connect code flow with PKCE.
import { randomBytes } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import * as oidc from 'openid-client';
import { Refused, systemCaller, type Logger, type ServiceClient } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { Authenticator } from './authenticator.js';
import type { Issuer } from './issuer.js';
import { parseCookies, PENDING_SIGN_IN_MINUTES, SESSION_COOKIE, type SessionStore } from './sessions.js';

export interface AuthRouteDeps {
  issuer: Issuer;
  sessions: SessionStore;
  authenticator: Authenticator;
  identity: ServiceClient<typeof IdentityServiceService>;
  publicUrl: URL;
  logger: Logger;
}

/** Only paths of this site: an open redirect would hand the session to another site. */
export function safeReturnTo(value: unknown): string {
  const text = typeof value === 'string' ? value : '/';
  // Backslashes and control characters are read as slashes or dropped by some URL parsers.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const local = text.startsWith('/') && !text.startsWith('//') && !/[\\\u0000-\u001f\u007f]/.test(text);
  return local && text.length < 500 ? text : '/';
}

const BROWSER_BINDING = /^[A-Za-z0-9_-]{43}$/;

export function registerAuthRoutes(app: Express, deps: AuthRouteDeps): void {
  const secure = deps.publicUrl.protocol === 'https:';
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  // Over https the __Host- prefix makes browsers refuse this cookie from a sibling subdomain, which
  // could otherwise plant its own binding and finish a sign-in it started (cookie tossing).
  const signInCookie = secure ? '__Host-e21_sign_in' : 'e21_sign_in';

  /**
   * Login CSRF: the state alone proves only that someone started this sign-in, so an attacker could
   * send a victim to the callback of their own sign-in and sign the victim in as them. A sign-in is
   * therefore bound to the browser that started it: /auth/login gives it a random value in an
   * HttpOnly cookie (only its hash is stored with the state, PKCE verifier and nonce) and the callback
   * finishes only the sign-in started with that cookie. One value serves every sign-in a browser
   * starts at once (two tabs), and the callback ends it: each binding finishes one sign-in.
   */
  app.get('/auth/login', async (req: Request, res: Response) => {
    const held = parseCookies(req.headers.cookie)[signInCookie];
    const browserBinding = held && BROWSER_BINDING.test(held) ? held : randomBytes(32).toString('base64url');
    const state = oidc.randomState();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    await deps.sessions.savePendingSignIn({ state, codeVerifier, nonce, returnTo: safeReturnTo(req.query.returnTo), browserBinding });
    const language = req.acceptsLanguages('en', 'fr') === 'fr' ? 'fr' : 'en';
    res.cookie(signInCookie, browserBinding, { ...cookieOptions, maxAge: PENDING_SIGN_IN_MINUTES * 60_000 });
    res.redirect(303, (await deps.issuer.authorizationUrl(state, codeVerifier, nonce, language)).toString());
  });

  app.get('/auth/callback', async (req: Request, res: Response) => {
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    const browserBinding = parseCookies(req.headers.cookie)[signInCookie] ?? '';
    res.clearCookie(signInCookie, cookieOptions);
    const pending =
      state && BROWSER_BINDING.test(browserBinding) ? await deps.sessions.takePendingSignIn(state, browserBinding) : undefined;
    if (!pending)
      throw new Refused(
        'invalid',
        'sign_in_expired',
        'This sign-in expired, was already used or was started in another browser; start again',
      );
    const callbackUrl = new URL(req.originalUrl, deps.publicUrl);
    const { idToken, claims } = await deps.issuer
      .finishSignIn(callbackUrl, state, pending.codeVerifier, pending.nonce)
      .catch((error: unknown) => {
        if (error instanceof Refused) throw error;
        deps.logger.warn({ err: error }, 'sign-in callback refused');
        throw new Refused('unauthenticated', 'sign_in_failed', 'The sign-in could not be completed; start again');
      });
    const { person } = await deps.identity.resolveSubject(
      {
        issuer: String(claims.iss),
        subject: claims.sub,
        email: String(claims.email ?? ''),
        name: String(claims.name ?? ''),
        locale: String(claims.locale ?? ''),
        emailVerified: claims.email_verified === true,
      },
      { caller: systemCaller('gateway') },
    );
    const sessionId = await deps.sessions.create(person!.id, person!.locale === 'fr' ? 'fr' : 'en', idToken);
    res.cookie(SESSION_COOKIE, sessionId, { ...cookieOptions, maxAge: 12 * 3600_000 });
    res.redirect(303, pending.returnTo);
  });

  app.get('/auth/session', async (req: Request, res: Response) => {
    const actor = await deps.authenticator.actorOf(req, res);
    res.set('Cache-Control', 'no-store');
    if (actor?.kind === 'person' && actor.via === 'session') {
      res.json({ authenticated: true, csrfToken: actor.session.csrfToken, personId: actor.personId });
    } else {
      res.json({ authenticated: false, csrfToken: null, personId: null });
    }
  });

  app.post('/auth/logout', async (req: Request, res: Response) => {
    const actor = await deps.authenticator.actorOf(req, res);
    let endSession: URL | undefined;
    if (actor?.kind === 'person' && actor.via === 'session') {
      deps.authenticator.checkCsrf(req, actor);
      await deps.sessions.destroy(actor.session.idHash);
      endSession = await deps.issuer.endSessionUrl(actor.session.idToken).catch(() => undefined);
    }
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.json({ signedOut: true, endSessionUrl: endSession?.toString() ?? null });
  });
}
