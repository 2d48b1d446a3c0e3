// Merchants: identity's verification decisions (verified, revoked), kept as the fact the ledger checks
// on every payment. Both events carry the whole organization and its verification version; the store
// keeps the newest, so order and redelivery do not matter.
import type { EventHandler, Logger } from '@e21/kit';
import type { OrganizationVerified } from '@e21/proto/e21/events/v1/identity';
import { merchantFromOrganization } from './mapping.js';
import * as store from './store/index.js';

/** The consumer's handler of identity's verifications: the event says everything, so nobody is asked. */
export function merchantVerification(logger: Logger): EventHandler<OrganizationVerified> {
  return async (tx, event) => {
    if (!event.data.organization) return;
    const kept = await store.keepMerchant(tx, merchantFromOrganization(event.data.organization));
    logger.debug({ event: event.id, organization: event.data.organization.id, kept }, 'organization verification');
  };
}
