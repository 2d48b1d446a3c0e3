// Teams: asking to join, the board accepting or declining, roles, leaving; and the current team for other services.
import { randomUUID } from 'node:crypto';
import {
  forbidden,
  idempotencyKeyOf,
  invalid,
  isUniqueViolation,
  notFound,
  Refused,
  throwIfRefused,
  withTransaction,
  type Caller,
  type Handlers,
} from '@e21/kit';
import type { ProgramsServiceService } from '@e21/proto/e21/programs/v1/programs';
import {
  ASSIGNABLE_ROLES,
  checkAcceptance,
  checkDecline,
  checkJoinRequest,
  checkRemoval,
  checkRoleChange,
  currentMembers,
  isBoardRole,
  teamRoleOf,
  type JoinRequestRecord,
  type Membership,
} from '../domain/team.js';
import { REASON_MAX } from '../domain/lifecycle.js';
import type { Need } from '../domain/projects.js';
import * as events from '../events.js';
import { joinRequestToProto, memberToProto, teamRoleFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, personIdOf, personOf, requireEnum, requireUuid, type HandlerDeps } from './context.js';
import { loadProject, type LoadedProject } from './views.js';

type TeamHandlers = Pick<
  Handlers<typeof ProgramsServiceService>,
  | 'listMembers'
  | 'requestToJoin'
  | 'listJoinRequests'
  | 'acceptJoinRequest'
  | 'declineJoinRequest'
  | 'setMemberRole'
  | 'removeMember'
  | 'isMember'
  | 'canValidate'
>;

function requireBoard(loaded: LoadedProject, caller: Caller, what: string): void {
  if (caller.kind !== 'system' && !isBoardRole(loaded.role))
    throw new Refused('forbidden', 'not_on_board', `Only the project’s coordinator or co-managers ${what}`);
}

export function teamHandlers(deps: HandlerDeps): TeamHandlers {
  /** People's levels in the skills of the needs they fill or offer to fill: what the board weighs. */
  async function competenceLevels(
    entries: readonly { personId: string; needId: string | null }[],
    needs: readonly Need[],
  ): Promise<Map<string, number>> {
    const skillOf = new Map(needs.map((need) => [need.id, need.skillId]));
    const levels = new Map<string, number>();
    await Promise.all(
      [...new Set(entries.filter((e) => e.needId).map((e) => e.personId))].map(async (personId) => {
        const competences = await deps.directory.competences(personId).catch(() => []);
        for (const entry of entries.filter((e) => e.personId === personId && e.needId)) {
          levels.set(`${personId}/${entry.needId}`, competences.find((c) => c.skillId === skillOf.get(entry.needId!))?.level ?? 0);
        }
      }),
    );
    return levels;
  }

  async function requestsView(loaded: LoadedProject, requests: JoinRequestRecord[]) {
    const [names, levels] = await Promise.all([
      deps.directory.names(requests.map((r) => r.personId)),
      competenceLevels(requests, loaded.project.needs),
    ]);
    return requests.map((r) => joinRequestToProto(r, names.get(r.personId) ?? '', levels.get(`${r.personId}/${r.needId}`) ?? 0));
  }

  async function memberView(membership: Membership) {
    const names = await deps.directory.names([membership.personId]);
    return memberToProto(membership, names.get(membership.personId) ?? '', 0);
  }

  /** Who may ask about someone's place on a team: services, the person themselves, the project's board. */
  async function teamQuestion(request: { projectId: string; personId: string }, call: Parameters<TeamHandlers['isMember']>[1]) {
    const caller = callerOf(call);
    const projectId = requireUuid(request.projectId, 'project_id');
    const personId = requireUuid(request.personId, 'person_id');
    const loaded = await loadProject(deps.pool, projectId, caller);
    if (caller.kind !== 'system' && personIdOf(caller) !== personId && !isBoardRole(loaded.role)) {
      throw forbidden('Services, the person themselves and the project’s board ask about a place on its team');
    }
    return { loaded, role: teamRoleOf(loaded.history, personId) };
  }

  return {
    async listMembers(request, call) {
      const caller = callerOf(call);
      const loaded = await loadProject(deps.pool, requireUuid(request.projectId, 'project_id'), caller);
      const members = currentMembers(loaded.history);
      // Only the board sees how well each member's competences fit their need.
      const [names, levels] = await Promise.all([
        deps.directory.names(members.map((m) => m.personId)),
        isBoardRole(loaded.role) ? competenceLevels(members, loaded.project.needs) : Promise.resolve(new Map<string, number>()),
      ]);
      return { members: members.map((m) => memberToProto(m, names.get(m.personId) ?? '', levels.get(`${m.personId}/${m.needId}`) ?? 0)) };
    },

    async requestToJoin(request, call) {
      const personId = personOf(call);
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const needId = requireUuid(request.needId, 'need_id');
      const key = idempotencyKeyOf(request.idempotencyKey);
      const message = request.message.trim();
      try {
        // Names and competence levels come from identity once the transaction is over.
        const { loaded, joinRequest } = await withTransaction(deps.pool, async (tx) => {
          const replayed = key ? await store.joinRequestByKey(tx, personId, key) : undefined;
          if (replayed) {
            if (replayed.projectId !== projectId)
              throw new Refused('conflict', 'idempotency_key_reused', 'This Idempotency-Key was used for another request');
            return { loaded: await loadProject(tx, projectId, caller), joinRequest: replayed };
          }
          const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
          const need = loaded.project.needs.find((n) => n.id === needId);
          const pending = await store.pendingRequestOf(tx, projectId, personId);
          throwIfRefused(
            checkJoinRequest(loaded.project, need, loaded.history, personId, {
              minutes: request.minutes,
              message,
              pending: pending !== undefined,
            }),
          );
          const joinRequest: JoinRequestRecord = {
            id: randomUUID(),
            projectId,
            personId,
            needId,
            minutes: request.minutes,
            message,
            status: 'pending',
            createdAt: deps.now(),
            decidedBy: null,
            decidedAt: null,
            decisionReason: '',
          };
          await store.insertJoinRequest(tx, joinRequest, key);
          return { loaded, joinRequest };
        });
        return (await requestsView(loaded, [joinRequest]))[0]!;
      } catch (error) {
        // The same key sent twice at once: the second finds the first's request when it tries again.
        if (isUniqueViolation(error))
          throw new Refused('conflict', 'request_pending', 'You already asked to join this project; wait for the board’s answer');
        throw error;
      }
    },

    async listJoinRequests(request, call) {
      const caller = callerOf(call);
      const loaded = await loadProject(deps.pool, requireUuid(request.projectId, 'project_id'), caller);
      requireBoard(loaded, caller, 'see who asked to join');
      return { requests: await requestsView(loaded, await store.listJoinRequests(deps.pool, loaded.project.id, request.includeDecided)) };
    },

    async acceptJoinRequest(request, call) {
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const requestId = requireUuid(request.requestId, 'request_id');
      const membership = await withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
        const joinRequest = await store.getJoinRequest(tx, projectId, requestId);
        if (!joinRequest) throw notFound('join_request', requestId);
        const current = currentMembers(loaded.history).find((m) => m.personId === joinRequest.personId);
        // Accepting again what was accepted (a retried click) answers with the membership it made.
        if (joinRequest.status === 'accepted' && current && isBoardRole(loaded.role)) return current;
        const need = loaded.project.needs.find((n) => n.id === joinRequest.needId);
        throwIfRefused(
          checkAcceptance(loaded.project, joinRequest, need, loaded.history, caller.kind === 'system' ? 'coordinator' : loaded.role),
        );
        const at = deps.now();
        const membership: Membership = {
          id: randomUUID(),
          projectId,
          personId: joinRequest.personId,
          role: 'contributor',
          needId: joinRequest.needId,
          minutes: joinRequest.minutes,
          since: at,
          until: null,
        };
        await store.insertMembership(tx, membership);
        await store.decideJoinRequest(tx, { ...joinRequest, status: 'accepted', decidedBy: callerText(caller), decidedAt: at });
        await events.memberJoined(tx, membership, callerText(caller), loaded.project.territoryId);
        return membership;
      });
      return memberView(membership);
    },

    async declineJoinRequest(request, call) {
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const requestId = requireUuid(request.requestId, 'request_id');
      const reason = request.reason.trim();
      if (reason.length > REASON_MAX) throw invalid('reason', `must be at most ${REASON_MAX} characters`);
      const { loaded, declined } = await withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
        const joinRequest = await store.getJoinRequest(tx, projectId, requestId);
        if (!joinRequest) throw notFound('join_request', requestId);
        throwIfRefused(checkDecline(joinRequest, caller.kind === 'system' ? 'coordinator' : loaded.role));
        const declined: JoinRequestRecord = {
          ...joinRequest,
          status: 'declined',
          decidedBy: callerText(caller),
          decidedAt: deps.now(),
          decisionReason: reason,
        };
        await store.decideJoinRequest(tx, declined);
        return { loaded, declined };
      });
      return (await requestsView(loaded, [declined]))[0]!;
    },

    async setMemberRole(request, call) {
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const personId = requireUuid(request.personId, 'person_id');
      const role = requireEnum(teamRoleFromProto(request.role), 'role', ASSIGNABLE_ROLES);
      if (!(ASSIGNABLE_ROLES as readonly string[]).includes(role))
        throw invalid('role', `must be one of ${ASSIGNABLE_ROLES.join(', ')}`, 'invalid_enum');
      const membership = await withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
        const target = currentMembers(loaded.history).find((m) => m.personId === personId);
        throwIfRefused(checkRoleChange(caller.kind === 'system' ? 'coordinator' : loaded.role, target));
        if (target!.role === role) return target!;
        const at = deps.now();
        const next: Membership = { ...target!, id: randomUUID(), role, since: at, until: null };
        await store.endMembership(tx, target!.id, at, callerText(caller));
        await store.insertMembership(tx, next);
        await events.memberRoleChanged(tx, next, target!.role, callerText(caller));
        return next;
      });
      return memberView(membership);
    },

    async removeMember(request, call) {
      const caller = callerOf(call);
      const projectId = requireUuid(request.projectId, 'project_id');
      const personId = requireUuid(request.personId, 'person_id');
      await withTransaction(deps.pool, async (tx) => {
        const loaded = await loadProject(tx, projectId, caller, { forUpdate: true });
        const target = currentMembers(loaded.history).find((m) => m.personId === personId);
        throwIfRefused(checkRemoval(personIdOf(caller), caller.kind === 'system' ? 'coordinator' : loaded.role, target));
        const at = deps.now();
        await store.endMembership(tx, target!.id, at, callerText(caller));
        await events.memberLeft(tx, target!, callerText(caller), at);
      });
      return {};
    },

    async isMember(request, call) {
      const { role } = await teamQuestion(request, call);
      return { member: role !== undefined, role: role ?? '' };
    },

    async canValidate(request, call) {
      const { role } = await teamQuestion(request, call);
      if (role === 'coordinator') return { allowed: true, reason: 'coordinator of the project' };
      if (role === 'co_manager') return { allowed: true, reason: 'co-manager of the project' };
      return { allowed: false, reason: role ? 'contributors do not validate' : 'not on the project’s team' };
    },
  };
}
