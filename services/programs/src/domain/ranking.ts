// "Projects for me": open needs ranked by how well they fit a person. The allocation engine of a
// later issue replaces this ranking; it only has to implement ProjectRanking.

/** An open need of a running or approved project, with what a ranking may look at. */
export interface OpenNeed {
  projectId: string;
  needId: string;
  skillId: string;
  /** The skill's broader group in the taxonomy, for related competences. */
  skillBroaderId: string | null;
  openMinutes: number;
  /** The project's territory, from the root down to it. */
  territoryPath: readonly string[];
}

export interface PersonFit {
  competences: readonly { skillId: string; level: number; broaderId: string | null }[];
  /** Where the person lives, from the root down to it. */
  territoryPath: readonly string[];
}

export interface ScoreReason {
  /** competence_exact, competence_related, territory_same, territory_near, territory_region, territory_country */
  code: string;
  points: number;
  /** skillId and level for competences; territoryId (the nearest territory shared) for territory. */
  params: Record<string, string>;
}

export interface RankedNeed<N extends OpenNeed> {
  need: N;
  /** 0 to 100 */
  score: number;
  reasons: ScoreReason[];
}

export interface ProjectRanking {
  /** The needs worth suggesting, best first, each with its score explained. */
  rank<N extends OpenNeed>(needs: readonly N[], person: PersonFit): RankedNeed<N>[];
}

// Up to 60 points for the competence and 40 for proximity: a perfect fit is an expert next door.
const EXACT_POINTS = [0, 36, 44, 52, 60];
const RELATED_POINTS = [0, 12, 16, 20, 24];
const PROXIMITY = [
  { code: 'territory_same', points: 40 },
  { code: 'territory_near', points: 30 },
  { code: 'territory_region', points: 20 },
  { code: 'territory_country', points: 10 },
];

function competenceReason(need: OpenNeed, person: PersonFit): ScoreReason | undefined {
  const exact = person.competences.find((c) => c.skillId === need.skillId);
  if (exact)
    return {
      code: 'competence_exact',
      points: EXACT_POINTS[exact.level] ?? 0,
      params: { skillId: need.skillId, level: String(exact.level) },
    };
  if (!need.skillBroaderId) return undefined;
  const related = person.competences.filter((c) => c.broaderId === need.skillBroaderId).sort((a, b) => b.level - a.level)[0];
  if (!related) return undefined;
  return {
    code: 'competence_related',
    points: RELATED_POINTS[related.level] ?? 0,
    params: { skillId: related.skillId, level: String(related.level) },
  };
}

/** How many steps up from the person's home the nearest territory they share with the project is. */
function proximityReason(need: OpenNeed, person: PersonFit): ScoreReason | undefined {
  let shared = 0;
  while (
    shared < need.territoryPath.length &&
    shared < person.territoryPath.length &&
    need.territoryPath[shared] === person.territoryPath[shared]
  )
    shared++;
  if (shared === 0) return undefined;
  const stepsUp = person.territoryPath.length - shared;
  const level = PROXIMITY[stepsUp];
  return level && { ...level, params: { territoryId: person.territoryPath[shared - 1]! } };
}

/**
 * Competence first (the person's level in the need's skill, or a related skill of the same group),
 * then proximity (the same locality, the one above it, and so on). Needs that fit in neither way
 * are not suggested; ties go to the need with more minutes open.
 */
export const competenceAndProximityRanking: ProjectRanking = {
  rank(needs, person) {
    return needs
      .map((need) => {
        const reasons = [competenceReason(need, person), proximityReason(need, person)].filter(
          (r): r is ScoreReason => r !== undefined && r.points > 0,
        );
        return { need, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
      })
      .filter((ranked) => ranked.score > 0)
      .sort((a, b) => b.score - a.score || b.need.openMinutes - a.need.openMinutes || a.need.needId.localeCompare(b.need.needId));
  },
};
