// Territories' currencies: which one applies where, and their settings (treasury officers).
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { emptyQuery, uuid } from '../common.js';
import { currencyOut } from './mapping.js';
import { Currency, CurrencyIn } from './schemas.js';

const territoryParam = z.object({ territoryId: uuid }).strict();
// Settings change only with a new version; the body carries it for If-Match.
const NO_STORE = { 'Cache-Control': 'no-store' };

export function currencyRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/currencies',
      summary: 'Every territory’s local currency, with its rate per approved hour and redemption fee',
      tag: 'currencies',
      access: 'person',
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Currency) }), description: 'Currencies by code' },
      async handler({ actor }) {
        const { currencies } = await deps.currency.listCurrencies({}, { caller: callerOf(actor) });
        return { body: { items: currencies.map(currencyOut) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/territories/:territoryId/currency',
      summary: 'The currency that applies to a territory: its own, or that of the nearest territory above it',
      tag: 'currencies',
      access: 'person',
      refusals: ['no_currency_here'],
      params: territoryParam,
      query: emptyQuery,
      response: { status: 200, schema: Currency, description: 'The currency; 404 no_currency_here when none applies' },
      async handler({ actor, params }) {
        const currency = currencyOut(
          await deps.currency.getCurrencyOfTerritory({ territoryId: params.territoryId }, { caller: callerOf(actor) }),
        );
        return { body: currency, headers: NO_STORE, version: currency.version };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/territories/:territoryId/currency',
      summary:
        'Create the territory’s currency, or change its name, rate and fee (If-Match: its version). Treasury officers of the territory or above',
      tag: 'currencies',
      access: 'person',
      refusals: ['invalid_currency', 'unknown_territory', 'precondition_required', 'currency_fixed', 'currency_overlaps', 'code_taken'],
      params: territoryParam,
      ifMatch: 'optional',
      body: CurrencyIn,
      response: { status: 200, schema: Currency, description: 'The currency' },
      async handler({ actor, params, body, ifMatch }) {
        const currency = await deps.currency.configureCurrency(
          {
            territoryId: params.territoryId,
            code: body.code,
            name: body.name,
            minorUnits: body.minorUnits,
            ratePerHourMinor: BigInt(body.ratePerHourMinor),
            redemptionFeeBasisPoints: body.redemptionFeeBasisPoints,
            expectedVersion: ifMatch,
          },
          { caller: callerOf(actor) },
        );
        return { body: currencyOut(currency), version: currency.version };
      },
    }),
  ];
}
