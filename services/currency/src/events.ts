// What the currency service publishes, written to the outbox in the change's transaction; the
// consumer of timesheets' approved entries, which pays for the hours exactly once; and the consumer
// of identity's verifications of organizations, which keeps who may be paid.
import { appendEvent, eventSourceOf, EventConsumer, type EventHandler, type Logger, type NatsConnection, type Pool, type Queryable } from '@e21/kit';
import { currencyEvents, identityEvents, timesheetsEvents } from '@e21/events';
import type { OrganizationVerified } from '@e21/proto/e21/events/v1/identity';
import type { TimeEntryApproved } from '@e21/proto/e21/events/v1/timesheets';
import type { CurrencyRecord } from './domain/currencies.js';
import { currencyToProto, paymentRequestToProto, redemptionToProto, transferToProto } from './mapping.js';
import type { PaymentRequestRecord, RedemptionRecord, TransferRecord } from './store.js';

const SOURCE = eventSourceOf('currency');

export const transferPosted = (tx: Queryable, transfer: TransferRecord) =>
  appendEvent(tx, SOURCE, currencyEvents.transferPosted, transfer.id, { transfer: transferToProto(transfer) }, transfer.postedAt);

export const paymentRequestPaid = (tx: Queryable, request: PaymentRequestRecord, paidBy: string) =>
  appendEvent(tx, SOURCE, currencyEvents.paymentRequestPaid, request.id, { request: paymentRequestToProto(request, request.paidAt!, true), transferId: request.transferId!, paidBy });

export const redemptionApproved = (tx: Queryable, redemption: RedemptionRecord) =>
  appendEvent(tx, SOURCE, currencyEvents.redemptionApproved, redemption.id, { redemption: redemptionToProto(redemption) });

export const currencyConfigured = (tx: Queryable, currency: CurrencyRecord, previousVersion: number) =>
  appendEvent(tx, SOURCE, currencyEvents.currencyConfigured, currency.id, { currency: currencyToProto(currency), previousVersion });

/**
 * Pays each approved entry once. The inbox drops a redelivered event; the transfer id derived from
 * the entry id drops the same entry arriving in another event or on another replica.
 */
export function hoursConsumer(deps: { pool: Pool; nats: NatsConnection; logger: Logger }, pay: EventHandler<TimeEntryApproved>): EventConsumer {
  // Paying takes milliseconds: a crashed replica's unacknowledged entries are retried after 10 s.
  return new EventConsumer({ service: 'currency', name: 'pay-for-hours', pool: deps.pool, nats: deps.nats, logger: deps.logger, ackWaitMs: 10_000 }).on(timesheetsEvents.entryApproved, pay);
}

/**
 * Keeps identity's verification decisions (verified, revoked) as the merchants fact the ledger
 * checks on every payment. Both events carry the whole organization and its verification version;
 * the store keeps the newest, so order and redelivery do not matter.
 */
export function merchantsConsumer(deps: { pool: Pool; nats: NatsConnection; logger: Logger }, keep: EventHandler<OrganizationVerified>): EventConsumer {
  return new EventConsumer({ service: 'currency', name: 'merchants', pool: deps.pool, nats: deps.nats, logger: deps.logger, ackWaitMs: 10_000 })
    .on(identityEvents.organizationVerified, keep)
    .on(identityEvents.organizationVerificationRevoked, keep);
}
