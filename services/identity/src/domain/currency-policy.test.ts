// The currency service's actions in the policy: treasury officers for a currency's territory, an
// organization's members for its till and its admins for its money.
import type { Caller } from '@e21/kit';
import { decide, type Grant, type MembershipRole, type ScopeFacts, type SubjectFacts } from './policy.js';

// eu > fr > paca > bdr > marseille, aubagne; paca > var > toulon
const PATH = {
  paca: ['eu', 'fr', 'paca'],
  bdr: ['eu', 'fr', 'paca', 'bdr'],
  marseille: ['eu', 'fr', 'paca', 'bdr', 'marseille'],
  var: ['eu', 'fr', 'paca', 'var'],
};
const BOULANGERIE = 'org-boulangerie';
const LIBRAIRIE = 'org-librairie';
const TREASURY_ACTIONS = ['currency.treasury.configure', 'currency.treasury.read', 'currency.treasury.approve'];

const subject = (facts: { grants?: Grant[]; memberships?: { organizationId: string; role: MembershipRole }[] } = {}): SubjectFacts => ({
  subject: { kind: 'person', personId: 'odile' } as Caller,
  grants: facts.grants ?? [],
  memberships: facts.memberships ?? [],
});
const on = (role: Grant['role'], territory: string): Grant => ({ role, scopeKind: 'territory', scopeId: territory });
const territory = (territoryPath: string[]): ScopeFacts => ({ territoryPath });
const organization = (organizationId: string): ScopeFacts => ({ territoryPath: PATH.marseille, organizationId });

describe('currency treasury actions: treasury officers of the territory or above', () => {
  it.each(TREASURY_ACTIONS)('allows a treasury officer of the currency’s territory and of the region above it (%s)', (action) => {
    expect(decide(action, subject({ grants: [on('treasury_officer', 'bdr')] }), territory(PATH.bdr)).allowed).toBe(true);
    expect(decide(action, subject({ grants: [on('treasury_officer', 'paca')] }), territory(PATH.bdr)).allowed).toBe(true);
  });

  it.each(TREASURY_ACTIONS)('refuses a treasury officer of another department or of a locality below (%s)', (action) => {
    expect(decide(action, subject({ grants: [on('treasury_officer', 'var')] }), territory(PATH.bdr)).allowed).toBe(false);
    expect(decide(action, subject({ grants: [on('treasury_officer', 'marseille')] }), territory(PATH.bdr)).allowed).toBe(false);
  });

  it.each(TREASURY_ACTIONS)('refuses officers and territory admins without the treasury role (%s)', (action) => {
    expect(decide(action, subject({ grants: [on('officer', 'bdr'), on('territory_admin', 'paca')] }), territory(PATH.bdr)).allowed).toBe(
      false,
    );
  });
});

describe('currency.organization.collect', () => {
  it('lets every member of the organization use its till', () => {
    for (const role of ['member', 'hr_manager', 'admin'] as const) {
      expect(
        decide(
          'currency.organization.collect',
          subject({ memberships: [{ organizationId: BOULANGERIE, role }] }),
          organization(BOULANGERIE),
        ).allowed,
      ).toBe(true);
    }
  });

  it('refuses the members of another organization and the territory’s treasury officers', () => {
    expect(
      decide(
        'currency.organization.collect',
        subject({ memberships: [{ organizationId: LIBRAIRIE, role: 'admin' }] }),
        organization(BOULANGERIE),
      ).allowed,
    ).toBe(false);
    expect(
      decide('currency.organization.collect', subject({ grants: [on('treasury_officer', 'bdr')] }), organization(BOULANGERIE)).allowed,
    ).toBe(false);
  });
});

describe('currency.organization.spend', () => {
  it("lets the organization's admins spend and redeem its money, and no other member", () => {
    expect(
      decide(
        'currency.organization.spend',
        subject({ memberships: [{ organizationId: BOULANGERIE, role: 'admin' }] }),
        organization(BOULANGERIE),
      ).allowed,
    ).toBe(true);
    expect(
      decide(
        'currency.organization.spend',
        subject({ memberships: [{ organizationId: BOULANGERIE, role: 'member' }] }),
        organization(BOULANGERIE),
      ).allowed,
    ).toBe(false);
    expect(
      decide(
        'currency.organization.spend',
        subject({ memberships: [{ organizationId: BOULANGERIE, role: 'hr_manager' }] }),
        organization(BOULANGERIE),
      ).allowed,
    ).toBe(false);
  });
});
