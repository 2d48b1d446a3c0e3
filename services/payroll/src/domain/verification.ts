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

/** Whether a file's hash is the form's: either the PDF's or the JSON document's. */
export function hashMatches(given: string | undefined, form: { pdfSha256: string; jsonSha256: string }): boolean {
  return given !== undefined && (given === form.pdfSha256 || given === form.jsonSha256);
}
