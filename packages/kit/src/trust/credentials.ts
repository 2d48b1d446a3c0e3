// The two ends of an authenticated call: a workload's credentials sign tokens for the callees it
// calls; a service's verifier reads the caller from the token of each call it serves.
import type { Metadata } from '@grpc/grpc-js';
import { formatCaller, type Caller } from '../caller.js';
import { Refused, isRefusal } from '../errors.js';
import { CALLER_TOKEN_TTL_S, signCallerToken, verifyCallerToken } from './caller-token.js';
import { parseTrust, parseWorkloadKey, type Trust, type WorkloadKey } from './workload-keys.js';

export const CREDENTIAL_METADATA_KEY = 'authorization';
const CACHE_MAX = 10_000;
/** A signed token is reused for half its life, so a callee never receives one about to expire. */
const REUSE_MS = (CALLER_TOKEN_TTL_S * 1000) / 2;

type Clock = () => number;

export class WorkloadCredentials {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();

  constructor(
    readonly key: WorkloadKey,
    private readonly clock: Clock = Date.now,
  ) {}

  static fromJwk(text: string, clock?: Clock): WorkloadCredentials {
    return new WorkloadCredentials(parseWorkloadKey(text), clock);
  }

  get workload(): string {
    return this.key.workload;
  }

  /** A token for `audience` naming `caller` (anonymous when undefined); reused while fresh. */
  tokenFor(caller: Caller | undefined, audience: string): string {
    const cacheKey = `${caller ? formatCaller(caller) : ''} ${audience}`;
    const now = this.clock();
    const cached = this.tokens.get(cacheKey);
    if (cached && cached.renewAt > now) return cached.token;
    const token = signCallerToken(this.key, caller, audience, now);
    if (this.tokens.size >= CACHE_MAX) this.tokens.clear();
    this.tokens.set(cacheKey, { token, renewAt: now + REUSE_MS });
    return token;
  }
}

export class CallerVerifier {
  private readonly verified = new Map<string, { caller: Caller | undefined; expiresAt: number }>();

  constructor(
    private readonly trust: Trust,
    /** This service's name: tokens made for another service are refused. */
    readonly audience: string,
    private readonly clock: Clock = Date.now,
  ) {}

  static fromBundle(text: string, audience: string, clock?: Clock): CallerVerifier {
    return new CallerVerifier(parseTrust(text), audience, clock);
  }

  /** The verified caller of a call (undefined: an anonymous call by a trusted workload), or a refusal. */
  callerOf(metadata: Metadata): Caller | undefined {
    const header = metadata.get(CREDENTIAL_METADATA_KEY)[0];
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new Refused('unauthenticated', 'unauthenticated', 'This call carries no caller token');
    const now = this.clock();
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > now) return cached.caller;
    const result = verifyCallerToken(token, this.trust, this.audience, now);
    if (isRefusal(result)) throw Refused.from(result);
    if (this.verified.size >= CACHE_MAX) this.verified.clear();
    this.verified.set(token, { caller: result.caller, expiresAt: result.claims.exp * 1000 });
    return result.caller;
  }
}

const registered = new Map<string, WorkloadCredentials>();

/**
 * Makes a workload's credentials available to clients created with `from: <workload>` and no
 * credentials of their own: for tools and tests that call services directly (the demo seed as
 * "deploy", tests as "test"). A service passes its own credentials to every client it creates.
 */
export function registerCredentials(credentials: WorkloadCredentials): void {
  registered.set(credentials.workload, credentials);
}

export function registeredCredentials(workload: string): WorkloadCredentials | undefined {
  return registered.get(workload);
}
