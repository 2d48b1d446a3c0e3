// The contracts service's actions in the policy: who acts for an employer and for an office.
import type { Caller } from '@e21/kit';
import { decide, type Grant, type MembershipRole, type ScopeFacts, type SubjectFacts } from './policy.js';

const PATH = {
  marseille: ['eu', 'fr', 'paca', 'bdr', 'marseille'],
  aubagne: ['eu', 'fr', 'paca', 'bdr', 'aubagne'],
  montpellier: ['eu', 'fr', 'occitanie', 'montpellier'],
};
const ADA = 'person-ada';
const CALANQUES = 'org-calanques';
const GARLABAN = 'org-garlaban';
const OFFICE_MARSEILLE = 'org-office-marseille';

const person = (personId: string): Caller => ({ kind: 'person', personId });
const subject = (facts: { grants?: Grant[]; memberships?: { organizationId: string; role: MembershipRole }[] } = {}): SubjectFacts => ({
  subject: person(ADA),
  grants: facts.grants ?? [],
  memberships: facts.memberships ?? [],
});
const officer = (territoryId: string, role: Grant['role'] = 'officer'): Grant => ({ role, scopeKind: 'territory', scopeId: territoryId });
const organization = (organizationId: string, territoryPath: string[]): ScopeFacts => ({ territoryPath, organizationId });

describe('contracts.employer.act', () => {
  it('lets the HR managers and admins of an organization act for it as an employer', () => {
    for (const role of ['hr_manager', 'admin'] as const) {
      expect(
        decide(
          'contracts.employer.act',
          subject({ memberships: [{ organizationId: CALANQUES, role }] }),
          organization(CALANQUES, PATH.marseille),
        ).allowed,
      ).toBe(true);
    }
  });

  it('does not let a plain member act for their employer', () => {
    expect(
      decide(
        'contracts.employer.act',
        subject({ memberships: [{ organizationId: CALANQUES, role: 'member' }] }),
        organization(CALANQUES, PATH.marseille),
      ).allowed,
    ).toBe(false);
  });

  it('does not let the HR manager of one organization act for another', () => {
    expect(
      decide(
        'contracts.employer.act',
        subject({ memberships: [{ organizationId: GARLABAN, role: 'hr_manager' }] }),
        organization(CALANQUES, PATH.marseille),
      ).allowed,
    ).toBe(false);
  });

  it('does not let an officer act for an employer of their territory', () => {
    expect(
      decide('contracts.employer.act', subject({ grants: [officer('marseille')] }), organization(CALANQUES, PATH.marseille)).allowed,
    ).toBe(false);
  });
});

describe('contracts.office.act', () => {
  it('lets the officers and territory admins of the office’s territory, or above it, act for the office', () => {
    expect(
      decide('contracts.office.act', subject({ grants: [officer('marseille')] }), organization(OFFICE_MARSEILLE, PATH.marseille)).allowed,
    ).toBe(true);
    expect(
      decide('contracts.office.act', subject({ grants: [officer('paca')] }), organization(OFFICE_MARSEILLE, PATH.marseille)).allowed,
    ).toBe(true);
    expect(
      decide(
        'contracts.office.act',
        subject({ grants: [officer('paca', 'territory_admin')] }),
        organization(OFFICE_MARSEILLE, PATH.marseille),
      ).allowed,
    ).toBe(true);
  });

  it('does not let the officer of a neighbouring locality or another region act for the office', () => {
    expect(
      decide('contracts.office.act', subject({ grants: [officer('aubagne')] }), organization(OFFICE_MARSEILLE, PATH.marseille)).allowed,
    ).toBe(false);
    expect(
      decide('contracts.office.act', subject({ grants: [officer('occitanie')] }), organization(OFFICE_MARSEILLE, PATH.marseille)).allowed,
    ).toBe(false);
  });

  it('does not let a member of the office organization without an officer role act for it', () => {
    expect(
      decide(
        'contracts.office.act',
        subject({ memberships: [{ organizationId: OFFICE_MARSEILLE, role: 'admin' }] }),
        organization(OFFICE_MARSEILLE, PATH.marseille),
      ).allowed,
    ).toBe(false);
  });

  it('does not count an assembly member as the office', () => {
    expect(
      decide(
        'contracts.office.act',
        subject({ grants: [officer('marseille', 'assembly_member')] }),
        organization(OFFICE_MARSEILLE, PATH.marseille),
      ).allowed,
    ).toBe(false);
  });
});

describe('contracts.commitments.read', () => {
  it("lets the employer's HR managers and its territory's officers read its commitment, and nobody else", () => {
    const scope = organization(CALANQUES, PATH.marseille);
    expect(
      decide('contracts.commitments.read', subject({ memberships: [{ organizationId: CALANQUES, role: 'hr_manager' }] }), scope).allowed,
    ).toBe(true);
    expect(decide('contracts.commitments.read', subject({ grants: [officer('marseille')] }), scope).allowed).toBe(true);
    expect(
      decide('contracts.commitments.read', subject({ memberships: [{ organizationId: CALANQUES, role: 'member' }] }), scope).allowed,
    ).toBe(false);
    expect(decide('contracts.commitments.read', subject({ grants: [officer('montpellier')] }), scope).allowed).toBe(false);
  });
});
