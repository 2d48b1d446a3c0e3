// Turns the ESCO skills pillar, as downloaded in CSV from the ESCO portal (one file set per language), into skill records.
import type { SkillRecord } from '../domain/skills.js';

export type CsvRow = Record<string, string>;

export interface EscoCsvFiles {
  /** skills_en.csv */
  skills: CsvRow[];
  /** skills_<language>.csv keyed by language code, e.g. { fr: <skills_fr.csv> } */
  skillsByLanguage?: Record<string, CsvRow[]>;
  /** broaderRelationsSkillPillar_en.csv */
  broaderRelations?: CsvRow[];
  /** skillGroups_en.csv; without it the groups that skills point to are not records. */
  skillGroups?: CsvRow[];
  /** skillGroups_<language>.csv keyed by language code, for the groups' translated labels. */
  skillGroupsByLanguage?: Record<string, CsvRow[]>;
}

/** The data rows of an RFC 4180 text keyed by its header row; a UTF-8 BOM and blank lines are ignored. */
export function parseCsv(text: string): CsvRow[] {
  const [header, ...rows] = parseCsvRows(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  return rows
    .filter((row) => row.length > 1 || row[0] !== '')
    .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

/** Fields per record; quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF, LF or CR. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    const [field, end] = text[at] === '"' ? readQuotedField(text, at) : readPlainField(text, at);
    row.push(field);
    at = end;
    if (text[at] === ',') {
      at += 1;
      if (at === text.length) row.push('');
      continue;
    }
    rows.push(row);
    row = [];
    at += text.startsWith('\r\n', at) ? 2 : 1;
  }
  return rows;
}

function readPlainField(text: string, start: number): [string, number] {
  let end = start;
  while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end += 1;
  return [text.slice(start, end), end];
}

// Text after a closing quote and before the next separator is kept rather than rejected: ESCO files are trusted input.
function readQuotedField(text: string, start: number): [string, number] {
  let value = '';
  let at = start + 1;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close === -1) return [value + text.slice(at), text.length];
    value += text.slice(at, close);
    if (text[close + 1] !== '"') {
      const [rest, end] = readPlainField(text, close + 1);
      return [value + rest, end];
    }
    value += '"';
    at = close + 2;
  }
}

const KIND_OF_CONCEPT_TYPE: Record<string, SkillRecord['kind']> = {
  KnowledgeSkillCompetence: 'skill',
  SkillGroup: 'group',
};

interface Broader {
  uri: string;
  type: string;
}

/**
 * Released skills and skill groups as records with English labels and descriptions, plus those of every
 * translated file. A concept's broader is its first broader group; a concept whose broaders are all skills
 * takes the nearest group above its first broader (a record's broader must be a group), or that first broader
 * when no group is above it.
 */
export function escoSkillsToRecords(input: EscoCsvFiles): SkillRecord[] {
  const translations = translationsByLanguage([input.skillsByLanguage ?? {}, input.skillGroupsByLanguage ?? {}]);
  const broaders = broadersByConcept(input.broaderRelations ?? []);
  return [...input.skills, ...(input.skillGroups ?? [])].filter(isReleased).flatMap((row) => {
    const kind = KIND_OF_CONCEPT_TYPE[row.conceptType ?? ''];
    if (!kind || !row.conceptUri) return [];
    return [
      {
        id: row.conceptUri,
        kind,
        labels: textsByLanguage(row, 'preferredLabel', translations),
        broaderId: broaderGroupOf(row.conceptUri, broaders),
        description: textsByLanguage(row, 'description', translations),
        source: 'esco' as const,
      },
    ];
  });
}

function isReleased(row: CsvRow): boolean {
  return !('status' in row) || row.status === 'released';
}

function translationsByLanguage(files: Record<string, CsvRow[]>[]): Map<string, Map<string, CsvRow>> {
  const byLanguage = new Map<string, Map<string, CsvRow>>();
  for (const [language, rows] of files.flatMap((byCode) => Object.entries(byCode))) {
    const byUri = byLanguage.get(language) ?? new Map<string, CsvRow>();
    for (const row of rows) if (row.conceptUri) byUri.set(row.conceptUri, row);
    byLanguage.set(language, byUri);
  }
  return byLanguage;
}

function textsByLanguage(
  row: CsvRow,
  column: string,
  translations: ReadonlyMap<string, ReadonlyMap<string, CsvRow>>,
): Record<string, string> {
  const uri = row.conceptUri ?? '';
  const texts: [string, string | undefined][] = [
    ['en', row[column]],
    ...[...translations].map(([language, byUri]): [string, string | undefined] => [language, byUri.get(uri)?.[column]]),
  ];
  return Object.fromEntries(texts.filter((entry): entry is [string, string] => !!entry[1]?.trim()));
}

function broadersByConcept(relations: CsvRow[]): Map<string, Broader[]> {
  const byConcept = new Map<string, Broader[]>();
  for (const { conceptUri, broaderUri, broaderType } of relations) {
    if (!conceptUri || !broaderUri) continue;
    byConcept.set(conceptUri, [...(byConcept.get(conceptUri) ?? []), { uri: broaderUri, type: broaderType ?? '' }]);
  }
  return byConcept;
}

function broaderGroupOf(uri: string, broaders: ReadonlyMap<string, Broader[]>, seen = new Set([uri])): string | null {
  const candidates = broaders.get(uri) ?? [];
  const group = candidates.find((broader) => broader.type === 'SkillGroup');
  if (group) return group.uri;
  const first = candidates[0];
  if (!first) return null;
  if (seen.has(first.uri)) return null;
  return broaderGroupOf(first.uri, broaders, seen.add(first.uri)) ?? first.uri;
}
