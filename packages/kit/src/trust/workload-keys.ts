// Workload keys: every process of the platform signs its calls with an Ed25519 key of its own; the
// trust bundle lists the public keys of every workload, and which of them may speak for people.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** An Ed25519 key as a JWK whose kid is "<workload>/<key id>". */
export interface WorkloadJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  /** The private part; present in a workload's own key, never in a trust bundle. */
  d?: string;
  kid: string;
}

/** What every workload is told: whose keys to believe, and who may assert a person or a client. */
export interface TrustBundle {
  keys: WorkloadJwk[];
  /**
   * Workloads that may make calls on behalf of a person or an integration client (the gateway,
   * which verified their sign-in). Every other workload may only call as itself (system:<name>).
   */
  delegates: string[];
}

export interface WorkloadKey {
  workload: string;
  kid: string;
  privateKey: KeyObject;
}

export interface TrustedKey {
  workload: string;
  publicKey: KeyObject;
}

export interface Trust {
  keyOf(kid: string): TrustedKey | undefined;
  isDelegate(workload: string): boolean;
}

const WORKLOAD_NAME = /^[a-z][a-z0-9-]{0,39}$/;

export function workloadOfKid(kid: string): string | undefined {
  const workload = kid.slice(0, kid.indexOf('/'));
  return WORKLOAD_NAME.test(workload) ? workload : undefined;
}

/** A new key for a workload: its private JWK (for that workload only) and its public JWK (for the bundle). */
export function generateWorkloadKey(workload: string): { privateJwk: WorkloadJwk; publicJwk: WorkloadJwk } {
  if (!WORKLOAD_NAME.test(workload)) throw new Error(`"${workload}" is not a workload name`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const kid = `${workload}/${randomBytes(6).toString('base64url')}`;
  return { privateJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid } };
}

/** A trust bundle and the private keys of each workload, made at once (local stack, tests). */
export function generateTrust(
  workloads: readonly string[],
  delegates: readonly string[],
): { trust: TrustBundle; keys: Record<string, WorkloadJwk> } {
  const keys: Record<string, WorkloadJwk> = {};
  const publicKeys: WorkloadJwk[] = [];
  for (const workload of workloads) {
    const { privateJwk, publicJwk } = generateWorkloadKey(workload);
    keys[workload] = privateJwk;
    publicKeys.push(publicJwk);
  }
  return { trust: { keys: publicKeys, delegates: [...delegates] }, keys };
}

function isEd25519Jwk(value: unknown): value is WorkloadJwk {
  const jwk = value as Partial<WorkloadJwk> | null;
  return (
    typeof jwk === 'object' &&
    jwk !== null &&
    jwk.kty === 'OKP' &&
    jwk.crv === 'Ed25519' &&
    typeof jwk.x === 'string' &&
    typeof jwk.kid === 'string'
  );
}

/** Reads a workload's own key (WORKLOAD_KEY); throws a message naming what is wrong. */
export function parseWorkloadKey(text: string): WorkloadKey {
  const jwk = parseJson(text, 'WORKLOAD_KEY');
  if (!isEd25519Jwk(jwk) || typeof jwk.d !== 'string')
    throw new Error('WORKLOAD_KEY must be a private Ed25519 JWK (kty OKP, crv Ed25519, x, d, kid)');
  const workload = workloadOfKid(jwk.kid);
  if (!workload) throw new Error('WORKLOAD_KEY kid must be "<workload>/<key id>"');
  return {
    workload,
    kid: jwk.kid,
    privateKey: createPrivateKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d }, format: 'jwk' }),
  };
}

/** Reads the trust bundle (WORKLOAD_TRUST); throws a message naming what is wrong. */
export function parseTrust(text: string): Trust {
  const bundle = parseJson(text, 'WORKLOAD_TRUST') as Partial<TrustBundle> | null;
  if (!bundle || !Array.isArray(bundle.keys) || !Array.isArray(bundle.delegates))
    throw new Error('WORKLOAD_TRUST must be {"keys": [public JWKs], "delegates": [workload names]}');
  const keys = new Map<string, TrustedKey>();
  for (const jwk of bundle.keys) {
    if (!isEd25519Jwk(jwk) || jwk.d !== undefined) throw new Error('WORKLOAD_TRUST keys must be public Ed25519 JWKs (no "d")');
    const workload = workloadOfKid(jwk.kid);
    if (!workload) throw new Error(`WORKLOAD_TRUST key ${jwk.kid}: kid must be "<workload>/<key id>"`);
    keys.set(jwk.kid, { workload, publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }) });
  }
  const delegates = new Set(bundle.delegates.map(String));
  return { keyOf: (kid) => keys.get(kid), isDelegate: (workload) => delegates.has(workload) };
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${name} is not JSON`);
  }
}
