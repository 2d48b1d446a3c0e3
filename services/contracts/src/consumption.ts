// Consumed minutes: timesheets' approved hours, and officers' corrections of them, counted on each
// contract for the year of their date (events.ts subscribes; domain/commitment.ts says what counts).
import type { Logger, Tx } from '@e21/kit';
import type { TimeEntryFacts } from '@e21/proto/e21/events/v1/timesheets';
import { consumptionOf, type Consumption } from './domain/commitment.js';
import type { ConsumedMinutesHandlers } from './events.js';
import * as store from './store/index.js';

const factsOf = (entry: TimeEntryFacts) => ({ contractId: entry.contractId, date: entry.date, minutes: Number(entry.minutes) });

export function consumedMinutesHandlers(logger: Logger): ConsumedMinutesHandlers {
  /**
   * An entry of a contract this service does not know (none should exist) is logged and skipped
   * rather than retried forever.
   */
  async function count(tx: Tx, consumption: Consumption, eventId: string, what: 'approved' | 'corrected'): Promise<void> {
    const added = await store.addConsumedMinutes(tx, consumption.contractId, consumption.year, consumption.minutes);
    if (!added) logger.warn({ event: eventId, contract: consumption.contractId }, `${what} hours for an unknown contract; skipped`);
  }

  return {
    async approved(tx, event) {
      if (event.data.entry) await count(tx, consumptionOf(factsOf(event.data.entry)), event.id, 'approved');
    },
    async corrected(tx, event) {
      if (!event.data.entry) return;
      await count(tx, consumptionOf(factsOf(event.data.entry), Number(event.data.previousMinutes)), event.id, 'corrected');
    },
  };
}
