// The merchant's till: its accounts, payment requests shown as QR codes, the person paying one,
// and redemption requests.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, emptyQuery, limit, listOf, orNull, uuid } from '../common.js';
import { accountOut, merchantOut, ownerKindIn, paymentRequestOut, redemptionOut, redemptionStatusIn, requestStatusIn } from './mapping.js';
import {
  Account,
  amountMinor,
  Merchant,
  PAYMENT_REQUEST_STATUSES,
  PaymentRequest,
  Redemption,
  REDEMPTION_STATUSES,
  reference,
} from './schemas.js';
import { IDEMPOTENCY_NOTE } from './wallet.js';

const organizationParam = z.object({ organizationId: uuid }).strict();
const requestParam = z.object({ requestId: uuid }).strict();
const NO_STORE = { 'Cache-Control': 'no-store' };

export function tillRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/accounts',
      summary: 'An organization’s accounts and balances (its members)',
      tag: 'till',
      access: 'person',
      params: organizationParam,
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Account) }), description: 'The accounts' },
      async handler({ actor, params }) {
        const { accounts } = await deps.currency.listAccounts(
          { ownerKind: ownerKindIn('organization'), ownerId: params.organizationId },
          { caller: callerOf(actor) },
        );
        return { body: { items: accounts.map(accountOut) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/merchant',
      summary:
        'Whether the organization is a verified merchant, as the currency service knows it: only a verified one asks for payments, is paid and redeems (anyone signed in; 404 when never verified)',
      tag: 'till',
      access: 'person',
      refusals: ['merchant_not_found'],
      params: organizationParam,
      query: emptyQuery,
      response: { status: 200, schema: Merchant, description: 'The merchant' },
      async handler({ actor, params }) {
        return {
          body: merchantOut(await deps.currency.getMerchant({ organizationId: params.organizationId }, { caller: callerOf(actor) })),
          headers: NO_STORE,
        };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/organizations/:organizationId/payment-requests',
      summary: `Ask for a payment at the till (its members; verified merchants only): an amount, a reference and an expiry; the answer carries the payment URI its QR code shows.${IDEMPOTENCY_NOTE}`,
      tag: 'till',
      access: 'person',
      refusals: ['invalid_amount', 'amount_too_large', 'no_currency_here', 'merchant_not_verified'],
      params: organizationParam,
      body: z
        .object({
          amountMinor,
          reference,
          expiresInMinutes: z
            .number()
            .int()
            .min(1)
            .max(7 * 24 * 60)
            .default(15)
            .describe('1 minute to 7 days'),
        })
        .strict(),
      idempotent: true,
      response: { status: 201, schema: PaymentRequest, description: 'The open request' },
      async handler({ actor, params, body, idempotencyKey }) {
        const request = await deps.currency.createPaymentRequest(
          {
            organizationId: params.organizationId,
            amountMinor: BigInt(body.amountMinor),
            reference: body.reference ?? '',
            expiresInMinutes: body.expiresInMinutes,
            idempotencyKey,
          },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: paymentRequestOut(request), headers: { Location: `/v1/payment-requests/${request.id}` } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/payment-requests',
      summary: 'The till’s payment requests, latest first: open, paid (incoming payments) or expired',
      tag: 'till',
      access: 'person',
      params: organizationParam,
      query: z.object({ status: z.enum(PAYMENT_REQUEST_STATUSES).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(PaymentRequest), description: 'Requests' },
      async handler({ actor, params, query }) {
        const found = await deps.currency.listPaymentRequests(
          {
            organizationId: params.organizationId,
            status: requestStatusIn(query.status),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.requests.map(paymentRequestOut), nextCursor: orNull(found.nextCursor) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payment-requests/:requestId',
      summary:
        'A payment request, for whoever scanned or opened it: the merchant (name, legal id, verified mark), amount, reference, expiry, status',
      tag: 'till',
      access: 'person',
      refusals: ['payment_request_not_found'],
      params: requestParam,
      query: emptyQuery,
      response: { status: 200, schema: PaymentRequest, description: 'The request' },
      async handler({ actor, params }) {
        return {
          body: paymentRequestOut(await deps.currency.getPaymentRequest({ id: params.requestId }, { caller: callerOf(actor) })),
          headers: NO_STORE,
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payment-requests/:requestId/qr',
      summary: 'The request’s payment URI as a QR code (SVG), for the till’s screen',
      tag: 'till',
      access: 'person',
      refusals: ['payment_request_not_found'],
      params: requestParam,
      query: emptyQuery,
      response: { status: 200, description: 'image/svg+xml' },
      async handler({ actor, params }) {
        const code = await deps.currency.renderPaymentRequestCode({ id: params.requestId }, { caller: callerOf(actor) });
        return { file: { contentType: 'image/svg+xml', data: code.svg }, headers: { 'Cache-Control': 'private, max-age=3600' } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/payment-requests/:requestId/payment',
      summary:
        'Pay a payment request from my account in its currency. A request is paid once: paying it again returns my payment, anyone else is refused; a merchant no longer verified is refused',
      tag: 'till',
      access: 'person',
      refusals: [
        'payment_request_not_found',
        'request_already_paid',
        'request_expired',
        'insufficient_funds',
        'transfer_not_allowed',
        'merchant_not_verified',
      ],
      params: requestParam,
      body: z.object({}).strict(),
      response: { status: 200, schema: PaymentRequest, description: 'The paid request' },
      async handler({ actor, params }) {
        return { body: paymentRequestOut(await deps.currency.payPaymentRequest({ id: params.requestId }, { caller: callerOf(actor) })) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/organizations/:organizationId/redemptions',
      summary: `Ask to redeem an amount to euros (merchants only, their admins); a treasury officer approves it.${IDEMPOTENCY_NOTE}`,
      tag: 'till',
      access: 'person',
      refusals: ['not_a_merchant', 'invalid_amount', 'amount_too_large', 'insufficient_funds', 'no_currency_here', 'merchant_not_verified'],
      params: organizationParam,
      body: z.object({ amountMinor }).strict(),
      idempotent: true,
      response: { status: 201, schema: Redemption, description: 'The redemption, waiting for the treasury' },
      async handler({ actor, params, body, idempotencyKey }) {
        const redemption = await deps.currency.requestRedemption(
          { organizationId: params.organizationId, amountMinor: BigInt(body.amountMinor), idempotencyKey },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: redemptionOut(redemption) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/redemptions',
      summary: 'The organization’s redemptions, latest first (its members)',
      tag: 'till',
      access: 'person',
      params: organizationParam,
      query: z.object({ status: z.enum(REDEMPTION_STATUSES).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Redemption), description: 'Redemptions' },
      async handler({ actor, params, query }) {
        const found = await deps.currency.listRedemptions(
          {
            organizationId: params.organizationId,
            currencyId: '',
            status: redemptionStatusIn(query.status),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.redemptions.map(redemptionOut), nextCursor: orNull(found.nextCursor) }, headers: NO_STORE };
      },
    }),
  ];
}
