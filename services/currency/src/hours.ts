// Pay for approved hours: each entry credits its person from the issuance account of the currency
// that applies where they live, once; entries in a place without a currency wait for one. What
// identity knows (the territory's path, the person's name) is asked before the transaction.
import { randomUUID } from 'node:crypto';
import { requestHash, type Clock, type Logger, type Pool, type PreparedHandler, type Queryable, type Tx } from '@e21/kit';
import type { TimeEntryApproved } from '@e21/proto/e21/events/v1/timesheets';
import { nearestCurrency, type CurrencyRecord } from './domain/currencies.js';
import { approvedHoursOf, creditForMinutes, type ApprovedHours, type HoursFacts } from './domain/hours.js';
import { hoursTransferId } from './domain/ids.js';
import type { AccountRecord } from './domain/ledger.js';
import type { Directory } from './directory.js';
import { postOnce } from './posting.js';
import * as store from './store/index.js';

export type HoursOutcome = 'credited' | 'waiting_for_currency' | 'nothing_to_pay';

export interface HoursDeps {
  pool: Pool;
  directory: Directory;
  now: Clock;
  logger: Logger;
}

const currencyOn = async (db: Queryable, territoryPath: string[]) =>
  nearestCurrency(territoryPath, await store.currenciesOn(db, territoryPath));

/**
 * The facts of an approved entry. The name is asked only for a first credit (no account yet in the
 * currency that applies) or for hours that will wait (no currency yet): an account keeps its name.
 * Between these reads and the inbox transaction, the territory's path stays what identity said (a
 * territory moving is as rare as the directory's cache of paths assumes); the currency and the
 * account are read again in the transaction, and a name missing there fails the event, which is
 * then prepared again.
 */
export async function gatherHoursFacts(deps: HoursDeps, hours: ApprovedHours): Promise<HoursFacts> {
  const territory = await deps.directory.territory(hours.territoryId);
  if (!territory) throw new Error(`approved entry ${hours.entryId}: territory ${hours.territoryId} is not known to identity`);
  const currency = await currencyOn(deps.pool, territory.nearestFirst);
  const account = currency && (await store.findAccount(deps.pool, currency.id, 'person', hours.personId));
  const personName = account ? undefined : ((await deps.directory.personName(hours.personId)) ?? '');
  return { hours, territoryPath: territory.nearestFirst, personName };
}

/**
 * The person's account in the currency, opened with the name gathered when it is their first credit.
 * A currency created nearer to them since the facts were gathered finds no account and no name:
 * the event fails, and its redelivery gathers the name again.
 */
async function personAccount(tx: Tx, now: Clock, currency: CurrencyRecord, personId: string, name?: string): Promise<AccountRecord> {
  const found = await store.findAccount(tx, currency.id, 'person', personId);
  if (found) return found;
  if (name === undefined) throw new Error(`person ${personId} has no ${currency.code} account and no name was gathered for one`);
  const owner = { ownerKind: 'person' as const, ownerId: personId, ownerName: name, organizationKind: null };
  return store.openAccount(tx, { id: randomUUID(), currencyId: currency.id, ...owner, createdAt: now() });
}

/** Credits the entry's minutes x rate to the person, under the transfer id derived from the entry. */
async function creditHours(tx: Tx, now: Clock, currency: CurrencyRecord, hours: ApprovedHours, name?: string): Promise<HoursOutcome> {
  const amountMinor = creditForMinutes(hours.minutes, currency.ratePerHourMinor);
  if (amountMinor === 0n) return 'nothing_to_pay';
  const account = await personAccount(tx, now, currency, hours.personId, name);
  await postOnce(
    tx,
    {
      id: hoursTransferId(hours.entryId),
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
    },
    now,
  );
  // Paid now, or found paid by another event or replica carrying the same entry.
  return 'credited';
}

/** Pays one approved entry, or sets it to wait, in the consumer's inbox transaction. */
export async function payForHours(tx: Tx, now: Clock, facts: HoursFacts): Promise<HoursOutcome> {
  const { hours, territoryPath } = facts;
  if (await store.isUnpaid(tx, hours.entryId)) return 'waiting_for_currency';
  // Shared with every payment, exclusive for a new currency: the currency read here is the one in force until commit.
  await store.lockCurrencyMap(tx, 'shared');
  const currency = await currencyOn(tx, territoryPath);
  if (!currency) {
    await store.insertUnpaidHours(tx, { ...hours, personName: facts.personName ?? null, territoryPath, receivedAt: now() });
    return 'waiting_for_currency';
  }
  return creditHours(tx, now, currency, hours, facts.personName);
}

/** The consumer's handler of timesheets' approved entries: facts from identity first, then the pay. */
export function hoursPayment(deps: HoursDeps): PreparedHandler<TimeEntryApproved, HoursFacts> {
  return {
    prepare: (event) => gatherHoursFacts(deps, approvedHoursOf(event.data.entry, event.data.approvedBy)),
    async apply(tx, event, facts) {
      const outcome = await payForHours(tx, deps.now, facts);
      deps.logger.debug({ event: event.id, entry: facts.hours.entryId, outcome }, 'approved hours');
    },
  };
}

/**
 * The names of the people whose hours wait under a territory without having one kept (hours that
 * waited before names were kept), asked before the transaction that creates the currency there.
 */
export async function namesOfUnnamedWaiting(pool: Pool, directory: Directory, territoryId: string): Promise<Map<string, string>> {
  const people = await store.unnamedUnpaidPeopleUnder(pool, territoryId);
  return new Map(await Promise.all(people.map(async (id) => [id, (await directory.personName(id)) ?? ''] as const)));
}

/** Pays, in the transaction that creates a currency, the hours that waited for one in its territory. */
export async function payWaitingHours(tx: Tx, now: Clock, currency: CurrencyRecord, names: Map<string, string>): Promise<number> {
  const waiting = await store.unpaidHoursUnder(tx, currency.territoryId);
  for (const entry of waiting) {
    // Every row without a name was written before names were kept, so before `names` was gathered.
    const name = entry.personName ?? names.get(entry.personId) ?? '';
    await creditHours(tx, now, currency, { ...entry, approvedBy: 'system:currency' }, name);
    await store.deleteUnpaidHours(tx, entry.entryId);
  }
  return waiting.length;
}
