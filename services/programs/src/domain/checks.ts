// Checks on plain values that every part of the domain uses: elapsed days and text (ids and dates: the kit's isUuid, isIsoDate).
import { nameProblem, normalizeName, type FieldProblem } from '@e21/kit';

/** Whole days from one YYYY-MM-DD date to another: 0 for the same day (the kit's daysBetween counts both ends). */
export function elapsedDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Lower-case text without accents, so "Écoute" matches "ecoute". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** Trims `value` and records a problem when it is empty (if required) or longer than `max`. */
export function checkText(problems: FieldProblem[], field: string, value: string, max: number, required = true): string {
  const trimmed = value.trim();
  if (required && !trimmed) problems.push({ field, message: 'must not be empty' });
  else if (trimmed.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return trimmed;
}

/**
 * A title, trimmed and in NFC, recording a problem when it is empty, longer than `max`, or not one
 * line of visible characters: an invisible character makes a look-alike of another title.
 */
export function checkTitle(problems: FieldProblem[], field: string, value: string, max: number): string {
  const problem = nameProblem(value, max);
  if (problem) problems.push({ field, message: problem });
  return normalizeName(value);
}

export function summary(problems: FieldProblem[]): string {
  return problems.map((p) => `${p.field} ${p.message}`).join('; ');
}
