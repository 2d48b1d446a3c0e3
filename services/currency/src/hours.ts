// Pay for approved hours: each entry credits its person from the issuance account of the currency
// that applies where they live, once; entries in a place without a currency wait for one.
import { randomUUID } from 'node:crypto';
import type { Tx } from '@e21/kit';
import type { TimeEntryFacts } from '@e21/proto/e21/events/v1/timesheets';
import { nearestCurrency, type CurrencyRecord } from './domain/currencies.js';
import { creditForMinutes } from './domain/hours.js';
import { requestHash } from '@e21/kit';
import { hoursTransferId } from './domain/ids.js';
import type { Directory } from './directory.js';
import { postOnce } from './posting.js';
import * as store from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ApprovedHours {
  entryId: string;
  personId: string;
  territoryId: string;
  entryDate: string;
  minutes: bigint;
  approvedBy: string;
}

/** The facts of an approved entry, or an error: a malformed event is retried, then set aside for an operator. */
export function approvedHoursOf(entry: TimeEntryFacts | undefined, approvedBy: string): ApprovedHours {
  if (!entry || ![entry.entryId, entry.personId, entry.territoryId].every((id) => UUID.test(id)) || !DATE.test(entry.date) || entry.minutes <= 0n) {
    throw new Error(`approved entry ${entry?.entryId ?? '?'} lacks an id, person, territory, date or minutes`);
  }
  return { entryId: entry.entryId.toLowerCase(), personId: entry.personId.toLowerCase(), territoryId: entry.territoryId.toLowerCase(), entryDate: entry.date, minutes: entry.minutes, approvedBy: approvedBy || 'system:timesheets' };
}

export type HoursOutcome = 'credited' | 'waiting_for_currency' | 'nothing_to_pay';

/** The person's account in the currency, opened (with their name from identity) when it is their first credit. */
async function personAccount(tx: Tx, directory: Directory, currency: CurrencyRecord, personId: string) {
  const found = await store.findAccount(tx, currency.id, 'person', personId);
  if (found) return found;
  const name = (await directory.personName(personId)) ?? '';
  return store.openAccount(tx, { id: randomUUID(), currencyId: currency.id, ownerKind: 'person', ownerId: personId, ownerName: name, organizationKind: null, createdAt: new Date() });
}

/** Credits the entry's minutes x rate to the person, under the transfer id derived from the entry. */
export async function creditHours(tx: Tx, directory: Directory, currency: CurrencyRecord, hours: ApprovedHours): Promise<HoursOutcome> {
  const id = hoursTransferId(hours.entryId);
  const amountMinor = creditForMinutes(hours.minutes, currency.ratePerHourMinor);
  if (amountMinor === 0n) return 'nothing_to_pay';
  const account = await personAccount(tx, directory, currency, hours.personId);
  await postOnce(tx, {
    id,
    kind: 'hours',
    debitAccountId: currency.issuanceAccountId,
    creditAccountId: account.id,
    amountMinor,
    reference: '',
    requestHash: requestHash({ entryId: hours.entryId, personId: hours.personId }),
    postedBy: hours.approvedBy,
    entryId: hours.entryId,
    entryDate: hours.entryDate,
    entryMinutes: hours.minutes,
  });
  // Paid now, or found paid by another event or replica carrying the same entry.
  return 'credited';
}

/** Handles one approved entry inside the consumer's inbox transaction. */
export async function payForHours(tx: Tx, directory: Directory, hours: ApprovedHours): Promise<HoursOutcome> {
  if (await store.isUnpaid(tx, hours.entryId)) return 'waiting_for_currency';
  const territory = await directory.territory(hours.territoryId);
  if (!territory) throw new Error(`approved entry ${hours.entryId}: territory ${hours.territoryId} is not known to identity`);
  const currency = nearestCurrency(territory.nearestFirst, await store.currenciesOn(tx, territory.nearestFirst));
  if (!currency) {
    await store.insertUnpaidHours(tx, { ...hours, territoryPath: territory.nearestFirst, receivedAt: new Date() });
    return 'waiting_for_currency';
  }
  return creditHours(tx, directory, currency, hours);
}

/** Pays, in the transaction that creates a currency, the hours that waited for one in its territory. */
export async function payWaitingHours(tx: Tx, directory: Directory, currency: CurrencyRecord): Promise<number> {
  const waiting = await store.unpaidHoursUnder(tx, currency.territoryId);
  for (const entry of waiting) {
    await creditHours(tx, directory, currency, { ...entry, approvedBy: 'system:currency' });
    await store.deleteUnpaidHours(tx, entry.entryId);
  }
  return waiting.length;
}
