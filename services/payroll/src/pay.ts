// What currency paid, from its transfers: every movement of a person's wallet, each entry's hours
// credit, and a new version of a form whose hours were paid after it was issued.
import { randomUUID } from 'node:crypto';
import { fromProtoEnum, type Clock, type EventHandler, type Tx } from '@e21/kit';
import type { TransferPosted } from '@e21/proto/e21/events/v1/currency';
import { hoursCreditOf, walletMovementsOf, type HoursCredit, type PostedTransfer } from './domain/pay.js';
import { LATE_PAY_GATHER_MS, newRun } from './domain/runs.js';
import * as store from './store/index.js';

export interface PayDeps {
  now: Clock;
  /** Called once a run is there, so the issuer starts at once instead of at its next poll. */
  runStarted(): void;
}

/**
 * Hours paid after their form was issued (a currency created after the close pays the hours that
 * waited for it): the person's forms of that month are issued again, a moment later so that the
 * other payments of the same burst are counted in the same new version. The person's lock makes
 * this and the issuing of their forms take turns: either the form is written first and seen here,
 * or the credit is written first and the issuer, reading it under the same lock, counts it.
 */
async function reissueIfPaidLate(tx: Tx, deps: PayDeps, credit: HoursCredit, eventId: string): Promise<void> {
  await store.lockPerson(tx, credit.personId);
  const form = await store.currentFormOfEntry(tx, credit.entryId);
  if (!form || (await store.hasPendingRun(tx, 'payment', form.personId, form.territoryId, form.month))) return;
  const at = deps.now();
  const run = newRun(randomUUID(), form.territoryId, form.month, 'payment', eventId, 1, at);
  await store.startRun(tx, run, [form.personId], new Date(at.getTime() + LATE_PAY_GATHER_MS));
  setTimeout(deps.runStarted, LATE_PAY_GATHER_MS + 50);
}

/** The consumer's handler of currency's transfers: the event says everything, so nobody is asked. */
export function recordPay(deps: PayDeps): EventHandler<TransferPosted> {
  return async (tx, event) => {
    const t = event.data.transfer;
    if (!t) return;
    const transfer: PostedTransfer = {
      id: t.id,
      kind: fromProtoEnum('TRANSFER_KIND', t.kind) ?? '',
      currencyId: t.currencyId,
      currencyCode: t.currencyCode,
      amountMinor: Number(t.amountMinor),
      postedAt: new Date(t.postedAt),
      entryId: t.entryId,
      debitOwner: { kind: fromProtoEnum('OWNER_KIND', t.debitOwnerKind) ?? '', id: t.debitOwnerId },
      creditOwner: { kind: fromProtoEnum('OWNER_KIND', t.creditOwnerKind) ?? '', id: t.creditOwnerId },
    };
    for (const movement of walletMovementsOf(transfer)) await store.recordWalletMovement(tx, movement);
    const credit = hoursCreditOf(transfer);
    if (credit && (await store.recordHoursCredit(tx, credit))) await reissueIfPaidLate(tx, deps, credit, event.id);
  };
}
