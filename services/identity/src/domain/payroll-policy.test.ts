// The payroll service's actions in the policy (and timesheets' correction): who reads forms and
// runs, who reads and lays out an employer's exports, who corrects approved hours.
import type { Caller } from '@e21/kit';
import { decide, type Grant, type ScopeFacts, type SubjectFacts } from './policy.js';

const PATH = { paca: ['eu', 'fr', 'paca'], marseille: ['eu', 'fr', 'paca', 'bdr', 'marseille'] };

const person = (grants: Grant[] = [], memberships: SubjectFacts['memberships'] = []): SubjectFacts => ({
  subject: { kind: 'person', personId: 'ada' } as Caller,
  grants,
  memberships,
});
const on = (role: Grant['role'], territory: string): Grant => ({ role, scopeKind: 'territory', scopeId: territory });
const territory = (territoryPath: string[]): ScopeFacts => ({ territoryPath });
const organization = (organizationId: string): ScopeFacts => ({ territoryPath: PATH.marseille, organizationId });

describe('payroll.forms.read, payroll.runs.read and timesheets.entries.correct', () => {
  it.each(['payroll.forms.read', 'payroll.runs.read', 'timesheets.entries.correct'])(
    'lets officers and territory admins of the territory or above (%s)',
    (action) => {
      expect(decide(action, person([on('officer', 'marseille')]), territory(PATH.marseille)).allowed).toBe(true);
      expect(decide(action, person([on('territory_admin', 'paca')]), territory(PATH.marseille)).allowed).toBe(true);
    },
  );

  it.each(['payroll.forms.read', 'payroll.runs.read', 'timesheets.entries.correct'])(
    'refuses officers elsewhere or below, other roles and employers (%s)',
    (action) => {
      expect(decide(action, person([on('officer', 'aubagne')]), territory(PATH.marseille)).allowed).toBe(false);
      expect(decide(action, person([on('officer', 'marseille')]), territory(PATH.paca)).allowed).toBe(false);
      expect(decide(action, person([on('treasury_officer', 'marseille')]), territory(PATH.marseille)).allowed).toBe(false);
      expect(decide(action, person([], [{ organizationId: 'calanques', role: 'hr_manager' }]), territory(PATH.marseille)).allowed).toBe(
        false,
      );
    },
  );
});

describe('payroll.exports.read and payroll.exports.configure', () => {
  it.each(['payroll.exports.read', 'payroll.exports.configure'])('lets the employer’s HR managers and admins (%s)', (action) => {
    expect(decide(action, person([], [{ organizationId: 'calanques', role: 'hr_manager' }]), organization('calanques')).allowed).toBe(true);
    expect(decide(action, person([], [{ organizationId: 'calanques', role: 'admin' }]), organization('calanques')).allowed).toBe(true);
  });

  it.each(['payroll.exports.read', 'payroll.exports.configure'])(
    'refuses its plain members, another employer’s HR managers and officers (%s)',
    (action) => {
      expect(decide(action, person([], [{ organizationId: 'calanques', role: 'member' }]), organization('calanques')).allowed).toBe(false);
      expect(decide(action, person([], [{ organizationId: 'garlaban', role: 'hr_manager' }]), organization('calanques')).allowed).toBe(
        false,
      );
      expect(decide(action, person([on('officer', 'marseille')]), organization('calanques')).allowed).toBe(false);
    },
  );
});
