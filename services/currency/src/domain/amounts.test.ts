import { checkAmount, checkText, formatMinor, MAX_AMOUNT_MINOR } from './amounts.js';

describe('checkAmount', () => {
  it('accepts a positive whole amount up to the maximum', () => {
    expect(checkAmount(1n)).toBeUndefined();
    expect(checkAmount(MAX_AMOUNT_MINOR)).toBeUndefined();
  });

  it('refuses zero, negative and huge amounts, naming the field', () => {
    expect(checkAmount(0n)).toMatchObject({ kind: 'invalid', code: 'invalid_amount', fields: [{ field: 'amount_minor' }] });
    expect(checkAmount(-5n)).toMatchObject({ code: 'invalid_amount' });
    expect(checkAmount(MAX_AMOUNT_MINOR + 1n)).toMatchObject({ code: 'amount_too_large' });
  });
});

describe('formatMinor', () => {
  it('writes amounts with the currency’s decimals and a dot', () => {
    expect(formatMinor(123450n, 2)).toBe('1234.50');
    expect(formatMinor(5n, 2)).toBe('0.05');
    expect(formatMinor(-1250n, 2)).toBe('-12.50');
    expect(formatMinor(7n, 0)).toBe('7');
    expect(formatMinor(0n, 1)).toBe('0.0');
  });
});

describe('checkText', () => {
  it('refuses control characters and text over the limit, and empty required text', () => {
    expect(checkText('Pain\u0000', 'reference', 10)).toMatchObject({ fields: [{ field: 'reference' }] });
    expect(checkText('x'.repeat(11), 'reference', 10)).toMatchObject({ fields: [{ field: 'reference' }] });
    expect(checkText('  ', 'name', 10, { required: true })).toMatchObject({ fields: [{ field: 'name' }] });
    expect(checkText('Baguette ×2', 'reference', 20)).toBeUndefined();
  });
});
