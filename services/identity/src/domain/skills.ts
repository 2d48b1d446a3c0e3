// The skills taxonomy: competences people hold, grouped under broader concepts like ESCO's skills pillar.

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

export interface SkillRecord {
  /** Stable URI-style id: "urn:e21:skill:<slug>" for the shipped taxonomy, the ESCO concept URI for imported ones. */
  id: string;
  /** A group is a broader concept (e.g. "assisting and caring"); people hold skills, not groups. */
  kind: 'group' | 'skill';
  /** Labels by language; English is always present. */
  labels: Record<string, string>;
  /** Id of the broader concept (a group), or null at the top of the hierarchy. */
  broaderId: string | null;
  /** Optional descriptions by language. */
  description: Record<string, string>;
  source: 'e21' | 'esco';
}

/** A skill a person holds, at a level from 1 (basic) to 4 (expert). */
export interface Competence {
  personId: string;
  skillId: string;
  level: number;
}

/** The label in `language`, falling back to English, then to any label. */
export function labelIn(labels: Record<string, string>, language: string): string {
  return labels[language] ?? labels.en ?? Object.values(labels)[0] ?? '';
}

/** Lower-case text without accents, so "Écoute" matches "ecoute". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
