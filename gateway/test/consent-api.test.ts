// Forced membership (issue 11, finding 3) through the API, as the attacker found it: anyone signed
// in registers an organization, becomes its admin, and "adds" a stranger. A person now joins only by
// accepting an invitation; until then the organization reads nothing of them, does not list them,
// and cannot propose them a SAR contract. Declining leaves nothing visible.
import { randomUUID } from 'node:crypto';
import { api, createWorld, startPlatform, SYSTEM, type Platform, type World } from '../../tests/support/platform.js';

let platform: Platform;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  // The office of Marseille: a party to every SAR contract there.
  await platform.identityClient.createOrganization(
    {
      name: 'Engagement 21 Marseille',
      kind: 'ORGANIZATION_KIND_E21_OFFICE' as never,
      legalId: 'E21-13055',
      territoryId: world.territories.marseille,
    },
    SYSTEM,
  );
}, 120_000);
afterAll(() => platform?.stop());

const YEAR = 2030;
const terms = { periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`, yearlyMinutes: 6_600, schedule: { weeklyAllowanceMinutes: 120 } };

/** Mallory signs in, registers a company and is its admin; a stranger who can sign in too. */
async function scene() {
  const mallory = await world.person('Mallory Martin', 'marseille', { signsIn: true });
  const stranger = await world.person('Sandrine Stranger', 'marseille', { signsIn: true });
  const asMallory = api(platform.gateway.url, await platform.tokenFor(mallory.email));
  const asStranger = api(platform.gateway.url, await platform.tokenFor(stranger.email));
  const company = (
    await asMallory('POST', '/v1/organizations', {
      name: `Mallory Conseil ${randomUUID().slice(0, 4)}`,
      kind: 'private_company',
      legalId: `${Math.floor(Math.random() * 1e9)}`,
      territoryId: world.territories.marseille,
    })
  ).body;
  /** What Mallory learns about the stranger, route by route. */
  const seen = async () => ({
    person: (await asMallory('GET', `/v1/people/${stranger.id}`)).status,
    competences: (await asMallory('GET', `/v1/people/${stranger.id}/competences`)).status,
    listed: (await asMallory('GET', `/v1/organizations/${company.id}/members`)).body.items.some(
      (m: { personId: string }) => m.personId === stranger.id,
    ),
    contract: (await asMallory('POST', '/v1/contracts', { personId: stranger.id, employerId: company.id, terms })).status,
  });
  return { mallory, stranger, asMallory, asStranger, company, seen };
}

it('refuses adding a stranger directly, and the organization learns nothing of them', async () => {
  const { stranger, asMallory, company, seen } = await scene();
  const added = await asMallory('PUT', `/v1/organizations/${company.id}/members/${stranger.id}`, { role: 'member' });
  expect(added.status).toBe(409);
  expect(added.body.type).toBe('/v1/problems/invitation_required');
  // the same answer for an id nobody has
  expect((await asMallory('PUT', `/v1/organizations/${company.id}/members/${randomUUID()}`, { role: 'member' })).body.type).toBe(
    '/v1/problems/invitation_required',
  );
  expect(await seen()).toEqual({ person: 403, competences: 403, listed: false, contract: 403 });
});

it('shows the organization only the address it typed until the person accepts; then the employer view works as before', async () => {
  const { stranger, asMallory, asStranger, company, seen } = await scene();
  const invited = await asMallory('POST', `/v1/organizations/${company.id}/invitations`, {
    email: stranger.email,
    role: 'member',
    employeeReference: 'MC-0042',
  });
  expect(invited.status).toBe(201);
  expect(invited.body).toMatchObject({ email: stranger.email, status: 'pending', personId: null, answeredAt: null });
  expect(await seen()).toEqual({ person: 403, competences: 403, listed: false, contract: 403 });

  const mine = await asStranger('GET', '/v1/me/invitations?status=pending');
  expect(mine.body.items).toEqual([
    expect.objectContaining({ id: invited.body.id, organizationName: company.name, invitedByName: 'Mallory Martin', role: 'member' }),
  ]);
  const accepted = await asStranger('POST', `/v1/me/invitations/${invited.body.id}/accept`, {});
  expect(accepted.body.status).toBe('accepted');

  expect((await asStranger('GET', '/v1/me')).body.memberships).toEqual([
    expect.objectContaining({ organizationId: company.id, role: 'member', employeeReference: 'MC-0042' }),
  ]);
  const person = await asMallory('GET', `/v1/people/${stranger.id}`);
  expect(person.body).toMatchObject({ email: stranger.email, name: 'Sandrine Stranger' });
  expect(await seen()).toEqual({ person: 200, competences: 403, listed: true, contract: 201 });
  const invitations = await asMallory('GET', `/v1/organizations/${company.id}/invitations`);
  expect(invitations.body.items).toEqual([expect.objectContaining({ id: invited.body.id, status: 'accepted', personId: stranger.id })]);
});

it('leaves nothing visible when the person declines: the invitation looks like one to an address nobody has', async () => {
  const { stranger, asMallory, asStranger, company, seen } = await scene();
  const toStranger = (await asMallory('POST', `/v1/organizations/${company.id}/invitations`, { email: stranger.email, role: 'member' }))
    .body;
  const toNobody = (
    await asMallory('POST', `/v1/organizations/${company.id}/invitations`, { email: `nobody.${randomUUID()}@example.org`, role: 'member' })
  ).body;
  expect((await asStranger('POST', `/v1/me/invitations/${toStranger.id}/decline`, {})).body.status).toBe('declined');

  expect(await seen()).toEqual({ person: 403, competences: 403, listed: false, contract: 403 });
  const { items } = (await asMallory('GET', `/v1/organizations/${company.id}/invitations`)).body;
  const shape = ({ id: _id, email: _email, invitedAt: _at, expiresAt: _expires, ...rest }: Record<string, unknown>) => rest;
  expect(shape(items.find((i: { id: string }) => i.id === toStranger.id))).toEqual(
    shape(items.find((i: { id: string }) => i.id === toNobody.id)),
  );
  expect(items.find((i: { id: string }) => i.id === toStranger.id)).toMatchObject({ status: 'pending', answeredAt: null, personId: null });
});

it('lets the organization withdraw an invitation, and nobody accept someone else’s', async () => {
  const { stranger, asMallory, asStranger, company } = await scene();
  const other = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
  const invitation = (await asMallory('POST', `/v1/organizations/${company.id}/invitations`, { email: stranger.email, role: 'member' }))
    .body;
  expect((await other('POST', `/v1/me/invitations/${invitation.id}/accept`, {})).status).toBe(404);
  expect((await other('GET', '/v1/me/invitations')).body.items.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
  expect((await asMallory('POST', `/v1/organizations/${company.id}/invitations/${invitation.id}/revoke`, {})).body.status).toBe('revoked');
  const late = await asStranger('POST', `/v1/me/invitations/${invitation.id}/accept`, {});
  expect(late.status).toBe(409);
  expect(late.body.type).toBe('/v1/problems/invitation_revoked');
});

it('documents the invitation routes in OpenAPI', async () => {
  const document = (await (await fetch(`${platform.gateway.url}/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining([
      '/v1/organizations/{organizationId}/invitations',
      '/v1/organizations/{organizationId}/invitations/{invitationId}/revoke',
      '/v1/me/invitations',
      '/v1/me/invitations/{invitationId}/accept',
      '/v1/me/invitations/{invitationId}/decline',
      '/v1/organizations/{organizationId}/verification',
      '/v1/organizations/{organizationId}/verification/revocation',
      '/v1/organization-verifications',
    ]),
  );
});
