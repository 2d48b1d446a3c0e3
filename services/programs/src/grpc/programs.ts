// Local programs: an officer assembles the approved projects of a territory for a year; the draft
// shows the hours needed per strategic challenge until the assembly validates it.
import { randomUUID } from 'node:crypto';
import { forbidden, invalid, notFound, throwIfRefused, withTransaction, type Caller, type Handlers, type Queryable } from '@e21/kit';
import type * as proto from '@e21/proto/e21/programs/v1/programs';
import type { LocalProgram, ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import { challengeTotals, checkProgramProjects, checkYear, type ProgramRecord } from '../domain/programs.js';
import { neededMinutesOf, type Project } from '../domain/projects.js';
import * as events from '../events.js';
import { programToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, languageOf, requireUuid, requireCurrentVersion, type HandlerDeps } from './context.js';
import { projectsToProto } from './views.js';

type ProgramHandlers = Pick<
  Handlers<typeof ProgramsServiceService>,
  'listProgramCandidates' | 'draftProgram' | 'getProgram' | 'listPrograms'
>;

interface ProgramFacts {
  territoryName: string;
  projects: proto.Project[];
}

export function programHandlers(deps: HandlerDeps): ProgramHandlers {
  async function requireDrafter(caller: Caller, territoryId: string): Promise<void> {
    if (!(await deps.directory.allowed(caller, 'programs.programs.draft', { territoryId }))) {
      throw forbidden('Only officers of a territory (or above) assemble its local program');
    }
  }

  /** What a program's message needs from identity: its territory's name and its projects as messages (labels, names). */
  async function programFacts(
    territoryId: string,
    projectIds: readonly string[],
    language: string,
    withProjects: boolean,
  ): Promise<ProgramFacts> {
    const [territoryName, projects] = await Promise.all([
      deps.directory.territoryWithAncestors(territoryId, language).then(
        ([t]) => t?.name ?? '',
        () => '',
      ),
      withProjects ? store.getProjects(deps.pool, projectIds).then((found) => projectsToProto(deps, found, language)) : Promise.resolve([]),
    ]);
    return { territoryName, projects };
  }

  /** The program with its projects and their hours per challenge, from this service's own tables and the facts gathered before. */
  async function programMessage(program: ProgramRecord, facts: ProgramFacts, db: Queryable): Promise<LocalProgram> {
    const projects = await store.getProjects(db, program.projectIds);
    const { totals, neededMinutes } = challengeTotals(projects.map((p) => ({ ...p, neededMinutes: neededMinutesOf(p) })));
    const challenges = new Map(
      (
        await store.getChallenges(
          db,
          totals.flatMap((t) => (t.challengeId ? [t.challengeId] : [])),
        )
      ).map((c) => [c.id, c.title]),
    );
    return programToProto(program, {
      projects: facts.projects,
      totals: totals.map((t) => ({
        challengeId: t.challengeId ?? '',
        challengeTitle: t.challengeId ? (challenges.get(t.challengeId) ?? '') : '',
        neededMinutes: t.neededMinutes,
        projectCount: t.projectCount,
      })),
      neededMinutes,
      territoryName: facts.territoryName,
    });
  }

  async function programView(program: ProgramRecord, language: string, withProjects = true): Promise<LocalProgram> {
    return programMessage(program, await programFacts(program.territoryId, program.projectIds, language, withProjects), deps.pool);
  }

  return {
    async listProgramCandidates(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      throwIfRefused(checkYear(request.year));
      const territoryIds = await deps.directory.territoryAndBelow(territoryId);
      await requireDrafter(caller, territoryId);
      const candidates: Project[] = await store.programCandidates(deps.pool, territoryIds, request.year);
      return { projects: await projectsToProto(deps, candidates, languageOf(request.language)), nextCursor: '' };
    },

    async draftProgram(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      throwIfRefused(checkYear(request.year));
      const projectIds = [...new Set(request.projectIds.map((id, index) => requireUuid(id, `project_ids.${index}`)))];
      if (!projectIds.length) throw invalid('project_ids', 'must name at least one approved project');
      const territoryIds = new Set(await deps.directory.territoryAndBelow(territoryId));
      await requireDrafter(caller, territoryId);
      const language = languageOf(request.language);
      // The projects' messages in the event are read before the transaction: a project edited in between
      // shows its earlier labels there, while the program's own figures (totals, ids) are read inside it.
      const facts = await programFacts(territoryId, projectIds, language, true);
      return withTransaction(deps.pool, async (tx) => {
        const projects = await store.getProjects(tx, projectIds);
        throwIfRefused(
          checkProgramProjects(
            projects.map((p) => ({ ...p, neededMinutes: neededMinutesOf(p) })),
            projectIds,
            territoryIds,
            request.year,
          ),
        );
        const existing = await store.programFor(tx, territoryId, request.year, { forUpdate: true });
        requireCurrentVersion(request.expectedVersion, existing?.version ?? 0);
        const saved = await store.saveProgram(tx, {
          id: existing?.id ?? randomUUID(),
          territoryId,
          year: request.year,
          status: 'draft',
          version: (existing?.version ?? 0) + 1,
          draftedBy: callerText(caller),
          draftedAt: deps.now(),
          projectIds: [...projectIds].sort(),
        });
        const message = await programMessage(saved, facts, tx);
        await events.programDrafted(tx, message, callerText(caller));
        return message;
      });
    },

    async getProgram(request, call) {
      callerOf(call);
      const id = requireUuid(request.id, 'id');
      const program = await store.getProgram(deps.pool, id);
      if (!program) throw notFound('program', id);
      return programView(program, languageOf(request.language));
    },

    async listPrograms(request, call) {
      callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const programs = await store.listPrograms(deps.pool, territoryId);
      const language = languageOf(request.language);
      return { programs: await Promise.all(programs.map((program) => programView(program, language, false))) };
    },
  };
}
