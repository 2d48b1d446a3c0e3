// Projects: propose and edit them, move them through their lifecycle, find them; my projects,
// "projects for me" and the officers' approval queue.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { clientString, cursor, emptyQuery, limit, listOf, orNull, uuid } from '../common.js';
import { projectKindToProto, projectOut, projectStatusToProto, suggestionOut } from './mapping.js';
import { Project, ProjectInput, PROJECT_KINDS, PROJECT_STATUSES, skillId, StatusChangeInput, Suggestion } from './schemas.js';

const projectParam = z.object({ projectId: uuid }).strict();

const statusList = clientString()
  .regex(
    new RegExp(`^(${PROJECT_STATUSES.join('|')})(,(${PROJECT_STATUSES.join('|')}))*$`),
    `must be statuses among ${PROJECT_STATUSES.join(', ')}, separated by commas`,
  )
  .transform((value) => value.split(','))
  .describe('one or more statuses, comma-separated');

type ProjectBody = z.infer<typeof ProjectInput>;

const projectFields = (body: ProjectBody) => ({
  territoryId: body.territoryId,
  title: body.title,
  description: body.description,
  kind: projectKindToProto(body.kind),
  challengeIds: body.challengeIds,
  startDate: body.startDate,
  endDate: body.endDate,
  needs: body.needs.map((n) => ({
    id: n.id ?? '',
    skillId: n.skillId,
    neededMinutes: n.neededMinutes,
    startDate: n.startDate ?? '',
    endDate: n.endDate ?? '',
  })),
});

export function projectRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/projects',
      summary:
        'Find projects: by territory (and every territory below it), competence needed, challenge (and those refining it), kind, status, text',
      tag: 'projects',
      access: 'person_or_client',
      refusals: ['unknown_territory'],
      query: z
        .object({
          territoryId: uuid.optional(),
          skillId: skillId.optional(),
          challengeId: uuid.optional(),
          kind: z.enum(PROJECT_KINDS).optional(),
          status: statusList.optional(),
          q: clientString().max(200).optional(),
          limit,
          cursor,
        })
        .strict(),
      response: { status: 200, schema: listOf(Project), description: 'Projects, newest first' },
      async handler({ actor, query, language }) {
        const found = await deps.programs.searchProjects(
          {
            territoryId: query.territoryId ?? '',
            skillId: query.skillId ?? '',
            challengeId: query.challengeId ?? '',
            kind: projectKindToProto(query.kind),
            statuses: (query.status ?? []).map(projectStatusToProto),
            text: query.q ?? '',
            limit: query.limit ?? 20,
            cursor: query.cursor ?? '',
            language,
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.projects.map(projectOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects',
      summary: 'Start a project, as a draft whose coordinator you are',
      tag: 'projects',
      access: 'person',
      refusals: ['invalid_project', 'unknown_territory', 'unknown_reference'],
      body: ProjectInput,
      response: { status: 201, schema: Project, description: 'The new draft project' },
      async handler({ actor, body, language }) {
        const project = await deps.programs.createProject({ ...projectFields(body), language }, { caller: callerOf(actor) });
        return { status: 201, body: projectOut(project), headers: { Location: `/v1/projects/${project.id}` }, version: project.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/projects/:projectId',
      summary: 'One project: needs with filled and open minutes, history, and what you may do with it',
      tag: 'projects',
      access: 'person_or_client',
      params: projectParam,
      query: emptyQuery,
      response: { status: 200, schema: Project, description: 'The project; its ETag is its version, for If-Match' },
      async handler({ actor, params, language }) {
        const project = await deps.programs.getProject({ id: params.projectId, language }, { caller: callerOf(actor) });
        return { body: projectOut(project), version: project.version };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/projects/:projectId',
      summary:
        'Edit a project (its board): needs are kept by id, added without one, removed when left out. ' +
        'An approved or running project whose total hours grow by more than 10 %, which needs a new competence, or whose period reaches more than 30 days beyond the approved one goes back to approval (status proposed)',
      tag: 'projects',
      access: 'person',
      refusals: [
        'invalid_project',
        'unknown_territory',
        'unknown_reference',
        'not_on_board',
        'not_editable',
        'fixed_after_draft',
        'unknown_need',
        'needs_in_use',
      ],
      params: projectParam,
      body: ProjectInput,
      ifMatch: 'required',
      response: { status: 200, schema: Project, description: 'The project' },
      async handler({ actor, params, body, ifMatch, language }) {
        const project = await deps.programs.updateProject(
          { id: params.projectId, expectedVersion: ifMatch!, ...projectFields(body), language },
          { caller: callerOf(actor) },
        );
        return { body: projectOut(project), version: project.version };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/status',
      summary: 'Move a project: propose, approve or refuse (officers, with a reason), start, complete, cancel',
      tag: 'projects',
      access: 'person',
      refusals: ['invalid_transition', 'not_an_officer', 'own_project', 'not_on_board', 'reason_required'],
      params: projectParam,
      body: StatusChangeInput,
      ifMatch: 'optional',
      response: { status: 200, schema: Project, description: 'The project in its new status' },
      async handler({ actor, params, body, ifMatch, language }) {
        const project = await deps.programs.changeProjectStatus(
          {
            id: params.projectId,
            status: projectStatusToProto(body.status),
            reason: body.reason ?? '',
            expectedVersion: ifMatch,
            language,
          },
          { caller: callerOf(actor) },
        );
        return { body: projectOut(project), version: project.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/me/projects',
      summary: 'The projects whose team I am on, with my role',
      tag: 'projects',
      access: 'person',
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Project) }), description: 'My projects, last changed first' },
      async handler({ actor, language }) {
        const { projects } = await deps.programs.listMyProjects({ language, personId: '' }, { caller: callerOf(actor) });
        return { body: { items: projects.map(projectOut) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/me/project-suggestions',
      summary: 'Projects for me: open needs ranked by how well they fit my competences and where I live, each score explained',
      tag: 'projects',
      access: 'person',
      query: z.object({ limit: z.coerce.number().int().min(1).max(50).optional() }).strict(),
      response: { status: 200, schema: z.object({ items: z.array(Suggestion) }), description: 'Suggested needs, best first' },
      async handler({ actor, query, language }) {
        const { suggestions } = await deps.programs.suggestNeeds({ limit: query.limit ?? 10, language }, { caller: callerOf(actor) });
        return { body: { items: suggestions.map(suggestionOut) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/project-approvals',
      summary: 'Projects waiting for approval in a territory and below it (its officers)',
      tag: 'projects',
      access: 'person',
      refusals: ['unknown_territory'],
      query: z.object({ territoryId: uuid, limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Project), description: 'Proposed projects, newest first' },
      async handler({ actor, query, language }) {
        const found = await deps.programs.listApprovalQueue(
          { territoryId: query.territoryId, limit: query.limit ?? 50, cursor: query.cursor ?? '', language },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.projects.map(projectOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),
  ];
}
