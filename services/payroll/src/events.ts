// What the payroll service publishes (forms issued and superseded, written to the outbox in the
// issuing transaction) and its subscriptions: timesheets' closed periods and corrections start
// issuing runs (runs.ts); currency's transfers tell what each entry was paid and how each wallet
// moved (pay.ts).
import { appendEvent, eventSourceOf, EventConsumer } from '@e21/kit';
import type { EventHandler, Logger, NatsConnection, Pool, Queryable } from '@e21/kit';
import { currencyEvents, payrollEvents, timesheetsEvents } from '@e21/events';
import type { TransferPosted } from '@e21/proto/e21/events/v1/currency';
import type { FormFacts } from '@e21/proto/e21/events/v1/payroll';
import type { PeriodClosed, TimeEntryCorrected } from '@e21/proto/e21/events/v1/timesheets';
import type { FormRecord } from './domain/forms.js';

const SOURCE = eventSourceOf('payroll');

/** What the events say of a form. */
export type IssuedForm = Pick<
  FormRecord,
  'id' | 'personId' | 'contractId' | 'employerId' | 'territoryId' | 'month' | 'version' | 'totalMinutes' | 'verificationCode' | 'pdfSha256'
>;

const facts = (form: IssuedForm): FormFacts => ({
  formId: form.id,
  personId: form.personId,
  contractId: form.contractId,
  employerId: form.employerId ?? '',
  territoryId: form.territoryId,
  month: form.month,
  version: form.version,
  totalMinutes: BigInt(form.totalMinutes),
  verificationCode: form.verificationCode,
  pdfSha256: form.pdfSha256,
});

export const formIssued = (tx: Queryable, form: IssuedForm, runId: string, supersedesId: string | null, at: Date) =>
  appendEvent(
    tx,
    SOURCE,
    payrollEvents.formIssued,
    form.id,
    { form: facts(form), runId, issuedAt: at.toISOString(), supersedesId: supersedesId ?? '' },
    at,
  );

export const formSuperseded = (tx: Queryable, form: IssuedForm, supersededById: string, at: Date) =>
  appendEvent(tx, SOURCE, payrollEvents.formSuperseded, form.id, { form: facts(form), supersededById, supersededAt: at.toISOString() }, at);

export interface PayrollConsumerDeps {
  pool: Pool;
  nats: NatsConnection;
  logger: Logger;
}

/** What the consumers do with each event: runs.ts and pay.ts. */
export interface PayrollEventHandlers {
  periodClosed: EventHandler<PeriodClosed>;
  entryCorrected: EventHandler<TimeEntryCorrected>;
  transferPosted: EventHandler<TransferPosted>;
}

export function payrollConsumers(deps: PayrollConsumerDeps, handlers: PayrollEventHandlers): EventConsumer[] {
  const options = { service: 'payroll', pool: deps.pool, nats: deps.nats, logger: deps.logger };
  return [
    new EventConsumer({ ...options, name: 'issuing' })
      .on(timesheetsEvents.periodClosed, handlers.periodClosed)
      .on(timesheetsEvents.entryCorrected, handlers.entryCorrected),
    new EventConsumer({ ...options, name: 'pay' }).on(currencyEvents.transferPosted, handlers.transferPosted),
  ];
}
