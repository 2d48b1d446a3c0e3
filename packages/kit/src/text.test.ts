import { Refused } from './errors.js';
import { refuseControlCharacters } from './grpc/input.js';
import { controlCharacterFields, hasControlCharacter, hasNonNameCharacter, nameProblem, normalizeName } from './text.js';

describe('text a client may send', () => {
  it('refuses NUL, the other C0 controls, DEL and the C1 controls in any text, but keeps tabs and line breaks', () => {
    for (const bad of ['a\u0000b', '\u0007', 'esc \u001b[31m', 'del \u007f', 'c1 \u0085', '\u009b'])
      expect(hasControlCharacter(bad)).toBe(true);
    for (const good of ['Line one\nline two', 'a\tb', 'CR LF\r\n', 'Amina Haddad', 'Élodie ☀️', ''])
      expect(hasControlCharacter(good)).toBe(false);
  });

  it('keeps names and titles to one line of visible characters', () => {
    for (const bad of [
      'Amina\nHaddad',
      'Amina\tHaddad',
      'Ami\u200Bna',
      '\u202Eadmin',
      'a\u2066b\u2069',
      '\uFEFFAmina',
      'soft\u00ADhyphen',
      'a\u2028b',
      'tag\u{E0041}',
      'x\u0000',
    ]) {
      expect(hasNonNameCharacter(bad)).toBe(true);
    }
    for (const good of ['Amina Haddad', 'Jean-Pierre L’Hôte', 'Repair café (Noailles)', '北京', 'می\u200Cخواهم', 'Zoë'])
      expect(hasNonNameCharacter(good)).toBe(false);
    // A joiner has a place between two letters only.
    expect(hasNonNameCharacter('\u200CAmina')).toBe(true);
    expect(hasNonNameCharacter('Amina\u200D')).toBe(true);
  });

  it('keeps a name trimmed and in NFC, so the same name typed two ways is one name', () => {
    expect(normalizeName('  Zoe\u0308 ')).toBe('Zoë');
    expect(normalizeName('Zoe\u0308')).toBe(normalizeName('Zo\u00EB'));
    expect(nameProblem('   ', 200)).toBe('must not be empty');
    expect(nameProblem('x'.repeat(201), 200)).toBe('must be at most 200 characters');
    expect(nameProblem('Ami\u200Bna', 200)).toMatch(/one line of visible characters/);
    expect(nameProblem(' Amina ', 200)).toBeUndefined();
  });

  it('names every string field of a decoded request that holds a control character, in protobuf names', () => {
    const request = {
      id: '6f1c2b7e-4d3a-4e8f-9b0a-1c2d3e4f5a6b',
      title: 'Repair\u0000café',
      description: 'Two lines\nare fine',
      needs: [
        { skillId: 'urn:e21:skill:carpentry', neededMinutes: 600 },
        { skillId: 'urn\u001b', neededMinutes: 60 },
      ],
      labels: { en: 'ok', fr: 'pas\u007f ok' },
      document: new Uint8Array([0, 1, 2]),
      expectedVersion: 3,
    };
    expect(controlCharacterFields(request)).toEqual(['title', 'needs.1.skill_id', 'labels.fr']);
    expect(controlCharacterFields({ labels: { 'e\u0000n': 'x' } })).toEqual(['labels']);
    expect(controlCharacterFields({ name: 'Amina', note: 'a\tb\r\n' })).toEqual([]);
  });

  it('refuses such a request with invalid_argument naming each field', () => {
    let refused: unknown;
    try {
      refuseControlCharacters({ name: 'Ami\u0000na', territoryId: 'x', email: 'amina@example.org\u0085' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(Refused);
    expect(refused).toMatchObject({ kind: 'invalid', code: 'control_characters', fields: [{ field: 'name' }, { field: 'email' }] });
    expect(() => refuseControlCharacters({ name: 'Amina', note: 'line\nbreak' })).not.toThrow();
  });
});
