// Bad input gets a 4xx problem naming the field, and changes nothing.
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';

let platform: Platform;
let world: World;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  call = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
});
afterAll(() => platform.stop());

const overlong = 'x'.repeat(201);

const cases: [what: string, method: string, path: () => string, body: unknown, status: number, field: string | undefined][] = [
  ['malformed JSON', 'PATCH', () => '/v1/me', '{"name": "Amina', 400, undefined],
  ['a number where a name goes', 'PATCH', () => '/v1/me', { name: 42 }, 400, 'body.name'],
  ['an unknown field', 'PATCH', () => '/v1/me', { nickname: 'Mina' }, 400, 'body.nickname'],
  ['an overlong name', 'PATCH', () => '/v1/me', { name: overlong }, 400, 'body.name'],
  ['a blank name', 'PATCH', () => '/v1/me', { name: '   ' }, 400, 'body.name'],
  ['an unknown status', 'PATCH', () => '/v1/me', { status: 'astronaut' }, 400, 'body.status'],
  ['a territory id that is not a UUID', 'PATCH', () => '/v1/me', { territoryId: 'marseille' }, 400, 'body.territoryId'],
  [
    'a territory that does not exist',
    'PATCH',
    () => '/v1/me',
    { territoryId: '00000000-0000-4000-8000-000000000000' },
    400,
    'body.territoryId',
  ],
  ['a JSON array body', 'PATCH', () => '/v1/me', [1, 2], 400, undefined],
  ['a person id that is not a UUID', 'GET', () => '/v1/people/not-a-uuid', undefined, 400, 'params.personId'],
  [
    'a person that does not exist (no different from one the caller may not see)',
    'GET',
    () => '/v1/people/00000000-0000-4000-8000-000000000000',
    undefined,
    403,
    undefined,
  ],
  [
    'an unknown skill',
    'PUT',
    () => `/v1/me/competences/${encodeURIComponent('urn:e21:skill:juggling-chainsaws')}`,
    { level: 2 },
    404,
    'params.skillId',
  ],
  [
    'a skill group instead of a skill',
    'PUT',
    () => `/v1/me/competences/${encodeURIComponent('urn:e21:skill-group:S3')}`,
    { level: 2 },
    400,
    'params.skillId',
  ],
  [
    'a level out of range',
    'PUT',
    () => `/v1/me/competences/${encodeURIComponent('urn:e21:skill:first-aid')}`,
    { level: 5 },
    400,
    'body.level',
  ],
  [
    'a level as a string',
    'PUT',
    () => `/v1/me/competences/${encodeURIComponent('urn:e21:skill:first-aid')}`,
    { level: '3' },
    400,
    'body.level',
  ],
  ['an unknown query parameter', 'GET', () => '/v1/skills?q=aid&sort=name', undefined, 400, 'query.sort'],
  ['a limit out of range', 'GET', () => '/v1/skills?q=aid&limit=100000', undefined, 400, 'query.limit'],
  ['an overlong search', 'GET', () => `/v1/skills?q=${'a'.repeat(101)}`, undefined, 400, 'query.q'],
  ['a forged cursor', 'GET', () => '/v1/skills?q=aid&cursor=bm90LWEtY3Vyc29y', undefined, 400, 'query.cursor'],
  [
    'an unknown organization kind',
    'POST',
    () => '/v1/organizations',
    () => ({ name: 'X', kind: 'cartel', legalId: '123456789', territoryId: world.territories.marseille }),
    400,
    'body.kind',
  ],
  [
    'an organization in an unknown territory',
    'POST',
    () => '/v1/organizations',
    { name: 'X', kind: 'association', legalId: 'W1234', territoryId: '00000000-0000-4000-8000-000000000000' },
    400,
    'body.territoryId',
  ],
  [
    'a grantee that is neither a person nor a client',
    'POST',
    () => '/v1/role-grants',
    () => ({ grantee: 'root', role: 'officer', scopeKind: 'territory', scopeId: world.territories.marseille }),
    400,
    'body.grantee',
  ],
];

const INVITATION_UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

/** Rows for the invitation and verification routes, each sent by someone allowed to call the route. */
const consentCases: [
  what: string,
  who: 'inhabitant' | 'hrManager' | 'officer',
  method: string,
  path: () => string,
  body: unknown,
  status: number,
  field: string | undefined,
][] = [
  [
    'an invitation to something that is not an address',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations`,
    { email: 'not an address', role: 'member' },
    400,
    'body.email',
  ],
  [
    'an invitation without an address',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations`,
    { role: 'member' },
    400,
    'body.email',
  ],
  [
    'an invitation to an unknown role',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations`,
    { email: 'yanis@example.org', role: 'owner' },
    400,
    'body.role',
  ],
  [
    'an overlong employee reference',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations`,
    { email: 'yanis@example.org', role: 'member', employeeReference: 'r'.repeat(65) },
    400,
    'body.employeeReference',
  ],
  [
    'an invitation naming a person id instead of an address',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations`,
    { personId: INVITATION_UNKNOWN, role: 'member' },
    400,
    'body.personId',
  ],
  [
    'an organization id that is not a UUID',
    'hrManager',
    'GET',
    () => '/v1/organizations/calanques/invitations',
    undefined,
    400,
    'params.organizationId',
  ],
  [
    'asking the organization for the declined invitations it never sees',
    'hrManager',
    'GET',
    () => `/v1/organizations/${world.companyMarseille}/invitations?status=declined`,
    undefined,
    400,
    'query.status',
  ],
  [
    'an invitation id that is not a UUID',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations/first/revoke`,
    {},
    400,
    'params.invitationId',
  ],
  [
    'withdrawing an invitation that does not exist',
    'hrManager',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/invitations/${INVITATION_UNKNOWN}/revoke`,
    {},
    404,
    undefined,
  ],
  [
    'accepting an invitation that does not exist (no different from someone else’s)',
    'inhabitant',
    'POST',
    () => `/v1/me/invitations/${INVITATION_UNKNOWN}/accept`,
    {},
    404,
    undefined,
  ],
  [
    'declining an invitation id that is not a UUID',
    'inhabitant',
    'POST',
    () => '/v1/me/invitations/latest/decline',
    {},
    400,
    'params.invitationId',
  ],
  ['an unknown invitation status', 'inhabitant', 'GET', () => '/v1/me/invitations?status=maybe', undefined, 400, 'query.status'],
  [
    'a revocation without a reason',
    'officer',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/verification/revocation`,
    {},
    400,
    'body.reason',
  ],
  [
    'an overlong revocation reason',
    'officer',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/verification/revocation`,
    { reason: 'r'.repeat(501) },
    400,
    'body.reason',
  ],
  [
    'revoking a verification that was never given',
    'officer',
    'POST',
    () => `/v1/organizations/${world.companyMarseille}/verification/revocation`,
    { reason: 'Closed' },
    409,
    undefined,
  ],
  [
    'verifying an organization that does not exist (no different from one outside the territory)',
    'officer',
    'POST',
    () => `/v1/organizations/${INVITATION_UNKNOWN}/verification`,
    {},
    403,
    undefined,
  ],
  [
    'a verification queue without a territory',
    'officer',
    'GET',
    () => '/v1/organization-verifications',
    undefined,
    400,
    'query.territoryId',
  ],
  [
    'a verification queue of an unknown kind',
    'officer',
    'GET',
    () => `/v1/organization-verifications?territoryId=${world.territories.marseille}&kind=cartel`,
    undefined,
    400,
    'query.kind',
  ],
];

describe('bad input to invitations and verification', () => {
  it.each(consentCases)('refuses %s', async (_what, who, method, path, body, status, field) => {
    const response = await api(platform.gateway.url, await platform.tokenFor(world[who].email))(method, path(), body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('changed nothing: no invitation was sent, and the company is still unverified', async () => {
    const hr = api(platform.gateway.url, await platform.tokenFor(world.hrManager.email));
    expect((await hr('GET', `/v1/organizations/${world.companyMarseille}/invitations`)).body.items).toEqual([]);
    expect((await hr('GET', `/v1/organizations/${world.companyMarseille}`)).body.verification.status).toBe('unverified');
  });
});

describe('bad input', () => {
  it.each(cases)('refuses %s with a problem naming the field', async (_what, method, path, body, status, field) => {
    const response = await call(method, path(), typeof body === 'function' ? body() : body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toMatch(/^\/v1\/problems\/[a-z_]+$/);
    expect(response.body.title).toEqual(expect.any(String));
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await call('PATCH', '/v1/me', 'name=Amina', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(response.body.type).toBe('/v1/problems/unsupported_media_type');
  });

  it('refuses a body over 64 kB with 413', async () => {
    const response = await call('PATCH', '/v1/me', { name: 'x'.repeat(70_000) });
    expect(response.status).toBe(413);
  });

  it('refuses a malformed If-Match and a stale one, naming the header', async () => {
    const malformed = await call('PATCH', '/v1/me', { name: 'Amina H.' }, { 'if-match': 'yesterday' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('header.if-match');
    const stale = await call('PATCH', '/v1/me', { name: 'Amina H.' }, { 'if-match': '"999"' });
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('/v1/problems/stale_version');
  });

  it('changed nothing: the profile is as it was before the bad requests', async () => {
    const me = await call('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.person).toMatchObject({
      name: 'Amina Haddad',
      status: 'employee',
      version: 1,
      territoryId: world.territories.marseille,
    });
    expect(me.body.competences).toEqual([]);
    const organizations = await call('GET', `/v1/organizations?territoryId=${world.territories.marseille}`);
    expect(organizations.body.items.map((o: { name: string }) => o.name)).toEqual(['Calanques Solaire']);
  });

  it('answers an unknown /v1 route with a 404 problem', async () => {
    const response = await call('GET', '/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('/v1/problems/not_found');
  });

  it('refuses a bearer token that is not a token, and a forged one', async () => {
    const garbage = await api(platform.gateway.url, 'garbage')('GET', '/v1/me');
    expect(garbage.status).toBe(401);
    const [header, payload] = (await platform.tokenFor(world.colleague.email)).split('.');
    const forged = await api(platform.gateway.url, `${header}.${payload}.${'A'.repeat(86)}`)('GET', '/v1/me');
    expect(forged.status).toBe(401);
    expect(forged.body.type).toBe('/v1/problems/invalid_token');
  });
});
