// A currency's supply for its treasury: issued, redeemed, in circulation, fees, and the ledger's health.
import { notFound, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { isBalanced } from '../domain/supply.js';
import { currencyToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { requireTreasury } from './access.js';
import { callerOf, requireUuid, type HandlerDeps } from './context.js';

type SupplyHandlers = Pick<Handlers<typeof CurrencyServiceService>, 'getSupply'>;

export function supplyHandlers(deps: HandlerDeps): SupplyHandlers {
  return {
    async getSupply(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.currencyId, 'currency_id');
      const currency = await store.getCurrency(deps.pool, id);
      if (!currency) throw notFound('currency', id);
      await requireTreasury(deps, caller, currency, 'currency.treasury.read');
      const figures = await store.supplyOf(deps.pool, currency);
      return {
        currency: currencyToProto(currency),
        ...figures,
        balanced: isBalanced(figures),
        checkedAt: deps.now().toISOString(),
      };
    },
  };
}
