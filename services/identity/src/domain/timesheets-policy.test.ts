// The timesheets service's actions in the policy: who sees and closes a territory's periods, who reads its reports.
import type { Caller } from '@e21/kit';
import { decide, type Grant, type ScopeFacts, type SubjectFacts } from './policy.js';

// eu > fr > paca > bdr > marseille, aubagne; and fr > occitanie > montpellier
const PATH = {
  paca: ['eu', 'fr', 'paca'],
  marseille: ['eu', 'fr', 'paca', 'bdr', 'marseille'],
};

const person = (grants: Grant[] = []): SubjectFacts => ({
  subject: { kind: 'person', personId: 'ada' } as Caller,
  grants,
  memberships: [{ organizationId: 'org-office-marseille', role: 'admin' }],
});
const client = (grants: Grant[]): SubjectFacts => ({ subject: { kind: 'client', clientId: 'integrator-paca' }, grants, memberships: [] });
const on = (role: Grant['role'], territory: string): Grant => ({ role, scopeKind: 'territory', scopeId: territory });
const territory = (territoryPath: string[]): ScopeFacts => ({ territoryPath });

describe('timesheets.periods.read and timesheets.periods.close', () => {
  it.each(['timesheets.periods.read', 'timesheets.periods.close'])(
    'lets officers and territory admins of the territory or above act on its periods (%s)',
    (action) => {
      expect(decide(action, person([on('officer', 'marseille')]), territory(PATH.marseille)).allowed).toBe(true);
      expect(decide(action, person([on('officer', 'paca')]), territory(PATH.marseille)).allowed).toBe(true);
      expect(decide(action, person([on('territory_admin', 'paca')]), territory(PATH.marseille)).allowed).toBe(true);
    },
  );

  it.each(['timesheets.periods.read', 'timesheets.periods.close'])(
    'refuses officers elsewhere or below, other roles, office staff without a role and integrators (%s)',
    (action) => {
      expect(decide(action, person([on('officer', 'aubagne')]), territory(PATH.marseille)).allowed).toBe(false);
      expect(decide(action, person([on('officer', 'marseille')]), territory(PATH.paca)).allowed).toBe(false);
      expect(
        decide(action, person([on('assembly_member', 'marseille'), on('treasury_officer', 'marseille')]), territory(PATH.marseille))
          .allowed,
      ).toBe(false);
      expect(decide(action, person(), territory(PATH.marseille)).allowed).toBe(false);
      expect(decide(action, client([on('integrator', 'paca')]), territory(PATH.marseille)).allowed).toBe(false);
    },
  );
});

describe('timesheets.reports.read', () => {
  it('lets integrating bodies, officers and territory admins of the territory or above read its reports', () => {
    expect(decide('timesheets.reports.read', client([on('integrator', 'paca')]), territory(PATH.marseille)).allowed).toBe(true);
    expect(decide('timesheets.reports.read', person([on('officer', 'marseille')]), territory(PATH.marseille)).allowed).toBe(true);
    expect(decide('timesheets.reports.read', person([on('territory_admin', 'paca')]), territory(PATH.paca)).allowed).toBe(true);
  });

  it('refuses them for a territory above theirs, and refuses inhabitants', () => {
    expect(decide('timesheets.reports.read', client([on('integrator', 'marseille')]), territory(PATH.paca)).allowed).toBe(false);
    expect(decide('timesheets.reports.read', person([on('officer', 'marseille')]), territory(PATH.paca)).allowed).toBe(false);
    expect(decide('timesheets.reports.read', person(), territory(PATH.marseille)).allowed).toBe(false);
  });
});
