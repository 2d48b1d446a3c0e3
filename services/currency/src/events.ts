// What the currency service publishes, written to the outbox in the change's transaction; and its
// subscriptions: timesheets' approved entries, paid exactly once (hours.ts), and identity's
// verifications of organizations, which keep who may be paid (merchants.ts).
import {
  appendEvent,
  eventSourceOf,
  EventConsumer,
  type EventHandler,
  type Logger,
  type NatsConnection,
  type Pool,
  type PreparedHandler,
  type Queryable,
} from '@e21/kit';
import { currencyEvents, identityEvents, timesheetsEvents } from '@e21/events';
import type { OrganizationVerified } from '@e21/proto/e21/events/v1/identity';
import type { TimeEntryApproved } from '@e21/proto/e21/events/v1/timesheets';
import type { CurrencyRecord } from './domain/currencies.js';
import type { HoursFacts } from './domain/hours.js';
import type { TransferRecord } from './domain/ledger.js';
import type { RedemptionRecord } from './domain/redemptions.js';
import type { PaymentRequestRecord } from './domain/requests.js';
import { currencyToProto, paymentRequestToProto, redemptionToProto, transferToProto } from './mapping.js';

const SOURCE = eventSourceOf('currency');

export const transferPosted = (tx: Queryable, transfer: TransferRecord) =>
  appendEvent(tx, SOURCE, currencyEvents.transferPosted, transfer.id, { transfer: transferToProto(transfer) }, transfer.postedAt);

export const paymentRequestPaid = (tx: Queryable, request: PaymentRequestRecord, paidBy: string) =>
  appendEvent(tx, SOURCE, currencyEvents.paymentRequestPaid, request.id, {
    request: paymentRequestToProto(request, request.paidAt!, true),
    transferId: request.transferId!,
    paidBy,
  });

export const redemptionApproved = (tx: Queryable, redemption: RedemptionRecord) =>
  appendEvent(tx, SOURCE, currencyEvents.redemptionApproved, redemption.id, { redemption: redemptionToProto(redemption) });

export const currencyConfigured = (tx: Queryable, currency: CurrencyRecord, previousVersion: number) =>
  appendEvent(tx, SOURCE, currencyEvents.currencyConfigured, currency.id, { currency: currencyToProto(currency), previousVersion });

export interface CurrencyConsumerDeps {
  pool: Pool;
  nats: NatsConnection;
  logger: Logger;
}

/** What the consumers do with each event: hours.ts and merchants.ts. */
export interface CurrencyEventHandlers {
  approvedHours: PreparedHandler<TimeEntryApproved, HoursFacts>;
  verification: EventHandler<OrganizationVerified>;
}

/**
 * The consumers. Pay-for-hours pays each approved entry once: the inbox drops a redelivered event;
 * the transfer id derived from the entry id drops the same entry arriving in another event or on
 * another replica. Merchants keeps identity's verification decisions.
 */
export function currencyConsumers(deps: CurrencyConsumerDeps, handlers: CurrencyEventHandlers): EventConsumer[] {
  const options = { service: 'currency', pool: deps.pool, nats: deps.nats, logger: deps.logger };
  return [
    // Paying takes milliseconds: a crashed replica's unacknowledged entries are retried after 10 s.
    new EventConsumer({ ...options, name: 'pay-for-hours', ackWaitMs: 10_000 }).on(timesheetsEvents.entryApproved, handlers.approvedHours),
    new EventConsumer({ ...options, name: 'merchants', ackWaitMs: 10_000 })
      .on(identityEvents.organizationVerified, handlers.verification)
      .on(identityEvents.organizationVerificationRevoked, handlers.verification),
  ];
}
