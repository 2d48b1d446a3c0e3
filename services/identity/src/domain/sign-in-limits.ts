// How many failed sign-ins a client address and an e-mail may make before they are told to wait.
import { createHash } from 'node:crypto';

export interface SignInLimits {
  /** Failed sign-ins one client address may make per window, at any accounts (password spraying). */
  failuresPerAddress: number;
  /** Failed sign-ins at one e-mail per window, from any address (guessing one person's password). */
  failuresPerAccount: number;
  windowMinutes: number;
}

/** A counter's value after this attempt was added to it, and when its window closes. */
export interface Counted {
  failures: number;
  windowEnd: Date;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The counters an attempt is added to. They are keyed by what the attempt sent, never by whether an
 * account has that e-mail, so that being told to wait says nothing about who has an account. The
 * e-mail is kept as a hash: the table would otherwise list every address anyone typed.
 */
export function attemptKeys(clientAddress: string, email: string): { address: string; account: string } {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  return { address: `address:${clientAddress}`, account: `account:${account}` };
}

/** Whether an attempt may go on, given both counters with it already added. */
export function judgeAttempt(address: Counted, account: Counted, limits: SignInLimits, at: Date): Verdict {
  const over = [
    address.failures > limits.failuresPerAddress ? address : undefined,
    account.failures > limits.failuresPerAccount ? account : undefined,
  ].filter((counted): counted is Counted => counted !== undefined);
  if (over.length === 0) return { allowed: true };
  const opens = Math.max(...over.map((counted) => counted.windowEnd.getTime()));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((opens - at.getTime()) / 1000)) };
}
