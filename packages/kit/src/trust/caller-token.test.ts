import { generateKeyPairSync } from 'node:crypto';
import { isRefusal } from '../errors.js';
import { signCallerToken, verifyCallerToken } from './caller-token.js';
import { generateTrust, parseTrust, parseWorkloadKey, type WorkloadKey } from './workload-keys.js';

const { trust: bundle, keys } = generateTrust(['gateway', 'payroll', 'currency'], ['gateway']);
const trust = parseTrust(JSON.stringify(bundle));
const keyOf = (workload: string) => parseWorkloadKey(JSON.stringify(keys[workload]));
const NOW = Date.UTC(2026, 11, 3, 12);
const amina = { kind: 'person' as const, personId: '5b0f4c1e-8f5e-4a3c-9a59-6f6f3d1c2b10' };

const codeOf = (result: ReturnType<typeof verifyCallerToken>) => (isRefusal(result) ? result.message : 'accepted');

describe('caller tokens', () => {
  it('names the caller the gateway signed for, to the audience it was made for', () => {
    const result = verifyCallerToken(signCallerToken(keyOf('gateway'), amina, 'currency', NOW), trust, 'currency', NOW + 1000);
    expect(isRefusal(result) ? result : result.caller).toEqual(amina);
  });

  it('lets a service call as itself, and anonymously', () => {
    const self = verifyCallerToken(
      signCallerToken(keyOf('payroll'), { kind: 'system', service: 'payroll' }, 'currency', NOW),
      trust,
      'currency',
      NOW,
    );
    expect(isRefusal(self) ? self : self.caller).toEqual({ kind: 'system', service: 'payroll' });
    const anonymous = verifyCallerToken(signCallerToken(keyOf('gateway'), undefined, 'payroll', NOW), trust, 'payroll', NOW);
    expect(isRefusal(anonymous) ? anonymous : anonymous.caller).toBeUndefined();
  });

  it('refuses a token made for another service', () => {
    expect(codeOf(verifyCallerToken(signCallerToken(keyOf('gateway'), amina, 'identity', NOW), trust, 'currency', NOW))).toMatch(
      /is for identity, not currency/,
    );
  });

  it('refuses an expired token, and one that claims a longer life than allowed', () => {
    const token = signCallerToken(keyOf('gateway'), amina, 'currency', NOW);
    expect(codeOf(verifyCallerToken(token, trust, 'currency', NOW + 121_000 + 5_000))).toMatch(/expired/);
    expect(codeOf(verifyCallerToken(token, trust, 'currency', NOW + 119_000))).toBe('accepted');
    expect(codeOf(verifyCallerToken(signCallerToken(keyOf('gateway'), amina, 'currency', NOW + 60_000), trust, 'currency', NOW))).toMatch(
      /longer than allowed/,
    );
  });

  it('refuses a service that calls on behalf of a person, or as another service', () => {
    expect(codeOf(verifyCallerToken(signCallerToken(keyOf('payroll'), amina, 'currency', NOW), trust, 'currency', NOW))).toMatch(
      /payroll may not call on behalf of a person/,
    );
    expect(
      codeOf(
        verifyCallerToken(
          signCallerToken(keyOf('payroll'), { kind: 'system', service: 'gateway' }, 'currency', NOW),
          trust,
          'currency',
          NOW,
        ),
      ),
    ).toMatch(/may not call as system:gateway/);
  });

  it('refuses a token signed by a key the bundle does not hold, even under a trusted key id', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const impostor: WorkloadKey = { workload: 'gateway', kid: keys.gateway!.kid, privateKey };
    expect(codeOf(verifyCallerToken(signCallerToken(impostor, amina, 'currency', NOW), trust, 'currency', NOW))).toMatch(
      /signature is not valid/,
    );
    const unknown: WorkloadKey = { workload: 'gateway', kid: 'gateway/unknown', privateKey };
    expect(codeOf(verifyCallerToken(signCallerToken(unknown, amina, 'currency', NOW), trust, 'currency', NOW))).toMatch(/does not trust/);
  });

  it('refuses a token whose claims were changed after signing', () => {
    const [header, , signature] = signCallerToken(keyOf('gateway'), amina, 'currency', NOW).split('.');
    const claims = Buffer.from(
      JSON.stringify({ iss: 'gateway', sub: 'system:gateway', aud: 'currency', iat: NOW / 1000, exp: NOW / 1000 + 120 }),
    ).toString('base64url');
    expect(codeOf(verifyCallerToken(`${header}.${claims}.${signature}`, trust, 'currency', NOW))).toMatch(/signature is not valid/);
    expect(codeOf(verifyCallerToken('not-a-token', trust, 'currency', NOW))).toMatch(/not a JWT/);
  });
});
