// Schema pieces every route uses: the strings a client may send, ids, pages, list envelopes.
import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter, hasNonNameCharacter, NAME_CHARACTER_MESSAGE } from '@e21/kit';

/**
 * The check on every string a client sends (gateway/test/client-text.test.ts walks every route's
 * schemas for it): no NUL or other control character but tab and line breaks. It aborts, so the
 * field gets this one message and no other.
 */
export const NO_CONTROL_CHARACTERS = z.refine<string>((value) => !hasControlCharacter(value), {
  error: CONTROL_CHARACTER_MESSAGE,
  abort: true,
});
/** What names and titles add: one line of visible characters (no tab, line break or invisible formatting character). */
export const ONE_VISIBLE_LINE = z.refine<string>((value) => !hasNonNameCharacter(value), { error: NAME_CHARACTER_MESSAGE, abort: true });

/**
 * Any string a client sends that is not free text, a name or a UUID: identifiers, codes, searches,
 * cursors. Build every input string from this or the helpers below, never from a bare z.string().
 */
export const clientString = () => z.string().check(NO_CONTROL_CHARACTERS);

/** Free text (a description, note, reason, comment): may span lines, trimmed, at most `max` characters. */
export const freeText = (max: number) => clientString().trim().max(max, `must be at most ${max} characters`);

/** Free text that must say something, e.g. the reason of a refusal. */
export const requiredText = (max: number) => freeText(max).min(1, 'must not be empty');

/** One line of visible characters, trimmed and in Unicode NFC, possibly empty: a reference, a column header. */
export const oneLine = (max: number) =>
  clientString().check(ONE_VISIBLE_LINE).normalize('NFC').trim().max(max, `must be at most ${max} characters`);

/** A name or a title: one line of visible characters, not empty (the services apply the same rule and their own limits). */
export const text = (max: number) => oneLine(max).min(1, 'must not be empty');

export const uuid = z.uuid({ error: 'must be a UUID' });
export const cursor = clientString().max(500).optional();
export const limit = z.coerce.number().int().min(1).max(200).optional();

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const emptyQuery = z.object({}).strict();

/** "" (proto's empty) becomes null in the REST API. */
export const orNull = (value: string | undefined): string | null => (value ? value : null);
