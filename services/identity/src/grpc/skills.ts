// Competence profiles and the skills taxonomy.
import { clampLimit, invalid, notFound, Refused, type Handlers, type Queryable } from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { requireAllowed } from '../authorization.js';
import type { SkillRecord } from '../domain/skills.js';
import { skillToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, languageOf, requireUuid, type HandlerDeps } from './context.js';

type SkillHandlers = Pick<
  Handlers<typeof IdentityServiceService>,
  'listCompetences' | 'setCompetence' | 'removeCompetence' | 'searchSkills' | 'getSkills'
>;

export const SKILL_ID_MAX_LENGTH = 300;
const QUERY_MAX_LENGTH = 100;

/** A person's competences with their skills and the skills' broader groups, for labels. */
async function competencesWithSkills(db: Queryable, personId: string) {
  const competences = await store.listCompetences(db, personId);
  const skills = await withBroader(
    db,
    await store.getSkills(
      db,
      competences.map((c) => c.skillId),
    ),
  );
  return competences.map((competence) => ({ competence, ...skills.get(competence.skillId)! }));
}

async function withBroader(db: Queryable, skills: SkillRecord[]): Promise<Map<string, { skill: SkillRecord; broader?: SkillRecord }>> {
  const broaderIds = [...new Set(skills.map((s) => s.broaderId).filter((id): id is string => id !== null))];
  const broader = new Map((await store.getSkills(db, broaderIds)).map((s) => [s.id, s]));
  return new Map(skills.map((skill) => [skill.id, { skill, broader: skill.broaderId ? broader.get(skill.broaderId) : undefined }]));
}

function requireSkillId(value: string): string {
  if (!value || value.length > SKILL_ID_MAX_LENGTH) throw invalid('skill_id', 'must be a skill id', 'invalid_skill_id');
  return value;
}

export function skillHandlers(deps: HandlerDeps): SkillHandlers {
  return {
    async listCompetences(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.competences.read', { personId });
      const language = languageOf(request.language);
      const competences = await competencesWithSkills(deps.pool, personId);
      return {
        competences: competences.map(({ competence, skill, broader }) => ({
          ...competence,
          skill: skillToProto(skill, language, broader),
        })),
      };
    },

    async setCompetence(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.competences.write', { personId });
      const skillId = requireSkillId(request.skillId);
      if (!Number.isInteger(request.level) || request.level < 1 || request.level > 4)
        throw invalid('level', 'must be 1 (basic) to 4 (expert)', 'invalid_level');
      const [skill] = await store.getSkills(deps.pool, [skillId]);
      if (!skill)
        throw new Refused('not_found', 'unknown_skill', `No skill with id ${skillId}`, [
          { field: 'skill_id', message: 'is not a known skill' },
        ]);
      if (skill.kind !== 'skill')
        throw new Refused('invalid', 'skill_group', `${skillId} is a group of skills; choose one of its skills`, [
          { field: 'skill_id', message: 'is a group, not a skill' },
        ]);
      if (!(await store.getPerson(deps.pool, personId))) throw notFound('person', personId);
      await store.setCompetence(deps.pool, { personId, skillId, level: request.level });
      const broader = skill.broaderId ? (await store.getSkills(deps.pool, [skill.broaderId]))[0] : undefined;
      return { personId, skillId, level: request.level, skill: skillToProto(skill, languageOf(request.language), broader) };
    },

    async removeCompetence(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.competences.write', { personId });
      const skillId = requireSkillId(request.skillId);
      if (!(await store.removeCompetence(deps.pool, personId, skillId))) throw notFound('competence', skillId);
      return {};
    },

    async searchSkills(request, call) {
      callerOf(call);
      if (request.query.length > QUERY_MAX_LENGTH) throw invalid('query', `must be at most ${QUERY_MAX_LENGTH} characters`);
      const language = languageOf(request.language);
      const found = await store.searchSkills(deps.pool, request.query, clampLimit(request.limit, 20, 100), request.cursor || undefined);
      const skills = await withBroader(deps.pool, found.items);
      return { skills: found.items.map((s) => skillToProto(s, language, skills.get(s.id)?.broader)), nextCursor: found.nextCursor };
    },

    async getSkills(request, call) {
      callerOf(call);
      if (request.ids.length > 500) throw invalid('ids', 'at most 500 ids at once');
      const language = languageOf(request.language);
      const skills = await withBroader(deps.pool, await store.getSkills(deps.pool, request.ids.map(requireSkillId)));
      return { skills: [...skills.values()].map(({ skill, broader }) => skillToProto(skill, language, broader)) };
    },
  };
}
