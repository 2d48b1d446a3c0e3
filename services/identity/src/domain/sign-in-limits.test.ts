import { attemptKeys, judgeAttempt, type SignInLimits } from './sign-in-limits.js';

const limits: SignInLimits = { failuresPerAddress: 30, failuresPerAccount: 10, windowMinutes: 15 };
const at = new Date('2025-03-01T12:00:00Z');
const secondsAfter = (seconds: number) => new Date(at.getTime() + seconds * 1000);
const counted = (failures: number, closesInSeconds = 600) => ({ failures, windowEnd: secondsAfter(closesInSeconds) });

describe('attemptKeys', () => {
  it('keys the account by the e-mail as typed, whatever its case and surrounding spaces', () => {
    expect(attemptKeys('203.0.113.7', ' Amina@Demo.E21.eu ').account).toBe(attemptKeys('198.51.100.1', 'amina@demo.e21.eu').account);
  });

  it('keeps no e-mail in clear: the table would otherwise list every address anyone typed', () => {
    const keys = attemptKeys('203.0.113.7', 'amina@demo.e21.eu');
    expect(keys.account).not.toContain('amina');
    expect(keys.account).toMatch(/^account:[A-Za-z0-9_-]{43}$/);
    expect(keys.address).toBe('address:203.0.113.7');
  });
});

describe('judgeAttempt', () => {
  it('lets an attempt through up to and including the limit of each counter', () => {
    expect(judgeAttempt(counted(30), counted(10), limits, at)).toEqual({ allowed: true });
  });

  it('stops an attempt past the address limit, whatever the e-mail', () => {
    expect(judgeAttempt(counted(31, 120), counted(1), limits, at)).toEqual({ allowed: false, retryAfterSeconds: 120 });
  });

  it('stops an attempt past the account limit, whatever the address', () => {
    expect(judgeAttempt(counted(1), counted(11, 45), limits, at)).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });

  it('says to wait until both full counters have reopened', () => {
    expect(judgeAttempt(counted(31, 120), counted(11, 700), limits, at)).toEqual({ allowed: false, retryAfterSeconds: 700 });
  });

  it('never says to retry in less than a second, rounding the wait up', () => {
    expect(judgeAttempt(counted(31, 0.2), counted(1), limits, at)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(judgeAttempt(counted(31, 1.5), counted(1), limits, at)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });
});
