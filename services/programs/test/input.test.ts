// Strings with NUL or another control character are refused by every service's gRPC server
// (INVALID_ARGUMENT naming the field), whoever calls, before any handler: nothing is stored.
import { status as GrpcStatus } from '@grpc/grpc-js';
import { grpcStatusOfKind, toProtoEnum, type Refused } from '@e21/kit';
import type { PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import { ProjectKind } from '@e21/proto/e21/programs/v1/programs';
import { as, person, projectRequest, SKILLS, startPrograms, SYSTEM, type ProgramsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let env: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
let coordinator: string;

beforeAll(async () => {
  env = await startPrograms();
  territories = await createTerritoryTree(env.identityClient);
  coordinator = await person(env.identityClient, territories.marseille, { name: 'Amina Haddad' });
});
afterAll(() => env.stop());

/** The refusal, checked to be the control-character one and to travel as INVALID_ARGUMENT. */
function controlRefusal(refused: Refused): string[] {
  expect(refused).toMatchObject({ kind: 'invalid', code: 'control_characters' });
  expect(grpcStatusOfKind[refused.kind]).toBe(GrpcStatus.INVALID_ARGUMENT);
  return refused.fields.map((f) => f.field);
}

describe('control characters over gRPC', () => {
  it('programs refuses a project whose title, description or need holds NUL or ESC, naming each field, and stores nothing', async () => {
    const refused = await refusalOf(
      env.client.createProject(
        projectRequest(territories.marseille, {
          title: 'Jardin\u0000',
          description: 'Bring tools\u001b[2J',
          needs: [{ id: '', skillId: `${SKILLS.gardening}\u0000`, neededMinutes: 600, startDate: '', endDate: '' }],
        }),
        as(coordinator),
      ),
    );
    expect(controlRefusal(refused)).toEqual(['title', 'description', 'needs.0.skill_id']);
    expect((await env.client.listMyProjects({ language: 'en', personId: '' }, as(coordinator))).projects).toEqual([]);
  });

  it('programs refuses a control character in a search text and in an update, and keeps the project as it was', async () => {
    expect(
      controlRefusal(
        await refusalOf(
          env.client.searchProjects(
            {
              territoryId: '',
              skillId: '',
              challengeId: '',
              kind: ProjectKind.PROJECT_KIND_UNSPECIFIED,
              statuses: [],
              text: 'jardin\u0007',
              limit: 10,
              cursor: '',
              language: 'en',
            },
            as(coordinator),
          ),
        ),
      ),
    ).toEqual(['text']);
    const project = await env.client.createProject(
      projectRequest(territories.marseille, { description: 'Two lines:\nsow, then water.' }),
      as(coordinator),
    );
    expect(project.description).toBe('Two lines:\nsow, then water.');
    const update = { ...projectRequest(territories.marseille), id: project.id, expectedVersion: project.version, description: 'DEL\u007f' };
    expect(controlRefusal(await refusalOf(env.client.updateProject(update, as(coordinator))))).toEqual(['description']);
    expect(await env.client.getProject({ id: project.id, language: 'en' }, as(coordinator))).toMatchObject({
      version: project.version,
      description: 'Two lines:\nsow, then water.',
    });
  });

  it('identity refuses a person whose name or email holds a control character, even from a system caller', async () => {
    const register = (name: string, email: string) =>
      env.identityClient.registerPerson(
        {
          name,
          email,
          locale: 'en',
          status: toProtoEnum<PersonStatus>('PERSON_STATUS', 'employee'),
          territoryId: territories.marseille,
          password: '',
        },
        SYSTEM,
      );
    expect(controlRefusal(await refusalOf(register('Ada\u0000', 'ada@example.org\u0085')))).toEqual(['name', 'email']);
    expect(
      controlRefusal(await refusalOf(env.identityClient.updatePerson({ id: coordinator, name: 'Amina\u0000' }, as(coordinator)))),
    ).toEqual(['name']);
    expect(await env.identityClient.getPerson({ id: coordinator }, as(coordinator))).toMatchObject({ name: 'Amina Haddad', version: 1 });
  });

  it('identity and programs refuse names and titles with a line break or an invisible character (their domain rule)', async () => {
    const name = await refusalOf(env.identityClient.updatePerson({ id: coordinator, name: 'Amina\u200B Haddad' }, as(coordinator)));
    expect(name).toMatchObject({ kind: 'invalid', code: 'invalid_person', fields: [{ field: 'name' }] });
    const title = await refusalOf(
      env.client.createProject(projectRequest(territories.marseille, { title: 'Jardin\npartagé' }), as(coordinator)),
    );
    expect(title).toMatchObject({ kind: 'invalid', code: 'invalid_project', fields: [{ field: 'title' }] });
  });
});
