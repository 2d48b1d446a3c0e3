// What text a client may send: never control characters; names and titles one line of visible
// characters. One definition for the gateway's schemas, every service's gRPC input and the domains.

/**
 * C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls. Never in
 * any text: PostgreSQL refuses NUL outright (a 500 before this check), and the others hide in
 * logs, CSV exports and PDFs.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * What a name or title may not contain: any control character (tabs and line breaks too), the
 * line and paragraph separators, and invisible format characters (zero-width spaces, bidi
 * overrides and isolates, soft hyphens, the byte order mark, tag characters), which make two
 * names that look the same differ, or make a name display as another.
 */
const NOT_IN_A_NAME = /[\p{Cc}\u2028\u2029]|(?![\u200C\u200D])\p{Cf}/u;
/**
 * The zero-width non-joiner and joiner, which Persian and Indic scripts need between two letters
 * (they stay allowed there, and only there).
 */
const JOINER_OUT_OF_PLACE = /(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/u;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters (such as NUL)';
export const NAME_CHARACTER_MESSAGE =
  'must be one line of visible characters: no line breaks, tabs, control or invisible formatting characters';

/** Whether free text (which may span lines) holds a control character it must not. */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** Whether a name or a title holds a character that has no place in one line of visible text. */
export function hasNonNameCharacter(value: string): boolean {
  return NOT_IN_A_NAME.test(value) || JOINER_OUT_OF_PLACE.test(value);
}

/** A name or title as it is kept: trimmed and in Unicode NFC, so "é" typed two ways is one name. */
export function normalizeName(value: string): string {
  return value.normalize('NFC').trim();
}

/** The problem with a name or title, after normalizing it, if any: empty, too long, or not one visible line. */
export function nameProblem(value: string, max: number): string | undefined {
  if (hasNonNameCharacter(value)) return NAME_CHARACTER_MESSAGE;
  const normalized = normalizeName(value);
  if (!normalized) return 'must not be empty';
  if (normalized.length > max) return `must be at most ${max} characters`;
  return undefined;
}

const MAX_PROBLEMS = 20;

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Every string in a decoded request (nested messages, repeated and map fields) that holds a
 * control character, by field path in the protobuf's names ("needs.0.skill_id"). A map key that
 * holds one is reported as its map field.
 */
export function controlCharacterFields(value: unknown, path = ''): string[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string, depth: number): void => {
    if (found.length >= MAX_PROBLEMS || depth > 32) return;
    if (typeof node === 'string') {
      if (hasControlCharacter(node)) found.push(at);
      return;
    }
    if (typeof node !== 'object' || node === null || node instanceof Uint8Array || node instanceof Date) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, at ? `${at}.${index}` : String(index), depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (hasControlCharacter(key)) {
        found.push(at || '(key)');
        continue;
      }
      const name = snakeCase(key);
      visit(child, at ? `${at}.${name}` : name, depth + 1);
    }
  };
  visit(value, path, 0);
  return found;
}
