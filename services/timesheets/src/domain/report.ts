// Reports of approved hours: minutes, entries and people per project, competence, challenge,
// employer, territory or month.

export const REPORT_DIMENSIONS = ['project', 'competence', 'challenge', 'employer', 'territory', 'month'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** Approved minutes of one person under one key of the dimension (a project for challenges). */
export interface KeyedMinutes {
  key: string;
  personId: string;
  minutes: number;
  entries: number;
}

export interface ReportRow {
  /** Empty for entries that have no value in the dimension (no employer, no challenge): listed last. */
  key: string;
  label: string;
  approvedMinutes: number;
  entryCount: number;
  personCount: number;
}

/**
 * Rows of the report. `keysOf` maps a fetched key to the keys it counts under: itself, or the
 * challenges of a project (a project under two challenges counts under both; under none, under '').
 * People are counted once per row however many entries they have.
 */
export function reportRows(
  dimension: ReportDimension,
  fetched: KeyedMinutes[],
  labelOf: (key: string) => string,
  keysOf: (key: string) => string[] = (key) => [key],
): ReportRow[] {
  const rows = new Map<string, { minutes: number; entries: number; people: Set<string> }>();
  for (const item of fetched) {
    for (const key of keysOf(item.key)) {
      const row = rows.get(key) ?? { minutes: 0, entries: 0, people: new Set<string>() };
      row.minutes += item.minutes;
      row.entries += item.entries;
      row.people.add(item.personId);
      rows.set(key, row);
    }
  }
  const result = [...rows.entries()].map(([key, row]) => ({
    key,
    label: labelOf(key),
    approvedMinutes: row.minutes,
    entryCount: row.entries,
    personCount: row.people.size,
  }));
  if (dimension === 'month') return result.sort((a, b) => a.key.localeCompare(b.key));
  // Largest first; the row of entries without a value (no employer, no challenge) comes last.
  return result.sort(
    (a, b) =>
      Number(a.key === '') - Number(b.key === '') ||
      b.approvedMinutes - a.approvedMinutes ||
      a.label.localeCompare(b.label) ||
      a.key.localeCompare(b.key),
  );
}

/** Every entry once: the totals of a report, whatever the dimension. */
export function reportTotals(fetched: KeyedMinutes[]): { totalMinutes: number; totalEntries: number } {
  return fetched.reduce(
    (totals, item) => ({ totalMinutes: totals.totalMinutes + item.minutes, totalEntries: totals.totalEntries + item.entries }),
    { totalMinutes: 0, totalEntries: 0 },
  );
}
