import { isRefusal, type RefusalValue } from '@e21/kit';
import {
  applyPersonUpdate,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  validateNewPerson,
  type AppliedUpdate,
  type Person,
  type PersonFields,
} from './people.js';

const PARIS = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
const LYON = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';

const fields = (overrides: Partial<PersonFields> = {}): PersonFields => ({
  name: 'Ada Lovelace',
  email: 'ada@example.org',
  locale: 'en',
  status: 'employee',
  territoryId: PARIS,
  ...overrides,
});

const created = new Date('2025-01-10T09:00:00Z');
const now = new Date('2025-03-01T12:00:00Z');
const ada: Person = { id: 'b1e2c3d4-0000-4000-8000-000000000001', ...fields(), version: 3, createdAt: created, updatedAt: created };

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

function applied(result: AppliedUpdate | RefusalValue): AppliedUpdate {
  if (isRefusal(result)) throw new Error(`expected an update, got refusal ${result.code}: ${result.message}`);
  return result;
}

const fieldsNamed = (result: unknown) => (refused(result).fields ?? []).map((problem) => problem.field);

describe('validateNewPerson', () => {
  it('trims the name and the email and lower-cases the email', () => {
    expect(validateNewPerson(fields({ name: '  Ada Lovelace ', email: '  Ada.Lovelace@Example.ORG ' }))).toEqual(
      fields({ name: 'Ada Lovelace', email: 'ada.lovelace@example.org' }),
    );
  });

  it('refuses an empty or blank name, naming the name field', () => {
    expect(refused(validateNewPerson(fields({ name: '' }))).code).toBe('invalid_person');
    expect(fieldsNamed(validateNewPerson(fields({ name: '   ' })))).toEqual(['name']);
  });

  it(`refuses a name longer than ${NAME_MAX_LENGTH} characters and accepts one of exactly that length`, () => {
    expect(fieldsNamed(validateNewPerson(fields({ name: 'a'.repeat(NAME_MAX_LENGTH + 1) })))).toEqual(['name']);
    expect(isRefusal(validateNewPerson(fields({ name: 'a'.repeat(NAME_MAX_LENGTH) })))).toBe(false);
  });

  it('refuses a name with a line break, a control character or an invisible one (zero-width space, bidi override)', () => {
    for (const name of ['Ada\nLovelace', 'Ada\u0000', 'Ada\tLovelace', 'A\u200Bda Lovelace', '\u202Eecalevol adA']) {
      expect(fieldsNamed(validateNewPerson(fields({ name })))).toEqual(['name']);
      expect(fieldsNamed(applyPersonUpdate(ada, { name }, undefined, now))).toEqual(['name']);
    }
  });

  it('keeps a name in Unicode NFC, so the same name typed with a combining accent is the same name', () => {
    expect((validateNewPerson(fields({ name: 'Zoe\u0308 Martin' })) as PersonFields).name).toBe('Zo\u00EB Martin');
    expect(applied(applyPersonUpdate({ ...ada, name: 'Zo\u00EB' }, { name: ' Zoe\u0308 ' }, undefined, now)).changedFields).toEqual([]);
  });

  it('refuses what is not an email address, naming the email field', () => {
    for (const email of ['ada', 'ada@example', 'ada lovelace@example.org', '@example.org', 'ada@@example.org']) {
      expect(fieldsNamed(validateNewPerson(fields({ email })))).toEqual(['email']);
    }
  });

  it(`refuses an email longer than ${EMAIL_MAX_LENGTH} characters`, () => {
    const email = `${'a'.repeat(EMAIL_MAX_LENGTH)}@example.org`;
    expect(fieldsNamed(validateNewPerson(fields({ email })))).toEqual(['email']);
  });

  it('refuses an unknown status or locale, naming the field', () => {
    expect(fieldsNamed(validateNewPerson(fields({ status: 'astronaut' as PersonFields['status'] })))).toEqual(['status']);
    expect(fieldsNamed(validateNewPerson(fields({ locale: 'de' as PersonFields['locale'] })))).toEqual(['locale']);
  });

  it('refuses a territory that is not a uuid, under the API name territory_id', () => {
    expect(fieldsNamed(validateNewPerson(fields({ territoryId: 'paris' })))).toEqual(['territory_id']);
  });

  it('reports every wrong field at once', () => {
    expect(fieldsNamed(validateNewPerson(fields({ name: '', email: 'nope', territoryId: 'paris' })))).toEqual([
      'name',
      'email',
      'territory_id',
    ]);
  });
});

describe('applyPersonUpdate', () => {
  it('refuses an update made against an older version with stale_version', () => {
    const result = refused(applyPersonUpdate(ada, { name: 'Ada King' }, 2, now));
    expect(result.code).toBe('stale_version');
    expect(result.kind).toBe('stale');
  });

  it('applies an update made against the current version, or without a version', () => {
    expect(applied(applyPersonUpdate(ada, { name: 'Ada King' }, 3, now)).person.name).toBe('Ada King');
    expect(applied(applyPersonUpdate(ada, { name: 'Ada King' }, undefined, now)).person.name).toBe('Ada King');
  });

  it('increments the version by one and stamps the update time when something changed', () => {
    const { person } = applied(applyPersonUpdate(ada, { locale: 'fr' }, 3, now));
    expect(person).toEqual({ ...ada, locale: 'fr', version: 4, updatedAt: now });
  });

  it('names exactly the fields that changed, with territory_id for the territory', () => {
    const { changedFields } = applied(applyPersonUpdate(ada, { name: ada.name, status: 'retired', territoryId: LYON }, 3, now));
    expect(changedFields.sort()).toEqual(['status', 'territory_id']);
  });

  it('keeps the person and its version when nothing changes, and names no field', () => {
    const result = applied(
      applyPersonUpdate(ada, { name: `  ${ada.name} `, locale: ada.locale, status: ada.status, territoryId: ada.territoryId }, 3, now),
    );
    expect(result.changedFields).toEqual([]);
    expect(result.person).toEqual(ada);
  });

  it('refuses an invalid change without applying it', () => {
    expect(fieldsNamed(applyPersonUpdate(ada, { name: '  ' }, 3, now))).toEqual(['name']);
    expect(fieldsNamed(applyPersonUpdate(ada, { territoryId: 'lyon' }, 3, now))).toEqual(['territory_id']);
  });
});

describe('passwordProblem', () => {
  it(`accepts passwords of ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters and refuses shorter or longer ones`, () => {
    expect(passwordProblem('p'.repeat(PASSWORD_MIN_LENGTH - 1))).toMatch(/at least/);
    expect(passwordProblem('p'.repeat(PASSWORD_MIN_LENGTH))).toBeUndefined();
    expect(passwordProblem('p'.repeat(PASSWORD_MAX_LENGTH))).toBeUndefined();
    expect(passwordProblem('p'.repeat(PASSWORD_MAX_LENGTH + 1))).toMatch(/at most/);
  });
});
