import { hashMatches, normalizeCode, verificationCode } from './verification.js';

describe('verification codes', () => {
  it('are SAF- and three groups of four unambiguous characters', () => {
    const code = verificationCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31]));
    expect(code).toBe('SAF-0123-4567-89AZ');
    expect(normalizeCode(code)).toBe(code);
  });

  it('are read whatever the case and spaces they were typed with, and anything else is no code', () => {
    expect(normalizeCode(' saf-0123-4567-89az ')).toBe('SAF-0123-4567-89AZ');
    expect(normalizeCode('SAF-0123-4567-89AI')).toBeUndefined();
    expect(normalizeCode('nope')).toBeUndefined();
  });
});

describe('checking a file against a form', () => {
  const form = { pdfSha256: 'a'.repeat(64), jsonSha256: 'b'.repeat(64) };
  it('matches the hash of its PDF or its JSON, and nothing else', () => {
    expect(hashMatches('a'.repeat(64), form)).toBe(true);
    expect(hashMatches('b'.repeat(64), form)).toBe(true);
    expect(hashMatches('c'.repeat(64), form)).toBe(false);
    expect(hashMatches(undefined, form)).toBe(false);
  });
});
