import { competenceAndProximityRanking, type OpenNeed, type PersonFit } from './ranking.js';

const MARSEILLE = ['eu', 'fr', 'paca', 'bdr', 'marseille'];
const AUBAGNE = ['eu', 'fr', 'paca', 'bdr', 'aubagne'];
const TOULON = ['eu', 'fr', 'paca', 'var', 'toulon'];
const MONTPELLIER = ['eu', 'fr', 'occitanie', 'montpellier'];

const need = (needId: string, skillId: string, territoryPath: string[], extra: Partial<OpenNeed> = {}): OpenNeed => ({
  projectId: `project-of-${needId}`,
  needId,
  skillId,
  skillBroaderId: 'group-repair',
  openMinutes: 600,
  territoryPath,
  ...extra,
});

const amina: PersonFit = {
  competences: [
    { skillId: 'solar', level: 4, broaderId: 'group-energy' },
    { skillId: 'carpentry', level: 2, broaderId: 'group-repair' },
  ],
  territoryPath: MARSEILLE,
};

const rank = (needs: OpenNeed[], person = amina) => competenceAndProximityRanking.rank(needs, person);

describe('projects for me', () => {
  it('ranks an expert match next door above a basic match, and explains each score', () => {
    const ranked = rank([
      need('carpentry-here', 'carpentry', MARSEILLE),
      need('solar-here', 'solar', MARSEILLE, { skillBroaderId: 'group-energy' }),
    ]);
    expect(ranked.map((r) => [r.need.needId, r.score])).toEqual([
      ['solar-here', 100],
      ['carpentry-here', 84],
    ]);
    expect(ranked[0]!.reasons).toEqual([
      { code: 'competence_exact', points: 60, params: { skillId: 'solar', level: '4' } },
      { code: 'territory_same', points: 40, params: { territoryId: 'marseille' } },
    ]);
  });

  it('prefers the same locality, then the department, then the region, then the country', () => {
    const ranked = rank([
      need('country', 'solar', MONTPELLIER, { skillBroaderId: 'group-energy' }),
      need('region', 'solar', TOULON, { skillBroaderId: 'group-energy' }),
      need('department', 'solar', AUBAGNE, { skillBroaderId: 'group-energy' }),
      need('here', 'solar', MARSEILLE, { skillBroaderId: 'group-energy' }),
    ]);
    expect(ranked.map((r) => r.need.needId)).toEqual(['here', 'department', 'region', 'country']);
    expect(ranked.map((r) => r.reasons[1]?.code)).toEqual(['territory_same', 'territory_near', 'territory_region', 'territory_country']);
    expect(ranked[1]!.reasons[1]!.params).toEqual({ territoryId: 'bdr' });
  });

  it('counts a skill of the same group as a related competence, worth less than the skill itself', () => {
    const [related] = rank([need('plumbing', 'plumbing', MARSEILLE)]);
    expect(related!.reasons[0]).toEqual({ code: 'competence_related', points: 16, params: { skillId: 'carpentry', level: '2' } });
    expect(related!.score).toBe(56);
  });

  it('suggests nothing that fits neither by competence nor by place', () => {
    const nobodyNear: PersonFit = { competences: [], territoryPath: ['elsewhere'] };
    expect(rank([need('far', 'plumbing', MONTPELLIER)], nobodyNear)).toEqual([]);
  });

  it('breaks ties by the minutes still open', () => {
    const ranked = rank([need('small', 'solar', MARSEILLE, { openMinutes: 60 }), need('large', 'solar', MARSEILLE, { openMinutes: 6000 })]);
    expect(ranked.map((r) => r.need.needId)).toEqual(['large', 'small']);
  });
});
