// Finds the actor of a request: a browser session cookie, or a bearer access token.
import type { Request, Response } from 'express';
import { Refused, systemCaller, type ServiceClient } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import type { Actor } from './actor.js';
import type { Issuer } from './issuer.js';
import { parseCookies, SESSION_COOKIE, type SessionStore } from './sessions.js';

const GATEWAY = systemCaller('gateway');
const RESOLVED_TTL_MS = 60_000;
const RESOLVED_MAX = 10_000;

/** A person as resolved from an issuer's subject, kept briefly so a token does not cost a call per request. */
interface Resolved {
  personId: string;
  locale: 'en' | 'fr';
  until: number;
}

export class Authenticator {
  private readonly resolved = new Map<string, Resolved>();

  constructor(
    private readonly sessions: SessionStore,
    private readonly issuer: Issuer,
    private readonly identity: ServiceClient<typeof IdentityServiceService>,
  ) {}

  async actorOf(req: Request, res: Response): Promise<Actor | undefined> {
    if (res.locals.actor) return res.locals.actor as Actor;
    const actor = (await this.bearerActor(req)) ?? (await this.sessionActor(req));
    res.locals.actor = actor;
    return actor;
  }

  private async sessionActor(req: Request): Promise<Actor | undefined> {
    const cookie = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!cookie) return undefined;
    const session = await this.sessions.find(cookie);
    if (!session) return undefined;
    return {
      kind: 'person',
      personId: session.personId,
      locale: session.locale,
      via: 'session',
      session: { idHash: session.idHash, csrfToken: session.csrfToken, idToken: session.idToken },
    };
  }

  private async bearerActor(req: Request): Promise<Actor | undefined> {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/.exec(header);
    if (!match || match[1]!.length > 8192) throw new Refused('unauthenticated', 'invalid_token', 'Authorization must be "Bearer <token>"');
    const claims = await this.issuer.verifyAccessToken(match[1]!);
    if (claims.e21_kind === 'client') {
      const clientId = String(claims.client_id ?? claims.azp ?? '');
      if (!clientId) throw new Refused('unauthenticated', 'invalid_token', 'The client token names no client');
      return { kind: 'client', clientId, via: 'bearer' };
    }
    if (!claims.sub || !claims.iss) throw new Refused('unauthenticated', 'invalid_token', 'The token names no subject');
    const person = await this.resolve(claims.iss, claims.sub, claims);
    return { kind: 'person', personId: person.personId, locale: person.locale, via: 'bearer' };
  }

  private async resolve(issuer: string, subject: string, claims: Record<string, unknown>): Promise<Resolved> {
    const key = `${issuer} ${subject}`;
    const cached = this.resolved.get(key);
    if (cached && cached.until > Date.now()) return cached;
    const { person } = await this.identity.resolveSubject(
      {
        issuer,
        subject,
        email: String(claims.email ?? ''),
        name: String(claims.name ?? ''),
        locale: String(claims.locale ?? ''),
        emailVerified: claims.email_verified === true,
      },
      { caller: GATEWAY },
    );
    const resolved: Resolved = { personId: person!.id, locale: person!.locale === 'fr' ? 'fr' : 'en', until: Date.now() + RESOLVED_TTL_MS };
    if (this.resolved.size >= RESOLVED_MAX) this.resolved.clear();
    this.resolved.set(key, resolved);
    return resolved;
  }

  /** Forgets what is cached about a person (after they change their locale). */
  forget(personId: string): void {
    for (const [key, value] of this.resolved) if (value.personId === personId) this.resolved.delete(key);
  }

  /**
   * Cookie-authenticated writes must carry the session's CSRF token, which a page of another
   * site cannot read; bearer requests carry no ambient credentials and need none.
   */
  checkCsrf(req: Request, actor: Actor): void {
    if (actor.kind !== 'person' || actor.via !== 'session') return;
    if (req.get('x-csrf-token') !== actor.session.csrfToken) {
      throw new Refused('forbidden', 'csrf_failed', 'Send the X-CSRF-Token header given by GET /auth/session');
    }
  }
}
