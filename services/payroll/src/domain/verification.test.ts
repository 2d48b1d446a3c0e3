import { matchedDocument, normalizeCode, verificationCode } from './verification.js';

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
  const form = {
    pdfSha256: 'a'.repeat(64),
    jsonSha256: 'b'.repeat(64),
    employerPdfSha256: 'c'.repeat(64),
    employerJsonSha256: 'd'.repeat(64),
  };
  it('says which of its documents a file is: the whole form’s PDF or JSON, or its employer view’s, and nothing else', () => {
    expect(matchedDocument('a'.repeat(64), form)).toBe('pdf');
    expect(matchedDocument('b'.repeat(64), form)).toBe('json');
    expect(matchedDocument('c'.repeat(64), form)).toBe('employer_pdf');
    expect(matchedDocument('d'.repeat(64), form)).toBe('employer_json');
    expect(matchedDocument('e'.repeat(64), form)).toBeUndefined();
    expect(matchedDocument(undefined, form)).toBeUndefined();
  });

  it('matches no employer document for a form without an employer', () => {
    expect(matchedDocument('c'.repeat(64), { ...form, employerPdfSha256: null, employerJsonSha256: null })).toBeUndefined();
  });
});
