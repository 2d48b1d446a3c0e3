import { isRefusal, type RefusalValue } from '@e21/kit';
import {
  checkAnswer,
  checkNoOpenInvitation,
  checkRevocation,
  statusForOrganization,
  statusForPerson,
  validateInvitation,
  type InvitationState,
} from './invitations.js';

const AT = new Date('2030-03-01T10:00:00Z');
const LATER = new Date('2030-03-15T10:00:00Z');
const MONTHS_LATER = new Date('2030-05-01T10:00:00Z');
const EXPIRES = new Date('2030-03-31T10:00:00Z');

const invitation = (state: InvitationState) => ({ state, expiresAt: EXPIRES });

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('validateInvitation', () => {
  it('lower-cases the address, trims the reference and expires 30 days later', () => {
    expect(validateInvitation({ email: ' Yanis@Demo.E21.eu ', employeeReference: ' CS-0099 ' }, AT)).toEqual({
      email: 'yanis@demo.e21.eu',
      employeeReference: 'CS-0099',
      expiresAt: EXPIRES,
    });
  });

  it('names the field of a wrong address or an overlong reference', () => {
    expect(refused(validateInvitation({ email: 'yanis', employeeReference: '' }, AT)).fields).toEqual([
      { field: 'email', message: 'must be an email address' },
    ]);
    expect(refused(validateInvitation({ email: 'y@e21.eu', employeeReference: 'r'.repeat(65) }, AT)).fields?.map((f) => f.field)).toEqual([
      'employee_reference',
    ]);
  });
});

describe('what each side sees', () => {
  it('shows a declined invitation to the organization as pending, then expired: never as declined', () => {
    expect(statusForPerson(invitation('declined'), LATER)).toBe('declined');
    expect(statusForOrganization(invitation('declined'), LATER)).toBe('pending');
    expect(statusForOrganization(invitation('declined'), MONTHS_LATER)).toBe('expired');
    // which is exactly what an invitation to an address nobody has looks like
    expect(statusForOrganization(invitation('pending'), LATER)).toBe('pending');
    expect(statusForOrganization(invitation('pending'), MONTHS_LATER)).toBe('expired');
  });

  it('keeps accepted and revoked as they are for both sides, past the expiry too', () => {
    for (const state of ['accepted', 'revoked'] as const) {
      expect(statusForPerson(invitation(state), MONTHS_LATER)).toBe(state);
      expect(statusForOrganization(invitation(state), MONTHS_LATER)).toBe(state);
    }
  });
});

describe('checkAnswer', () => {
  it('answers a pending invitation either way', () => {
    expect(checkAnswer(invitation('pending'), 'accept', LATER)).toBe('answer');
    expect(checkAnswer(invitation('pending'), 'decline', LATER)).toBe('answer');
  });

  it('treats the same answer twice as a replay', () => {
    expect(checkAnswer(invitation('accepted'), 'accept', LATER)).toBe('replay');
    expect(checkAnswer(invitation('declined'), 'decline', LATER)).toBe('replay');
  });

  it('lets a person who declined change their mind before it expires, not one who accepted', () => {
    expect(checkAnswer(invitation('declined'), 'accept', LATER)).toBe('answer');
    expect(refused(checkAnswer(invitation('accepted'), 'decline', LATER)).code).toBe('invitation_accepted');
  });

  it('refuses answers to a revoked or expired invitation', () => {
    expect(refused(checkAnswer(invitation('revoked'), 'accept', LATER)).code).toBe('invitation_revoked');
    expect(refused(checkAnswer(invitation('pending'), 'accept', MONTHS_LATER)).code).toBe('invitation_expired');
    expect(refused(checkAnswer(invitation('pending'), 'accept', EXPIRES)).code).toBe('invitation_expired');
  });
});

describe('checkRevocation', () => {
  it('withdraws what the organization sees as pending, a declined one included', () => {
    expect(checkRevocation(invitation('pending'), LATER)).toBeUndefined();
    expect(checkRevocation(invitation('declined'), LATER)).toBeUndefined();
  });

  it('refuses an accepted, revoked or expired one', () => {
    expect(refused(checkRevocation(invitation('accepted'), LATER)).code).toBe('invitation_not_pending');
    expect(refused(checkRevocation(invitation('revoked'), LATER)).code).toBe('invitation_not_pending');
    expect(refused(checkRevocation(invitation('pending'), MONTHS_LATER)).code).toBe('invitation_not_pending');
  });
});

describe('checkNoOpenInvitation', () => {
  it('refuses a second invitation while one is pending to the organization', () => {
    expect(refused(checkNoOpenInvitation([invitation('declined')], LATER)).code).toBe('invitation_pending');
    expect(refused(checkNoOpenInvitation([invitation('pending')], LATER)).fields?.[0]?.field).toBe('email');
  });

  it('allows one once the earlier ones are settled', () => {
    expect(checkNoOpenInvitation([invitation('revoked'), invitation('accepted'), invitation('pending')], MONTHS_LATER)).toBeUndefined();
  });
});
