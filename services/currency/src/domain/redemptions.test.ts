import { checkDecision, checkRedemptionRequest, euroCents, feeFor } from './redemptions.js';

describe('feeFor: amount x basis points / 10,000, rounded half up', () => {
  it('keeps 5 % of a redemption', () => {
    expect(feeFor(10_000n, 500)).toBe(500n);
    expect(feeFor(12_345n, 500)).toBe(617n); // 617.25
    expect(feeFor(10n, 500)).toBe(1n); // 0.5 goes up
    expect(feeFor(9n, 500)).toBe(0n);
    expect(feeFor(10_000n, 0)).toBe(0n);
  });
});

describe('euroCents', () => {
  it('converts at par, whatever the minor units', () => {
    expect(euroCents(1250n, 2)).toBe(1250n);
    expect(euroCents(12n, 0)).toBe(1200n);
    expect(euroCents(125n, 1)).toBe(1250n);
  });
});

describe('checkRedemptionRequest: only merchants redeem, and only what they hold', () => {
  const merchant = { organizationKind: 'merchant', amountMinor: 500n, balanceMinor: 1000n, pendingMinor: 0n };
  it('accepts a merchant redeeming part of its balance', () => {
    expect(checkRedemptionRequest(merchant)).toBeUndefined();
  });

  it('refuses organizations that are not merchants', () => {
    for (const kind of ['association', 'private_company', 'public_body', 'e21_office']) {
      expect(checkRedemptionRequest({ ...merchant, organizationKind: kind })).toMatchObject({ kind: 'forbidden', code: 'not_a_merchant' });
    }
  });

  it('counts redemptions waiting against what is available', () => {
    expect(checkRedemptionRequest({ ...merchant, pendingMinor: 600n })).toMatchObject({ code: 'insufficient_funds' });
    expect(checkRedemptionRequest({ ...merchant, amountMinor: 1001n })).toMatchObject({ code: 'insufficient_funds' });
    expect(checkRedemptionRequest({ ...merchant, amountMinor: 0n })).toMatchObject({ code: 'invalid_amount' });
  });
});

describe('checkDecision: a redemption is decided once', () => {
  it('decides a requested redemption', () => {
    expect(checkDecision({ status: 'requested', payoutReference: '' }, 'approve', 'VIR-1')).toBe('decide');
    expect(checkDecision({ status: 'requested', payoutReference: '' }, 'reject')).toBe('decide');
  });

  it('replays an approval retried with the same payout reference, and refuses any other second decision', () => {
    expect(checkDecision({ status: 'approved', payoutReference: 'VIR-1' }, 'approve', 'VIR-1')).toBe('replay');
    expect(checkDecision({ status: 'approved', payoutReference: 'VIR-1' }, 'approve', 'VIR-2')).toMatchObject({
      code: 'redemption_decided',
    });
    expect(checkDecision({ status: 'approved', payoutReference: 'VIR-1' }, 'reject')).toMatchObject({ code: 'redemption_decided' });
    expect(checkDecision({ status: 'rejected', payoutReference: '' }, 'approve', 'VIR-1')).toMatchObject({ code: 'redemption_decided' });
  });
});
