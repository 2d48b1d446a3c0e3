// What the payroll service publishes (forms issued and superseded, written to the outbox in the
// issuing transaction) and consumes: timesheets' closed periods and corrections start issuing
// runs; currency's transfers tell what each entry was paid and how each wallet moved.
import { appendEvent, eventSourceOf, EventConsumer, fromProtoEnum, type Logger, type NatsConnection, type Pool, type Queryable, type Tx } from '@e21/kit';
import { currencyEvents, payrollEvents, timesheetsEvents } from '@e21/events';
import type { FormFacts } from '@e21/proto/e21/events/v1/payroll';
import { randomUUID } from 'node:crypto';
import { peopleOfClose, type IssuingRun } from './domain/runs.js';
import * as store from './store.js';

const SOURCE = eventSourceOf('payroll');

export interface IssuedForm {
  id: string;
  personId: string;
  contractId: string;
  employerId: string | null;
  territoryId: string;
  month: string;
  version: number;
  totalMinutes: number;
  verificationCode: string;
  pdfSha256: string;
}

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
  appendEvent(tx, SOURCE, payrollEvents.formIssued, form.id, { form: facts(form), runId, issuedAt: at.toISOString(), supersedesId: supersedesId ?? '' }, at);

export const formSuperseded = (tx: Queryable, form: IssuedForm, supersededById: string, at: Date) =>
  appendEvent(tx, SOURCE, payrollEvents.formSuperseded, form.id, { form: facts(form), supersededById, supersededAt: at.toISOString() }, at);

/** How long a late payment waits for the others of its burst before the forms are issued again. */
const LATE_PAY_GATHER_MS = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function newRun(territoryId: string, month: string, trigger: IssuingRun['trigger'], sourceEventId: string, total: number, at: Date): IssuingRun {
  return { id: randomUUID(), territoryId, month, trigger, sourceEventId, total, done: 0, formsIssued: 0, status: total === 0 ? 'completed' : 'running', startedAt: at, completedAt: total === 0 ? at : null };
}

export interface ConsumerDeps {
  pool: Pool;
  nats: NatsConnection;
  logger: Logger;
  /** Called after a run starts, so the issuer starts at once instead of at its next poll. */
  runStarted(): void;
  now(): Date;
}

export function payrollConsumers(deps: ConsumerDeps): EventConsumer[] {
  const options = { service: 'payroll', pool: deps.pool, nats: deps.nats, logger: deps.logger };
  const periods = new EventConsumer({ ...options, name: 'issuing' })
    .on(timesheetsEvents.periodClosed, async (tx, event) => {
      const { territoryId, month, totals } = event.data;
      if (!UUID.test(territoryId) || !MONTH.test(month)) throw new Error(`period ${event.data.periodId} closed without a territory or month`);
      const people = peopleOfClose(totals.map((t) => ({ personId: t.personId, approvedMinutes: Number(t.approvedMinutes) })));
      // A close repeated under another event id meets the one run per territory and month.
      await store.startRun(tx, newRun(territoryId.toLowerCase(), month, 'close', event.id, people.length, deps.now()), people);
      // The run is there once the inbox transaction commits, just after this handler.
      setTimeout(deps.runStarted, 50);
    })
    .on(timesheetsEvents.entryCorrected, async (tx, event) => {
      const entry = event.data.entry;
      if (!entry || !UUID.test(entry.personId) || !UUID.test(entry.territoryId) || !MONTH.test(entry.month)) throw new Error(`correction ${event.id} without a person, territory or month`);
      await store.startRun(tx, newRun(entry.territoryId.toLowerCase(), entry.month, 'correction', event.id, 1, deps.now()), [entry.personId.toLowerCase()]);
      setTimeout(deps.runStarted, 50);
    });

  /**
   * Hours paid after their form was issued (a currency created after the close pays the hours that
   * waited for it): the person's forms of that month are issued again, a moment later so that the
   * other payments of the same burst are counted in the same new version.
   */
  async function reissueIfPaidLate(tx: Tx, entryId: string, eventId: string): Promise<void> {
    const form = await store.currentFormOfEntry(tx, entryId);
    if (!form || (await store.hasPendingRun(tx, 'payment', form.personId, form.territoryId, form.month))) return;
    const at = deps.now();
    await store.startRun(tx, newRun(form.territoryId, form.month, 'payment', eventId, 1, at), [form.personId], new Date(at.getTime() + LATE_PAY_GATHER_MS));
    setTimeout(deps.runStarted, LATE_PAY_GATHER_MS + 50);
  }

  const pay = new EventConsumer({ ...options, name: 'pay' }).on(currencyEvents.transferPosted, async (tx, event) => {
    const transfer = event.data.transfer;
    if (!transfer) return;
    const postedAt = new Date(transfer.postedAt);
    const amountMinor = Number(transfer.amountMinor);
    const person = (kind: string | undefined) => kind === 'person';
    if (person(fromProtoEnum('OWNER_KIND', transfer.creditOwnerKind))) {
      await store.recordWalletMovement(tx, { transferId: transfer.id, personId: transfer.creditOwnerId, currencyId: transfer.currencyId, amountMinor, postedAt });
      if (fromProtoEnum('TRANSFER_KIND', transfer.kind) === 'hours' && transfer.entryId) {
        const credit = { entryId: transfer.entryId, personId: transfer.creditOwnerId, currencyId: transfer.currencyId, currencyCode: transfer.currencyCode, amountMinor, postedAt };
        if (await store.recordHoursCredit(tx, credit)) await reissueIfPaidLate(tx, credit.entryId, event.id);
      }
    }
    if (person(fromProtoEnum('OWNER_KIND', transfer.debitOwnerKind))) {
      await store.recordWalletMovement(tx, { transferId: transfer.id, personId: transfer.debitOwnerId, currencyId: transfer.currencyId, amountMinor: -amountMinor, postedAt });
    }
  });
  return [periods, pay];
}
