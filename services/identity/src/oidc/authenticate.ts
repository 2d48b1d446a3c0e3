// Checks an email and password against identity's credentials, counting failures toward a lockout.
import { withTransaction, type Pool } from '@e21/kit';
import { afterFailedLogin, afterSuccessfulLogin, hashPassword, isLocked, verifyPassword } from '../domain/credentials.js';
import * as store from '../store.js';

export type Authentication = { ok: true; personId: string } | { ok: false; reason: 'invalid' | 'locked' };

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const decoyHash = hashPassword('not a password of anyone');

export async function authenticate(pool: Pool, email: string, password: string, at = new Date()): Promise<Authentication> {
  const person = email.length <= 254 ? await store.findPersonByEmail(pool, email.trim()) : undefined;
  if (!person) {
    await verifyPassword(password, await decoyHash);
    return { ok: false, reason: 'invalid' };
  }
  return withTransaction(pool, async (tx) => {
    const credentials = await store.getCredentials(tx, person.id, { forUpdate: true });
    if (!credentials) return { ok: false, reason: 'invalid' };
    if (isLocked(credentials, at)) return { ok: false, reason: 'locked' };
    if (password.length > 200 || !(await verifyPassword(password, credentials.passwordHash))) {
      const next = afterFailedLogin(credentials, at);
      await store.saveLoginState(tx, person.id, next);
      return { ok: false, reason: isLocked(next, at) ? 'locked' : 'invalid' };
    }
    if (credentials.failedAttempts > 0 || credentials.lockedUntil) await store.saveLoginState(tx, person.id, afterSuccessfulLogin());
    return { ok: true, personId: person.id };
  });
}
