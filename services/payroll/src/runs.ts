// Issuing runs started by timesheets' events: a closed period's people, or the one person whose
// approved hours an officer corrected. The issuer (issuing.ts) goes through them afterwards.
import { randomUUID } from 'node:crypto';
import { isMonth, isUuid, type Clock, type EventHandler } from '@e21/kit';
import type { PeriodClosed, TimeEntryCorrected } from '@e21/proto/e21/events/v1/timesheets';
import { newRun, peopleOfClose } from './domain/runs.js';
import * as store from './store/index.js';

export interface RunStarts {
  now: Clock;
  /** Called once a run is there, so the issuer starts at once instead of at its next poll. */
  runStarted(): void;
}

/** The run of a territory's closed month. A close repeated under another event id meets the one run per territory and month. */
export function closeRun(deps: RunStarts): EventHandler<PeriodClosed> {
  return async (tx, event) => {
    const { territoryId, month, totals } = event.data;
    if (!isUuid(territoryId) || !isMonth(month)) throw new Error(`period ${event.data.periodId} closed without a territory or month`);
    const people = peopleOfClose(totals.map((t) => ({ personId: t.personId, approvedMinutes: Number(t.approvedMinutes) })));
    await store.startRun(tx, newRun(randomUUID(), territoryId.toLowerCase(), month, 'close', event.id, people.length, deps.now()), people);
    // The run is there once the inbox transaction commits, just after this handler.
    setTimeout(deps.runStarted, 50);
  };
}

/** The run of one person after a correction of their approved hours in a closed month: a new version of their form. */
export function correctionRun(deps: RunStarts): EventHandler<TimeEntryCorrected> {
  return async (tx, event) => {
    const entry = event.data.entry;
    if (!entry || !isUuid(entry.personId) || !isUuid(entry.territoryId) || !isMonth(entry.month)) {
      throw new Error(`correction ${event.id} without a person, territory or month`);
    }
    const run = newRun(randomUUID(), entry.territoryId.toLowerCase(), entry.month, 'correction', event.id, 1, deps.now());
    await store.startRun(tx, run, [entry.personId.toLowerCase()]);
    setTimeout(deps.runStarted, 50);
  };
}
