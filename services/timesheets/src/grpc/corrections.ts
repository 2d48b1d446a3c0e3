// Officers' corrections of approved hours in closed months, and each entry's audit trail of them.
import { forbidden, notFound, throwIfRefused, withTransaction, type Handlers, type Queryable } from '@e21/kit';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { checkCorrection, corrected, correctionProblems } from '../domain/corrections.js';
import * as events from '../events.js';
import { correctionToProto, entryToProto, minutesFromProto } from '../mapping.js';
import * as store from '../store.js';
import { callerOf, callerText, idempotencyKeyOf, replayOf, requestHash, requireUuid, requireVersion, type HandlerDeps } from './context.js';

type CorrectionHandlers = Pick<Handlers<typeof TimesheetsServiceService>, 'correctEntry' | 'listEntryCorrections'>;

export function correctionHandlers(deps: HandlerDeps): CorrectionHandlers {
  return {
    async correctEntry(request, call) {
      const caller = callerOf(call);
      const entryId = requireUuid(request.entryId, 'entry_id');
      const expectedVersion = requireVersion(request.expectedVersion);
      const ask = { expectedVersion, minutes: minutesFromProto(request.minutes), reason: request.reason.trim() };
      throwIfRefused(correctionProblems(ask));
      const key = idempotencyKeyOf(request.idempotencyKey);
      const by = callerText(caller);
      const fingerprint = requestHash({ ...request, idempotencyKey: '' });
      // A retry (a lost answer) returns the entry as the first request left it, not a stale version.
      const replayed = async (db: Queryable) => {
        const entryId = key ? await replayOf(db, by, 'correct_entry', key, fingerprint) : undefined;
        return entryId === undefined ? undefined : store.getEntry(db, entryId);
      };
      const retried = await replayed(deps.pool);
      if (retried) return entryToProto(retried);
      const before = await store.getEntry(deps.pool, entryId);
      if (!before) throw notFound('entry', entryId);
      if (!(await deps.directory.may(caller, 'timesheets.entries.correct', before.territoryId)))
        throw forbidden('Only the Engagement 21 officers of the entry’s territory, or of a territory above it, correct approved hours');
      const done = await withTransaction(deps.pool, async (tx) => {
        await store.lockPerson(tx, before.personId);
        const again = await replayed(tx);
        if (again) return again;
        const entry = await store.getEntry(tx, entryId, { forUpdate: true });
        if (!entry) throw notFound('entry', entryId);
        const [closed, logged] = await Promise.all([
          store.isClosed(tx, entry.territoryId, entry.month),
          store.loggedMinutes(tx, {
            personId: entry.personId,
            contractId: entry.contractId,
            date: entry.date,
            weekStart: entry.date,
            weekEnd: entry.date,
          }),
        ]);
        // loggedMinutes leaves out no entry here: the person's day includes this one.
        throwIfRefused(checkCorrection(entry, ask, { periodClosed: closed, personDayMinutes: logged.personDay }));
        const result = corrected(entry, ask, by, deps.now());
        await store.updateEntry(tx, result.entry);
        await store.insertCorrection(tx, result.correction);
        await events.entryCorrected(tx, result.entry, result.correction);
        if (key) await store.saveIdempotent(tx, by, 'correct_entry', key, fingerprint, entry.id);
        return result.entry;
      });
      return entryToProto(done);
    },

    async listEntryCorrections(request, call) {
      const caller = callerOf(call);
      const entryId = requireUuid(request.entryId, 'entry_id');
      const entry = await store.getEntry(deps.pool, entryId);
      if (!entry) throw notFound('entry', entryId);
      const own = caller.kind === 'system' || (caller.kind === 'person' && caller.personId === entry.personId);
      if (!own && !(await deps.directory.may(caller, 'timesheets.periods.read', entry.territoryId)))
        throw forbidden('Only the person and the territory’s officers read an entry’s corrections');
      return { corrections: (await store.correctionsOf(deps.pool, entryId)).map(correctionToProto) };
    },
  };
}
