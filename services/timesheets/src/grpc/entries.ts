// Time entries: logging hours, changing or correcting them while they are not approved,
// withdrawing them, reading one and a person's own.
import { randomUUID } from 'node:crypto';
import {
  forbidden,
  isUniqueViolation,
  notFound,
  Refused,
  throwIfRefused,
  unknownReference,
  withTransaction,
  type Handlers,
  type Queryable,
  type Tx,
} from '@e21/kit';
import type { EntryInput as EntryInputMessage, TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { daysBetween, dateOf, isoWeekOf } from '../domain/dates.js';
import {
  changed,
  checkChange,
  checkPeriodOpen,
  checkSubmission,
  periodMonthOf,
  validateInput,
  withdrawn,
  type EntryInput,
  type SubmissionFacts,
  type TimeEntry,
} from '../domain/entries.js';
import type { ContractFacts, ProjectFacts } from '../directory.js';
import * as events from '../events.js';
import { entryToProto, minutesFromProto } from '../mapping.js';
import * as store from '../store.js';
import { callerOf, callerText, idempotencyKeyOf, personOf, replayOf, requestHash } from './context.js';
import { requireDate, requireUuid, requireVersion, type HandlerDeps } from './context.js';

type EntryHandlers = Pick<
  Handlers<typeof TimesheetsServiceService>,
  'submitEntry' | 'updateEntry' | 'withdrawEntry' | 'getEntry' | 'listMyEntries'
>;

const MAX_LISTED_DAYS = 366;

function inputOf(message: { projectId: string; date: string; minutes: bigint; competenceId: string; note: string }): EntryInput {
  const input: EntryInput = {
    projectId: requireUuid(message.projectId, 'project_id'),
    date: message.date,
    minutes: minutesFromProto(message.minutes),
    competenceId: message.competenceId.trim(),
    note: message.note.trim(),
  };
  throwIfRefused(validateInput(input));
  return input;
}

/** What the checks need from the other services, fetched before the transaction. */
interface RemoteFacts {
  contract: ContractFacts;
  project: ProjectFacts;
  allowance: SubmissionFacts['allowance'] & { weekStart: string; weekEnd: string };
  member: boolean;
  needSkillId: string | undefined;
  territoryId: string;
}

export function entryHandlers(deps: HandlerDeps): EntryHandlers {
  const { directory } = deps;

  /** The caller's own contract; to anyone else, an unknown contract and another's look the same. */
  function requireOwn(contract: ContractFacts | undefined, personId: string): ContractFacts {
    if (!contract || contract.personId !== personId)
      throw new Refused('forbidden', 'not_your_contract', 'Hours are logged under your own SAR contract', [
        { field: 'contract_id', message: 'is not your contract' },
      ]);
    return contract;
  }

  /**
   * Everything the checks need from contracts, programs and identity, asked at once.
   * `entryTerritoryId` is given for a change: the entry keeps the territory it was logged in.
   */
  async function remoteFacts(personId: string, contractId: string, input: EntryInput, entryTerritoryId?: string): Promise<RemoteFacts> {
    const [contract, project, allowance, member, territoryId] = await Promise.all([
      directory.contract(contractId),
      directory.project(input.projectId),
      // Settled: an unknown contract is answered below as someone else's, never as "not found".
      directory.allowance(contractId, input.date).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      directory.isMember(input.projectId, personId),
      entryTerritoryId ?? directory.residenceOf(personId),
    ]);
    const own = requireOwn(contract, personId);
    if ('error' in allowance) throw allowance.error;
    if (!project) throw unknownReference('project_id', 'project', input.projectId);
    if (!territoryId) throw forbidden('Your profile is not known to identity');
    // The need filled is only asked for when the contract did not agree the competence.
    const needSkillId =
      own.competenceIds.includes(input.competenceId) || !member ? undefined : await directory.needSkillOf(project, personId);
    return { contract: own, project, allowance: allowance.value, member, needSkillId, territoryId };
  }

  /** The checks, run inside the transaction that holds the person's lock. */
  async function check(
    tx: Tx,
    personId: string,
    input: EntryInput,
    facts: RemoteFacts,
    month: string,
    exceptEntryId?: string,
  ): Promise<void> {
    const { weekStart, weekEnd } = isoWeekOf(input.date);
    const [logged, periodClosed] = await Promise.all([
      store.loggedMinutes(tx, { personId, contractId: facts.contract.id, date: input.date, weekStart, weekEnd, exceptEntryId }),
      store.isClosed(tx, facts.territoryId, month),
    ]);
    const submission: SubmissionFacts = {
      contract: facts.contract,
      allowance: facts.allowance,
      project: { status: facts.project.status, member: facts.member, needSkillId: facts.needSkillId },
      logged,
      month,
      periodClosed,
      today: dateOf(deps.now()),
    };
    throwIfRefused(checkSubmission(input, submission));
  }

  /** The entry the caller's first request with this key made, when this is its retry. */
  async function replayed(db: Queryable, caller: string, key: string, fingerprint: string): Promise<TimeEntry | undefined> {
    const entryId = await replayOf(db, caller, 'submit_entry', key, fingerprint);
    return entryId === undefined ? undefined : store.getEntry(db, entryId);
  }

  /** The entry for a change by its person: theirs, not approved nor withdrawn, at the version they saw. */
  async function changeable(
    db: Queryable,
    personId: string,
    entryId: string,
    expectedVersion: number,
    forUpdate = false,
  ): Promise<TimeEntry> {
    const entry = await store.getEntry(db, entryId, { forUpdate });
    if (!entry) throw notFound('entry', entryId);
    throwIfRefused(checkChange(entry, personId, expectedVersion));
    return entry;
  }

  return {
    async submitEntry(request, call) {
      const personId = personOf(call);
      const caller = callerText(callerOf(call));
      const message: EntryInputMessage = request.entry ?? {
        contractId: '',
        projectId: '',
        date: '',
        minutes: 0n,
        competenceId: '',
        note: '',
      };
      const contractId = requireUuid(message.contractId, 'contract_id');
      const input = inputOf(message);
      const key = idempotencyKeyOf(request.idempotencyKey);
      const fingerprint = requestHash({ ...request, idempotencyKey: '' });
      // A retry returns what the first request made, whatever has changed since.
      if (key) {
        const earlier = await replayed(deps.pool, caller, key, fingerprint);
        if (earlier) return entryToProto(earlier);
      }
      const facts = await remoteFacts(personId, contractId, input);
      const month = periodMonthOf(input.date);
      const at = deps.now();
      try {
        const entry = await withTransaction(deps.pool, async (tx) => {
          await store.lockPeriod(tx, facts.territoryId, month, 'shared');
          await store.lockPerson(tx, personId);
          if (key) {
            const earlier = await replayed(tx, caller, key, fingerprint);
            if (earlier) return earlier;
          }
          await check(tx, personId, input, facts, month);
          const created: TimeEntry = {
            id: randomUUID(),
            personId,
            personName: facts.contract.personName,
            contractId,
            employerId: facts.contract.employerId,
            employerName: facts.contract.employerName,
            projectId: facts.project.id,
            projectTitle: facts.project.title,
            territoryId: facts.territoryId,
            date: input.date,
            month,
            minutes: input.minutes,
            competenceId: input.competenceId,
            note: input.note,
            status: 'pending',
            version: 1,
            submittedAt: at,
            updatedAt: at,
            decidedBy: null,
            decidedAt: null,
            rejectionReason: '',
            carriedFrom: null,
          };
          await store.insertEntry(tx, created);
          await events.entrySubmitted(tx, created);
          if (key) await store.saveIdempotent(tx, caller, 'submit_entry', key, fingerprint, created.id);
          return created;
        });
        return entryToProto(entry);
      } catch (error) {
        // The same key sent twice at once: the second waited for the first and finds its entry.
        if (key && isUniqueViolation(error, 'idempotency_keys_pkey')) {
          const earlier = await replayed(deps.pool, caller, key, fingerprint);
          if (earlier) return entryToProto(earlier);
        }
        throw error;
      }
    },

    async updateEntry(request, call) {
      const personId = personOf(call);
      const entryId = requireUuid(request.entryId, 'entry_id');
      const expectedVersion = requireVersion(request.expectedVersion);
      const input = inputOf(request);
      const before = await changeable(deps.pool, personId, entryId, expectedVersion);
      const facts = await remoteFacts(personId, before.contractId, input, before.territoryId);
      const updated = await withTransaction(deps.pool, async (tx) => {
        const month = periodMonthOf(input.date, before);
        await store.lockPeriods(
          tx,
          [
            { territoryId: before.territoryId, month: before.month },
            { territoryId: before.territoryId, month },
          ],
          'shared',
        );
        await store.lockPerson(tx, personId);
        const entry = await changeable(tx, personId, entryId, expectedVersion, true);
        throwIfRefused(checkPeriodOpen(entry.month, await store.isClosed(tx, entry.territoryId, entry.month)));
        await check(tx, personId, input, facts, periodMonthOf(input.date, entry), entry.id);
        const next = changed(entry, { ...input, projectTitle: facts.project.title }, deps.now());
        await store.updateEntry(tx, next);
        await events.entrySubmitted(tx, next);
        return next;
      });
      return entryToProto(updated);
    },

    async withdrawEntry(request, call) {
      const personId = personOf(call);
      const caller = callerText(callerOf(call));
      const entryId = requireUuid(request.entryId, 'entry_id');
      const expectedVersion = requireVersion(request.expectedVersion);
      const before = await changeable(deps.pool, personId, entryId, expectedVersion);
      const done = await withTransaction(deps.pool, async (tx) => {
        await store.lockPeriod(tx, before.territoryId, before.month, 'shared');
        const entry = await changeable(tx, personId, entryId, expectedVersion, true);
        throwIfRefused(checkPeriodOpen(entry.month, await store.isClosed(tx, entry.territoryId, entry.month)));
        const next = withdrawn(entry, deps.now());
        await store.updateEntry(tx, next);
        await events.entryWithdrawn(tx, next, caller);
        return next;
      });
      return entryToProto(done);
    },

    async getEntry(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      const entry = await store.getEntry(deps.pool, id);
      if (!entry) throw notFound('entry', id);
      const own = caller.kind === 'system' || (caller.kind === 'person' && caller.personId === entry.personId);
      const validator = !own && caller.kind === 'person' && (await directory.canValidate(entry.projectId, caller.personId));
      const officer = !own && !validator && (await directory.may(caller, 'timesheets.periods.read', entry.territoryId));
      if (!own && !validator && !officer)
        throw forbidden('Only the person, the project’s coordinator and co-managers, and the territory’s officers read an entry');
      return entryToProto(entry);
    },

    async listMyEntries(request, call) {
      const personId = personOf(call);
      const from = requireDate(request.from, 'from');
      const to = requireDate(request.to, 'to');
      const days = daysBetween(from, to);
      if (days < 1 || days > MAX_LISTED_DAYS)
        throw new Refused('invalid', 'invalid_range', `to: must be on or after from, at most ${MAX_LISTED_DAYS} days later`, [
          { field: 'to', message: `must be on or after from, at most ${MAX_LISTED_DAYS} days later` },
        ]);
      return { entries: (await store.entriesOfPerson(deps.pool, personId, from, to)).map(entryToProto), nextCursor: '' };
    },
  };
}
