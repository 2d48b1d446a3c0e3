// SAR holidays: the person requests them, the employer agrees (employees), the office approves.
import { randomUUID } from 'node:crypto';
import {
  forbidden,
  invalid,
  isUniqueViolation,
  orThrow,
  Refused,
  replayOf,
  saveIdempotent,
  throwIfRefused,
  withTransaction,
  type Caller,
  type Handlers,
  type Tx,
} from '@e21/kit';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { ContractRecord } from '../domain/contracts.js';
import {
  checkHolidaysPlacement,
  checkHolidaysRequest,
  decideHolidays,
  holidaysAwaiting,
  type ContractForHolidays,
  type HolidaysDecision,
  type HolidaysRecord,
} from '../domain/holidays.js';
import type { Party } from '../domain/negotiation.js';
import { chooseParty } from '../domain/parties.js';
import * as events from '../events.js';
import { holidaysToProto, minutesFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import {
  callerOf,
  callerText,
  commentOf,
  contractFor,
  idempotencyKeyOf,
  requestHash,
  requireUuid,
  requireVersion,
  type HandlerDeps,
} from './context.js';
import { approvedHolidays } from './views.js';

type HolidaysHandlers = Pick<
  Handlers<typeof ContractsServiceService>,
  'requestHolidays' | 'agreeHolidays' | 'approveHolidays' | 'refuseHolidays' | 'cancelHolidays' | 'listHolidays'
>;

/** Who decides what: the person cancels, the employer agrees, the office approves; either refuses. */
const DECIDERS: Record<HolidaysDecision, Party[]> = {
  agree: ['employer'],
  approve: ['office'],
  refuse: ['employer', 'office'],
  cancel: ['person'],
};

const STEPS: Record<HolidaysDecision, `holidays_${string}`> = {
  agree: 'holidays_agreed',
  approve: 'holidays_approved',
  refuse: 'holidays_refused',
  cancel: 'holidays_cancelled',
};

export function holidaysHandlers(deps: HandlerDeps): HolidaysHandlers {
  /** The contract in force as the holiday rules see it, read in the transaction that holds its lock. */
  async function contractForHolidays(tx: Tx, contract: ContractRecord, exceptId?: string): Promise<ContractForHolidays> {
    const version = contract.inForceVersion !== null ? await store.getVersion(tx, contract.id, contract.inForceVersion) : undefined;
    const terms = version?.terms ?? {
      periodStart: '0001-01-01',
      periodEnd: '0001-01-01',
      yearlyMinutes: 0,
      schedule: { weeklyAllowanceMinutes: 0, blocks: [], blackouts: [] },
    };
    const others = (await store.listHolidaysOf(tx, [contract.id])).filter((h) => h.id !== exceptId);
    return {
      ...terms,
      status: contract.status,
      lastDay: contract.terminationDate && contract.terminationDate < terms.periodEnd ? contract.terminationDate : terms.periodEnd,
      holidays: approvedHolidays(others),
      pendingHolidays: others.filter((h) => h.status === 'requested' || h.status === 'employer_agreed'),
    };
  }

  async function decide(
    decision: HolidaysDecision,
    request: { holidaysId: string; expectedVersion: number; comment: string },
    caller: Caller,
  ) {
    const id = requireUuid(request.holidaysId, 'holidays_id');
    const expectedVersion = requireVersion(request.expectedVersion);
    const comment = commentOf(request.comment);
    const found = await store.getHolidays(deps.pool, id);
    if (!found)
      throw caller.kind === 'system'
        ? new Refused('not_found', 'holidays_not_found', `No SAR holidays with id ${id}`)
        : forbidden('You are not a party to these holidays');
    const { contract, parties } = await contractFor(deps, caller, found.contractId);
    const candidates = parties.filter((p) => DECIDERS[decision].includes(p));
    // Someone who is both employer and office refuses as the one the holidays wait for.
    const party = orThrow(chooseParty(candidates, candidates.length > 1 ? holidaysAwaiting(found.status, contract.kind) : undefined));
    const [actorName, at] = [await deps.directory.actorName(caller), deps.now()];
    return withTransaction(deps.pool, async (tx) => {
      const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
      const holidays = (await store.getHolidays(tx, id, { forUpdate: true }))!;
      const status = orThrow(decideHolidays(holidays, decision, party, locked.kind, expectedVersion));
      if (status === 'approved') throwIfRefused(checkHolidaysPlacement(holidays, await contractForHolidays(tx, locked, holidays.id)));
      const by = callerText(caller);
      const updated: HolidaysRecord =
        decision === 'agree'
          ? { ...holidays, status, employerAgreedBy: by, employerAgreedAt: at, version: holidays.version + 1 }
          : { ...holidays, status, decidedBy: by, decidedAt: at, decisionComment: comment, version: holidays.version + 1 };
      await store.updateHolidays(tx, updated);
      await store.appendStep(tx, locked.id, {
        step: STEPS[decision],
        party,
        actor: by,
        actorName,
        at,
        version: locked.inForceVersion,
        comment,
      });
      if (status === 'approved') await events.holidaysApproved(tx, updated);
      return holidaysToProto(updated);
    });
  }

  return {
    async requestHolidays(request, call) {
      const caller = callerOf(call);
      const { contract, parties } = await contractFor(deps, caller, requireUuid(request.contractId, 'contract_id'));
      if (!parties.includes('person')) throw forbidden('SAR holidays are requested by the person whose contract it is');
      const projectId = requireUuid(request.projectId, 'project_id');
      const comment = commentOf(request.comment);
      const key = idempotencyKeyOf(request.idempotencyKey);
      const project = await deps.directory.projects.getProject(projectId);
      if (!project) throw invalid('project_id', 'is not a known project', 'unknown_project');
      const block = { startDate: request.startDate, endDate: request.endDate, minutes: minutesFromProto(request.minutes) };
      const [actorName, at, by] = [await deps.directory.actorName(caller), deps.now(), callerText(caller)];
      const fingerprint = requestHash({ ...request, idempotencyKey: '' });
      const create = () =>
        withTransaction(deps.pool, async (tx) => {
          const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
          const replayed = key ? await replayOf(tx, by, 'request_holidays', key, fingerprint) : undefined;
          if (replayed) return (await store.getHolidays(tx, replayed))!;
          throwIfRefused(checkHolidaysRequest({ ...block, personId: locked.personId, project }, await contractForHolidays(tx, locked)));
          const holidays: HolidaysRecord = {
            id: randomUUID(),
            contractId: locked.id,
            personId: locked.personId,
            projectId,
            projectTitle: project.title,
            projectKind: project.protoKind,
            ...block,
            status: 'requested',
            comment,
            requestedAt: at,
            employerAgreedBy: null,
            employerAgreedAt: null,
            decidedBy: null,
            decidedAt: null,
            decisionComment: '',
            version: 1,
          };
          await store.insertHolidays(tx, holidays);
          await store.appendStep(tx, locked.id, {
            step: 'holidays_requested',
            party: 'person',
            actor: by,
            actorName,
            at,
            version: locked.inForceVersion,
            comment,
          });
          if (key) await saveIdempotent(tx, by, 'request_holidays', key, fingerprint, holidays.id);
          return holidays;
        });
      try {
        return holidaysToProto(await create());
      } catch (error) {
        if (key && isUniqueViolation(error, 'idempotency_keys_pkey')) return holidaysToProto(await create());
        throw error;
      }
    },

    agreeHolidays: (request, call) => decide('agree', request, callerOf(call)),
    approveHolidays: (request, call) => decide('approve', request, callerOf(call)),
    refuseHolidays: (request, call) => decide('refuse', request, callerOf(call)),
    cancelHolidays: (request, call) => decide('cancel', request, callerOf(call)),

    async listHolidays(request, call) {
      const caller = callerOf(call);
      if (request.contractId) {
        const { contract } = await contractFor(deps, caller, requireUuid(request.contractId, 'contract_id'));
        return { holidays: (await store.listHolidaysOf(deps.pool, [contract.id])).map(holidaysToProto) };
      }
      if (caller.kind !== 'person') throw forbidden('Name a contract');
      // Holidays waiting for the caller: for each open one, is its next decider one of the caller's parties?
      const standing = await deps.directory.standingOf(caller);
      const contracts = (await store.listContractsFor(deps.pool, { personId: caller.personId, ...standing, status: 'signed' }, 200)).items;
      const holidays = await store.listHolidaysOf(
        deps.pool,
        contracts.map((c) => c.id),
      );
      const waiting = holidays.filter((h) => {
        const contract = contracts.find((c) => c.id === h.contractId)!;
        const next = holidaysAwaiting(h.status, contract.kind);
        if (!next || contract.personId === caller.personId) return false;
        return (
          (next === 'employer' && standing.employerIds.includes(contract.employerId ?? '')) ||
          (next === 'office' && standing.officeTerritoryIds.includes(contract.officeTerritoryId))
        );
      });
      return { holidays: waiting.map(holidaysToProto) };
    },
  };
}
