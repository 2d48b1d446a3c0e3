import type { Caller } from '@e21/kit';
import { decide, type Grant, type MembershipRole, type ScopeFacts, type SubjectFacts } from './policy.js';

// A small tree: eu > fr > idf (region) > { paris, versailles (localities under the region),
// essonne (department) > evry (locality) }, and fr > bretagne (region) > rennes (locality).
const PATH = {
  eu: ['eu'],
  fr: ['eu', 'fr'],
  idf: ['eu', 'fr', 'idf'],
  paris: ['eu', 'fr', 'idf', 'paris'],
  versailles: ['eu', 'fr', 'idf', 'versailles'],
  essonne: ['eu', 'fr', 'idf', 'essonne'],
  evry: ['eu', 'fr', 'idf', 'essonne', 'evry'],
  bretagne: ['eu', 'fr', 'bretagne'],
  rennes: ['eu', 'fr', 'bretagne', 'rennes'],
};

const ADA = 'person-ada';
const BOB = 'person-bob';
const ACME = 'org-acme';
const CHOIR = 'org-choir';

const person = (personId: string): Caller => ({ kind: 'person', personId });

function subject(
  caller: Caller,
  facts: { grants?: Grant[]; memberships?: { organizationId: string; role: MembershipRole }[] } = {},
): SubjectFacts {
  return { subject: caller, grants: facts.grants ?? [], memberships: facts.memberships ?? [] };
}

const onTerritory = (role: Grant['role'], territoryId: string): Grant => ({ role, scopeKind: 'territory', scopeId: territoryId });
const at = (territoryPath: string[], more: Omit<ScopeFacts, 'territoryPath'> = {}): ScopeFacts => ({ territoryPath, ...more });

describe('decide: self', () => {
  it('lets a person update their own profile', () => {
    expect(decide('identity.people.update', subject(person(ADA)), at(PATH.paris, { personId: ADA })).allowed).toBe(true);
  });

  it("does not let a person update someone else's profile", () => {
    expect(decide('identity.people.update', subject(person(ADA)), at(PATH.paris, { personId: BOB })).allowed).toBe(false);
  });

  it('does not treat a client as the person a resource belongs to', () => {
    const client: Caller = { kind: 'client', clientId: ADA };
    expect(decide('identity.competences.write', subject(client), at(PATH.paris, { personId: ADA })).allowed).toBe(false);
  });
});

describe('decide: any_person', () => {
  it('lets any signed-in person create an organization, wherever they are', () => {
    expect(decide('identity.organizations.create', subject(person(ADA)), at(PATH.rennes)).allowed).toBe(true);
  });

  it('does not count a client as a signed-in person', () => {
    const client: Caller = { kind: 'client', clientId: 'reporting' };
    expect(decide('identity.organizations.create', subject(client), at(PATH.rennes)).allowed).toBe(false);
  });
});

describe('decide: territory_role', () => {
  const regionalOfficer = subject(person(ADA), { grants: [onTerritory('officer', 'idf')] });
  const parisOfficer = subject(person(ADA), { grants: [onTerritory('officer', 'paris')] });

  it('applies a role to the territory it was given on', () => {
    expect(decide('identity.people.list', regionalOfficer, at(PATH.idf)).allowed).toBe(true);
  });

  it('applies a regional role to every territory below the region, at any depth', () => {
    expect(decide('identity.people.list', regionalOfficer, at(PATH.paris)).allowed).toBe(true);
    expect(decide('identity.people.list', regionalOfficer, at(PATH.essonne)).allowed).toBe(true);
    expect(decide('identity.people.list', regionalOfficer, at(PATH.evry)).allowed).toBe(true);
  });

  it('does not let an officer of one locality act on a sibling locality', () => {
    expect(decide('identity.people.list', parisOfficer, at(PATH.versailles)).allowed).toBe(false);
  });

  it('does not let an officer of a locality act on the territories above it', () => {
    expect(decide('identity.people.list', parisOfficer, at(PATH.idf)).allowed).toBe(false);
    expect(decide('identity.people.list', parisOfficer, at(PATH.fr)).allowed).toBe(false);
  });

  it('does not let a regional officer act on another region', () => {
    expect(decide('identity.people.list', regionalOfficer, at(PATH.rennes)).allowed).toBe(false);
  });

  it('counts only the roles the action names', () => {
    const assemblyMember = subject(person(ADA), { grants: [onTerritory('assembly_member', 'idf')] });
    expect(decide('identity.people.list', assemblyMember, at(PATH.paris)).allowed).toBe(false);
    // territory writes are for territory admins only, not officers
    expect(decide('identity.territories.write', regionalOfficer, at(PATH.paris)).allowed).toBe(false);
    const admin = subject(person(ADA), { grants: [onTerritory('territory_admin', 'idf')] });
    expect(decide('identity.territories.write', admin, at(PATH.paris)).allowed).toBe(true);
  });

  it('counts only grants on a territory, not a grant on an organization or project with the same id', () => {
    const notTerritorial = subject(person(ADA), {
      grants: [
        { role: 'officer', scopeKind: 'organization', scopeId: 'idf' },
        { role: 'officer', scopeKind: 'project', scopeId: 'idf' },
      ],
    });
    expect(decide('identity.people.list', notTerritorial, at(PATH.paris)).allowed).toBe(false);
  });
});

describe('decide: organization_member', () => {
  const membersOf = (role: MembershipRole, organizationId = ACME) => subject(person(ADA), { memberships: [{ organizationId, role }] });

  it("lets the organization's HR managers and admins read its members", () => {
    expect(decide('identity.organizations.members.read', membersOf('hr_manager'), at(PATH.paris, { organizationId: ACME })).allowed).toBe(
      true,
    );
    expect(decide('identity.organizations.members.read', membersOf('admin'), at(PATH.paris, { organizationId: ACME })).allowed).toBe(true);
  });

  it('does not let a plain member read the member list', () => {
    expect(decide('identity.organizations.members.read', membersOf('member'), at(PATH.paris, { organizationId: ACME })).allowed).toBe(
      false,
    );
  });

  it('does not let the HR manager of one organization read the members of another', () => {
    expect(
      decide('identity.organizations.members.read', membersOf('hr_manager', CHOIR), at(PATH.paris, { organizationId: ACME })).allowed,
    ).toBe(false);
  });
});

describe('decide: employer', () => {
  const bobWorksAtAcme = at(PATH.paris, { personId: BOB, personOrganizationIds: [ACME] });

  it("lets an HR manager of a person's organization read that person", () => {
    const hr = subject(person(ADA), { memberships: [{ organizationId: ACME, role: 'hr_manager' }] });
    expect(decide('identity.people.read', hr, bobWorksAtAcme).allowed).toBe(true);
  });

  it("does not let a plain member of a person's organization read that person", () => {
    const colleague = subject(person(ADA), { memberships: [{ organizationId: ACME, role: 'member' }] });
    expect(decide('identity.people.read', colleague, bobWorksAtAcme).allowed).toBe(false);
  });

  it('does not let the HR manager of an organization the person is not in read them', () => {
    const otherHr = subject(person(ADA), { memberships: [{ organizationId: CHOIR, role: 'hr_manager' }] });
    expect(decide('identity.people.read', otherHr, bobWorksAtAcme).allowed).toBe(false);
  });
});

describe('decide: callers and actions', () => {
  it('always allows system callers, with no grant or membership', () => {
    const system = subject({ kind: 'system', service: 'contracts' });
    expect(decide('identity.roles.grant', system, at(PATH.paris)).allowed).toBe(true);
    expect(decide('identity.people.update', system, at([], { personId: BOB })).allowed).toBe(true);
  });

  it('refuses an action the policy does not know, even to a territory admin of the root', () => {
    const rootAdmin = subject(person(ADA), { grants: [onTerritory('territory_admin', 'eu')] });
    const decision = decide('identity.people.delete_everything', rootAdmin, at(PATH.paris));
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain('unknown action');
  });

  it('lets a client with the integrator role on a region read aggregates of a locality below it, not of another region', () => {
    const integrator = subject({ kind: 'client', clientId: 'regional-dashboard' }, { grants: [onTerritory('integrator', 'idf')] });
    expect(decide('aggregates.read', integrator, at(PATH.paris)).allowed).toBe(true);
    expect(decide('aggregates.read', integrator, at(PATH.rennes)).allowed).toBe(false);
  });
});
