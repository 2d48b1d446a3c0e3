// The secrets of one platform installation on one machine (the local stack, a test run): every
// workload's signing key with the trust bundle, and every service's NATS password.
import { randomBytes } from 'node:crypto';
import { generateTrust, type TrustBundle, type WorkloadJwk } from '@e21/kit';
import { DELEGATES, SERVICES, WORKLOADS, natsPermissionsOf } from '@e21/events';
import type { NatsUser } from './nats.js';

export interface PlatformSecrets {
  trust: TrustBundle;
  /** Private key of each workload, by name. */
  workloadKeys: Record<string, WorkloadJwk>;
  /** NATS password of each service, and of "admin" (an operator's user, allowed everything). */
  natsPasswords: Record<string, string>;
}

export const NATS_ADMIN = 'admin';

/**
 * Keys for the platform's workloads plus `tools`: local programs that call services as people
 * (the demo seed, benches, tests), trusted as delegates on this machine only.
 */
export function generatePlatformSecrets(tools: readonly string[]): PlatformSecrets {
  const { trust, keys } = generateTrust([...WORKLOADS, ...tools], [...DELEGATES, ...tools]);
  const natsPasswords: Record<string, string> = {};
  for (const user of [...SERVICES, NATS_ADMIN]) natsPasswords[user] = randomBytes(18).toString('base64url');
  return { trust, workloadKeys: keys, natsPasswords };
}

export function isPlatformSecrets(value: unknown): value is PlatformSecrets {
  const secrets = value as Partial<PlatformSecrets> | undefined;
  return (
    !!secrets?.trust &&
    !!secrets.workloadKeys &&
    !!secrets.natsPasswords &&
    WORKLOADS.every((name) => name in secrets.workloadKeys! && (name === 'gateway' || name in secrets.natsPasswords!))
  );
}

/** Every service's NATS user with its permissions, and the operator's. */
export function natsUsersOf(secrets: PlatformSecrets): NatsUser[] {
  return [
    ...SERVICES.map((service) => ({ user: service, password: secrets.natsPasswords[service]!, permissions: natsPermissionsOf(service) })),
    { user: NATS_ADMIN, password: secrets.natsPasswords[NATS_ADMIN]! },
  ];
}

/** The variables a workload reads its key and the trust bundle from. */
export function workloadEnvOf(secrets: PlatformSecrets, workload: string): { WORKLOAD_KEY: string; WORKLOAD_TRUST: string } {
  const key = secrets.workloadKeys[workload];
  if (!key) throw new Error(`no workload key for ${workload}`);
  return { WORKLOAD_KEY: JSON.stringify(key), WORKLOAD_TRUST: JSON.stringify(secrets.trust) };
}
