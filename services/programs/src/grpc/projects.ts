// Projects: proposing and editing them, their lifecycle, finding them, and "projects for me".
import { randomUUID } from 'node:crypto';
import { clampLimit, forbidden, invalid, orThrow, Refused, throwIfRefused, withTransaction, type Handlers } from '@e21/kit';
import type { ProgramsServiceService, Project as ProjectMessage, SuggestedNeed } from '@e21/proto/e21/programs/v1/programs';
import { reviewEdit } from '../domain/approval.js';
import { LIFECYCLE, transition } from '../domain/lifecycle.js';
import {
  checkEdit,
  planNeeds,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  validateProjectFields,
  type Project,
  type ProjectFields,
} from '../domain/projects.js';
import { isBoardRole, filledMinutes, type Membership } from '../domain/team.js';
import type { OpenNeed } from '../domain/ranking.js';
import * as events from '../events.js';
import { projectKindFromProto, projectStatusFromProto, reasonToProto, teamRoleToProto } from '../mapping.js';
import * as store from '../store/index.js';
import {
  callerOf,
  callerText,
  languageOf,
  optionalUuid,
  personIdOf,
  personOf,
  requireEnum,
  requireUuid,
  requireCurrentVersion,
  type HandlerDeps,
} from './context.js';
import { loadProject, projectInFull, projectMessage, projectsToProto, projectViewFacts } from './views.js';

type ProjectHandlers = Pick<
  Handlers<typeof ProgramsServiceService>,
  | 'createProject'
  | 'updateProject'
  | 'getProject'
  | 'changeProjectStatus'
  | 'searchProjects'
  | 'listMyProjects'
  | 'listApprovalQueue'
  | 'suggestNeeds'
>;

const TEXT_QUERY_MAX = 200;
const SUGGESTION_CANDIDATES = 500;

interface ProjectRequest {
  territoryId: string;
  title: string;
  description: string;
  kind: ProjectMessage['kind'];
  challengeIds: string[];
  startDate: string;
  endDate: string;
  needs: { id: string; skillId: string; neededMinutes: number; startDate: string; endDate: string }[];
}

function fieldsOf(request: ProjectRequest): ProjectFields {
  return orThrow(
    validateProjectFields({
      territoryId: requireUuid(request.territoryId, 'territory_id'),
      title: request.title,
      description: request.description,
      kind: requireEnum(projectKindFromProto(request.kind), 'kind', PROJECT_KINDS),
      challengeIds: request.challengeIds,
      startDate: request.startDate,
      endDate: request.endDate,
      needs: request.needs.map((need) => ({
        id: need.id || undefined,
        skillId: need.skillId,
        neededMinutes: need.neededMinutes,
        startDate: need.startDate || null,
        endDate: need.endDate || null,
      })),
    }),
  );
}

/** The path from the root down to a territory, as ids, from identity's tree. */
function pathIn(tree: ReadonlyMap<string, { parentId: string }>, territoryId: string): string[] {
  const path: string[] = [];
  for (let id: string | undefined = territoryId; id && !path.includes(id); id = tree.get(id)?.parentId || undefined) path.unshift(id);
  return path;
}

export function projectHandlers(deps: HandlerDeps): ProjectHandlers {
  /** The territory exists, the challenges are its own or inherited from above, the skills are in the taxonomy. */
  async function checkReferences(fields: ProjectFields): Promise<void> {
    const [path, challenges, skills] = await Promise.all([
      deps.directory.territoryPath(fields.territoryId),
      store.getChallenges(deps.pool, fields.challengeIds),
      deps.directory.skills(
        fields.needs.map((n) => n.skillId),
        'en',
      ),
    ]);
    const visible = new Set(challenges.filter((c) => path.includes(c.territoryId)).map((c) => c.id));
    const problems = fields.challengeIds.flatMap((id, index) =>
      visible.has(id)
        ? []
        : [{ field: `challenge_ids.${index}`, message: 'is not a challenge of the project’s territory or of a territory above it' }],
    );
    fields.needs.forEach((need, index) => {
      if (!skills.has(need.skillId)) problems.push({ field: `needs.${index}.skill_id`, message: 'is not a known skill' });
    });
    if (problems.length)
      throw new Refused('invalid', 'unknown_reference', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  }

  async function suggestionsFor(personId: string, limit: number, language: 'en' | 'fr'): Promise<SuggestedNeed[]> {
    const profile = await deps.directory.ownProfile(personId, language);
    const home = profile.territoryPath;
    // Needs of the person's country (or of the root, for someone registered at the top).
    const area = home[Math.min(1, home.length - 1)];
    if (!area) return [];
    const [territoryIds, tree] = await Promise.all([deps.directory.territoryAndBelow(area), deps.directory.territories(language)]);
    const candidates = await store.openNeeds(deps.pool, territoryIds, personId, SUGGESTION_CANDIDATES);
    const skills = await deps.directory.skills(
      candidates.map((c) => c.need.skillId),
      language,
    );
    const needs = candidates.map((c): OpenNeed & { project: Project } => ({
      project: c.project,
      projectId: c.project.id,
      needId: c.need.id,
      skillId: c.need.skillId,
      skillBroaderId: skills.get(c.need.skillId)?.broaderId ?? null,
      openMinutes: c.openMinutes,
      territoryPath: pathIn(tree, c.project.territoryId),
    }));
    const ranked = deps.ranking.rank(needs, { competences: profile.competences, territoryPath: home }).slice(0, limit);
    const messages = new Map(
      (await projectsToProto(deps, [...new Map(ranked.map((r) => [r.need.projectId, r.need.project])).values()], language)).map((p) => [
        p.id,
        p,
      ]),
    );
    const labels = new Map([
      ...profile.competences.map((c) => [c.skillId, c.label] as const),
      ...[...skills.values()].map((s) => [s.id, s.label] as const),
    ]);
    return ranked.map(({ need, score, reasons }) => {
      const project = messages.get(need.projectId)!;
      return {
        project,
        need: project.needs.find((n) => n.id === need.needId),
        score,
        reasons: reasons.map((reason) =>
          reasonToProto({
            ...reason,
            params: {
              ...reason.params,
              ...(reason.params.skillId ? { skillLabel: labels.get(reason.params.skillId) ?? reason.params.skillId } : {}),
              ...(reason.params.territoryId ? { territoryName: tree.get(reason.params.territoryId)?.name ?? '' } : {}),
            },
          }),
        ),
      };
    });
  }

  return {
    async createProject(request, call) {
      const personId = personOf(call);
      const caller = callerOf(call);
      const fields = fieldsOf(request);
      await checkReferences(fields);
      const plan = orThrow(planNeeds([], fields.needs, new Map(), randomUUID));
      const at = deps.now();
      const project: Project = {
        id: randomUUID(),
        territoryId: fields.territoryId,
        title: fields.title,
        description: fields.description,
        kind: fields.kind,
        status: 'draft',
        coordinatorId: personId,
        startDate: fields.startDate,
        endDate: fields.endDate,
        challengeIds: fields.challengeIds,
        needs: plan.add,
        refusalReason: '',
        approved: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      const coordinator: Membership = {
        id: randomUUID(),
        projectId: project.id,
        personId,
        role: 'coordinator',
        needId: null,
        minutes: 0,
        since: at,
        until: null,
      };
      const facts = await projectViewFacts(
        deps,
        project,
        project.needs.map((n) => n.skillId),
        caller,
        'coordinator',
        languageOf(request.language),
      );
      return withTransaction(deps.pool, async (tx) => {
        await store.insertProject(tx, project);
        await store.insertMembership(tx, coordinator);
        const message = await projectMessage(tx, { project, history: [coordinator], role: 'coordinator' }, caller, facts);
        await events.projectDrafted(tx, message);
        await events.memberJoined(tx, coordinator, callerText(caller), project.territoryId);
        return message;
      });
    },

    async updateProject(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      if (!request.expectedVersion) throw invalid('expected_version', 'is required: the version being changed', 'precondition_required');
      const fields = fieldsOf(request);
      // Territories, challenges and skills are checked before the project is locked: they do not depend on it.
      await checkReferences(fields);
      // Labels and names for the event, read before the lock at the version the caller names: the
      // version check below refuses the edit if the project moved on since, so they describe it.
      const before = await loadProject(deps.pool, id, caller);
      const skillIds = [...before.project.needs, ...fields.needs].map((n) => n.skillId);
      const facts = await projectViewFacts(
        deps,
        { ...before.project, territoryId: fields.territoryId },
        skillIds,
        caller,
        before.role,
        languageOf(request.language),
      );
      return withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, id, caller, { forUpdate: true });
        const { project, history, role } = loaded;
        if (!isBoardRole(role) && caller.kind !== 'system')
          throw new Refused('forbidden', 'not_on_board', 'Only the project’s coordinator or co-managers edit it');
        requireCurrentVersion(request.expectedVersion, project.version);
        throwIfRefused(checkEdit(project, fields));
        const plan = orThrow(planNeeds(project.needs, fields.needs, filledMinutes(history), randomUUID));
        const at = deps.now();
        const { needs: _requested, ...changes } = fields;
        const edited: Project = { ...project, ...changes, needs: [...plan.keep, ...plan.add], version: project.version + 1, updatedAt: at };
        // A material change of an approved or running project sends it back to the officers.
        const { project: updated, change } = reviewEdit(project, edited, callerText(caller), at);
        await store.updateProject(tx, updated);
        await store.replaceProjectChallenges(tx, id, updated.challengeIds);
        await store.applyNeedPlan(tx, id, plan, { by: callerText(caller), at });
        if (change) await store.insertTransition(tx, id, change);
        const message = await projectMessage(tx, { ...loaded, project: updated }, caller, facts);
        await events.projectUpdated(tx, message, callerText(caller));
        if (change) await events.projectMoved(tx, message, change);
        return message;
      });
    },

    async getProject(request, call) {
      const caller = callerOf(call);
      const loaded = await loadProject(deps.pool, requireUuid(request.id, 'id'), caller);
      return projectInFull(deps, loaded, caller, languageOf(request.language));
    },

    async changeProjectStatus(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      const to = requireEnum(projectStatusFromProto(request.status), 'status', PROJECT_STATUSES);
      // identity is asked before the lock (whether the caller is an officer of the project's territory,
      // the labels and names for the event); the move is made only on the version these were read at.
      const before = await loadProject(deps.pool, id, caller);
      const mover = LIFECYCLE[before.project.status][to];
      // identity is asked only when an officer could make this move
      const [officer, facts] = await Promise.all([
        caller.kind !== 'system' && mover !== undefined && mover !== 'board'
          ? deps.directory.allowed(caller, 'programs.projects.approve', {
              projectId: before.project.id,
              projectTerritoryId: before.project.territoryId,
            })
          : false,
        projectViewFacts(
          deps,
          before.project,
          before.project.needs.map((n) => n.skillId),
          caller,
          before.role,
          languageOf(request.language),
        ),
      ]);
      return withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, id, caller, { forUpdate: true });
        const { project, role } = loaded;
        requireCurrentVersion(request.expectedVersion, project.version);
        requireCurrentVersion(before.project.version, project.version);
        const actor = { by: callerText(caller), teamRole: role, officer, system: caller.kind === 'system' };
        const moved = orThrow(transition(project, to, actor, request.reason, deps.now()));
        await store.updateProject(tx, moved.project);
        await store.insertTransition(tx, id, moved.change);
        const message = await projectMessage(tx, { ...loaded, project: moved.project }, caller, facts);
        await events.projectMoved(tx, message, moved.change);
        return message;
      });
    },

    async searchProjects(request, call) {
      const caller = callerOf(call);
      const territoryId = optionalUuid(request.territoryId, 'territory_id');
      const challengeId = optionalUuid(request.challengeId, 'challenge_id');
      if (request.skillId.length > 300) throw invalid('skill_id', 'must be a skill id');
      if (request.text.length > TEXT_QUERY_MAX) throw invalid('text', `must be at most ${TEXT_QUERY_MAX} characters`);
      const statuses = request.statuses.map((status) => requireEnum(projectStatusFromProto(status), 'statuses', PROJECT_STATUSES));
      const territoryIds = territoryId ? await deps.directory.territoryAndBelow(territoryId) : undefined;
      const found = await store.searchProjects(
        deps.pool,
        {
          territoryIds,
          skillId: request.skillId || undefined,
          challengeId,
          kind: projectKindFromProto(request.kind),
          statuses,
          text: request.text,
          viewerId: personIdOf(caller),
        },
        clampLimit(request.limit, 20, 100),
        request.cursor || undefined,
      );
      return { projects: await projectsToProto(deps, found.items, languageOf(request.language)), nextCursor: found.nextCursor };
    },

    async listMyProjects(request, call) {
      const personId = call.caller?.kind === 'system' && request.personId ? requireUuid(request.personId, 'person_id') : personOf(call);
      const mine = await store.projectsOfPerson(deps.pool, personId);
      const messages = await projectsToProto(
        deps,
        mine.map((m) => m.project),
        languageOf(request.language),
      );
      return {
        projects: messages.map((message, index) => ({
          ...message,
          viewer: {
            role: teamRoleToProto(mine[index]!.role),
            mayEdit: false,
            mayApprove: false,
            pendingRequestId: '',
            mayLeaveFeedback: false,
          },
        })),
        nextCursor: '',
      };
    },

    async listApprovalQueue(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const territoryIds = await deps.directory.territoryAndBelow(territoryId);
      if (!(await deps.directory.allowed(caller, 'programs.projects.approve', { territoryId }))) {
        throw forbidden('Only officers of a territory (or above) see the projects waiting for its approval');
      }
      const found = await store.searchProjects(
        deps.pool,
        { territoryIds, statuses: ['proposed'] },
        clampLimit(request.limit, 50, 200),
        request.cursor || undefined,
      );
      return { projects: await projectsToProto(deps, found.items, languageOf(request.language)), nextCursor: found.nextCursor };
    },

    async suggestNeeds(request, call) {
      const personId = personOf(call);
      const suggestions = await suggestionsFor(personId, clampLimit(request.limit, 10, 50), languageOf(request.language));
      return { suggestions };
    },
  };
}
