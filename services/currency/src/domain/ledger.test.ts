import { checkRetry, lockOrder, postTransfer, type LedgerAccount } from './ledger.js';

const account = (id: string, ownerKind: LedgerAccount['ownerKind'], balanceMinor: bigint, currencyId = 'ecu'): LedgerAccount => ({
  id,
  currencyId,
  ownerKind,
  balanceMinor,
});
const issuance = account('i', 'issuance', -5000n);
const amina = account('a', 'person', 1000n);
const lucas = account('l', 'person', 0n);
const boulangerie = { ...account('b', 'organization', 300n), verified: true };
const impostor = account('f', 'organization', 0n);

describe('postTransfer', () => {
  it('moves the amount: debits equal credits and both balances follow', () => {
    const posting = postTransfer('payment', amina, lucas, 400n);
    expect(posting).toEqual({
      debit: { accountId: 'a', amountMinor: -400n, balanceAfterMinor: 600n },
      credit: { accountId: 'l', amountMinor: 400n, balanceAfterMinor: 400n },
    });
  });

  it('never takes a person or organization below zero', () => {
    expect(postTransfer('payment', amina, lucas, 1001n)).toMatchObject({ kind: 'conflict', code: 'insufficient_funds' });
    expect(postTransfer('payment', amina, lucas, 1000n)).toMatchObject({ debit: { balanceAfterMinor: 0n } });
  });

  it('lets the issuance account go negative: that is the money in circulation', () => {
    expect(postTransfer('hours', issuance, amina, 10_000n)).toMatchObject({ debit: { balanceAfterMinor: -15_000n } });
  });

  it('refuses non-positive and huge amounts, a payment to oneself and another currency', () => {
    expect(postTransfer('payment', amina, lucas, 0n)).toMatchObject({ code: 'invalid_amount' });
    expect(postTransfer('payment', amina, lucas, -1n)).toMatchObject({ code: 'invalid_amount' });
    expect(postTransfer('payment', amina, lucas, 10n ** 15n)).toMatchObject({ code: 'amount_too_large' });
    expect(postTransfer('payment', amina, amina, 1n)).toMatchObject({ code: 'same_account' });
    expect(postTransfer('payment', amina, account('x', 'person', 0n, 'var'), 1n)).toMatchObject({ code: 'currency_mismatch' });
  });

  it('issues money only for hours and takes it out of circulation only by redemption', () => {
    expect(postTransfer('payment', issuance, amina, 1n)).toMatchObject({ code: 'transfer_not_allowed' });
    expect(postTransfer('payment', amina, issuance, 1n)).toMatchObject({ code: 'transfer_not_allowed' });
    expect(postTransfer('hours', amina, lucas, 1n)).toMatchObject({ code: 'transfer_not_allowed' });
    expect(postTransfer('hours', issuance, boulangerie, 1n)).toMatchObject({ code: 'transfer_not_allowed' });
    expect(postTransfer('redemption', amina, issuance, 1n)).toMatchObject({ code: 'transfer_not_allowed' });
    expect(postTransfer('redemption', boulangerie, issuance, 300n)).toMatchObject({ credit: { balanceAfterMinor: -4700n } });
    expect(postTransfer('request', amina, boulangerie, 1n)).toMatchObject({ credit: { balanceAfterMinor: 301n } });
    expect(postTransfer('request', boulangerie, amina, 1n)).toMatchObject({ code: 'transfer_not_allowed' });
  });
});

describe('postTransfer to an organization', () => {
  it('credits an organization only when it is verified, by a payment or a payment request', () => {
    for (const kind of ['payment', 'request'] as const) {
      expect(postTransfer(kind, amina, impostor, 1n)).toMatchObject({ kind: 'conflict', code: 'merchant_not_verified' });
      expect(postTransfer(kind, amina, { ...impostor, verified: false }, 1n)).toMatchObject({ code: 'merchant_not_verified' });
      expect(postTransfer(kind, amina, boulangerie, 1n)).toMatchObject({ credit: { balanceAfterMinor: 301n } });
    }
  });

  it('lets an unverified organization pay out what it holds', () => {
    expect(postTransfer('payment', { ...impostor, balanceMinor: 5n }, amina, 5n)).toMatchObject({ debit: { balanceAfterMinor: 0n } });
  });
});

describe('lockOrder', () => {
  it('locks the accounts of a transfer by id, whichever pays whom', () => {
    expect(lockOrder(['b', 'a'])).toEqual(['a', 'b']);
    expect(lockOrder(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('checkRetry', () => {
  it('replays a transfer retried with the same request and refuses the id reused for another', () => {
    expect(checkRetry({ requestHash: 'h1' }, 'h1')).toBeUndefined();
    expect(checkRetry({ requestHash: 'h1' }, 'h2')).toMatchObject({ kind: 'conflict', code: 'idempotency_key_reused' });
  });
});
