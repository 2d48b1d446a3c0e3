// People, profiles and their events, through identity's real gRPC API.
import { MembershipRole, OrganizationKind, PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import { as, registerPerson, startIdentity, SYSTEM, type IdentityUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type Territories } from '../../../tests/support/territories.js';

let identity: IdentityUnderTest;
let territories: Territories;

beforeAll(async () => {
  identity = await startIdentity();
  territories = await createTerritoryTree(identity.client);
});
afterAll(() => identity.stop());

describe('people', () => {
  it('registers a person and returns their profile with the territory path up to the EU', async () => {
    const person = await registerPerson(identity.client, territories.marseille, {
      name: 'Amina Haddad',
      status: PersonStatus.PERSON_STATUS_RETIRED,
      locale: 'fr',
    });
    const profile = await identity.client.getProfile({ personId: person.id, language: '' }, as(person.id));
    expect(profile.person?.name).toBe('Amina Haddad');
    expect(profile.person?.status).toBe(PersonStatus.PERSON_STATUS_RETIRED);
    expect(profile.territoryPath.map((t) => t.name)).toEqual([
      'Marseille',
      'Bouches-du-Rhône',
      "Provence-Alpes-Côte d'Azur",
      'France',
      'Union européenne',
    ]);
  });

  it('shows in a profile only the person’s own memberships and their employer', async () => {
    const company = await identity.client.createOrganization(
      {
        name: 'Calanques Solaire',
        kind: OrganizationKind.ORGANIZATION_KIND_PRIVATE_COMPANY,
        legalId: '812345678',
        territoryId: territories.marseille,
      },
      SYSTEM,
    );
    const association = await identity.client.createOrganization(
      {
        name: 'Jardins partagés',
        kind: OrganizationKind.ORGANIZATION_KIND_ASSOCIATION,
        legalId: 'W133012345',
        territoryId: territories.marseille,
      },
      SYSTEM,
    );
    const employee = await registerPerson(identity.client, territories.marseille);
    const colleague = await registerPerson(identity.client, territories.marseille);
    const member = (organizationId: string, personId: string) =>
      identity.client.setMembership(
        { organizationId, personId, role: MembershipRole.MEMBERSHIP_ROLE_MEMBER, employeeReference: '' },
        SYSTEM,
      );
    await member(association.id, employee.id);
    await member(company.id, employee.id);
    await member(company.id, colleague.id);
    const profile = await identity.client.getProfile({ personId: employee.id, language: 'en' }, as(employee.id));
    expect(profile.memberships.map((m) => [m.organizationName, m.personId])).toEqual([
      ['Calanques Solaire', employee.id],
      ['Jardins partagés', employee.id],
    ]);
    expect(profile.employer?.organizationId).toBe(company.id);
  });

  it('refuses a second person with the same email, whatever its case', async () => {
    await registerPerson(identity.client, territories.marseille, { email: 'same@example.org' });
    const refused = await refusalOf(registerPerson(identity.client, territories.marseille, { email: 'SAME@example.org' }));
    expect(refused.code).toBe('email_taken');
  });

  it('updates a profile only at the version the caller saw', async () => {
    const person = await registerPerson(identity.client, territories.marseille);
    const updated = await identity.client.updatePerson({ id: person.id, name: 'New Name', expectedVersion: 1 }, as(person.id));
    expect(updated.version).toBe(2);
    const stale = await refusalOf(identity.client.updatePerson({ id: person.id, name: 'Other', expectedVersion: 1 }, as(person.id)));
    expect(stale.code).toBe('stale_version');
    expect((await identity.client.getPerson({ id: person.id }, as(person.id))).name).toBe('New Name');
  });

  it('lets nobody but the person, their territory office and their employer read them', async () => {
    const person = await registerPerson(identity.client, territories.marseille);
    const neighbour = await registerPerson(identity.client, territories.marseille);
    expect((await refusalOf(identity.client.getPerson({ id: person.id }, as(neighbour.id)))).kind).toBe('forbidden');
    expect((await identity.client.getPerson({ id: person.id }, as(person.id))).id).toBe(person.id);
  });

  it('names the field of an invalid id', async () => {
    const refused = await refusalOf(identity.client.getPerson({ id: 'not-a-uuid' }, SYSTEM));
    expect(refused.kind).toBe('invalid');
    expect(refused.fields[0]?.field).toBe('id');
  });
});
