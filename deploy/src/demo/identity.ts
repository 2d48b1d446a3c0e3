// The identity demo: the territory tree, the organizations and the people of data.ts, their
// memberships, roles and competences, Claire's invitation waiting for Yanis, the merchants verified
// by their officers and the integrating body's role; each through identity's gRPC API.
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import {
  DEMO_PASSWORD,
  INVITATIONS,
  ORGANIZATIONS,
  PEOPLE,
  TERRITORIES,
  VERIFIED,
  type OrganizationKey,
  type TerritoryKey,
} from './data.js';
import { as, clientOf, identityEnums as enums, inParallel, SYSTEM, type DemoWorld, type Targets } from './world.js';

export async function seedIdentityDemo(targets: Targets): Promise<DemoWorld> {
  const identity = clientOf(IdentityServiceService, targets, 'identity');
  try {
    const territories = Object.fromEntries(TERRITORIES.map((t) => [t.key, t.id])) as Record<TerritoryKey, string>;
    for (const territory of TERRITORIES) {
      await identity.upsertTerritory(
        {
          id: territory.id,
          parentId: territory.parent ? territories[territory.parent] : '',
          level: enums.level(territory.level),
          code: territory.code,
          labels: { en: territory.en, fr: territory.fr },
        },
        SYSTEM,
      );
    }

    const organizations = {} as Record<OrganizationKey, string>;
    for (const organization of ORGANIZATIONS) {
      const created = await identity.createOrganization(
        {
          name: organization.name,
          kind: enums.organizationKind(organization.kind),
          legalId: organization.legalId,
          territoryId: territories[organization.territory],
        },
        SYSTEM,
      );
      organizations[organization.key] = created.id;
    }

    const people = {} as DemoWorld['people'];
    // Passwords are hashed with scrypt (about a second each here): register people four at a time.
    await inParallel(PEOPLE, 4, async (demo) => {
      const person = await identity.registerPerson(
        {
          name: demo.name,
          email: demo.email,
          locale: demo.locale,
          status: enums.personStatus(demo.status),
          territoryId: territories[demo.territory],
          password: DEMO_PASSWORD,
        },
        SYSTEM,
      );
      people[demo.key] = { id: person.id, email: demo.email, name: demo.name };
      for (const membership of demo.memberships ?? []) {
        await identity.setMembership(
          {
            organizationId: organizations[membership.organization],
            personId: person.id,
            role: enums.membershipRole(membership.role),
            employeeReference: membership.employeeReference ?? '',
          },
          SYSTEM,
        );
      }
      for (const role of demo.roles ?? []) {
        await identity.grantRole(
          { grantee: `person:${person.id}`, role: enums.role(role.role), ...enums.territoryScope(territories[role.territory]) },
          SYSTEM,
        );
      }
      for (const competence of demo.competences ?? []) {
        await identity.setCompetence(
          { personId: person.id, skillId: competence.skill, level: competence.level, language: demo.locale },
          as(person.id),
        );
      }
    });

    // Memberships above are set as a service; people join by invitation: one waits for its answer.
    for (const invitation of INVITATIONS) {
      await identity.inviteMember(
        {
          organizationId: organizations[invitation.organization],
          email: PEOPLE.find((p) => p.key === invitation.to)!.email,
          role: enums.membershipRole(invitation.role),
          employeeReference: invitation.employeeReference,
        },
        as(people[invitation.by].id),
      );
    }
    // The officers of their territories verified the two merchants; the café waits in Marc's queue.
    for (const { organization, by } of VERIFIED)
      await identity.verifyOrganization({ organizationId: organizations[organization] }, as(people[by].id));

    await identity.grantRole(
      { grantee: 'client:e21-integrator-paca', role: enums.role('integrator'), ...enums.territoryScope(territories.paca) },
      SYSTEM,
    );
    return { password: DEMO_PASSWORD, territories, organizations, people };
  } finally {
    identity.close();
  }
}
