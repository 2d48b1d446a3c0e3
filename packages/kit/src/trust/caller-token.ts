// Caller tokens: a short-lived JWT (EdDSA) a workload signs for one callee, naming on whose behalf it
// calls. The callee believes the caller only from a token it verified; metadata alone names no one.
import { sign, verify } from 'node:crypto';
import { formatCaller, parseCaller, type Caller } from '../caller.js';
import { refusal, type RefusalValue } from '../errors.js';
import type { Trust, WorkloadKey } from './workload-keys.js';

/** How long a token lives: long enough to be reused for a while, short enough to be worthless once leaked. */
export const CALLER_TOKEN_TTL_S = 120;
/** Clock difference tolerated between two pods. */
const CLOCK_SKEW_S = 5;
const ANONYMOUS = 'anonymous';

export interface CallerClaims {
  /** The workload that signed. */
  iss: string;
  /** "person:<id>", "client:<id>", "system:<workload>" or "anonymous". */
  sub: string;
  /** The one service this token is for. */
  aud: string;
  iat: number;
  exp: number;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signCallerToken(key: WorkloadKey, caller: Caller | undefined, audience: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url({ alg: 'EdDSA', typ: 'JWT', kid: key.kid });
  const claims: CallerClaims = {
    iss: key.workload,
    sub: caller ? formatCaller(caller) : ANONYMOUS,
    aud: audience,
    iat,
    exp: iat + CALLER_TOKEN_TTL_S,
  };
  const signingInput = `${header}.${base64url(claims)}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), key.privateKey).toString('base64url')}`;
}

const unauthenticated = (message: string) => refusal('unauthenticated', 'unauthenticated', message);

/**
 * The caller a token names, if the token is genuine, for this audience, current, and its signer may
 * name that caller; otherwise a refusal saying why. `undefined` is an anonymous call by a workload.
 */
export function verifyCallerToken(
  token: string,
  trust: Trust,
  audience: string,
  nowMs: number,
): { caller: Caller | undefined; claims: CallerClaims } | RefusalValue {
  const parts = token.split('.');
  if (parts.length !== 3) return unauthenticated('The caller token is not a JWT');
  const [header, payload, signature] = parts as [string, string, string];
  const head = decodePart(header) as { alg?: string; kid?: string } | undefined;
  if (!head || head.alg !== 'EdDSA' || typeof head.kid !== 'string')
    return unauthenticated('The caller token must be signed with EdDSA and name its key');
  const key = trust.keyOf(head.kid);
  if (!key) return unauthenticated('The caller token is signed by a key this service does not trust');
  if (!verify(null, Buffer.from(`${header}.${payload}`), key.publicKey, Buffer.from(signature, 'base64url'))) {
    return unauthenticated('The caller token signature is not valid');
  }
  const claims = decodePart(payload) as Partial<CallerClaims> | undefined;
  if (!claims || typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || typeof claims.iat !== 'number')
    return unauthenticated('The caller token claims are malformed');
  if (claims.iss !== key.workload) return unauthenticated('The caller token names another issuer than its key');
  if (claims.aud !== audience) return unauthenticated(`The caller token is for ${String(claims.aud)}, not ${audience}`);
  const now = nowMs / 1000;
  if (claims.exp < now - CLOCK_SKEW_S) return unauthenticated('The caller token has expired');
  if (claims.iat > now + CLOCK_SKEW_S || claims.exp - claims.iat > CALLER_TOKEN_TTL_S)
    return unauthenticated('The caller token lives longer than allowed');
  const caller = claims.sub === ANONYMOUS ? undefined : parseCaller(claims.sub);
  if (claims.sub !== ANONYMOUS && !caller) return unauthenticated('The caller token names no caller');
  const denied = mayName(key.workload, caller, trust);
  if (denied) return denied;
  return { caller, claims: claims as CallerClaims };
}

/** A workload calls as itself; only delegates (the gateway) call for a person or an integration client. */
function mayName(workload: string, caller: Caller | undefined, trust: Trust): RefusalValue | undefined {
  if (!caller) return undefined;
  if (caller.kind === 'system')
    return caller.service === workload ? undefined : unauthenticated(`${workload} may not call as system:${caller.service}`);
  return trust.isDelegate(workload) ? undefined : unauthenticated(`${workload} may not call on behalf of a ${caller.kind}`);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
