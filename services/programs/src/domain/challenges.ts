// Strategic challenges: set on a territory, refining a challenge of a territory above it, tagged
// with the UN Sustainable Development Goals; a territory sees its own and those set above it.
import { refusal, type FieldProblem, type RefusalValue } from '@e21/kit';
import { checkText, checkTitle, summary } from './checks.js';

export const CHALLENGE_TITLE_MAX = 200;
export const CHALLENGE_DESCRIPTION_MAX = 4000;
export const SDG_NUMBERS = Array.from({ length: 17 }, (_, i) => i + 1);

export interface Challenge {
  id: string;
  territoryId: string;
  title: string;
  description: string;
  sdgs: number[];
  refinesId: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChallengeFields {
  title: string;
  description: string;
  sdgs: number[];
}

/** Trims the texts and gives the goals once each, in order; refuses goals that are not 1 to 17. */
export function validateChallenge(fields: ChallengeFields): ChallengeFields | RefusalValue {
  const problems: FieldProblem[] = [];
  const title = checkTitle(problems, 'title', fields.title, CHALLENGE_TITLE_MAX);
  const description = checkText(problems, 'description', fields.description, CHALLENGE_DESCRIPTION_MAX, false);
  if (fields.sdgs.some((n) => !SDG_NUMBERS.includes(n)))
    problems.push({ field: 'sdgs', message: 'must be Sustainable Development Goal numbers, 1 to 17' });
  if (problems.length) return refusal('invalid', 'invalid_challenge', summary(problems), problems);
  return { title, description, sdgs: [...new Set(fields.sdgs)].sort((a, b) => a - b) };
}

/**
 * A challenge refines one set strictly above its own territory (an EU goal refined by a region),
 * never one of its own territory, below it or beside it.
 */
export function checkRefinement(
  territoryPath: readonly string[],
  refined: { id: string; territoryId: string } | undefined,
): RefusalValue | undefined {
  if (!refined) return undefined;
  const above = territoryPath.slice(0, -1);
  if (!above.includes(refined.territoryId)) {
    return refusal('invalid', 'refines_not_above', 'A challenge refines a challenge of a territory above its own', [
      { field: 'refines_id', message: 'must be a challenge of a territory above this one' },
    ]);
  }
  return undefined;
}

/**
 * The challenges a territory sees: its own and those of every territory above it, from the top
 * down. `territoryPath` runs from the root to the territory itself.
 */
export function visibleChallenges<C extends { territoryId: string; createdAt: Date }>(
  territoryPath: readonly string[],
  challenges: readonly C[],
): C[] {
  const depth = new Map(territoryPath.map((id, index) => [id, index]));
  return challenges
    .filter((challenge) => depth.has(challenge.territoryId))
    .sort((a, b) => depth.get(a.territoryId)! - depth.get(b.territoryId)! || a.createdAt.getTime() - b.createdAt.getTime());
}
