// Merchants: the verification of an organization as currency keeps it, for anyone to check.
import { notFound, type Handlers } from '@e21/kit';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import { merchantToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, requireUuid, type HandlerDeps } from './context.js';

type MerchantHandlers = Pick<Handlers<typeof CurrencyServiceService>, 'getMerchant'>;

export function merchantHandlers(deps: HandlerDeps): MerchantHandlers {
  return {
    // Public, like a shop's sign: payers check whom they pay. Never verified reads as not found.
    async getMerchant(request, call) {
      callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const merchant = await store.getMerchant(deps.pool, organizationId);
      if (!merchant) throw notFound('merchant', organizationId);
      return merchantToProto(merchant);
    },
  };
}
