import {
  afterFailedLogin,
  afterPasswordCheck,
  afterSuccessfulLogin,
  hashPassword,
  isLocked,
  LOCKOUT_MINUTES,
  MAX_FAILED_ATTEMPTS,
  verifyPassword,
  type LoginState,
} from './credentials.js';

const start = new Date('2025-03-01T12:00:00Z');
const minutesAfter = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const fresh: LoginState = { failedAttempts: 0, lockedUntil: null };

function failTimes(state: LoginState, times: number, at = start): LoginState {
  let next = state;
  for (let i = 0; i < times; i++) next = afterFailedLogin(next, at);
  return next;
}

describe('lockout', () => {
  it(`does not lock after ${MAX_FAILED_ATTEMPTS - 1} failures in a row`, () => {
    const state = failTimes(fresh, MAX_FAILED_ATTEMPTS - 1);
    expect(state.failedAttempts).toBe(MAX_FAILED_ATTEMPTS - 1);
    expect(isLocked(state, start)).toBe(false);
  });

  it(`locks for ${LOCKOUT_MINUTES} minutes on the ${MAX_FAILED_ATTEMPTS}th failure in a row`, () => {
    const state = failTimes(fresh, MAX_FAILED_ATTEMPTS);
    expect(state.lockedUntil).toEqual(minutesAfter(LOCKOUT_MINUTES));
    expect(isLocked(state, start)).toBe(true);
  });

  it('stays locked until the lock ends and unlocks when it ends', () => {
    const state = failTimes(fresh, MAX_FAILED_ATTEMPTS);
    const end = minutesAfter(LOCKOUT_MINUTES);
    expect(isLocked(state, new Date(end.getTime() - 1))).toBe(true);
    expect(isLocked(state, end)).toBe(false);
    expect(isLocked(state, minutesAfter(LOCKOUT_MINUTES + 1))).toBe(false);
  });

  it('resets failures and lock after a successful sign-in, so failures must be consecutive to lock', () => {
    expect(afterSuccessfulLogin()).toEqual(fresh);
    const afterSuccess = afterSuccessfulLogin();
    const state = failTimes(afterSuccess, MAX_FAILED_ATTEMPTS - 1);
    expect(isLocked(state, start)).toBe(false);
  });

  it('needs a full new run of failures to lock again once a lock has ended', () => {
    const locked = failTimes(fresh, MAX_FAILED_ATTEMPTS);
    const later = minutesAfter(LOCKOUT_MINUTES + 1);
    expect(isLocked(afterFailedLogin(locked, later), later)).toBe(false);
    expect(isLocked(failTimes(locked, MAX_FAILED_ATTEMPTS, later), later)).toBe(true);
  });
});

describe('password hashes', () => {
  // Real scrypt at production cost (about a second each on a slow machine): two hashes and two
  // verifications, run in parallel on libuv's thread pool.
  const SCRYPT_TIMEOUT_MS = 20_000;
  const password = 'correct horse battery staple';
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
  }, SCRYPT_TIMEOUT_MS);

  it(
    'verifies the right password and not a wrong one',
    async () => {
      const [right, wrong] = await Promise.all([verifyPassword(password, first), verifyPassword('correct horse battery stapler', first)]);
      expect(right).toBe(true);
      expect(wrong).toBe(false);
    },
    SCRYPT_TIMEOUT_MS,
  );

  it('salts every hash at random, so two hashes of one password differ', () => {
    expect(first).not.toBe(second);
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
  });

  it('refuses a stored hash that is not a complete scrypt hash', async () => {
    const [scheme, n, r, p, salt] = first.split('$');
    for (const stored of [
      '',
      'not a hash',
      `bcrypt$${n}$${r}$${p}$${salt}$abc`,
      [scheme, n, r, p, salt].join('$'),
      `${[scheme, n, r, p, salt].join('$')}$`,
    ]) {
      expect(await verifyPassword(password, stored)).toBe(false);
    }
  });
});

describe('afterPasswordCheck', () => {
  it('signs in with the right password and clears the failures', () => {
    expect(afterPasswordCheck(failTimes(fresh, 3), true, start)).toEqual({ signedIn: true, next: fresh });
  });

  it('counts a wrong password toward the lockout', () => {
    expect(afterPasswordCheck(failTimes(fresh, 2), false, start)).toEqual({ signedIn: false, next: failTimes(fresh, 3) });
  });

  it('refuses even the right password while locked, and leaves the lock as it was', () => {
    const locked = failTimes(fresh, MAX_FAILED_ATTEMPTS);
    expect(afterPasswordCheck(locked, true, minutesAfter(1))).toEqual({ signedIn: false, next: locked });
    expect(afterPasswordCheck(locked, false, minutesAfter(1))).toEqual({ signedIn: false, next: locked });
  });

  it('signs in with the right password once the lock has passed', () => {
    const locked = failTimes(fresh, MAX_FAILED_ATTEMPTS);
    expect(afterPasswordCheck(locked, true, minutesAfter(LOCKOUT_MINUTES)).signedIn).toBe(true);
  });
});
