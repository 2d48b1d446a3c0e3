// Forced membership (issue 11, finding 3): an HR manager could make themselves someone's "employer"
// by adding them to an organization, then propose them a SAR contract. Contracts reads the person's
// organizations from identity, which lists a membership only once the person accepted its
// invitation: before that the organization has no standing and learns nothing about the person.
import { toProtoEnum } from '@e21/kit';
import { MembershipRole, type OrganizationKind } from '@e21/proto/e21/identity/v1/identity';
import { as, commit, NO_PARTY, startContracts, terms, type ContractsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';

let t: ContractsUnderTest;

beforeAll(async () => {
  t = await startContracts();
});
afterAll(() => t.stop());

const propose = (personId: string, by: string, employerId = '') =>
  t.client.proposeContract(
    { personId, employerId, terms: terms(), comment: 'Two hours a week', party: NO_PARTY, idempotencyKey: '' },
    as(by),
  );

/** Mallory registers a company (its admin, as anyone signed in may) and commits hours. */
async function mallorysCompany() {
  const mallory = await t.world.person('Mallory Martin', 'marseille');
  const company = await t.identity.createOrganization(
    {
      name: 'Mallory Conseil',
      kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', 'private_company'),
      legalId: `${Math.floor(Math.random() * 1e9)}`,
      territoryId: t.world.territories.marseille,
    },
    as(mallory.id),
  );
  await commit(t.client, company.id, 100_000);
  return { mallory, company };
}

it('refuses a contract from an organization the person never joined, as if the person did not exist', async () => {
  const { mallory, company } = await mallorysCompany();
  const employee = await t.world.person('Sandrine Stranger', 'marseille', 'employee');
  const retiree = await t.world.person('René Retraité', 'marseille', 'retired');
  const unknown = '00000000-0000-4000-8000-000000000321';
  const refusals = await Promise.all([
    refusalOf(propose(employee.id, mallory.id, company.id)),
    refusalOf(propose(employee.id, mallory.id)),
    refusalOf(propose(retiree.id, mallory.id, company.id)),
    refusalOf(propose(unknown, mallory.id, company.id)),
  ]);
  expect(refusals.map((r) => [r.kind, r.code, r.message])).toEqual(
    Array(4).fill(['forbidden', 'forbidden', 'You cannot propose a contract for this person']),
  );
  // adding them directly is no way round: people join by accepting an invitation
  expect(
    await refusalOf(
      t.identity.setMembership(
        { organizationId: company.id, personId: employee.id, role: MembershipRole.MEMBERSHIP_ROLE_MEMBER, employeeReference: '' },
        as(mallory.id),
      ),
    ),
  ).toMatchObject({ code: 'invitation_required' });
});

it('counts the organization as the employer only once the person accepted its invitation', async () => {
  const { mallory, company } = await mallorysCompany();
  const yanis = await t.world.person('Yanis Petit', 'marseille', 'employee');
  const invitation = await t.identity.inviteMember(
    { organizationId: company.id, email: yanis.email, role: MembershipRole.MEMBERSHIP_ROLE_MEMBER, employeeReference: 'MC-7' },
    as(mallory.id),
  );
  expect(await refusalOf(propose(yanis.id, mallory.id, company.id))).toMatchObject({ kind: 'forbidden' });

  await t.identity.acceptInvitation({ personId: yanis.id, invitationId: invitation.id }, as(yanis.id));
  const proposed = await propose(yanis.id, mallory.id);
  expect(proposed.contract).toMatchObject({ personId: yanis.id, employerId: company.id, employerName: 'Mallory Conseil' });
});

it('leaves the organization without standing when the person declines', async () => {
  const { mallory, company } = await mallorysCompany();
  const lea = await t.world.person('Léa Fontaine', 'marseille', 'employee');
  const invitation = await t.identity.inviteMember(
    { organizationId: company.id, email: lea.email, role: MembershipRole.MEMBERSHIP_ROLE_MEMBER, employeeReference: '' },
    as(mallory.id),
  );
  await t.identity.declineInvitation({ personId: lea.id, invitationId: invitation.id }, as(lea.id));
  expect(await refusalOf(propose(lea.id, mallory.id, company.id))).toMatchObject({
    kind: 'forbidden',
    message: 'You cannot propose a contract for this person',
  });
});
