// Verification codes: short, typed by hand from a printed form, unambiguous (no I, L, O, U).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = /^SAF-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A code from 12 random bytes (60 bits used): SAF-XXXX-XXXX-XXXX. */
export function verificationCode(random: Uint8Array): string {
  if (random.length < 12) throw new Error('a verification code needs 12 random bytes');
  const chars = Array.from(random.subarray(0, 12), (byte) => ALPHABET[byte % 32]!).join('');
  return `SAF-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The code as printed, whatever the case and spaces it was typed with; undefined if it cannot be one. */
export function normalizeCode(typed: string): string | undefined {
  const code = typed.trim().toUpperCase().replace(/\s+/g, '');
  return CODE.test(code) ? code : undefined;
}

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);

export type VerificationStatus = 'current' | 'superseded';

/** Which of a form's documents a file is: the whole form's PDF or JSON, or its employer view's. */
export type FormDocumentKind = 'pdf' | 'json' | 'employer_pdf' | 'employer_json';

/** Which of the form's documents (whole or employer view) a file's hash is; undefined for none, or when no hash was given. */
export function matchedDocument(
  given: string | undefined,
  form: { pdfSha256: string; jsonSha256: string; employerPdfSha256: string | null; employerJsonSha256: string | null },
): FormDocumentKind | undefined {
  if (given === undefined) return undefined;
  const documents: [FormDocumentKind, string | null][] = [
    ['pdf', form.pdfSha256],
    ['json', form.jsonSha256],
    ['employer_pdf', form.employerPdfSha256],
    ['employer_json', form.employerJsonSha256],
  ];
  return documents.find(([, hash]) => hash !== null && hash === given)?.[0];
}
