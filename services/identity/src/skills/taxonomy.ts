// The skills taxonomy shipped with the service (data/skills.json), and the checks any taxonomy must pass before it is stored.
import { readFile } from 'node:fs/promises';
import { LANGUAGES, type SkillRecord } from '../domain/skills.js';

interface ShippedConcept {
  id: string;
  kind: SkillRecord['kind'];
  labels: Record<string, string>;
  broaderId: string | null;
  description?: Record<string, string>;
}

interface ShippedTaxonomyFile {
  version: string;
  concepts: ShippedConcept[];
}

// Both src/skills/taxonomy.ts and dist/skills/taxonomy.js sit two levels under services/identity.
const SHIPPED_TAXONOMY_URL = new URL('../../data/skills.json', import.meta.url);

export async function loadShippedTaxonomy(): Promise<SkillRecord[]> {
  const file = JSON.parse(await readFile(SHIPPED_TAXONOMY_URL, 'utf8')) as ShippedTaxonomyFile;
  return file.concepts.map(shippedConceptToRecord);
}

export function shippedConceptToRecord(concept: ShippedConcept): SkillRecord {
  return {
    id: concept.id,
    kind: concept.kind,
    labels: concept.labels,
    broaderId: concept.broaderId,
    description: concept.description ?? {},
    source: 'e21',
  };
}

const ESCO_CONCEPT_URI = /^http:\/\/data\.europa\.eu\/esco\/(skill|isced-f)\/[A-Za-z0-9.-]+$/;

const ID_PATTERNS: Record<SkillRecord['source'], Record<SkillRecord['kind'], RegExp>> = {
  e21: {
    group: /^urn:e21:skill-group:[A-Z]\d*(\.\d+)*$/,
    skill: /^urn:e21:skill:[a-z0-9]+(-[a-z0-9]+)*$/,
  },
  esco: { group: ESCO_CONCEPT_URI, skill: ESCO_CONCEPT_URI },
};

/** Every problem that would make `records` unfit to store, as "<id>: <problem>" lines; empty when it is sound. */
export function validateTaxonomy(records: SkillRecord[]): string[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return [
    ...duplicateIds(records),
    ...records.flatMap(malformedId),
    ...records.flatMap(missingLabels),
    ...records.flatMap((record) => badBroader(record, byId)),
    ...cycles(records, byId),
  ];
}

function duplicateIds(records: SkillRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const { id } of records) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([id, count]) => `${id}: duplicate id (${count} concepts)`);
}

function malformedId(record: SkillRecord): string[] {
  const pattern = ID_PATTERNS[record.source]?.[record.kind];
  if (!pattern) return [`${record.id}: unknown source "${record.source}" or kind "${record.kind}"`];
  return pattern.test(record.id) ? [] : [`${record.id}: id does not match the ${record.source} ${record.kind} pattern ${pattern}`];
}

function missingLabels(record: SkillRecord): string[] {
  return LANGUAGES.filter((language) => !record.labels[language]?.trim()).map((language) => `${record.id}: missing ${language} label`);
}

function badBroader(record: SkillRecord, byId: ReadonlyMap<string, SkillRecord>): string[] {
  if (record.broaderId === null) return [];
  const broader = byId.get(record.broaderId);
  if (!broader) return [`${record.id}: broader ${record.broaderId} is not a known concept`];
  return broader.kind === 'group' ? [] : [`${record.id}: broader ${record.broaderId} is a skill, not a group`];
}

/** Each cycle once, reported from its smallest id so that every member does not repeat it. */
function cycles(records: SkillRecord[], byId: ReadonlyMap<string, SkillRecord>): string[] {
  return records.flatMap((record) => {
    const path = broaderPath(record.id, byId);
    const isCycleStart = path.at(-1) === record.id && path.slice(0, -1).every((id) => id >= record.id);
    return path.length > 1 && isCycleStart ? [`${record.id}: cycle in the hierarchy ${path.join(' > ')}`] : [];
  });
}

/** The ids from `id` up its broader chain, stopping after the first id seen twice or at a top or unknown concept. */
function broaderPath(id: string, byId: ReadonlyMap<string, SkillRecord>): string[] {
  const path = [id];
  const seen = new Set(path);
  for (let next = byId.get(id)?.broaderId; next; next = byId.get(next)?.broaderId) {
    path.push(next);
    if (seen.has(next)) break;
    seen.add(next);
  }
  return path;
}
