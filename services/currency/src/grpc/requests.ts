// Merchants' payment requests: created at the till, shown as a QR code, paid once by the person
// who scans or opens it.
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { clampLimit, notFound, orThrow, Refused, throwIfRefused, withTransaction, type Caller, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { keyedId, requestTransferId } from '../domain/ids.js';
import { checkRetry } from '../domain/ledger.js';
import { checkVerified } from '../domain/merchants.js';
import { checkPayable, validatePaymentRequest, type PaymentRequestRecord } from '../domain/requests.js';
import * as events from '../events.js';
import { paymentRequestToProto, requestStatusFromProto } from '../mapping.js';
import { post } from '../posting.js';
import * as store from '../store/index.js';
import { requireOrganization } from './access.js';
import { currencyOfOrganization } from './accounts.js';
import { callerOf, callerText, idempotencyKeyOf, ONLY_PEOPLE_PAY, personOf, requestHash, requireUuid } from './context.js';
import type { HandlerDeps } from './context.js';

type RequestHandlers = Pick<
  Handlers<typeof CurrencyServiceService>,
  'createPaymentRequest' | 'getPaymentRequest' | 'listPaymentRequests' | 'renderPaymentRequestCode' | 'payPaymentRequest'
>;

export function requestHandlers(deps: HandlerDeps): RequestHandlers {
  async function existing(id: string): Promise<PaymentRequestRecord> {
    const request = await store.getPaymentRequest(deps.pool, id);
    if (!request) throw notFound('payment_request', id);
    return request;
  }

  /** Only the organization's members see who paid; anyone holding the id sees the rest. */
  async function seenBy(caller: Caller, request: PaymentRequestRecord) {
    const forMerchant =
      request.paidAt !== null &&
      (caller.kind === 'system' ||
        (await deps.directory.may(caller, 'currency.organization.collect', { organizationId: request.organizationId })));
    return paymentRequestToProto(request, deps.now(), forMerchant);
  }

  return {
    async createPaymentRequest(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const key = idempotencyKeyOf(request.idempotencyKey);
      await requireOrganization(deps, caller, organizationId, 'collect');
      const at = deps.now();
      const terms = orThrow(
        validatePaymentRequest(
          { amountMinor: request.amountMinor, reference: request.reference, expiresInMinutes: request.expiresInMinutes },
          at,
        ),
      );
      // The verified merchant's own facts (name, place), kept from identity: an unverified
      // organization makes no request, so no payer ever sees one it could mistake for a merchant's.
      const organization = await store.getMerchant(deps.pool, organizationId);
      throwIfRefused(checkVerified(organization));
      const currency = await currencyOfOrganization(deps, organization!.territoryId);
      const hash = requestHash({
        organizationId,
        amountMinor: terms.amountMinor,
        reference: terms.reference,
        expiresInMinutes: request.expiresInMinutes,
      });
      const id = key ? keyedId('payment_request', organizationId, callerText(caller), key) : randomUUID();
      const saved = await withTransaction(deps.pool, async (tx) => {
        await store.lockKey(tx, `payment_request:${id}`);
        const earlier = await store.getPaymentRequest(tx, id);
        if (earlier) {
          throwIfRefused(checkRetry(earlier, hash));
          return earlier;
        }
        const account = await store.openAccount(tx, {
          id: randomUUID(),
          currencyId: currency.id,
          ownerKind: 'organization',
          ownerId: organizationId,
          ownerName: organization!.name,
          organizationKind: organization!.kind,
          createdAt: at,
        });
        const created: PaymentRequestRecord = {
          id,
          organizationId,
          organizationName: organization!.name,
          accountId: account.id,
          currencyId: currency.id,
          currencyCode: currency.code,
          minorUnits: currency.minorUnits,
          ...terms,
          requestHash: hash,
          createdBy: callerText(caller),
          createdAt: at,
          paidAt: null,
          paidBy: null,
          paidByName: null,
          transferId: null,
          merchant: { legalId: organization!.legalId, verified: true, decidedAt: organization!.decidedAt },
        };
        await store.insertPaymentRequest(tx, created);
        return created;
      });
      return paymentRequestToProto(saved, deps.now(), true);
    },

    async getPaymentRequest(request, call) {
      const caller = callerOf(call);
      return seenBy(caller, await existing(requireUuid(request.id, 'id')));
    },

    async listPaymentRequests(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireOrganization(deps, caller, organizationId, 'collect');
      const at = deps.now();
      const found = await store.listPaymentRequests(
        deps.pool,
        organizationId,
        requestStatusFromProto(request.status),
        at,
        clampLimit(request.limit),
        request.cursor || undefined,
      );
      return { requests: found.items.map((r) => paymentRequestToProto(r, at, true)), nextCursor: found.nextCursor };
    },

    async renderPaymentRequestCode(request, call) {
      callerOf(call);
      const found = await existing(requireUuid(request.id, 'id'));
      const { paymentUri } = paymentRequestToProto(found, deps.now(), false);
      const svg = await QRCode.toString(paymentUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { svg, paymentUri };
    },

    async payPaymentRequest(request, call) {
      const caller = callerOf(call);
      const personId = personOf(call, ONLY_PEOPLE_PAY);
      const id = requireUuid(request.id, 'id');
      const payerName = (await deps.directory.personName(personId)) ?? '';
      const paid = await withTransaction(deps.pool, async (tx) => {
        // The request's row is locked first: two payers, or one payer twice, pay it once.
        const found = await store.getPaymentRequest(tx, id, { forUpdate: true });
        if (!found) throw notFound('payment_request', id);
        if (found.paidBy === callerText(caller)) return found;
        const at = deps.now();
        throwIfRefused(checkPayable(found, at));
        const payer = await store.findAccount(tx, found.currencyId, 'person', personId);
        if (!payer) throw new Refused('conflict', 'insufficient_funds', `You hold no ${found.currencyCode} to pay with`);
        const transfer = await post(
          tx,
          {
            id: requestTransferId(found.id),
            kind: 'request',
            debitAccountId: payer.id,
            creditAccountId: found.accountId,
            amountMinor: found.amountMinor,
            reference: found.reference,
            requestHash: requestHash({ paymentRequestId: found.id }),
            postedBy: callerText(caller),
            paymentRequestId: found.id,
          },
          deps.now,
        );
        const updated: PaymentRequestRecord = {
          ...found,
          paidAt: transfer.postedAt,
          paidBy: callerText(caller),
          paidByName: payerName,
          transferId: transfer.id,
        };
        await store.markPaymentRequestPaid(tx, id, {
          at: transfer.postedAt,
          by: callerText(caller),
          byName: payerName,
          transferId: transfer.id,
        });
        await events.paymentRequestPaid(tx, updated, callerText(caller));
        return updated;
      });
      return paymentRequestToProto(paid, deps.now(), false);
    },
  };
}
