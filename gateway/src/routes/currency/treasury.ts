// A currency's treasury: supply and health figures, and the redemptions waiting for a decision.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, emptyQuery, limit, listOf, orNull, requiredText, text, uuid } from '../common.js';
import { redemptionOut, redemptionStatusIn, supplyOut } from './mapping.js';
import { Redemption, REDEMPTION_STATUSES, Supply } from './schemas.js';

const currencyParam = z.object({ currencyId: uuid }).strict();
const redemptionParam = z.object({ redemptionId: uuid }).strict();
const NO_STORE = { 'Cache-Control': 'no-store' };

export function treasuryRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/currencies/:currencyId/supply',
      summary:
        'Issued, redeemed, in circulation and fees, and the ledger’s health: every balance and entry summing to zero (treasury officers)',
      tag: 'treasury',
      access: 'person',
      params: currencyParam,
      query: emptyQuery,
      response: { status: 200, schema: Supply, description: 'The figures, from one snapshot' },
      async handler({ actor, params }) {
        return {
          body: supplyOut(await deps.currency.getSupply({ currencyId: params.currencyId }, { caller: callerOf(actor) })),
          headers: NO_STORE,
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/currencies/:currencyId/redemptions',
      summary: 'The currency’s redemptions, latest first, e.g. those waiting for approval (treasury officers)',
      tag: 'treasury',
      access: 'person',
      params: currencyParam,
      query: z.object({ status: z.enum(REDEMPTION_STATUSES).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Redemption), description: 'Redemptions' },
      async handler({ actor, params, query }) {
        const found = await deps.currency.listRedemptions(
          {
            organizationId: '',
            currencyId: params.currencyId,
            status: redemptionStatusIn(query.status),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.redemptions.map(redemptionOut), nextCursor: orNull(found.nextCursor) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/redemptions/:redemptionId/approval',
      summary:
        'Approve a redemption with the reference of the euro payout: the amount leaves circulation and the fee is kept. Approving again with the same reference returns it',
      tag: 'treasury',
      access: 'person',
      refusals: ['redemption_decided', 'merchant_not_verified'],
      params: redemptionParam,
      body: z.object({ payoutReference: text(100).describe('the bank transfer paying the euros') }).strict(),
      response: { status: 200, schema: Redemption, description: 'The approved redemption' },
      async handler({ actor, params, body }) {
        return {
          body: redemptionOut(
            await deps.currency.approveRedemption(
              { id: params.redemptionId, payoutReference: body.payoutReference },
              { caller: callerOf(actor) },
            ),
          ),
        };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/redemptions/:redemptionId/rejection',
      summary: 'Reject a redemption, saying why; the merchant keeps its balance',
      tag: 'treasury',
      access: 'person',
      refusals: ['redemption_decided'],
      params: redemptionParam,
      body: z.object({ reason: requiredText(500) }).strict(),
      response: { status: 200, schema: Redemption, description: 'The rejected redemption' },
      async handler({ actor, params, body }) {
        return {
          body: redemptionOut(
            await deps.currency.rejectRedemption({ id: params.redemptionId, reason: body.reason }, { caller: callerOf(actor) }),
          ),
        };
      },
    }),
  ];
}
