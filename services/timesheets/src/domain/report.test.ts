import { reportRows, reportTotals, type KeyedMinutes } from './report.js';

const fetched: KeyedMinutes[] = [
  { key: 'garden', personId: 'ada', minutes: 120, entries: 2 },
  { key: 'garden', personId: 'bob', minutes: 60, entries: 1 },
  { key: 'roofs', personId: 'ada', minutes: 300, entries: 3 },
  { key: 'repair', personId: 'cleo', minutes: 30, entries: 1 },
];
const labels: Record<string, string> = {
  garden: 'Shared garden',
  roofs: 'Solar roofs',
  repair: 'Repair café',
  climate: 'Heat waves',
  food: 'Local food',
};

describe('report rows', () => {
  it('sum minutes and entries per key and count each person once, largest first', () => {
    expect(reportRows('project', fetched, (key) => labels[key] ?? '')).toEqual([
      { key: 'roofs', label: 'Solar roofs', approvedMinutes: 300, entryCount: 3, personCount: 1 },
      { key: 'garden', label: 'Shared garden', approvedMinutes: 180, entryCount: 3, personCount: 2 },
      { key: 'repair', label: 'Repair café', approvedMinutes: 30, entryCount: 1, personCount: 1 },
    ]);
  });

  it('count a project under each of its challenges, and projects without one under the empty key, listed last', () => {
    const challenges: Record<string, string[]> = { garden: ['food', 'climate'], roofs: ['climate'], repair: [] };
    const bigger = [...fetched, { key: 'repair', personId: 'dan', minutes: 900, entries: 9 }];
    expect(
      reportRows(
        'challenge',
        bigger,
        (key) => labels[key] ?? '',
        (project) => (challenges[project]!.length ? challenges[project]! : ['']),
      ).at(-1)!.key,
    ).toBe('');
    const rows = reportRows(
      'challenge',
      fetched,
      (key) => labels[key] ?? '',
      (project) => (challenges[project]!.length ? challenges[project]! : ['']),
    );
    expect(rows.map((r) => [r.key, r.approvedMinutes, r.personCount])).toEqual([
      ['climate', 480, 2],
      ['food', 180, 2],
      ['', 30, 1],
    ]);
  });

  it('list months in calendar order', () => {
    const months = [
      { key: '2030-05', personId: 'ada', minutes: 10, entries: 1 },
      { key: '2030-03', personId: 'ada', minutes: 90, entries: 1 },
    ];
    expect(reportRows('month', months, (key) => key).map((r) => r.key)).toEqual(['2030-03', '2030-05']);
  });

  it('total every entry once, whatever the rows add up to', () => {
    expect(reportTotals(fetched)).toEqual({ totalMinutes: 510, totalEntries: 7 });
  });
});
