// Finding 3 of issue 11 (forced membership): an organization's admin added any person by id and
// then read their name, email and status. A person now joins an organization only by accepting its
// invitation; until then the organization sees nothing of them. Through identity's real gRPC API.
import { InvitationStatus, MembershipRole, OrganizationKind, PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import { as, registerPerson, startIdentity, SYSTEM, type IdentityUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type Territories } from '../../../tests/support/territories.js';

let identity: IdentityUnderTest;
let territories: Territories;

beforeAll(async () => {
  identity = await startIdentity({ OIDC_PROVIDER_ENABLED: 'false' });
  territories = await createTerritoryTree(identity.client);
});
afterAll(() => identity.stop());

const MEMBER = MembershipRole.MEMBERSHIP_ROLE_MEMBER;

/** Anyone signed in registers an organization and becomes its admin: the attacker of the finding. */
async function organizationOf(adminName: string) {
  const admin = await registerPerson(identity.client, territories.marseille, { name: adminName });
  const organization = await identity.client.createOrganization(
    {
      name: `${adminName} SARL`,
      kind: OrganizationKind.ORGANIZATION_KIND_PRIVATE_COMPANY,
      legalId: `${Math.floor(Math.random() * 1e9)}`,
      territoryId: territories.marseille,
    },
    as(admin.id),
  );
  return { admin, organization };
}

const invite = (organizationId: string, email: string, by: string, role = MEMBER, employeeReference = '') =>
  identity.client.inviteMember({ organizationId, email, role, employeeReference }, as(by));

/** Everything the organization's admin can learn about the person. */
async function whatTheAdminSees(admin: string, organizationId: string, personId: string) {
  const person = await identity.client.getPerson({ id: personId }, as(admin)).then(
    (p) => p.email,
    (error) => (error as { kind: string }).kind,
  );
  const competences = await identity.client.listCompetences({ personId, language: 'en' }, as(admin)).then(
    () => 'listed',
    (error) => (error as { kind: string }).kind,
  );
  const members = (await identity.client.listMembers({ organizationId, limit: 50, cursor: '' }, as(admin))).memberships.map(
    (m) => m.personId,
  );
  return { person, competences, isMember: members.includes(personId) };
}

describe('forced membership (issue 11, finding 3)', () => {
  it('refuses an admin adding a stranger directly, and the stranger stays unreadable', async () => {
    const { admin, organization } = await organizationOf('Mallory');
    const stranger = await registerPerson(identity.client, territories.marseille, {
      name: 'Sandrine Stranger',
      status: PersonStatus.PERSON_STATUS_EMPLOYEE,
    });
    const refused = await refusalOf(
      identity.client.setMembership(
        { organizationId: organization.id, personId: stranger.id, role: MEMBER, employeeReference: '' },
        as(admin.id),
      ),
    );
    expect(refused).toMatchObject({ kind: 'conflict', code: 'invitation_required' });
    expect(await whatTheAdminSees(admin.id, organization.id, stranger.id)).toEqual({
      person: 'forbidden',
      competences: 'forbidden',
      isMember: false,
    });
  });

  it('answers the same for a person id nobody has: the refusal tells nothing', async () => {
    const { admin, organization } = await organizationOf('Mallory Bis');
    const refused = await refusalOf(
      identity.client.setMembership(
        { organizationId: organization.id, personId: '00000000-0000-4000-8000-000000000123', role: MEMBER, employeeReference: '' },
        as(admin.id),
      ),
    );
    expect(refused).toMatchObject({ kind: 'conflict', code: 'invitation_required' });
  });

  it('still lets the admin change an existing member’s role, and services add members directly', async () => {
    const { admin, organization } = await organizationOf('Olivia');
    const person = await registerPerson(identity.client, territories.marseille);
    await identity.client.setMembership(
      { organizationId: organization.id, personId: person.id, role: MEMBER, employeeReference: '' },
      SYSTEM,
    );
    const changed = await identity.client.setMembership(
      { organizationId: organization.id, personId: person.id, role: MembershipRole.MEMBERSHIP_ROLE_HR_MANAGER, employeeReference: 'OL-1' },
      as(admin.id),
    );
    expect(changed).toMatchObject({ role: MembershipRole.MEMBERSHIP_ROLE_HR_MANAGER, employeeReference: 'OL-1' });
  });
});

describe('invitations', () => {
  it('shows the organization nothing of the invited person until they accept, then makes them a member with the role and reference invited', async () => {
    const { admin, organization } = await organizationOf('Claire');
    const yanis = await registerPerson(identity.client, territories.marseille, {
      name: 'Yanis Petit',
      email: `yanis.${Date.now()}@example.org`,
    });
    const sent = await invite(organization.id, yanis.email.toUpperCase(), admin.id, MembershipRole.MEMBERSHIP_ROLE_HR_MANAGER, ' CS-0099 ');
    expect(sent).toMatchObject({
      email: yanis.email,
      status: InvitationStatus.INVITATION_STATUS_PENDING,
      personId: '',
      employeeReference: 'CS-0099',
      invitedByName: 'Claire',
    });
    expect(await whatTheAdminSees(admin.id, organization.id, yanis.id)).toEqual({
      person: 'forbidden',
      competences: 'forbidden',
      isMember: false,
    });

    const mine = await identity.client.listInvitationsOfPerson(
      { personId: yanis.id, status: InvitationStatus.INVITATION_STATUS_PENDING },
      as(yanis.id),
    );
    expect(mine.invitations.map((i) => [i.id, i.organizationName, i.invitedByName])).toEqual([[sent.id, organization.name, 'Claire']]);
    const accepted = await identity.client.acceptInvitation({ personId: yanis.id, invitationId: sent.id }, as(yanis.id));
    expect(accepted.status).toBe(InvitationStatus.INVITATION_STATUS_ACCEPTED);

    // The employer view as before: admins read the person, HR managers also their competences.
    expect(await whatTheAdminSees(admin.id, organization.id, yanis.id)).toEqual({
      person: yanis.email,
      competences: 'forbidden',
      isMember: true,
    });
    const membership = (await identity.client.listMembershipsOfPerson({ personId: yanis.id }, as(yanis.id))).memberships[0];
    expect(membership).toMatchObject({
      organizationId: organization.id,
      role: MembershipRole.MEMBERSHIP_ROLE_HR_MANAGER,
      employeeReference: 'CS-0099',
    });
    const seenByOrganization = (
      await identity.client.listInvitations(
        { organizationId: organization.id, status: InvitationStatus.INVITATION_STATUS_UNSPECIFIED, limit: 10, cursor: '' },
        as(admin.id),
      )
    ).invitations;
    expect(seenByOrganization).toEqual([
      expect.objectContaining({ id: sent.id, status: InvitationStatus.INVITATION_STATUS_ACCEPTED, personId: yanis.id }),
    ]);
  });

  it('leaves nothing visible when the person declines: to the organization it looks like an address nobody has', async () => {
    const { admin, organization } = await organizationOf('Denise');
    const lea = await registerPerson(identity.client, territories.marseille, { name: 'Léa Fontaine' });
    const toLea = await invite(organization.id, lea.email, admin.id);
    const toNobody = await invite(organization.id, `nobody.${Date.now()}@example.org`, admin.id);
    const declined = await identity.client.declineInvitation({ personId: lea.id, invitationId: toLea.id }, as(lea.id));
    expect(declined.status).toBe(InvitationStatus.INVITATION_STATUS_DECLINED);

    expect(await whatTheAdminSees(admin.id, organization.id, lea.id)).toEqual({
      person: 'forbidden',
      competences: 'forbidden',
      isMember: false,
    });
    const { invitations } = await identity.client.listInvitations(
      { organizationId: organization.id, status: InvitationStatus.INVITATION_STATUS_UNSPECIFIED, limit: 10, cursor: '' },
      as(admin.id),
    );
    const shape = (id: string) => {
      const { email: _email, id: _id, invitedAt: _at, expiresAt: _expires, ...rest } = invitations.find((i) => i.id === id)!;
      return rest;
    };
    expect(shape(toLea.id)).toEqual(shape(toNobody.id));
    expect(shape(toLea.id)).toMatchObject({ status: InvitationStatus.INVITATION_STATUS_PENDING, answeredAt: '', personId: '' });
    const declinedOnes = await identity.client.listInvitations(
      { organizationId: organization.id, status: InvitationStatus.INVITATION_STATUS_DECLINED, limit: 10, cursor: '' },
      as(admin.id),
    );
    expect(declinedOnes.invitations).toEqual([]);
  });

  it('answers an invitation to someone else as if it did not exist, and refuses answering for another person', async () => {
    const { admin, organization } = await organizationOf('Edith');
    const invited = await registerPerson(identity.client, territories.marseille);
    const other = await registerPerson(identity.client, territories.marseille);
    const sent = await invite(organization.id, invited.email, admin.id);
    expect(await refusalOf(identity.client.acceptInvitation({ personId: other.id, invitationId: sent.id }, as(other.id)))).toMatchObject({
      kind: 'not_found',
    });
    expect(await refusalOf(identity.client.acceptInvitation({ personId: invited.id, invitationId: sent.id }, as(other.id)))).toMatchObject({
      kind: 'forbidden',
    });
    expect(
      (
        await identity.client.listInvitationsOfPerson(
          { personId: other.id, status: InvitationStatus.INVITATION_STATUS_UNSPECIFIED },
          as(other.id),
        )
      ).invitations,
    ).toEqual([]);
    expect(
      await refusalOf(
        identity.client.listInvitationsOfPerson(
          { personId: invited.id, status: InvitationStatus.INVITATION_STATUS_UNSPECIFIED },
          as(admin.id),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
  });

  it('lets the organization withdraw a pending invitation, which then cannot be accepted', async () => {
    const { admin, organization } = await organizationOf('Fanny');
    const person = await registerPerson(identity.client, territories.marseille);
    const sent = await invite(organization.id, person.email, admin.id);
    const revoked = await identity.client.revokeInvitation({ organizationId: organization.id, invitationId: sent.id }, as(admin.id));
    expect(revoked).toMatchObject({ status: InvitationStatus.INVITATION_STATUS_REVOKED, revokedBy: `person:${admin.id}` });
    expect(await refusalOf(identity.client.acceptInvitation({ personId: person.id, invitationId: sent.id }, as(person.id)))).toMatchObject({
      code: 'invitation_revoked',
    });
    expect(
      await refusalOf(identity.client.revokeInvitation({ organizationId: organization.id, invitationId: sent.id }, as(admin.id))),
    ).toMatchObject({ code: 'invitation_not_pending' });
    expect(
      (await identity.client.listMembers({ organizationId: organization.id, limit: 50, cursor: '' }, as(admin.id))).memberships.map(
        (m) => m.personId,
      ),
    ).toEqual([admin.id]);
  });

  it('sends one pending invitation per address, answers the same whether the address is registered or not', async () => {
    const { admin, organization } = await organizationOf('Gisèle');
    const person = await registerPerson(identity.client, territories.marseille);
    const registered = await invite(organization.id, person.email, admin.id);
    const unknown = await invite(organization.id, `unknown.${Date.now()}@example.org`, admin.id);
    expect(Object.keys(registered).sort()).toEqual(Object.keys(unknown).sort());
    expect({ ...registered, id: '', email: '', invitedAt: '', expiresAt: '' }).toEqual({
      ...unknown,
      id: '',
      email: '',
      invitedAt: '',
      expiresAt: '',
    });
    expect(await refusalOf(invite(organization.id, person.email, admin.id))).toMatchObject({ code: 'invitation_pending' });
  });

  it('lets an HR manager invite members but not HR managers or admins, and plain members and strangers not at all', async () => {
    const { admin, organization } = await organizationOf('Hortense');
    const hr = await registerPerson(identity.client, territories.marseille);
    const member = await registerPerson(identity.client, territories.marseille);
    const stranger = await registerPerson(identity.client, territories.marseille);
    await identity.client.setMembership(
      { organizationId: organization.id, personId: hr.id, role: MembershipRole.MEMBERSHIP_ROLE_HR_MANAGER, employeeReference: '' },
      SYSTEM,
    );
    await identity.client.setMembership(
      { organizationId: organization.id, personId: member.id, role: MEMBER, employeeReference: '' },
      SYSTEM,
    );
    expect((await invite(organization.id, `new.member.${Date.now()}@example.org`, hr.id)).status).toBe(
      InvitationStatus.INVITATION_STATUS_PENDING,
    );
    expect(
      await refusalOf(invite(organization.id, `new.admin.${Date.now()}@example.org`, hr.id, MembershipRole.MEMBERSHIP_ROLE_ADMIN)),
    ).toMatchObject({ code: 'hr_cannot_manage_managers' });
    expect(await refusalOf(invite(organization.id, `x.${Date.now()}@example.org`, member.id))).toMatchObject({ kind: 'forbidden' });
    expect(await refusalOf(invite(organization.id, `y.${Date.now()}@example.org`, stranger.id))).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusalOf(
        identity.client.listInvitations(
          { organizationId: organization.id, status: InvitationStatus.INVITATION_STATUS_UNSPECIFIED, limit: 10, cursor: '' },
          as(member.id),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    expect((await invite(organization.id, `z.${Date.now()}@example.org`, admin.id, MembershipRole.MEMBERSHIP_ROLE_ADMIN)).role).toBe(
      MembershipRole.MEMBERSHIP_ROLE_ADMIN,
    );
  });

  it('lets an invitation expire after 30 days: nobody accepts it, the organization sees it expired and may invite again', async () => {
    const { admin, organization } = await organizationOf('Jeannine');
    const person = await registerPerson(identity.client, territories.marseille);
    const sent = await invite(organization.id, person.email, admin.id);
    const toNobody = await invite(organization.id, `nobody.${Date.now()}@example.org`, admin.id);
    await identity.service.pool.query(
      `update membership_invitations set expires_at = now() - interval '1 minute' where id = any($1::uuid[])`,
      [[sent.id, toNobody.id]],
    );
    expect(await refusalOf(identity.client.acceptInvitation({ personId: person.id, invitationId: sent.id }, as(person.id)))).toMatchObject({
      code: 'invitation_expired',
    });
    const expired = await identity.client.listInvitations(
      { organizationId: organization.id, status: InvitationStatus.INVITATION_STATUS_EXPIRED, limit: 10, cursor: '' },
      as(admin.id),
    );
    expect(expired.invitations.map((i) => i.id).sort()).toEqual([sent.id, toNobody.id].sort());
    expect((await invite(organization.id, person.email, admin.id)).status).toBe(InvitationStatus.INVITATION_STATUS_PENDING);
  });

  it('names the field of a wrong address and refuses inviting a current member', async () => {
    const { admin, organization } = await organizationOf('Inès');
    expect(await refusalOf(invite(organization.id, 'not an address', admin.id))).toMatchObject({
      kind: 'invalid',
      fields: [expect.objectContaining({ field: 'email' })],
    });
    const adminEmail = (await identity.client.getPerson({ id: admin.id }, as(admin.id))).email;
    expect(await refusalOf(invite(organization.id, adminEmail, admin.id))).toMatchObject({ code: 'already_member' });
  });
});
