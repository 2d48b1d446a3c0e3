// Checks an e-mail and password for the login page and the password grant: one answer, after the same
// work, for an unknown e-mail, a wrong password and a locked account; failures limited per client
// address and per e-mail in counters every replica shares.
import { withTransaction, type Pool } from '@e21/kit';
import { afterPasswordCheck, hashPassword, verifyPassword } from '../domain/credentials.js';
import { attemptKeys, judgeAttempt, type SignInLimits } from '../domain/sign-in-limits.js';
import * as store from '../store/index.js';
import { countAttempt, uncountAttempt } from './sign-in-failures.js';

export type Authentication =
  | { ok: true; personId: string }
  /** An unknown e-mail, a wrong password or a locked account: one refusal for the three, on purpose. */
  | { ok: false; reason: 'refused' }
  /** Too many failures from this address or at this e-mail: wait, whatever the password. */
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface Attempt {
  email: string;
  password: string;
  /** The client's address as the provider sees it (behind a proxy, what the proxy reports). */
  clientAddress: string;
}

// Compared against when there is no password to compare with, so that every refusal costs one scrypt.
const decoyHash = hashPassword('not a password of anyone');
const NOBODY = '00000000-0000-0000-0000-000000000000';
const MAX_PASSWORD_LENGTH = 200;

export async function authenticate(pool: Pool, limits: SignInLimits, attempt: Attempt, at: Date): Promise<Authentication> {
  const keys = attemptKeys(attempt.clientAddress, attempt.email);
  // Counted as a failure before the password is checked and given back if it signs in: attempts sent
  // at once cannot all pass the limit before the first of them is recorded.
  const counted = await countAttempt(pool, [keys.address, keys.account], limits.windowMinutes, at);
  const verdict = judgeAttempt(counted.get(keys.address)!, counted.get(keys.account)!, limits, at);
  // Refusing here before any password work is safe: the counters are keyed by what was sent, the same
  // for an e-mail nobody has as for a real one, so a quick "wait" tells nothing about an account.
  if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
  const personId = await checkPassword(pool, attempt.email, attempt.password, at);
  if (!personId) return { ok: false, reason: 'refused' };
  await uncountAttempt(pool, [keys.address, keys.account], at);
  return { ok: true, personId };
}

/**
 * The person this password signs in, if any. Every path does the same work: one scrypt computation
 * (against a decoy hash when there is nothing to compare with), then one short transaction that
 * applies the lockout rule. A locked account is checked like any other and refused afterwards, so it
 * is not the quick answer it used to be (~5 ms against ~400 ms).
 */
async function checkPassword(pool: Pool, email: string, password: string, at: Date): Promise<string | undefined> {
  const person = email.length <= 254 ? await store.findPersonByEmail(pool, email.trim()) : undefined;
  const personId = person?.id ?? NOBODY;
  const credentials = await store.getCredentials(pool, personId);
  const comparable = credentials !== undefined && password.length <= MAX_PASSWORD_LENGTH;
  const matches = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), comparable ? credentials.passwordHash : await decoyHash);
  // The slow hash runs outside the transaction: the credentials row is locked for milliseconds only.
  return withTransaction(pool, async (tx) => {
    const current = await store.getCredentials(tx, personId, { forUpdate: true });
    // A password changed while this one was being checked is judged at the next attempt.
    if (!comparable || !current || current.passwordHash !== credentials.passwordHash) return undefined;
    const { signedIn, next } = afterPasswordCheck(current, matches, at);
    if (next.failedAttempts !== current.failedAttempts || next.lockedUntil?.getTime() !== current.lockedUntil?.getTime()) {
      await store.saveLoginState(tx, personId, next);
    }
    return signedIn ? personId : undefined;
  });
}
