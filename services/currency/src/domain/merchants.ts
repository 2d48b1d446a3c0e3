// Merchants as currency knows them: the organizations an Engagement 21 officer verified, kept from
// identity's events. Only a verified organization is paid, asks for payments or redeems.
import { refusal, type RefusalValue } from '@e21/kit';

export interface Merchant {
  organizationId: string;
  name: string;
  legalId: string;
  kind: string;
  territoryId: string;
  verified: boolean;
  /** When it was verified, or when the verification was revoked. */
  decidedAt: Date;
  /** identity's verification version: a decision replaces the fact only when it is newer. */
  version: number;
}

/**
 * How stale the fact may be: the relay publishes identity's decision within about a second. A
 * payment in that second after a revocation still goes through, which is the delay of a phone call
 * to the till; a verification takes the same second to open the till. Neither moves money that
 * the ledger cannot account for.
 */
export function checkVerified(merchant: Pick<Merchant, 'verified'> | undefined): RefusalValue | undefined {
  if (merchant?.verified) return undefined;
  return refusal(
    'conflict',
    'merchant_not_verified',
    'This organization is not verified by Engagement 21: ask the office of its territory to verify it before it takes payments or redeems',
  );
}
