import { isRefusal } from '@e21/kit';
import { checkRefinement, validateChallenge, visibleChallenges } from './challenges.js';

// eu > fr > paca > bdr > marseille, and fr > occitanie > montpellier
const PATH = {
  eu: ['eu'],
  fr: ['eu', 'fr'],
  paca: ['eu', 'fr', 'paca'],
  marseille: ['eu', 'fr', 'paca', 'bdr', 'marseille'],
  montpellier: ['eu', 'fr', 'occitanie', 'montpellier'],
};

const challenge = (id: string, territoryId: string, minute = 0) => ({
  id,
  territoryId,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
});

describe('challenge inheritance', () => {
  const all = [
    challenge('marseille-heat', 'marseille'),
    challenge('eu-green-deal', 'eu'),
    challenge('paca-water', 'paca'),
    challenge('fr-energy', 'fr'),
    challenge('occitanie-vines', 'occitanie'),
    challenge('montpellier-trams', 'montpellier'),
  ];

  it('shows a locality its own challenges and those of its region, country and the EU, from the top down', () => {
    expect(visibleChallenges(PATH.marseille, all).map((c) => c.id)).toEqual(['eu-green-deal', 'fr-energy', 'paca-water', 'marseille-heat']);
  });

  it('does not show a locality the challenges of a sibling region or its localities', () => {
    const seen = visibleChallenges(PATH.marseille, all).map((c) => c.id);
    expect(seen).not.toContain('occitanie-vines');
    expect(seen).not.toContain('montpellier-trams');
  });

  it('does not show a region the challenges set below it', () => {
    expect(visibleChallenges(PATH.paca, all).map((c) => c.id)).toEqual(['eu-green-deal', 'fr-energy', 'paca-water']);
  });

  it('orders the challenges of one territory by when they were set', () => {
    const two = [challenge('second', 'paca', 5), challenge('first', 'paca', 1)];
    expect(visibleChallenges(PATH.paca, two).map((c) => c.id)).toEqual(['first', 'second']);
  });
});

describe('refining a challenge', () => {
  it('accepts refining a challenge of any territory above', () => {
    expect(checkRefinement(PATH.marseille, { id: 'x', territoryId: 'eu' })).toBeUndefined();
    expect(checkRefinement(PATH.marseille, { id: 'x', territoryId: 'paca' })).toBeUndefined();
  });

  it('refuses refining a challenge of the same territory, of one below, or of another branch', () => {
    expect(checkRefinement(PATH.paca, { id: 'x', territoryId: 'paca' })?.code).toBe('refines_not_above');
    expect(checkRefinement(PATH.paca, { id: 'x', territoryId: 'marseille' })?.code).toBe('refines_not_above');
    expect(checkRefinement(PATH.marseille, { id: 'x', territoryId: 'occitanie' })?.fields).toEqual([
      { field: 'refines_id', message: 'must be a challenge of a territory above this one' },
    ]);
  });
});

describe('validateChallenge', () => {
  it('trims texts and keeps each goal once, in order', () => {
    expect(validateChallenge({ title: '  Heat waves ', description: ' Shade in schools ', sdgs: [13, 3, 13, 11] })).toEqual({
      title: 'Heat waves',
      description: 'Shade in schools',
      sdgs: [3, 11, 13],
    });
  });

  it('refuses goals that are not SDG numbers 1 to 17, and an empty title', () => {
    for (const sdgs of [[0], [18], [1.5], [-3]]) {
      const result = validateChallenge({ title: 'x', description: '', sdgs });
      expect(isRefusal(result) && result.fields).toEqual([
        { field: 'sdgs', message: 'must be Sustainable Development Goal numbers, 1 to 17' },
      ]);
    }
    const untitled = validateChallenge({ title: '   ', description: '', sdgs: [] });
    expect(isRefusal(untitled) && untitled.fields?.map((f) => f.field)).toEqual(['title']);
  });

  it('refuses a title with a line break, a control or an invisible character', () => {
    for (const title of ['Heat\nwaves', 'Heat\u0007waves', 'Heat\u2060waves', '\u202Dwaves']) {
      const result = validateChallenge({ title, description: '', sdgs: [] });
      expect(isRefusal(result) && result.fields?.map((f) => f.field)).toEqual(['title']);
    }
  });
});
