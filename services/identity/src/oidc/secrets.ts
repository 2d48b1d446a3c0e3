// Keys of the built-in provider: from configuration in production, generated once and stored otherwise.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Pool } from '@e21/kit';

export interface ProviderSecrets {
  /** Private JWKs the provider signs tokens with. */
  jwks: { keys: Record<string, unknown>[] };
  cookieKeys: string[];
}

async function storedOrCreated<T>(pool: Pool, name: string, create: () => T): Promise<T> {
  // Two replicas starting together both try to insert; the first one's value is kept and read back.
  await pool.query('insert into oidc_secrets (name, value) values ($1, $2) on conflict (name) do nothing', [
    name,
    JSON.stringify(create()),
  ]);
  const { rows } = await pool.query<{ value: T }>('select value from oidc_secrets where name = $1', [name]);
  return rows[0]!.value;
}

function newSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: randomBytes(8).toString('hex'), alg: 'ES256', use: 'sig' };
}

export async function loadProviderSecrets(pool: Pool, configured: { jwks?: string; cookieKeys?: string }): Promise<ProviderSecrets> {
  const jwks = configured.jwks
    ? (JSON.parse(configured.jwks) as ProviderSecrets['jwks'])
    : { keys: [await storedOrCreated(pool, 'signing_key', newSigningKey)] };
  const cookieKeys = configured.cookieKeys
    ? configured.cookieKeys.split(',')
    : await storedOrCreated(pool, 'cookie_keys', () => [randomBytes(32).toString('base64url')]);
  return { jwks, cookieKeys };
}
