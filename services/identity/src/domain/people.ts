// Rules about people: what a valid person is, and how a profile update applies.
import { isUuid, nameProblem as textNameProblem, normalizeName, refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import type { Membership } from './organizations.js';
import type { RoleGrant } from './roles.js';
import type { Competence, Language, SkillRecord } from './skills.js';
import type { Territory } from './territories.js';

export const PERSON_STATUSES = ['employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const LOCALES: readonly Language[] = ['en', 'fr'];

export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export interface PersonFields {
  name: string;
  email: string;
  locale: Language;
  status: PersonStatus;
  territoryId: string;
}

export interface Person extends PersonFields {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Everything "my profile" shows, read in one round trip. */
export interface ProfileRecord {
  person: Person;
  /** The residence territory first, then its ancestors up to the root. */
  territoryPath: Territory[];
  memberships: Membership[];
  competences: { competence: Competence; skill: SkillRecord; broader?: SkillRecord }[];
  grants: RoleGrant[];
}

export type PersonChanges = Partial<Pick<PersonFields, 'name' | 'locale' | 'status' | 'territoryId'>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string): boolean => EMAIL.test(value) && value.length <= EMAIL_MAX_LENGTH;

/** A person's name is one line of visible characters (no control or invisible formatting characters). */
const nameProblem = (name: string): string | undefined => textNameProblem(name, NAME_MAX_LENGTH);

function fieldProblems(fields: Partial<PersonFields>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string | undefined) => message && problems.push({ field, message });
  if (fields.name !== undefined) add('name', nameProblem(fields.name));
  if (fields.email !== undefined) add('email', isEmail(fields.email) ? undefined : 'must be an email address');
  if (fields.locale !== undefined) add('locale', LOCALES.includes(fields.locale) ? undefined : `must be one of ${LOCALES.join(', ')}`);
  if (fields.status !== undefined)
    add('status', PERSON_STATUSES.includes(fields.status) ? undefined : `must be one of ${PERSON_STATUSES.join(', ')}`);
  if (fields.territoryId !== undefined) add('territory_id', isUuid(fields.territoryId) ? undefined : 'must be a territory id');
  return problems;
}

function invalidPerson(problems: FieldProblem[]): RefusalValue {
  return refusal('invalid', 'invalid_person', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
}

/** A new person's fields, trimmed, or the list of what is wrong with them. */
export function validateNewPerson(fields: PersonFields): PersonFields | RefusalValue {
  const normalized = { ...fields, name: normalizeName(fields.name), email: fields.email.trim().toLowerCase() };
  const problems = fieldProblems(normalized);
  return problems.length ? invalidPerson(problems) : normalized;
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

export interface AppliedUpdate {
  person: Person;
  changedFields: string[];
}

/**
 * Applies a profile update. Refused when the caller saw an older version (`expectedVersion`),
 * so two people editing the same profile cannot silently overwrite each other.
 */
export function applyPersonUpdate(
  person: Person,
  changes: PersonChanges,
  expectedVersion: number | undefined,
  at: Date,
): AppliedUpdate | RefusalValue {
  if (expectedVersion !== undefined && expectedVersion !== person.version) {
    return refusal(
      'stale',
      'stale_version',
      `The profile is at version ${person.version}, not ${expectedVersion}; reload it and try again`,
    );
  }
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as PersonChanges;
  const trimmed: PersonChanges = { ...given, ...(given.name !== undefined ? { name: normalizeName(given.name) } : {}) };
  const problems = fieldProblems(trimmed);
  if (problems.length) return invalidPerson(problems);
  const changedFields = (Object.keys(trimmed) as (keyof PersonChanges)[]).filter(
    (field) => trimmed[field] !== undefined && trimmed[field] !== person[field],
  );
  if (changedFields.length === 0) return { person, changedFields };
  const updated: Person = { ...person, ...trimmed, version: person.version + 1, updatedAt: at } as Person;
  return { person: updated, changedFields: changedFields.map((field) => (field === 'territoryId' ? 'territory_id' : field)) };
}
