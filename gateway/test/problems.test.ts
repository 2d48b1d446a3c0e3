// Each problem `type` URI leads somewhere: a page saying its status, what it means and what to do,
// in English and French (HTML for a browser, JSON otherwise). And each operation of the OpenAPI
// document lists the problem types it can answer with, every one of which resolves.
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';

let platform: Platform;
let world: World;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  call = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
}, 120_000);
afterAll(() => platform?.stop());

const page = (path: string, headers: Record<string, string> = {}) => fetch(`${platform.gateway.url}${path}`, { headers });

describe('the problem types pages', () => {
  it('resolves the type of a problem just answered, with its status, meaning and what to do in both languages', async () => {
    const stale = await call('PATCH', '/v1/me', { name: 'Amina H.' }, { 'if-match': '"999"' });
    expect(stale.status).toBe(412);
    const problem = await api(platform.gateway.url)('GET', stale.body.type);
    expect(problem.status).toBe(200);
    expect(problem.headers.get('content-type')).toContain('application/json');
    expect(problem.body).toMatchObject({
      code: 'stale_version',
      type: '/v1/problems/stale_version',
      status: 412,
      en: { title: stale.body.title, meaning: expect.stringContaining('If-Match'), action: expect.stringContaining('ETag') },
      fr: { title: 'Quelqu’un l’a modifié entre-temps', meaning: expect.any(String), action: expect.stringContaining('ETag') },
    });

    const invalid = await call('PATCH', '/v1/me', { name: 'Amina\u0000' });
    const validation = await api(platform.gateway.url)('GET', invalid.body.type);
    expect(validation.body).toMatchObject({ code: 'validation_failed', status: 400 });
  });

  it('answers a browser with an HTML page, in its language first and the other below', async () => {
    const response = await page('/v1/problems/needs_in_use', {
      accept: 'text/html,application/xhtml+xml',
      'accept-language': 'fr-FR,fr;q=0.9',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html.indexOf('Des membres remplissent ces besoins')).toBeLessThan(html.indexOf('Members fill these needs'));
    expect(html).toContain('409');
    expect(html).toContain('Que faire');
    expect(html).toContain('What to do');
  });

  it('lists every problem type, as JSON or as a page linking to each', async () => {
    const list = await api(platform.gateway.url)('GET', '/v1/problems');
    expect(list.status).toBe(200);
    const codes = list.body.items.map((p: { code: string }) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'validation_failed',
        'stale_version',
        'project_not_found',
        'commitment_exceeded',
        'over_12_hours_a_day',
        'insufficient_funds',
      ]),
    );
    expect(codes).toEqual([...codes].sort());
    const html = await (await page('/v1/problems', { accept: 'text/html' })).text();
    for (const code of codes) expect(html).toContain(`href="/v1/problems/${code}"`);
  });

  it('answers an unknown problem type with a 404 problem', async () => {
    const response = await api(platform.gateway.url)('GET', '/v1/problems/no_such_problem');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toBe('/v1/problems/not_found');
  });
});

describe('the refusals of each operation in the OpenAPI document', () => {
  interface Response {
    description: string;
    'x-problem-types'?: string[];
    content?: Record<string, { schema: { allOf?: { properties?: { type?: { enum: string[] } } }[] } }>;
  }
  let paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  beforeAll(async () => {
    paths = (await api(platform.gateway.url)('GET', '/v1/openapi.json')).body.paths;
  });

  it('lists, for an operation, its refusals by status, each naming its problem types', () => {
    const edit = paths['/v1/projects/{projectId}']!.put!.responses;
    expect(edit['412']!['x-problem-types']).toEqual(['/v1/problems/stale_version']);
    expect(edit['409']!['x-problem-types']).toEqual(
      expect.arrayContaining(['/v1/problems/needs_in_use', '/v1/problems/not_editable', '/v1/problems/fixed_after_draft']),
    );
    expect(edit['404']!['x-problem-types']).toEqual(['/v1/problems/project_not_found']);
    expect(edit['403']!['x-problem-types']).toEqual(
      expect.arrayContaining(['/v1/problems/not_on_board', '/v1/problems/forbidden', '/v1/problems/csrf_failed']),
    );
    expect(edit['409']!.content!['application/problem+json']!.schema.allOf![1]!.properties!.type!.enum).toEqual(
      edit['409']!['x-problem-types'],
    );
    expect(edit['409']!.description).toContain('[needs_in_use](/v1/problems/needs_in_use)');
    // A read has no write's refusals.
    expect(paths['/v1/projects/{projectId}']!.get!.responses['409']).toBeUndefined();
  });

  it('names only problem types that resolve', async () => {
    const types = new Set(
      Object.values(paths).flatMap((methods) =>
        Object.values(methods).flatMap((op) => Object.values(op.responses).flatMap((r) => r['x-problem-types'] ?? [])),
      ),
    );
    expect(types.size).toBeGreaterThan(100);
    for (const type of types) {
      const response = await api(platform.gateway.url)('GET', type);
      expect({ type, status: response.status }).toEqual({ type, status: 200 });
    }
  });
});
