// A project's team: who is on it, asking to join, the board accepting or declining, roles, leaving.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { TeamRole } from '@e21/proto/e21/programs/v1/programs';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { freeText, uuid } from '../common.js';
import { joinRequestOut, memberOut } from './mapping.js';
import { ASSIGNABLE_ROLES, JoinRequest, JoinRequestInput, Member } from './schemas.js';

const projectParam = z.object({ projectId: uuid }).strict();
const requestParam = z.object({ projectId: uuid, requestId: uuid }).strict();
const memberParam = z.object({ projectId: uuid, personId: uuid }).strict();

export function teamRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/projects/:projectId/members',
      summary: 'The team: coordinator, co-managers and contributors, with the need each fills',
      tag: 'teams',
      access: 'person',
      params: projectParam,
      query: z.object({}).strict(),
      response: { status: 200, schema: z.object({ items: z.array(Member) }), description: 'Current members' },
      async handler({ actor, params }) {
        const { members } = await deps.programs.listMembers({ projectId: params.projectId }, { caller: callerOf(actor) });
        return { body: { items: members.map(memberOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/join-requests',
      summary: 'Ask to join a project, saying which need you fill and with how many minutes (accepts Idempotency-Key)',
      tag: 'teams',
      access: 'person',
      refusals: ['unknown_need', 'project_closed', 'need_filled', 'exceeds_open_minutes', 'already_member', 'request_pending'],
      params: projectParam,
      body: JoinRequestInput,
      response: { status: 201, schema: JoinRequest, description: 'The request, pending until the board decides' },
      idempotent: true,
      async handler({ actor, params, body, idempotencyKey }) {
        const request = await deps.programs.requestToJoin(
          { projectId: params.projectId, needId: body.needId, minutes: body.minutes, message: body.message, idempotencyKey },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: joinRequestOut(request) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/projects/:projectId/join-requests',
      summary: 'Who asked to join, with their level in the need’s skill (the board)',
      tag: 'teams',
      access: 'person',
      refusals: ['not_on_board'],
      params: projectParam,
      query: z.object({ all: z.enum(['true', 'false']).default('false').describe('also the requests already decided') }).strict(),
      response: { status: 200, schema: z.object({ items: z.array(JoinRequest) }), description: 'Requests, oldest first' },
      async handler({ actor, params, query }) {
        const { requests } = await deps.programs.listJoinRequests(
          { projectId: params.projectId, includeDecided: query.all === 'true' },
          { caller: callerOf(actor) },
        );
        return { body: { items: requests.map(joinRequestOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/join-requests/:requestId/accept',
      summary: 'Accept someone on the team as a contributor (the board)',
      tag: 'teams',
      access: 'person',
      refusals: [
        'join_request_not_found',
        'not_on_board',
        'already_decided',
        'already_member',
        'need_removed',
        'need_filled',
        'exceeds_open_minutes',
      ],
      params: requestParam,
      response: { status: 200, schema: Member, description: 'The new member' },
      async handler({ actor, params }) {
        const member = await deps.programs.acceptJoinRequest(
          { projectId: params.projectId, requestId: params.requestId, reason: '' },
          { caller: callerOf(actor) },
        );
        return { body: memberOut(member) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/join-requests/:requestId/decline',
      summary: 'Decline a request to join, optionally saying why (the board)',
      tag: 'teams',
      access: 'person',
      refusals: ['join_request_not_found', 'not_on_board', 'already_decided'],
      params: requestParam,
      body: z.object({ reason: freeText(1000).default('') }).strict(),
      response: { status: 200, schema: JoinRequest, description: 'The declined request' },
      async handler({ actor, params, body }) {
        const request = await deps.programs.declineJoinRequest(
          { projectId: params.projectId, requestId: params.requestId, reason: body.reason },
          { caller: callerOf(actor) },
        );
        return { body: joinRequestOut(request) };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/projects/:projectId/members/:personId',
      summary: 'Make a member co-manager, or contributor again (the board; the coordinator stays coordinator)',
      tag: 'teams',
      access: 'person',
      refusals: ['not_on_board', 'member_not_found', 'coordinator_role'],
      params: memberParam,
      body: z.object({ role: z.enum(ASSIGNABLE_ROLES) }).strict(),
      response: { status: 200, schema: Member, description: 'The member in their role' },
      async handler({ actor, params, body }) {
        const member = await deps.programs.setMemberRole(
          { projectId: params.projectId, personId: params.personId, role: toProtoEnum<TeamRole>('TEAM_ROLE', body.role) },
          { caller: callerOf(actor) },
        );
        return { body: memberOut(member) };
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/projects/:projectId/members/:personId',
      summary: 'Leave a project, or remove a member from it (the board)',
      tag: 'teams',
      access: 'person',
      refusals: ['not_on_board', 'member_not_found', 'coordinator_cannot_leave'],
      params: memberParam,
      response: { status: 204, description: 'Left' },
      async handler({ actor, params }) {
        await deps.programs.removeMember({ projectId: params.projectId, personId: params.personId }, { caller: callerOf(actor) });
        return { status: 204 };
      },
    }),
  ];
}
