// Invitations to join an organization: a person becomes a member only by accepting one. What the
// organization sees of an invitation never tells whether someone has the address it typed, or
// whether they declined: a declined invitation looks, to the organization, like one nobody
// answered (pending until it expires), which is also what an address nobody has looks like.
import { refusal, type RefusalValue } from '@e21/kit';
import type { OrganizationKind } from './organizations.js';
import { isEmail } from './people.js';
import type { MembershipRole } from './policy.js';

/** What is stored. */
export const INVITATION_STATES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];
/** What a reader sees: the stored state, or expired once a pending (or declined) one is past its day. */
export type InvitationStatus = InvitationState | 'expired';

/** An invitation waits a month for its answer; then the organization invites again if it still wants to. */
export const INVITATION_VALIDITY_DAYS = 30;
export const EMPLOYEE_REFERENCE_MAX_LENGTH = 64;

export interface Invitation {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  /** Lower-cased as typed; matched against people's addresses without regard to case. */
  email: string;
  role: MembershipRole;
  employeeReference: string;
  state: InvitationState;
  invitedBy: string;
  invitedByName: string;
  invitedAt: Date;
  expiresAt: Date;
  /** The person who accepted or declined, and when. */
  answeredBy: string | null;
  answeredAt: Date | null;
  revokedBy: string | null;
  revokedAt: Date | null;
}

export interface InvitationTerms {
  email: string;
  employeeReference: string;
  expiresAt: Date;
}

/** The address and reference an invitation carries, checked, and the day it expires. */
export function validateInvitation(input: { email: string; employeeReference: string }, at: Date): InvitationTerms | RefusalValue {
  const email = input.email.trim().toLowerCase();
  const employeeReference = input.employeeReference.trim();
  const problems = [
    ...(isEmail(email) ? [] : [{ field: 'email', message: 'must be an email address' }]),
    ...(employeeReference.length > EMPLOYEE_REFERENCE_MAX_LENGTH
      ? [{ field: 'employee_reference', message: `must be at most ${EMPLOYEE_REFERENCE_MAX_LENGTH} characters` }]
      : []),
  ];
  if (problems.length) return refusal('invalid', 'validation_failed', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  return { email, employeeReference, expiresAt: new Date(at.getTime() + INVITATION_VALIDITY_DAYS * 24 * 60 * 60 * 1000) };
}

const expired = (invitation: Pick<Invitation, 'expiresAt'>, at: Date) => at.getTime() >= invitation.expiresAt.getTime();

/** The status the person it is addressed to sees: everything, expiry included. */
export function statusForPerson(invitation: Pick<Invitation, 'state' | 'expiresAt'>, at: Date): InvitationStatus {
  if ((invitation.state === 'pending' || invitation.state === 'declined') && expired(invitation, at)) return 'expired';
  return invitation.state;
}

/** The status the organization sees: a declined invitation stays pending until it expires. */
export function statusForOrganization(
  invitation: Pick<Invitation, 'state' | 'expiresAt'>,
  at: Date,
): Exclude<InvitationStatus, 'declined'> {
  const status = statusForPerson(invitation, at);
  return status === 'declined' ? 'pending' : status;
}

/**
 * Whether the person's answer applies ('answer'), repeats the answer already given ('replay'), or
 * is refused. A person who declined may still accept while the invitation has not expired; one who
 * accepted leaves the organization instead of declining.
 */
export function checkAnswer(
  invitation: Pick<Invitation, 'state' | 'expiresAt'>,
  answer: 'accept' | 'decline',
  at: Date,
): 'answer' | 'replay' | RefusalValue {
  const status = statusForPerson(invitation, at);
  if (status === 'revoked') return refusal('conflict', 'invitation_revoked', 'The organization withdrew this invitation');
  if (status === 'expired')
    return refusal('conflict', 'invitation_expired', 'This invitation expired; ask the organization to invite you again');
  if (answer === 'accept') return status === 'accepted' ? 'replay' : 'answer';
  if (status === 'declined') return 'replay';
  if (status === 'accepted')
    return refusal('conflict', 'invitation_accepted', 'You accepted this invitation; leave the organization instead');
  return 'answer';
}

/** The organization withdraws what it sees as pending; anything else is already settled. */
export function checkRevocation(invitation: Pick<Invitation, 'state' | 'expiresAt'>, at: Date): RefusalValue | undefined {
  const status = statusForOrganization(invitation, at);
  if (status !== 'pending')
    return refusal('conflict', 'invitation_not_pending', `This invitation is ${status}; only a pending one is withdrawn`);
  return undefined;
}

/** One waiting invitation per address and organization: a second is refused until the first is settled. */
export function checkNoOpenInvitation(earlier: Pick<Invitation, 'state' | 'expiresAt'>[], at: Date): RefusalValue | undefined {
  if (earlier.some((invitation) => statusForOrganization(invitation, at) === 'pending')) {
    return refusal('conflict', 'invitation_pending', 'An invitation to this address is already waiting; withdraw it to send another', [
      { field: 'email', message: 'already has a pending invitation' },
    ]);
  }
  return undefined;
}
