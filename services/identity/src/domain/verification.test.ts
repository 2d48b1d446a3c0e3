import { isRefusal, type RefusalValue } from '@e21/kit';
import { revoke, UNVERIFIED, verify, type Verification } from './verification.js';

const AT = new Date('2030-03-01T10:00:00Z');
const officer = { by: 'person:0b8c3c55-7d8e-4a57-a8a2-1f1c0a8e6f01', name: 'Marc Rossi', isMember: false };

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const verified = verify(UNVERIFIED, officer, AT) as Verification;

describe('verify', () => {
  it('records who verified, when, and a new version', () => {
    expect(verified).toEqual({
      status: 'verified',
      decidedAt: AT,
      decidedBy: officer.by,
      decidedByName: 'Marc Rossi',
      revocationReason: '',
      version: 1,
    });
  });

  it('changes nothing on an organization already verified', () => {
    expect(verify(verified, officer, new Date('2030-04-01T00:00:00Z'))).toBe('unchanged');
  });

  it('refuses an officer who belongs to the organization', () => {
    expect(refused(verify(UNVERIFIED, { ...officer, isMember: true }, AT))).toMatchObject({ kind: 'forbidden', code: 'own_organization' });
  });

  it('verifies again after a revocation, at a higher version', () => {
    const revoked = revoke(verified, officer, 'Legal id belongs to another shop', AT) as Verification;
    expect(verify(revoked, officer, AT)).toMatchObject({ status: 'verified', revocationReason: '', version: 3 });
  });
});

describe('revoke', () => {
  it('keeps the reason, who and when, at a higher version', () => {
    const at = new Date('2030-05-01T00:00:00Z');
    expect(revoke(verified, officer, '  Legal id belongs to another shop ', at)).toEqual({
      status: 'revoked',
      decidedAt: at,
      decidedBy: officer.by,
      decidedByName: 'Marc Rossi',
      revocationReason: 'Legal id belongs to another shop',
      version: 2,
    });
  });

  it('refuses to revoke what is not verified', () => {
    expect(refused(revoke(UNVERIFIED, officer, 'Why not', AT))).toMatchObject({ kind: 'conflict', code: 'not_verified' });
  });

  it('needs a reason of at most 500 characters', () => {
    expect(refused(revoke(verified, officer, '   ', AT)).fields?.[0]?.field).toBe('reason');
    expect(refused(revoke(verified, officer, 'x'.repeat(501), AT)).fields?.[0]?.field).toBe('reason');
    expect(isRefusal(revoke(verified, officer, 'x'.repeat(500), AT))).toBe(false);
  });
});
