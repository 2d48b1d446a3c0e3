import { describe, expect, it } from '@jest/globals';
import { amountInput, formatAmount, minorFromText, paymentRequestIdFrom } from './money';

describe('minorFromText', () => {
  it('reads whole and decimal amounts with a point or a comma, into minor units', () => {
    expect(minorFromText('12', 2)).toBe(1200);
    expect(minorFromText('12.5', 2)).toBe(1250);
    expect(minorFromText(' 12,05 ', 2)).toBe(1205);
    expect(minorFromText('7', 0)).toBe(7);
  });

  it('refuses more decimals than the currency has, negative amounts and what is not an amount', () => {
    for (const text of ['', 'abc', '-3', '1.234', '1e3', '12.', '.5']) expect(minorFromText(text, 2)).toBeNull();
    expect(minorFromText('1.5', 0)).toBeNull();
  });

  it('reads back what amountInput writes', () => {
    for (const minor of [0, 5, 1250, 100_000_000_000]) expect(minorFromText(amountInput(minor, 2), 2)).toBe(minor);
  });
});

describe('formatAmount', () => {
  it('writes amounts the way each language writes them, with the currency code', () => {
    expect(formatAmount(1250, 2, 'ÉCU-BDR', 'en')).toBe('12.50 ÉCU-BDR');
    expect(formatAmount(123450, 2, 'ÉCU-BDR', 'fr')).toBe('1\u202f234,50 ÉCU-BDR');
    expect(formatAmount(-450, 2, 'ÉCU-BDR', 'en', { signed: true })).toBe('-4.50 ÉCU-BDR');
    expect(formatAmount(450, 2, 'ÉCU-BDR', 'en', { signed: true })).toBe('+4.50 ÉCU-BDR');
  });
});

describe('paymentRequestIdFrom', () => {
  const id = '5f0c2b7e-4d3a-4e8f-9b0a-1c2d3e4f5a6b';
  it('finds the request in a QR code’s URI, a link or the bare id', () => {
    expect(paymentRequestIdFrom(`e21pay:${id}?amount=4.50&currency=%C3%89CU-BDR`)).toBe(id);
    expect(paymentRequestIdFrom(`https://e21.example/pay/${id}`)).toBe(id);
    expect(paymentRequestIdFrom(` ${id.toUpperCase()} `)).toBe(id);
  });

  it('finds none in other text', () => {
    for (const text of ['', 'e21pay:', 'e21pay:abc', `${id}x`, 'https://e21.example/wallet']) expect(paymentRequestIdFrom(text)).toBeNull();
  });
});
