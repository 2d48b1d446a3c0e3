// Passwords (scrypt) and the lockout rule that stops guessing.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

// OWASP's scrypt minimum: N=2^17, r=8, p=1.
const COST = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password and for a stored hash that is not one this module wrote. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  // An empty key would compare equal to an empty result: any password would pass.
  if (expected.length !== KEY_LENGTH) return false;
  try {
    const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), KEY_LENGTH, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: COST.maxmem,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginState, at: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > at;
}

/** After a wrong password: one more failure, and a lock once there have been too many in a row. */
export function afterFailedLogin(state: LoginState, at: Date): LoginState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts < MAX_FAILED_ATTEMPTS) return { failedAttempts, lockedUntil: state.lockedUntil };
  return { failedAttempts: 0, lockedUntil: new Date(at.getTime() + LOCKOUT_MINUTES * 60_000) };
}

export const afterSuccessfulLogin = (): LoginState => ({ failedAttempts: 0, lockedUntil: null });

/**
 * What an attempt decides once its password was checked. A locked account refuses even the right
 * password, and does not count the attempt (the lock does not grow while someone keeps trying). The
 * caller answers this refusal exactly as a wrong password or an unknown e-mail: nobody learns from
 * the answer that an account exists or is locked.
 */
export function afterPasswordCheck(state: LoginState, passwordMatches: boolean, at: Date): { signedIn: boolean; next: LoginState } {
  if (isLocked(state, at)) return { signedIn: false, next: state };
  if (!passwordMatches) return { signedIn: false, next: afterFailedLogin(state, at) };
  return { signedIn: true, next: afterSuccessfulLogin() };
}
