// Posting a transfer: the one place that locks its accounts, applies the ledger's rules, and writes
// the transfer, its entries, both balances and its event in the caller's transaction.
import { orThrow, throwIfRefused, unknownReference, type Clock, type Tx } from '@e21/kit';
import { checkRetry, lockOrder, postTransfer, type TransferKind, type TransferRecord } from './domain/ledger.js';
import * as events from './events.js';
import * as store from './store/index.js';

export interface TransferOrder {
  id: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amountMinor: bigint;
  reference: string;
  requestHash: string;
  postedBy: string;
  entryId?: string;
  entryDate?: string;
  entryMinutes?: bigint;
  paymentRequestId?: string;
  redemptionId?: string;
}

/**
 * Posts the order in `tx`. Both accounts are locked in id order, so no interleaving of transfers
 * overdraws an account or deadlocks; the instant is taken under the locks, so each account's
 * entries are in time order.
 */
export async function post(tx: Tx, order: TransferOrder, now: Clock): Promise<TransferRecord> {
  const locked = await store.lockAccounts(tx, lockOrder([order.debitAccountId, order.creditAccountId]));
  const debit = locked.find((a) => a.id === order.debitAccountId);
  const credit = locked.find((a) => a.id === order.creditAccountId);
  if (!debit) throw unknownReference('from_account_id', 'account', order.debitAccountId);
  if (!credit) throw unknownReference('to_account_id', 'account', order.creditAccountId);
  const posting = orThrow(postTransfer(order.kind, debit, credit, order.amountMinor));
  const postedAt = now();
  await store.insertPosting(tx, { ...order, currencyId: debit.currencyId, postedAt }, posting);
  const transfer: TransferRecord = {
    id: order.id,
    currencyId: debit.currencyId,
    currencyCode: debit.currencyCode,
    kind: order.kind,
    debitAccountId: debit.id,
    creditAccountId: credit.id,
    amountMinor: order.amountMinor,
    reference: order.reference,
    requestHash: order.requestHash,
    entryId: order.entryId ?? null,
    entryDate: order.entryDate ?? null,
    entryMinutes: order.entryMinutes ?? null,
    paymentRequestId: order.paymentRequestId ?? null,
    redemptionId: order.redemptionId ?? null,
    postedBy: order.postedBy,
    postedAt,
    debitOwner: { kind: debit.ownerKind, id: debit.ownerId, name: debit.ownerName },
    creditOwner: { kind: credit.ownerKind, id: credit.ownerId, name: credit.ownerName },
  };
  await events.transferPosted(tx, transfer);
  return transfer;
}

/**
 * Posts a transfer whose id may come again (an idempotency key, an entry, a request): the id is
 * locked first, so a retry or a second replica waits, then finds the first transfer and gets it back
 * (or is refused when the same id came with another request).
 */
export async function postOnce(tx: Tx, order: TransferOrder, now: Clock): Promise<TransferRecord> {
  await store.lockKey(tx, `transfer:${order.id}`);
  const earlier = await store.getTransfer(tx, order.id);
  if (earlier) {
    throwIfRefused(checkRetry(earlier, order.requestHash));
    return earlier;
  }
  return post(tx, order, now);
}
