// The large demo's places and people through identity's gRPC API: the communes under
// Bouches-du-Rhône, their organizations, the people with their memberships, officers' roles and
// the competence each gives, and the merchants their officers verified.
import { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { as, clientOf, identityEnums as enums, inParallel, SYSTEM, type DemoWorld, type Targets } from '../world.js';
import type { LargePlan, LoadedIds } from './plan.js';

export async function loadPeopleAndPlaces(
  targets: Targets,
  world: DemoWorld,
  plan: LargePlan,
  ids: LoadedIds,
  width: number,
): Promise<void> {
  const identity = clientOf(IdentityServiceService, targets, 'identity', 60_000);
  try {
    for (const locality of plan.localities) {
      await identity.upsertTerritory(
        {
          id: locality.id,
          parentId: world.territories.bouchesDuRhone,
          level: enums.level('locality'),
          code: locality.code,
          labels: { en: locality.name, fr: locality.name },
        },
        SYSTEM,
      );
    }

    const { organizations, people } = ids;
    await inParallel(plan.organizations, width, async (organization, index) => {
      const { name, legalId } = organization;
      const kind = enums.organizationKind(organization.kind);
      organizations[index] = (
        await identity.createOrganization({ name, kind, legalId, territoryId: plan.localities[organization.locality]!.id }, SYSTEM)
      ).id;
    });

    const competences = new Map(plan.contracts.map((c) => [c.person, c.competence]));
    await inParallel(plan.people, width, async (planned, index) => {
      const territoryId = plan.localities[planned.locality]!.id;
      const status = enums.personStatus(planned.status);
      // Only the accounts the README lists get a password: scrypt costs about a second each here.
      const password = planned.account ? world.password : '';
      const id = (
        await identity.registerPerson(
          { name: planned.name, email: planned.email, locale: planned.locale, status, territoryId, password },
          SYSTEM,
        )
      ).id;
      people[index] = id;
      if (planned.membership) {
        const { organization, role, employeeReference } = planned.membership;
        await identity.setMembership(
          { organizationId: organizations[organization]!, personId: id, role: enums.membershipRole(role), employeeReference },
          SYSTEM,
        );
      }
      if (planned.officer)
        await identity.grantRole({ grantee: `person:${id}`, role: enums.role('officer'), ...enums.territoryScope(territoryId) }, SYSTEM);
      const competence = competences.get(index);
      if (competence)
        await identity.setCompetence({ personId: id, skillId: competence, level: 2 + (index % 3), language: planned.locale }, as(id));
    });

    const verified = plan.organizations.flatMap((o, index) =>
      o.verifiedBy === undefined ? [] : [{ organization: index, by: o.verifiedBy }],
    );
    await inParallel(verified, width, async ({ organization, by }) => {
      await identity.verifyOrganization({ organizationId: organizations[organization]! }, as(people[by]!));
    });
  } finally {
    identity.close();
  }
}
