// Every gateway route of identity (and the gateway's own problem types), called by anonymous,
// inhabitant, HR manager, officer and admin.
import { randomUUID } from 'node:crypto';
import { allRoutes } from '@e21/gateway/app';
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';

const ROLES = ['anonymous', 'inhabitant', 'hrManager', 'officer', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface Case {
  method: string;
  route: string;
  /** What the call does, as the test names it. */
  what: string;
  /** Builds the request for one role, creating what it needs so roles do not interfere. */
  request(world: World, role: Role): Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
  expect: [anonymous: number, inhabitant: number, hrManager: number, officer: number, admin: number];
}

const SKILL = 'urn:e21:skill:first-aid';

const cases: Case[] = [
  { method: 'GET', route: '/v1/me', what: 'read my profile', request: () => ({ path: '/v1/me' }), expect: [401, 200, 200, 200, 200] },
  {
    method: 'PATCH',
    route: '/v1/me',
    what: 'edit my profile',
    request: () => ({ path: '/v1/me', body: { name: 'Renamed' } }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/me/competences',
    what: 'list my competences',
    request: () => ({ path: '/v1/me/competences' }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'PUT',
    route: '/v1/me/competences/:skillId',
    what: 'add a competence',
    request: () => ({ path: `/v1/me/competences/${encodeURIComponent(SKILL)}`, body: { level: 2 } }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'DELETE',
    route: '/v1/me/competences/:skillId',
    what: 'remove a competence',
    request: () => ({ path: `/v1/me/competences/${encodeURIComponent(SKILL)}` }),
    expect: [401, 204, 204, 204, 204],
  },
  {
    method: 'GET',
    route: '/v1/skills',
    what: 'search skills',
    request: () => ({ path: '/v1/skills?q=aid' }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/territories',
    what: 'read the territory tree',
    request: () => ({ path: '/v1/territories' }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/territories/:territoryId',
    what: 'read a territory',
    request: (w) => ({ path: `/v1/territories/${w.territories.marseille}` }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'PUT',
    route: '/v1/territories/:territoryId',
    what: 'create a locality under a department of the admin’s region',
    request: (w) => ({
      path: `/v1/territories/${randomUUID()}`,
      body: {
        parentId: w.territories.bouchesDuRhone,
        level: 'locality',
        code: `13${Math.floor(Math.random() * 900 + 100)}`,
        labels: { en: 'La Ciotat' },
      },
    }),
    expect: [401, 403, 403, 403, 200],
  },
  {
    method: 'GET',
    route: '/v1/territories/:territoryId/children',
    what: 'list children of a territory',
    request: (w) => ({ path: `/v1/territories/${w.territories.bouchesDuRhone}/children` }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/territories/:territoryId/ancestors',
    what: 'list ancestors of a territory',
    request: (w) => ({ path: `/v1/territories/${w.territories.marseille}/ancestors` }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/organizations',
    what: 'register a company',
    request: (w) => ({
      path: '/v1/organizations',
      body: {
        name: 'Atelier vélo',
        kind: 'private_company',
        legalId: `${Math.floor(Math.random() * 1e9)}`,
        territoryId: w.territories.marseille,
      },
    }),
    expect: [401, 201, 201, 201, 201],
  },
  {
    method: 'GET',
    route: '/v1/organizations',
    what: 'list organizations of a territory',
    request: (w) => ({ path: `/v1/organizations?territoryId=${w.territories.marseille}` }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId',
    what: 'read an organization',
    request: (w) => ({ path: `/v1/organizations/${w.companyMarseille}` }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/members',
    what: 'list the members of a Marseille company',
    request: (w) => ({ path: `/v1/organizations/${w.companyMarseille}/members` }),
    expect: [401, 403, 200, 200, 200],
  },
  {
    method: 'PUT',
    route: '/v1/organizations/:organizationId/members/:personId',
    what: 'change the employee reference of a member of a Marseille company',
    async request(w) {
      const member = await w.person('New Hire', 'marseille');
      await w.member(w.companyMarseille, member.id, 'member');
      return { path: `/v1/organizations/${w.companyMarseille}/members/${member.id}`, body: { role: 'member', employeeReference: 'X-1' } };
    },
    expect: [401, 403, 200, 403, 200],
  },
  {
    method: 'DELETE',
    route: '/v1/organizations/:organizationId/members/:personId',
    what: 'remove a member of a Marseille company',
    async request(w) {
      const leaving = await w.person('Leaving Soon', 'marseille');
      await w.member(w.companyMarseille, leaving.id, 'member');
      return { path: `/v1/organizations/${w.companyMarseille}/members/${leaving.id}` };
    },
    expect: [401, 403, 204, 403, 204],
  },
  {
    method: 'POST',
    route: '/v1/organizations/:organizationId/invitations',
    what: 'invite an address to a Marseille company',
    request: (w) => ({
      path: `/v1/organizations/${w.companyMarseille}/invitations`,
      body: { email: `invited.${randomUUID()}@example.org`, role: 'member', employeeReference: 'X-2' },
    }),
    expect: [401, 403, 201, 403, 201],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/invitations',
    what: 'list the invitations of a Marseille company',
    request: (w) => ({ path: `/v1/organizations/${w.companyMarseille}/invitations` }),
    expect: [401, 403, 200, 403, 200],
  },
  {
    method: 'POST',
    route: '/v1/organizations/:organizationId/invitations/:invitationId/revoke',
    what: 'withdraw an invitation of a Marseille company',
    async request(w) {
      const invitation = await platform.identityClient.inviteMember(
        { organizationId: w.companyMarseille, email: `withdrawn.${randomUUID()}@example.org`, role: MEMBER, employeeReference: '' },
        SYSTEM,
      );
      return { path: `/v1/organizations/${w.companyMarseille}/invitations/${invitation.id}/revoke`, body: {} };
    },
    expect: [401, 403, 200, 403, 200],
  },
  {
    method: 'POST',
    route: '/v1/organizations/:organizationId/verification',
    what: 'verify a merchant of Marseille',
    request: async (w) => ({ path: `/v1/organizations/${await merchant(w)}/verification`, body: {} }),
    expect: [401, 403, 403, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/organizations/:organizationId/verification/revocation',
    what: 'revoke the verification of a merchant of Marseille',
    async request(w) {
      const organizationId = await merchant(w);
      await platform.identityClient.verifyOrganization({ organizationId }, SYSTEM);
      return { path: `/v1/organizations/${organizationId}/verification/revocation`, body: { reason: 'Its legal id is another shop’s' } };
    },
    expect: [401, 403, 403, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/organization-verifications',
    what: 'read the verification queue of Marseille',
    request: (w) => ({ path: `/v1/organization-verifications?territoryId=${w.territories.marseille}&kind=merchant` }),
    expect: [401, 403, 403, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/me/invitations',
    what: 'list my invitations',
    request: () => ({ path: '/v1/me/invitations' }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/me/invitations/:invitationId/accept',
    what: 'accept an invitation addressed to me',
    request: async (w, role) => ({ path: `/v1/me/invitations/${await invitationFor(w, role)}/accept`, body: {} }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/me/invitations/:invitationId/decline',
    what: 'decline an invitation addressed to me',
    request: async (w, role) => ({ path: `/v1/me/invitations/${await invitationFor(w, role)}/decline`, body: {} }),
    expect: [401, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/people',
    what: 'list people of Marseille',
    request: (w) => ({ path: `/v1/people?territoryId=${w.territories.marseille}` }),
    expect: [401, 403, 403, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/people/:personId',
    what: 'read a colleague at the same company',
    request: (w) => ({ path: `/v1/people/${w.colleague.id}` }),
    expect: [401, 403, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/people/:personId/competences',
    what: 'read a colleague’s competences',
    request: (w) => ({ path: `/v1/people/${w.colleague.id}/competences` }),
    expect: [401, 403, 200, 200, 200],
  },
  {
    method: 'POST',
    route: '/v1/role-grants',
    what: 'make someone a moderator of Marseille',
    request: async (w) => ({
      path: '/v1/role-grants',
      body: {
        grantee: `person:${(await w.person('Future Moderator', 'marseille')).id}`,
        role: 'moderator',
        scopeKind: 'territory',
        scopeId: w.territories.marseille,
      },
    }),
    expect: [401, 403, 403, 403, 201],
  },
  {
    method: 'DELETE',
    route: '/v1/role-grants/:grantId',
    what: 'revoke a moderator of Marseille',
    async request(w) {
      const moderator = await w.person('Moderator', 'marseille');
      const grant = await platform.identityClient.grantRole(
        {
          grantee: `person:${moderator.id}`,
          role: 'ROLE_MODERATOR' as never,
          scopeKind: 'SCOPE_KIND_TERRITORY' as never,
          scopeId: w.territories.marseille,
        },
        { caller: { kind: 'system', service: 'test' } },
      );
      return { path: `/v1/role-grants/${grant.id}` };
    },
    expect: [401, 403, 403, 403, 200],
  },
  {
    method: 'GET',
    route: '/v1/problems',
    what: 'list the problem types',
    request: () => ({ path: '/v1/problems' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/problems/:code',
    what: 'read a problem type',
    request: () => ({ path: '/v1/problems/stale_version' }),
    expect: [200, 200, 200, 200, 200],
  },
  {
    method: 'GET',
    route: '/v1/role-grants',
    what: 'list role grants on Marseille',
    request: (w) => ({ path: `/v1/role-grants?scopeKind=territory&scopeId=${w.territories.marseille}` }),
    expect: [401, 403, 403, 200, 200],
  },
];

let platform: Platform;
let world: World;

const SYSTEM = { caller: { kind: 'system' as const, service: 'test' } };
const MEMBER = 'MEMBERSHIP_ROLE_MEMBER' as never;

/** A merchant of Marseille no officer verified yet, registered by a service. */
const merchant = async (w: World) =>
  (
    await platform.identityClient.createOrganization(
      {
        name: 'Boulangerie du Panier',
        kind: 'ORGANIZATION_KIND_MERCHANT' as never,
        legalId: `${Math.floor(Math.random() * 1e9)}`,
        territoryId: w.territories.marseille,
      },
      SYSTEM,
    )
  ).id;

/** An invitation of a new association to the role's own address (a random one for anonymous, who is refused first). */
async function invitationFor(w: World, role: Role): Promise<string> {
  if (role === 'anonymous') return randomUUID();
  const organization = await platform.identityClient.createOrganization(
    {
      name: 'Chorale du Panier',
      kind: 'ORGANIZATION_KIND_ASSOCIATION' as never,
      legalId: `W${Math.floor(Math.random() * 1e9)}`,
      territoryId: w.territories.marseille,
    },
    SYSTEM,
  );
  return (
    await platform.identityClient.inviteMember(
      { organizationId: organization.id, email: w[role].email, role: MEMBER, employeeReference: '' },
      SYSTEM,
    )
  ).id;
}
const tokens = {} as Record<Role, string | undefined>;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  tokens.anonymous = undefined;
  for (const role of ROLES.slice(1) as Exclude<Role, 'anonymous'>[]) tokens[role] = await platform.tokenFor(world[role].email);
  // the DELETE of a competence needs one to exist
  for (const role of ROLES.slice(1) as Exclude<Role, 'anonymous'>[])
    await api(platform.gateway.url, tokens[role])('PUT', `/v1/me/competences/${encodeURIComponent(SKILL)}`, { level: 1 });
});
afterAll(() => platform.stop());

describe('who may call each gateway route', () => {
  it('has a row for every identity route the gateway serves, and for its own (the problem types)', () => {
    // Each later service's routes have their own table (gateway/test/<service>-authorization.test.ts).
    const identityTags = ['me', 'skills', 'territories', 'organizations', 'people', 'roles', 'problems'];
    const served = allRoutes({} as never)
      .filter((route) => identityTags.includes(route.tag))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    expect(cases.map((c) => `${c.method} ${c.route}`).sort()).toEqual(served);
  });

  const rows = cases.flatMap((c) => ROLES.map((role, index) => [c.method, c.route, c.what, role, c.expect[index]!, c] as const));
  it.each(rows)('%s %s (%s) as %s answers %i', async (method, _route, _what, role, expected, testCase) => {
    // DELETE of a competence must come after the PUT for the same role: re-add it first.
    if (testCase.route === '/v1/me/competences/:skillId' && method === 'DELETE' && tokens[role]) {
      await api(platform.gateway.url, tokens[role])('PUT', `/v1/me/competences/${encodeURIComponent(SKILL)}`, { level: 1 });
    }
    const request = await testCase.request(world, role);
    const response = await api(platform.gateway.url, tokens[role])(method, request.path, request.body);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status: expected }));
    if (expected >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
