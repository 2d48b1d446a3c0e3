// Loads the demo data through identity's gRPC API, once per data directory.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, personCaller, systemCaller, toProtoEnum } from '@e21/kit';
import {
  IdentityServiceService,
  type MembershipRole,
  type OrganizationKind,
  type PersonStatus,
  type Role,
  type ScopeKind,
  type TerritoryLevel,
} from '@e21/proto/e21/identity/v1/identity';
import { DEMO_PASSWORD, INVITATIONS, ORGANIZATIONS, PEOPLE, TERRITORIES, VERIFIED, type OrganizationKey, type PersonKey, type TerritoryKey } from './data.js';
import { seedContractsDemo } from './contracts.js';
import { seedCurrencyDemo } from './currency.js';
import { seedPayrollDemo } from './payroll.js';
import { seedProgramsDemo } from './programs.js';
import { seedTimesheetsDemo } from './timesheets.js';

export interface DemoData {
  seededNow: boolean;
  password: string;
  territories: Record<TerritoryKey, string>;
  organizations: Record<OrganizationKey, string>;
  people: Record<PersonKey, { id: string; email: string; name: string }>;
}

const SYSTEM = { caller: systemCaller('deploy') };

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

/** `targets` are the services' gRPC addresses by variable name (IDENTITY_GRPC...). */
export async function seedDemo(options: { targets: Record<string, string>; dataDir: string }): Promise<DemoData> {
  const marker = join(options.dataDir, 'demo.json');
  if (existsSync(marker)) return { ...(JSON.parse(await readFile(marker, 'utf8')) as DemoData), seededNow: false };
  const identity = createClient(IdentityServiceService, options.targets.IDENTITY_GRPC!, { from: 'deploy', deadlineMs: 15_000 });
  try {
    const territories = Object.fromEntries(TERRITORIES.map((t) => [t.key, t.id])) as Record<TerritoryKey, string>;
    for (const territory of TERRITORIES) {
      await identity.upsertTerritory(
        {
          id: territory.id,
          parentId: territory.parent ? territories[territory.parent] : '',
          level: toProtoEnum<TerritoryLevel>('TERRITORY_LEVEL', territory.level),
          code: territory.code,
          labels: { en: territory.en, fr: territory.fr },
        },
        SYSTEM,
      );
    }

    const organizations = {} as Record<OrganizationKey, string>;
    for (const organization of ORGANIZATIONS) {
      const created = await identity.createOrganization(
        { name: organization.name, kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', organization.kind), legalId: organization.legalId, territoryId: territories[organization.territory] },
        SYSTEM,
      );
      organizations[organization.key] = created.id;
    }

    const people = {} as DemoData['people'];
    // Passwords are hashed with scrypt (about a second each here): register people four at a time.
    await inBatches(PEOPLE, 4, async (demo) => {
      const person = await identity.registerPerson(
        { name: demo.name, email: demo.email, locale: demo.locale, status: toProtoEnum<PersonStatus>('PERSON_STATUS', demo.status), territoryId: territories[demo.territory], password: DEMO_PASSWORD },
        SYSTEM,
      );
      people[demo.key] = { id: person.id, email: demo.email, name: demo.name };
      for (const membership of demo.memberships ?? []) {
        await identity.setMembership(
          { organizationId: organizations[membership.organization], personId: person.id, role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', membership.role), employeeReference: membership.employeeReference ?? '' },
          SYSTEM,
        );
      }
      for (const role of demo.roles ?? []) {
        await identity.grantRole(
          { grantee: `person:${person.id}`, role: toProtoEnum<Role>('ROLE', role.role), scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'), scopeId: territories[role.territory] },
          SYSTEM,
        );
      }
      for (const competence of demo.competences ?? []) {
        await identity.setCompetence({ personId: person.id, skillId: competence.skill, level: competence.level, language: demo.locale }, { caller: personCaller(person.id) });
      }
    });

    // Memberships above are set as a service; people join by invitation: one waits for its answer.
    for (const invitation of INVITATIONS) {
      await identity.inviteMember(
        { organizationId: organizations[invitation.organization], email: PEOPLE.find((p) => p.key === invitation.to)!.email, role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', invitation.role), employeeReference: invitation.employeeReference },
        { caller: personCaller(people[invitation.by].id) },
      );
    }
    // The officers of their territories verified the two merchants; the café waits in Marc's queue.
    for (const { organization, by } of VERIFIED) await identity.verifyOrganization({ organizationId: organizations[organization] }, { caller: personCaller(people[by].id) });

    await identity.grantRole(
      { grantee: 'client:e21-integrator-paca', role: toProtoEnum<Role>('ROLE', 'integrator'), scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'), scopeId: territories.paca },
      SYSTEM,
    );

    const demo: DemoData = { seededNow: true, password: DEMO_PASSWORD, territories, organizations, people };
    await seedProgramsDemo(options.targets, demo);
    await seedContractsDemo(options.targets, demo);
    await seedTimesheetsDemo(options.targets, demo);
    await seedCurrencyDemo(options.targets, demo);
    await seedPayrollDemo(options.targets, demo);
    await writeFile(marker, JSON.stringify(demo, null, 2));
    return demo;
  } finally {
    identity.close();
  }
}
