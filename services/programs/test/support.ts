// Starts a real identity and a real programs service (own databases, own nats-server) for one test file,
// with helpers to make people, officers and projects (the territory tree is tests/support/territories.ts).
import { randomUUID } from 'node:crypto';
import {
  createClient,
  loadConfig,
  personCaller,
  startService,
  systemCaller,
  toProtoEnum,
  type RunningService,
  type ServiceClient,
} from '@e21/kit';
import { createTestDatabase, startTestNats, testCredentialsOf, type TestNats } from '@e21/devinfra';
import { identityConfigSchema, identitySpec, type IdentityConfig } from '@e21/identity';
import { IdentityServiceService, type PersonStatus, type Role, type ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import {
  ProgramsServiceService,
  type CreateProjectRequest,
  type ProjectKind,
  type ProjectStatus,
  type Project,
  type TeamRole,
} from '@e21/proto/e21/programs/v1/programs';
import { programsConfigSchema, programsSpec, type ProgramsConfig } from '../src/service.js';

export type ProgramsClient = ServiceClient<typeof ProgramsServiceService>;
export type IdentityClient = ServiceClient<typeof IdentityServiceService>;

export const SYSTEM = { caller: systemCaller('test') };
export const as = (personId: string) => ({ caller: personCaller(personId) });

export interface ProgramsUnderTest {
  identity: RunningService<IdentityConfig>;
  programs: RunningService<ProgramsConfig>;
  identityClient: IdentityClient;
  client: ProgramsClient;
  /** A client of programs as another service has one: its calls are signed with that service's key. */
  clientAs(service: string): ProgramsClient;
  nats: TestNats;
  stop(): Promise<void>;
}

export async function startPrograms(): Promise<ProgramsUnderTest> {
  const nats = await startTestNats();
  const common = { NATS_URL: nats.url, GRPC_PORT: '0', GRPC_HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  const identity = await startService(
    identitySpec,
    loadConfig(identityConfigSchema, {
      ...common,
      ...nats.serviceEnv('identity'),
      DATABASE_URL: await createTestDatabase('identity'),
      OIDC_PROVIDER_ENABLED: 'false',
    }),
  );
  const programs = await startService(
    programsSpec,
    loadConfig(programsConfigSchema, {
      ...common,
      ...nats.serviceEnv('programs'),
      DATABASE_URL: await createTestDatabase('programs'),
      IDENTITY_GRPC: `127.0.0.1:${identity.grpcPort}`,
    }),
  );
  const identityClient = createClient(IdentityServiceService, `127.0.0.1:${identity.grpcPort}`, { from: 'test', deadlineMs: 30_000 });
  const client = createClient(ProgramsServiceService, `127.0.0.1:${programs.grpcPort}`, { from: 'test' });
  const others: ProgramsClient[] = [];
  return {
    identity,
    programs,
    identityClient,
    client,
    clientAs(service) {
      const other = createClient(ProgramsServiceService, `127.0.0.1:${programs.grpcPort}`, {
        from: service,
        credentials: testCredentialsOf(service),
      });
      others.push(other);
      return other;
    },
    nats,
    async stop() {
      for (const other of others) other.close();
      client.close();
      identityClient.close();
      await programs.stop();
      await identity.stop();
      await nats.stop();
    },
  };
}

let counter = 0;

/** A person living in a territory, optionally officer of a territory and with competences. */
export async function person(
  client: IdentityClient,
  territoryId: string,
  options: { officerOf?: string; competences?: { skillId: string; level: number }[]; name?: string } = {},
): Promise<string> {
  counter += 1;
  const created = await client.registerPerson(
    {
      name: options.name ?? `Person ${counter}`,
      email: `p${counter}.${randomUUID().slice(0, 8)}@example.org`,
      locale: 'en',
      status: toProtoEnum<PersonStatus>('PERSON_STATUS', 'employee'),
      territoryId,
      password: '',
    },
    SYSTEM,
  );
  if (options.officerOf) {
    await client.grantRole(
      {
        grantee: `person:${created.id}`,
        role: toProtoEnum<Role>('ROLE', 'officer'),
        scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
        scopeId: options.officerOf,
      },
      SYSTEM,
    );
  }
  for (const competence of options.competences ?? []) {
    await client.setCompetence(
      { personId: created.id, skillId: competence.skillId, level: competence.level, language: 'en' },
      as(created.id),
    );
  }
  return created.id;
}

export const kind = (value: string) => toProtoEnum<ProjectKind>('PROJECT_KIND', value);
export const status = (value: string) => toProtoEnum<ProjectStatus>('PROJECT_STATUS', value);
export const teamRole = (value: string) => toProtoEnum<TeamRole>('TEAM_ROLE', value);

export const SKILLS = {
  gardening: 'urn:e21:skill:urban-gardening',
  composting: 'urn:e21:skill:composting',
  firstAid: 'urn:e21:skill:first-aid',
  solar: 'urn:e21:skill:solar-panel-installation',
  carpentry: 'urn:e21:skill:carpentry',
};

export function projectRequest(territoryId: string, overrides: Partial<CreateProjectRequest> = {}): CreateProjectRequest {
  return {
    territoryId,
    title: 'Jardin partagé de la Belle de Mai',
    description: 'A shared vegetable garden for the neighbourhood.',
    kind: kind('general_interest'),
    challengeIds: [],
    startDate: '2026-03-01',
    endDate: '2026-11-30',
    needs: [{ id: '', skillId: SKILLS.gardening, neededMinutes: 600, startDate: '', endDate: '' }],
    language: 'en',
    ...overrides,
  };
}

/** A project moved along its lifecycle to `target` by its coordinator and an officer. */
export async function projectIn(
  client: ProgramsClient,
  target: 'draft' | 'proposed' | 'approved' | 'active',
  people: { coordinator: string; officer: string },
  request: CreateProjectRequest,
): Promise<Project> {
  let project = await client.createProject(request, as(people.coordinator));
  const steps: [string, string][] = [
    ['proposed', people.coordinator],
    ['approved', people.officer],
    ['active', people.coordinator],
  ];
  for (const [next, who] of steps.slice(0, ['draft', 'proposed', 'approved', 'active'].indexOf(target))) {
    project = await client.changeProjectStatus({ id: project.id, status: status(next), reason: '', language: 'en' }, as(who));
  }
  return project;
}
