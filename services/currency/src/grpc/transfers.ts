// Payments between accounts, and reading one transfer.
import { randomUUID } from 'node:crypto';
import { forbidden, notFound, throwIfRefused, withTransaction, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { checkAmount, checkText } from '../domain/amounts.js';
import { paymentTransferId } from '../domain/ids.js';
import { REFERENCE_MAX_LENGTH } from '../domain/requests.js';
import { transferToProto } from '../mapping.js';
import { post, postOnce } from '../posting.js';
import * as store from '../store/index.js';
import { accountFor, mayUse } from './access.js';
import { callerOf, callerText, idempotencyKeyOf, requestHash, requireUuid, type HandlerDeps } from './context.js';

type TransferHandlers = Pick<Handlers<typeof CurrencyServiceService>, 'pay' | 'getTransfer'>;

export function transferHandlers(deps: HandlerDeps): TransferHandlers {
  return {
    async pay(request, call) {
      const caller = callerOf(call);
      const fromId = requireUuid(request.fromAccountId, 'from_account_id');
      const toId = requireUuid(request.toAccountId, 'to_account_id');
      const key = idempotencyKeyOf(request.idempotencyKey);
      throwIfRefused(checkAmount(request.amountMinor) ?? checkText(request.reference, 'reference', REFERENCE_MAX_LENGTH));
      const from = await accountFor(deps, caller, fromId, 'spend');
      const order = {
        id: key ? paymentTransferId(from.id, key) : randomUUID(),
        kind: 'payment' as const,
        debitAccountId: from.id,
        creditAccountId: toId,
        amountMinor: request.amountMinor,
        reference: request.reference.trim(),
        requestHash: requestHash({ from: from.id, to: toId, amountMinor: request.amountMinor, reference: request.reference.trim() }),
        postedBy: callerText(caller),
      };
      // Without a key the id is new: nothing to wait for. With one, a retry finds the first transfer.
      const transfer = await withTransaction(deps.pool, (tx) => (key ? postOnce(tx, order, deps.now) : post(tx, order, deps.now)));
      return transferToProto(transfer);
    },

    async getTransfer(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      const transfer = await store.getTransfer(deps.pool, id);
      if (!transfer) throw caller.kind === 'system' ? notFound('transfer', id) : forbidden('This is not a transfer of yours');
      for (const accountId of [transfer.debitAccountId, transfer.creditAccountId]) {
        const account = (await store.getAccount(deps.pool, accountId))!;
        if (await mayUse(deps, caller, account, 'read')) return transferToProto(transfer);
      }
      throw forbidden('This is not a transfer of yours');
    },
  };
}
