// The programs REST API as clients use it: the OpenAPI document, version ETags that caches never reuse,
// Idempotency-Key replays, If-Match on edits.
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';
import { createProgramsWorld, SKILL, type ProgramsWorld } from './programs-support.js';

let platform: Platform;
let world: World;
let programs: ProgramsWorld;
let coordinator: ReturnType<typeof api>;
let volunteer: ReturnType<typeof api>;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  programs = await createProgramsWorld(platform, world);
  coordinator = api(platform.gateway.url, await platform.tokenFor(programs.coordinator.email));
  volunteer = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
}, 120_000);
afterAll(() => platform.stop());

it('documents every programs route in the OpenAPI document', async () => {
  const document = (await volunteer('GET', '/v1/openapi.json')).body;
  for (const path of [
    '/v1/projects',
    '/v1/projects/{projectId}/join-requests',
    '/v1/projects/{projectId}/decisions/{decisionId}/votes',
    '/v1/challenges',
    '/v1/programs',
    '/v1/me/project-suggestions',
  ]) {
    expect(Object.keys(document.paths)).toContain(path);
  }
  expect(document.paths['/v1/projects'].post.requestBody.content['application/json'].schema.properties.needs).toBeDefined();
});

it('never answers a project as unchanged: its ETag is its version, which its team and filled hours change without', async () => {
  const project = await programs.project('approved');
  const first = await volunteer('GET', `/v1/projects/${project.id}`);
  expect(first.headers.get('etag')).toBe(`"${first.body.version}"`);
  expect(first.headers.get('cache-control')).toBe('no-store');
  // As a browser cache revalidates (fetch itself would add Cache-Control: no-cache to If-None-Match).
  const revalidate = { 'if-none-match': first.headers.get('etag')!, 'cache-control': 'max-age=0' };
  expect((await volunteer('GET', `/v1/projects/${project.id}`, undefined, revalidate)).status).toBe(200);
  const request = await volunteer('POST', `/v1/projects/${project.id}/join-requests`, { needId: project.needId, minutes: 90 });
  await coordinator('POST', `/v1/projects/${project.id}/join-requests/${request.body.id}/accept`);
  const after = await volunteer('GET', `/v1/projects/${project.id}`, undefined, revalidate);
  expect(after.status).toBe(200);
  expect(after.body.viewer.role).toBe('contributor');
  expect(after.body.version).toBe(first.body.version);
});

it('answers a join request sent again with the same Idempotency-Key with the first one, and creates one', async () => {
  const project = await programs.project('approved');
  const send = () =>
    volunteer(
      'POST',
      `/v1/projects/${project.id}/join-requests`,
      { needId: project.needId, minutes: 60 },
      { 'idempotency-key': 'retry-after-timeout-1' },
    );
  const first = await send();
  const again = await send();
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.body.id).toBe(first.body.id);
  expect(
    (await coordinator('GET', `/v1/projects/${project.id}/join-requests`)).body.items.filter(
      (r: { personId: string }) => r.personId === world.inhabitant.id,
    ),
  ).toHaveLength(1);
});

it('edits a project at the version read, keeping its needs by id, and refuses the stale version afterwards', async () => {
  const project = await programs.project('draft');
  const read = (await coordinator('GET', `/v1/projects/${project.id}`)).body;
  const body = {
    territoryId: world.territories.marseille,
    title: 'Jardin et verger',
    kind: 'general_interest',
    startDate: read.startDate,
    endDate: read.endDate,
    needs: [
      { id: project.needId, skillId: SKILL, neededMinutes: 3000 },
      { skillId: 'urn:e21:skill:fruit-tree-pruning', neededMinutes: 600 },
    ],
  };
  const edited = await coordinator('PUT', `/v1/projects/${project.id}`, body, { 'if-match': `"${read.version}"` });
  expect(edited.status).toBe(200);
  expect(edited.body.needs.map((n: { id: string; neededMinutes: number }) => [n.id === project.needId, n.neededMinutes])).toEqual([
    [true, 3000],
    [false, 600],
  ]);
  expect((await coordinator('PUT', `/v1/projects/${project.id}`, body, { 'if-match': `"${read.version}"` })).status).toBe(412);
});
