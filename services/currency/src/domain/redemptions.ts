// Redemption of local currency to euros: who may redeem, the fee kept, and the decision.
import { refusal, type RefusalValue } from '@e21/kit';
import { checkAmount } from './amounts.js';

export const REDEMPTION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const PAYOUT_REFERENCE_MAX_LENGTH = 100;

export interface RedemptionRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  accountId: string;
  currencyId: string;
  currencyCode: string;
  minorUnits: number;
  amountMinor: bigint;
  feeBasisPoints: number;
  feeMinor: bigint;
  status: RedemptionStatus;
  requestHash: string;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  payoutReference: string;
  rejectionReason: string;
  transferId: string | null;
}

/** The fee: amount x basis points / 10,000, rounded half up to the minor unit (5 % of 0.10 is 0.01). */
export function feeFor(amountMinor: bigint, feeBasisPoints: number): bigint {
  return (amountMinor * BigInt(feeBasisPoints) + 5_000n) / 10_000n;
}

/** Euro cents for an amount of a currency at par with the euro, with 0 to 2 minor units. */
export function euroCents(amountMinor: bigint, minorUnits: number): bigint {
  return amountMinor * 10n ** BigInt(2 - minorUnits);
}

/** People spend their currency and other organizations hold it: only merchants turn it back into euros. */
export function checkRedeemer(organizationKind: string): RefusalValue | undefined {
  return organizationKind === 'merchant'
    ? undefined
    : refusal('forbidden', 'not_a_merchant', 'Only merchants redeem local currency to euros');
}

/**
 * A merchant redeems what it holds beyond its redemptions still waiting.
 */
export function checkRedemptionRequest(input: {
  organizationKind: string;
  amountMinor: bigint;
  balanceMinor: bigint;
  pendingMinor: bigint;
}): RefusalValue | undefined {
  const redeemer = checkRedeemer(input.organizationKind);
  if (redeemer) return redeemer;
  const amount = checkAmount(input.amountMinor);
  if (amount) return amount;
  const available = input.balanceMinor - input.pendingMinor;
  if (input.amountMinor > available) {
    return refusal(
      'conflict',
      'insufficient_funds',
      `Only ${available < 0n ? 0n : available} minor units are available to redeem (the balance less the redemptions waiting)`,
      [{ field: 'amount_minor', message: 'is more than is available' }],
    );
  }
  return undefined;
}

/**
 * A redemption is decided once. Approving again with the same payout reference is a retry and
 * answers the approved redemption; any other second decision is refused.
 */
export function checkDecision(
  redemption: { status: RedemptionStatus; payoutReference: string },
  decision: 'approve' | 'reject',
  payoutReference = '',
): 'decide' | 'replay' | RefusalValue {
  if (redemption.status === 'requested') return 'decide';
  if (decision === 'approve' && redemption.status === 'approved' && redemption.payoutReference === payoutReference) return 'replay';
  return refusal('conflict', 'redemption_decided', `This redemption is already ${redemption.status}`);
}
