// Verification of organizations (issue 11, finding 4: merchant impersonation): an officer of the
// organization's territory or above verifies it, or revokes the verification saying why; officers
// find the organizations waiting in their queue; each decision is announced for currency to keep.
import { waitFor } from '@e21/devinfra';
import { OrganizationKind, Role, ScopeKind, VerificationStatus } from '@e21/proto/e21/identity/v1/identity';
import { as, registerPerson, startIdentity, SYSTEM, type IdentityUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type Territories } from '../../../tests/support/territories.js';

let identity: IdentityUnderTest;
let territories: Territories;
let marseilleOfficer: string;
let toulonOfficer: string;
let regionalAdmin: string;
let merchantAdmin: string;

const MERCHANT = OrganizationKind.ORGANIZATION_KIND_MERCHANT;

async function officer(territoryId: string, role = Role.ROLE_OFFICER) {
  const person = await registerPerson(identity.client, territoryId);
  await identity.client.grantRole(
    { grantee: `person:${person.id}`, role, scopeKind: ScopeKind.SCOPE_KIND_TERRITORY, scopeId: territoryId },
    SYSTEM,
  );
  return person.id;
}

const merchant = async (name = 'Boulangerie du Panier', territoryId = territories.marseille) =>
  identity.client.createOrganization(
    { name, kind: MERCHANT, legalId: `${Math.floor(Math.random() * 1e9)}`, territoryId },
    as(merchantAdmin),
  );

beforeAll(async () => {
  identity = await startIdentity({ OIDC_PROVIDER_ENABLED: 'false' });
  territories = await createTerritoryTree(identity.client);
  marseilleOfficer = await officer(territories.marseille);
  toulonOfficer = await officer(territories.toulon);
  regionalAdmin = await officer(territories.paca, Role.ROLE_TERRITORY_ADMIN);
  merchantAdmin = (await registerPerson(identity.client, territories.marseille)).id;
});
afterAll(() => identity.stop());

describe('verifying an organization', () => {
  it('is unverified when registered, and verified by an officer of its territory with who and when', async () => {
    const shop = await merchant();
    expect(shop.verification).toMatchObject({ status: VerificationStatus.VERIFICATION_STATUS_UNVERIFIED, version: 0, decidedAt: '' });
    const verified = await identity.client.verifyOrganization({ organizationId: shop.id }, as(marseilleOfficer));
    expect(verified.verification).toMatchObject({
      status: VerificationStatus.VERIFICATION_STATUS_VERIFIED,
      decidedBy: `person:${marseilleOfficer}`,
      version: 1,
    });
    expect(Date.parse(verified.verification!.decidedAt)).not.toBeNaN();
  });

  it('lets a territory admin of the region above verify, and nobody outside the territory or without an office role', async () => {
    const shop = await merchant('Librairie de l’Huveaune', territories.aubagne);
    expect(await refusalOf(identity.client.verifyOrganization({ organizationId: shop.id }, as(toulonOfficer)))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await refusalOf(identity.client.verifyOrganization({ organizationId: shop.id }, as(merchantAdmin)))).toMatchObject({
      kind: 'forbidden',
    });
    expect((await identity.client.verifyOrganization({ organizationId: shop.id }, as(regionalAdmin))).verification?.status).toBe(
      VerificationStatus.VERIFICATION_STATUS_VERIFIED,
    );
  });

  it('refuses an officer verifying an organization they belong to', async () => {
    const shop = await identity.client.createOrganization(
      { name: 'Chez Marc', kind: MERCHANT, legalId: `${Math.floor(Math.random() * 1e9)}`, territoryId: territories.marseille },
      as(marseilleOfficer),
    );
    expect(await refusalOf(identity.client.verifyOrganization({ organizationId: shop.id }, as(marseilleOfficer)))).toMatchObject({
      code: 'own_organization',
    });
  });

  it('revokes with a reason, and verifies again at a higher version', async () => {
    const shop = await merchant();
    expect(
      await refusalOf(identity.client.revokeVerification({ organizationId: shop.id, reason: 'Not verified yet' }, as(marseilleOfficer))),
    ).toMatchObject({ code: 'not_verified' });
    await identity.client.verifyOrganization({ organizationId: shop.id }, as(marseilleOfficer));
    expect(
      await refusalOf(identity.client.revokeVerification({ organizationId: shop.id, reason: '  ' }, as(marseilleOfficer))),
    ).toMatchObject({ fields: [expect.objectContaining({ field: 'reason' })] });
    const revoked = await identity.client.revokeVerification(
      { organizationId: shop.id, reason: 'The legal id is another shop’s' },
      as(marseilleOfficer),
    );
    expect(revoked.verification).toMatchObject({
      status: VerificationStatus.VERIFICATION_STATUS_REVOKED,
      revocationReason: 'The legal id is another shop’s',
      version: 2,
    });
    expect((await identity.client.verifyOrganization({ organizationId: shop.id }, as(regionalAdmin))).verification).toMatchObject({
      status: VerificationStatus.VERIFICATION_STATUS_VERIFIED,
      version: 3,
    });
  });

  it('shows anyone whether an organization is verified, and only officers who decided and why', async () => {
    const shop = await merchant();
    await identity.client.verifyOrganization({ organizationId: shop.id }, as(marseilleOfficer));
    await identity.client.revokeVerification({ organizationId: shop.id, reason: 'Closed down' }, as(marseilleOfficer));
    const seenByAnyone = await identity.client.getOrganization({ id: shop.id }, as(merchantAdmin));
    expect(seenByAnyone.verification).toMatchObject({
      status: VerificationStatus.VERIFICATION_STATUS_REVOKED,
      decidedBy: '',
      decidedByName: '',
      revocationReason: '',
    });
    expect(seenByAnyone.verification!.decidedAt).not.toBe('');
    const seenByOfficer = await identity.client.getOrganization({ id: shop.id }, as(marseilleOfficer));
    expect(seenByOfficer.verification).toMatchObject({ decidedBy: `person:${marseilleOfficer}`, revocationReason: 'Closed down' });
  });
});

describe('the verification queue', () => {
  it('lists the organizations of an officer’s territory and below waiting for verification, oldest first', async () => {
    const first = await merchant('Épicerie des Goudes');
    const second = await merchant('Café de la Plaine');
    const done = await merchant('Fromagerie du Cours');
    const elsewhere = await merchant('Épicerie du Mourillon', territories.toulon);
    await identity.client.verifyOrganization({ organizationId: done.id }, as(marseilleOfficer));
    const queue = await identity.client.listOrganizationsToVerify(
      { territoryId: territories.marseille, kind: MERCHANT, limit: 200, cursor: '' },
      as(marseilleOfficer),
    );
    const ids = queue.organizations.map((o) => o.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids).not.toContain(done.id);
    expect(ids).not.toContain(elsewhere.id);
    const regional = await identity.client.listOrganizationsToVerify(
      { territoryId: territories.paca, kind: MERCHANT, limit: 200, cursor: '' },
      as(regionalAdmin),
    );
    expect(regional.organizations.map((o) => o.id)).toEqual(expect.arrayContaining([first.id, elsewhere.id]));
  });

  it('pages with a cursor and is for officers only', async () => {
    await merchant('Page One');
    await merchant('Page Two');
    const page = await identity.client.listOrganizationsToVerify(
      { territoryId: territories.marseille, kind: MERCHANT, limit: 1, cursor: '' },
      as(marseilleOfficer),
    );
    const next = await identity.client.listOrganizationsToVerify(
      { territoryId: territories.marseille, kind: MERCHANT, limit: 1, cursor: page.nextCursor },
      as(marseilleOfficer),
    );
    expect(next.organizations[0]!.id).not.toBe(page.organizations[0]!.id);
    expect(
      await refusalOf(
        identity.client.listOrganizationsToVerify(
          { territoryId: territories.marseille, kind: MERCHANT, limit: 10, cursor: '' },
          as(toulonOfficer),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusalOf(
        identity.client.listOrganizationsToVerify(
          { territoryId: territories.marseille, kind: MERCHANT, limit: 10, cursor: '' },
          as(merchantAdmin),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
  });
});

describe('events', () => {
  it('announces each decision with the whole organization, in order', async () => {
    const shop = await merchant();
    await identity.client.verifyOrganization({ organizationId: shop.id }, as(marseilleOfficer));
    await identity.client.verifyOrganization({ organizationId: shop.id }, as(marseilleOfficer)); // nothing new: no event
    await identity.client.revokeVerification({ organizationId: shop.id, reason: 'Impostor' }, as(marseilleOfficer));
    const published = async () =>
      (
        await identity.service.pool.query<{ type: string; published: boolean }>(
          'select type, published_at is not null as published from outbox where subject = $1 order by seq',
          [shop.id],
        )
      ).rows;
    const rows = await waitFor(async () => ((await published()).every((row) => row.published) ? published() : undefined), {
      what: 'the relay',
    });
    expect(rows.map((r) => r.type)).toEqual([
      'identity.organization.created',
      'identity.organization.verified',
      'identity.organization.verification_revoked',
    ]);
  });
});
