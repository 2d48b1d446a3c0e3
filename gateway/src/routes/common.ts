// Schema pieces every route uses: ids, pages, list envelopes.
import { z } from 'zod';

export const uuid = z.uuid({ error: 'must be a UUID' });
export const cursor = z.string().max(500).optional();
export const limit = z.coerce.number().int().min(1).max(200).optional();
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const emptyQuery = z.object({}).strict();

/** "" (proto's empty) becomes null in the REST API. */
export const orNull = (value: string | undefined): string | null => (value ? value : null);
