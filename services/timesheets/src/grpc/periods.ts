// Monthly periods of a territory: the officer's screen (pending and approved entries per month)
// and the close, which freezes the month and announces its totals.
import { randomUUID } from 'node:crypto';
import { forbidden, invalid, throwIfRefused, withTransaction, type Caller, type Handlers } from '@e21/kit';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { addMonths, dateOf, monthOf, nextMonth, yearOf } from '../domain/dates.js';
import { carried, checkClose, periodTotals, type ClosedPeriod } from '../domain/periods.js';
import type { TimesheetsAction } from '../directory.js';
import * as events from '../events.js';
import { entryToProto, periodToProto } from '../mapping.js';
import * as store from '../store.js';
import { callerOf, callerText, requireMonth, requireUuid, type HandlerDeps } from './context.js';

type PeriodHandlers = Pick<Handlers<typeof TimesheetsServiceService>, 'listPeriods' | 'closePeriod' | 'listApprovedEntries'>;

export function periodHandlers(deps: HandlerDeps): PeriodHandlers {
  async function requireOffice(caller: Caller, action: TimesheetsAction, territoryId: string): Promise<void> {
    if (!(await deps.directory.may(caller, action, territoryId)))
      throw forbidden('Only the Engagement 21 officers of the territory, or of a territory above it, see and close its periods');
  }

  return {
    async listPeriods(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const currentMonth = monthOf(dateOf(deps.now()));
      const year = request.year || yearOf(currentMonth);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('year', 'must be a year from 2000 to 2100', 'invalid_year');
      await requireOffice(caller, 'timesheets.periods.read', territoryId);
      const last = year < yearOf(currentMonth) ? `${year}-12` : currentMonth;
      const months: string[] = [];
      for (let month = last; month >= `${year}-01`; month = addMonths(month, -1)) months.push(month);
      if (months.length === 0) return { periods: [] };
      const [figures, closed] = await Promise.all([
        store.monthFigures(deps.pool, territoryId, months[months.length - 1]!, months[0]!),
        store.closedPeriods(deps.pool, territoryId, months[months.length - 1]!, months[0]!),
      ]);
      const closedByMonth = new Map(closed.map((p) => [p.month, p]));
      return { periods: months.map((month) => periodToProto(territoryId, month, figures.get(month), closedByMonth.get(month))) };
    },

    async closePeriod(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const month = requireMonth(request.month, 'month');
      await requireOffice(caller, 'timesheets.periods.close', territoryId);
      const at = deps.now();
      const period = await withTransaction(deps.pool, async (tx) => {
        // Exclusive: no entry enters, changes or is decided in the month while it closes.
        await store.lockPeriod(tx, territoryId, month, 'exclusive');
        await store.lockPeriod(tx, territoryId, nextMonth(month), 'shared');
        const entries = await store.entriesOfPeriod(tx, territoryId, month);
        const pending = entries.filter((e) => e.status === 'pending');
        throwIfRefused(
          checkClose(month, {
            closed: await store.isClosed(tx, territoryId, month),
            currentMonth: monthOf(dateOf(at)),
            pendingCount: pending.length,
            carryPending: request.carryPending,
          }),
        );
        for (const entry of pending) await store.updateEntry(tx, carried(entry, at));
        const closed: ClosedPeriod = {
          id: randomUUID(),
          territoryId,
          month,
          closedBy: callerText(caller),
          closedAt: at,
          carriedEntryIds: pending.map((e) => e.id),
          totals: periodTotals(entries),
        };
        await store.insertPeriod(tx, closed);
        await events.periodClosed(tx, closed);
        return closed;
      });
      const figures = await store.monthFigures(deps.pool, territoryId, month, month);
      return periodToProto(territoryId, month, figures.get(month), period);
    },

    async listApprovedEntries(request, call) {
      const caller = callerOf(call);
      const personId = requireUuid(request.personId, 'person_id');
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const month = requireMonth(request.month, 'month');
      if (caller.kind !== 'system' && !(caller.kind === 'person' && caller.personId === personId))
        throw forbidden('Only the person and the platform’s services list a person’s approved hours');
      return { entries: (await store.approvedEntries(deps.pool, personId, territoryId, month)).map(entryToProto), nextCursor: '' };
    },
  };
}
