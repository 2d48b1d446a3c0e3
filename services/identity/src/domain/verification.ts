// Verification of organizations: an Engagement 21 officer of the organization's territory (or above)
// checks that it is who it says, by its legal id, before it may receive local currency. Payers then
// tell a verified merchant from anyone who registered the same name.
import { refusal, type RefusalValue } from '@e21/kit';

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'revoked'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const REVOCATION_REASON_MAX_LENGTH = 500;

export interface Verification {
  status: VerificationStatus;
  /** Who verified or revoked, and when: null while never verified. */
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  revocationReason: string;
  /** Increases with each decision, so a consumer receiving them out of order keeps the last. */
  version: number;
}

export const UNVERIFIED: Verification = {
  status: 'unverified',
  decidedAt: null,
  decidedBy: null,
  decidedByName: null,
  revocationReason: '',
  version: 0,
};

export interface Decider {
  /** The caller as text ("person:<id>"). */
  by: string;
  name: string;
  /** The decider is a member of the organization: they do not vouch for it. */
  isMember: boolean;
}

/** Verifies the organization; verifying a verified one changes nothing. */
export function verify(current: Verification, decider: Decider, at: Date): Verification | 'unchanged' | RefusalValue {
  if (decider.isMember)
    return refusal('forbidden', 'own_organization', 'Nobody verifies an organization they belong to; another officer does');
  if (current.status === 'verified') return 'unchanged';
  return {
    status: 'verified',
    decidedAt: at,
    decidedBy: decider.by,
    decidedByName: decider.name,
    revocationReason: '',
    version: current.version + 1,
  };
}

/** Revokes a verification, saying why; from then on the organization receives no local currency. */
export function revoke(current: Verification, decider: Omit<Decider, 'isMember'>, reason: string, at: Date): Verification | RefusalValue {
  const why = reason.trim();
  if (!why || why.length > REVOCATION_REASON_MAX_LENGTH) {
    return refusal('invalid', 'validation_failed', `reason must be 1 to ${REVOCATION_REASON_MAX_LENGTH} characters`, [
      { field: 'reason', message: `must be 1 to ${REVOCATION_REASON_MAX_LENGTH} characters` },
    ]);
  }
  if (current.status !== 'verified')
    return refusal('conflict', 'not_verified', 'This organization is not verified; there is nothing to revoke');
  return {
    status: 'revoked',
    decidedAt: at,
    decidedBy: decider.by,
    decidedByName: decider.name,
    revocationReason: why,
    version: current.version + 1,
  };
}
