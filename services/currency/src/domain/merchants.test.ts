import { checkVerified } from './merchants.js';

describe('checkVerified', () => {
  it('lets only an organization currency knows as verified take payments or redeem', () => {
    expect(checkVerified({ verified: true })).toBeUndefined();
    expect(checkVerified({ verified: false })).toMatchObject({ kind: 'conflict', code: 'merchant_not_verified' });
    // never verified: identity never announced it, so currency does not know it at all
    expect(checkVerified(undefined)).toMatchObject({ kind: 'conflict', code: 'merchant_not_verified' });
  });
});
