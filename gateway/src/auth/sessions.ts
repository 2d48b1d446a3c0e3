// Browser sessions in the gateway's database: an opaque cookie, stored only as a hash.
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '@e21/kit';

export const SESSION_COOKIE = 'e21_session';
/** How long a started sign-in may take (its row and its browser's cookie). */
export const PENDING_SIGN_IN_MINUTES = 15;
const ABSOLUTE_HOURS = 12;
const IDLE_MINUTES = 120;

export interface StoredSession {
  idHash: string;
  personId: string;
  locale: 'en' | 'fr';
  csrfToken: string;
  idToken: string | null;
}

const hash = (id: string) => createHash('sha256').update(id).digest('base64url');

export class SessionStore {
  constructor(private readonly pool: Pool) {}

  /** Creates a session; returns the cookie value, which is never stored. */
  async create(personId: string, locale: 'en' | 'fr', idToken: string | null): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.pool.query(
      `insert into sessions (id_hash, person_id, locale, csrf_token, id_token, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))`,
      [hash(id), personId, locale, randomBytes(24).toString('base64url'), idToken, ABSOLUTE_HOURS],
    );
    return id;
  }

  /** The live session of a cookie value, touching its idle timer. */
  async find(id: string): Promise<StoredSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const { rows } = await this.pool.query<{
      id_hash: string;
      person_id: string;
      locale: 'en' | 'fr';
      csrf_token: string;
      id_token: string | null;
    }>(
      `update sessions set last_seen_at = now()
       where id_hash = $1 and expires_at > now() and last_seen_at > now() - make_interval(mins => $2)
       returning id_hash, person_id, locale, csrf_token, id_token`,
      [hash(id), IDLE_MINUTES],
    );
    const row = rows[0];
    return row && { idHash: row.id_hash, personId: row.person_id, locale: row.locale, csrfToken: row.csrf_token, idToken: row.id_token };
  }

  async setLocale(idHash: string, locale: 'en' | 'fr'): Promise<void> {
    await this.pool.query('update sessions set locale = $2 where id_hash = $1', [idHash, locale]);
  }

  async destroy(idHash: string): Promise<void> {
    await this.pool.query('delete from sessions where id_hash = $1', [idHash]);
  }

  async prune(): Promise<void> {
    await this.pool.query(`delete from sessions where expires_at < now() or last_seen_at < now() - make_interval(mins => $1)`, [
      IDLE_MINUTES,
    ]);
    await this.pool.query(`delete from pending_sign_ins where created_at < now() - make_interval(mins => $1)`, [PENDING_SIGN_IN_MINUTES]);
  }

  async savePendingSignIn(pending: {
    state: string;
    codeVerifier: string;
    nonce: string;
    returnTo: string;
    browserBinding: string;
  }): Promise<void> {
    await this.pool.query(
      'insert into pending_sign_ins (state, code_verifier, nonce, return_to, browser_binding) values ($1, $2, $3, $4, $5)',
      [pending.state, pending.codeVerifier, pending.nonce, pending.returnTo, hash(pending.browserBinding)],
    );
  }

  /**
   * Takes (and forgets) the recent sign-in started with this state by the browser holding this
   * binding. A callback from another browser takes nothing and leaves the sign-in to its owner.
   */
  async takePendingSignIn(
    state: string,
    browserBinding: string,
  ): Promise<{ codeVerifier: string; nonce: string; returnTo: string } | undefined> {
    const { rows } = await this.pool.query<{ code_verifier: string; nonce: string; return_to: string }>(
      `delete from pending_sign_ins where state = $1 and browser_binding = $2 and created_at > now() - make_interval(mins => $3)
       returning code_verifier, nonce, return_to`,
      [state, hash(browserBinding), PENDING_SIGN_IN_MINUTES],
    );
    return rows[0] && { codeVerifier: rows[0].code_verifier, nonce: rows[0].nonce, returnTo: rows[0].return_to };
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    try {
      cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // a malformed cookie is ignored, as if it were absent
    }
  }
  return cookies;
}
