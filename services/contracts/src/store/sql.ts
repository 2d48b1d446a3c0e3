// Small helpers every store module uses.

/** With `forUpdate`, the row stays locked until the transaction ends. */
export const forUpdate = (options: { forUpdate?: boolean }) => (options.forUpdate ? ' for update' : '');

/** A bigint (count, sum, int8 column) as a number: every count and minute total here is far below 2^53. */
export const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

/** The columns, each prefixed with a table alias ("c.id, c.person_id"). */
export const prefixed = (columns: string, alias: string) =>
  columns
    .split(',')
    .map((c) => `${alias}.${c.trim()}`)
    .join(', ');
