// Local programs: the approved projects of a territory for a year, with the hours they need per challenge.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { emptyQuery, uuid } from '../common.js';
import { programOut, projectOut } from './mapping.js';
import { LocalProgram, Project, ProgramInput } from './schemas.js';

const year = z.coerce.number().int().min(2000).max(2100);

export function programRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/programs',
      summary: 'The local programs of a territory, by year (without their projects)',
      tag: 'programs',
      access: 'person_or_client',
      refusals: ['unknown_territory'],
      query: z.object({ territoryId: uuid }).strict(),
      response: { status: 200, schema: z.object({ items: z.array(LocalProgram) }), description: 'Programs, latest year first' },
      async handler({ actor, query, language }) {
        const { programs } = await deps.programs.listPrograms({ territoryId: query.territoryId, language }, { caller: callerOf(actor) });
        return { body: { items: programs.map(programOut) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/program-candidates',
      summary: 'The approved and running projects of a territory (and below) for a year, to assemble its program (its officers)',
      tag: 'programs',
      access: 'person',
      refusals: ['unknown_territory'],
      query: z.object({ territoryId: uuid, year }).strict(),
      response: { status: 200, schema: z.object({ items: z.array(Project) }), description: 'Projects by title' },
      async handler({ actor, query, language }) {
        const { projects } = await deps.programs.listProgramCandidates(
          { territoryId: query.territoryId, year: query.year, language },
          { caller: callerOf(actor) },
        );
        return { body: { items: projects.map(projectOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/programs',
      summary:
        'Draft the local program of a territory for a year from approved projects, or draft it again (its officers; If-Match when redrafting)',
      tag: 'programs',
      access: 'person',
      refusals: ['unknown_territory', 'invalid_program'],
      body: ProgramInput,
      ifMatch: 'optional',
      response: { status: 200, schema: LocalProgram, description: 'The draft, with the needed minutes per challenge' },
      async handler({ actor, body, ifMatch, language }) {
        const program = await deps.programs.draftProgram(
          { territoryId: body.territoryId, year: body.year, projectIds: body.projectIds, expectedVersion: ifMatch, language },
          { caller: callerOf(actor) },
        );
        return { body: programOut(program), headers: { Location: `/v1/programs/${program.id}` }, version: program.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/programs/:programId',
      summary: 'A local program with its projects and the needed minutes per challenge',
      tag: 'programs',
      access: 'person_or_client',
      params: z.object({ programId: uuid }).strict(),
      query: emptyQuery,
      response: { status: 200, schema: LocalProgram, description: 'The program' },
      async handler({ actor, params, language }) {
        const program = await deps.programs.getProgram({ id: params.programId, language }, { caller: callerOf(actor) });
        return { body: programOut(program), version: program.version };
      },
    }),
  ];
}
