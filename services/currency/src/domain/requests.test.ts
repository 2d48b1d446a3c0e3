import { checkPayable, paymentUri, statusAt, validatePaymentRequest } from './requests.js';

const AT = new Date('2030-05-02T10:00:00Z');

describe('validatePaymentRequest', () => {
  it('sets the expiry from the minutes given', () => {
    expect(validatePaymentRequest({ amountMinor: 450n, reference: ' Pain ', expiresInMinutes: 15 }, AT)).toEqual({
      amountMinor: 450n,
      reference: 'Pain',
      expiresAt: new Date('2030-05-02T10:15:00Z'),
    });
  });

  it('refuses a zero amount, an expiry beyond a week and a reference with control characters', () => {
    expect(validatePaymentRequest({ amountMinor: 0n, reference: '', expiresInMinutes: 15 }, AT)).toMatchObject({
      fields: [{ field: 'amount_minor' }],
    });
    expect(validatePaymentRequest({ amountMinor: 1n, reference: '', expiresInMinutes: 7 * 24 * 60 + 1 }, AT)).toMatchObject({
      fields: [{ field: 'expires_in_minutes' }],
    });
    expect(validatePaymentRequest({ amountMinor: 1n, reference: 'a\nb', expiresInMinutes: 5 }, AT)).toMatchObject({
      fields: [{ field: 'reference' }],
    });
  });
});

describe('a payment request is paid at most once, and never after its expiry', () => {
  const expiresAt = new Date('2030-05-02T10:15:00Z');
  it('is payable while open', () => {
    expect(statusAt({ paidAt: null, expiresAt }, AT)).toBe('open');
    expect(checkPayable({ paidAt: null, expiresAt }, AT)).toBeUndefined();
  });

  it('refuses a second payment', () => {
    expect(checkPayable({ paidAt: AT, expiresAt }, AT)).toMatchObject({ kind: 'conflict', code: 'request_already_paid' });
  });

  it('refuses a payment at or after the expiry', () => {
    expect(statusAt({ paidAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(checkPayable({ paidAt: null, expiresAt }, new Date('2030-05-02T10:15:01Z'))).toMatchObject({ code: 'request_expired' });
  });
});

describe('paymentUri', () => {
  it('carries the id, the amount in units and the encoded code', () => {
    expect(paymentUri('5f0c', 1250n, 2, 'ÉCU-BDR')).toBe('e21pay:5f0c?amount=12.50&currency=%C3%89CU-BDR');
  });
});
