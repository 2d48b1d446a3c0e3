// Merchant impersonation (issue 11, finding 4): anyone could register an organization named exactly
// like a merchant, open its account and issue payment requests payers could not tell apart. Money
// now reaches only organizations an Engagement 21 officer verified, as identity announces it; payers
// see the verified merchant's legal id and mark; a revoked verification stops payments again.
import { randomUUID } from 'node:crypto';
import { OrganizationKind } from '@e21/proto/e21/identity/v1/identity';
import { OwnerKind } from '@e21/proto/e21/currency/v1/currency';
import * as store from '../src/store/index.js';
import { as, refusalOf, startCurrency, SYSTEM, waitForMerchants, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
  await t.fund(t.world.people.amina.id, 120); // 20.00
}, 60_000);
afterAll(() => t?.stop());

/** Lucas registers a merchant of Marseille under the name he wants, and becomes its admin. */
const registerShop = async (name: string, by = t.world.people.lucas.id) =>
  t.identity.createOrganization(
    {
      name,
      kind: OrganizationKind.ORGANIZATION_KIND_MERCHANT,
      legalId: `${Math.floor(Math.random() * 1e9)}`,
      territoryId: t.world.territories.marseille,
    },
    as(by),
  );

const requestAt = (organizationId: string, by: string, amountMinor = 450n) =>
  t.client.createPaymentRequest({ organizationId, amountMinor, reference: 'Pain', expiresInMinutes: 15, idempotencyKey: '' }, as(by));

const balanceOf = async (organizationId: string) =>
  (await t.client.listAccounts({ ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: organizationId }, SYSTEM)).accounts[0]
    ?.balanceMinor ?? 0n;

describe('an impostor named like a merchant', () => {
  it('cannot ask for a payment nor be paid, though it opens an account', async () => {
    const { amina, lucas } = t.world.people;
    const impostor = await registerShop('Boulangerie du Panier');
    const account = await t.client.openAccount(
      { ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: impostor.id, currencyId: t.ecu.id },
      as(lucas.id),
    );
    expect(await refusalOf(requestAt(impostor.id, lucas.id))).toMatchObject({ kind: 'conflict', code: 'merchant_not_verified' });
    const wallet = await walletOf(t.client, amina.id, t.ecu.id);
    const paid = refusalOf(
      t.client.pay(
        { fromAccountId: wallet!.id, toAccountId: account.id, amountMinor: 450n, reference: 'Pain', idempotencyKey: '' },
        as(amina.id),
      ),
    );
    expect(await paid).toMatchObject({ kind: 'conflict', code: 'merchant_not_verified' });
    expect(await balanceOf(impostor.id)).toBe(0n);
    expect((await walletOf(t.client, amina.id, t.ecu.id))!.balanceMinor).toBe(wallet!.balanceMinor);
    expect(
      await refusalOf(t.client.requestRedemption({ organizationId: impostor.id, amountMinor: 1n, idempotencyKey: '' }, as(lucas.id))),
    ).toMatchObject({ code: 'merchant_not_verified' });
  });

  it('shows payers the verified merchant’s legal id and mark on its requests', async () => {
    const request = await requestAt(t.world.organizations.boulangerie, t.world.people.sam.id);
    const seen = await t.client.getPaymentRequest({ id: request.id }, as(t.world.people.amina.id));
    const organization = await t.identity.getOrganization({ id: t.world.organizations.boulangerie }, SYSTEM);
    expect(seen).toMatchObject({
      organizationName: 'Boulangerie du Panier',
      organizationLegalId: organization.legalId,
      merchantVerified: true,
    });
    expect(Date.parse(seen.merchantVerifiedAt)).not.toBeNaN();
    expect(await t.client.getMerchant({ organizationId: t.world.organizations.boulangerie }, as(t.world.people.amina.id))).toMatchObject({
      legalId: organization.legalId,
      verified: true,
      kind: 'merchant',
    });
    expect(
      await refusalOf(t.client.getMerchant({ organizationId: t.world.organizations.jardins }, as(t.world.people.amina.id))),
    ).toMatchObject({ kind: 'not_found' });
  });
});

describe('verification and its revocation', () => {
  it('opens the till once an officer verifies, and closes it again when the verification is revoked', async () => {
    const { amina, lucas, marc } = t.world.people;
    const shop = await registerShop('Fromagerie de la Plaine');
    await t.identity.verifyOrganization({ organizationId: shop.id }, as(marc.id));
    await waitForMerchants(t.client, [shop.id]);
    const open = await requestAt(shop.id, lucas.id, 300n);
    const unpaid = await requestAt(shop.id, lucas.id, 200n);
    await t.client.payPaymentRequest({ id: open.id }, as(amina.id));
    expect(await balanceOf(shop.id)).toBe(300n);

    await t.identity.revokeVerification({ organizationId: shop.id, reason: 'The legal id is another shop’s' }, as(marc.id));
    await waitForMerchants(t.client, [shop.id], false);
    expect(await refusalOf(t.client.payPaymentRequest({ id: unpaid.id }, as(amina.id)))).toMatchObject({ code: 'merchant_not_verified' });
    expect(await t.client.getPaymentRequest({ id: unpaid.id }, as(amina.id))).toMatchObject({
      merchantVerified: false,
      merchantVerifiedAt: '',
    });
    expect(await refusalOf(requestAt(shop.id, lucas.id))).toMatchObject({ code: 'merchant_not_verified' });
    expect(
      await refusalOf(t.client.requestRedemption({ organizationId: shop.id, amountMinor: 100n, idempotencyKey: '' }, as(lucas.id))),
    ).toMatchObject({ code: 'merchant_not_verified' });
    expect(await balanceOf(shop.id)).toBe(300n);
  });

  it('holds back the approval of a redemption asked before the verification was revoked', async () => {
    const { amina, lucas, marc, odile } = t.world.people;
    const shop = await registerShop('Poissonnerie du Vieux-Port');
    await t.identity.verifyOrganization({ organizationId: shop.id }, as(marc.id));
    await waitForMerchants(t.client, [shop.id]);
    await t.client.payPaymentRequest({ id: (await requestAt(shop.id, lucas.id, 500n)).id }, as(amina.id));
    const redemption = await t.client.requestRedemption({ organizationId: shop.id, amountMinor: 500n, idempotencyKey: '' }, as(lucas.id));
    await t.identity.revokeVerification({ organizationId: shop.id, reason: 'Closed' }, as(marc.id));
    await waitForMerchants(t.client, [shop.id], false);
    expect(await refusalOf(t.client.approveRedemption({ id: redemption.id, payoutReference: 'VIR-1' }, as(odile.id)))).toMatchObject({
      code: 'merchant_not_verified',
    });
    expect(await balanceOf(shop.id)).toBe(500n);
  });

  it('keeps the newest decision whatever order the events come in', async () => {
    const organizationId = randomUUID();
    const fact = { organizationId, name: 'Café', legalId: '123456789', kind: 'merchant', territoryId: t.world.territories.marseille };
    expect(await store.keepMerchant(t.db, { ...fact, verified: false, decidedAt: new Date('2030-01-03'), version: 2 })).toBe(true);
    expect(await store.keepMerchant(t.db, { ...fact, verified: true, decidedAt: new Date('2030-01-01'), version: 1 })).toBe(false);
    expect(await store.getMerchant(t.db, organizationId)).toMatchObject({ verified: false, version: 2 });
    expect(await store.keepMerchant(t.db, { ...fact, verified: true, decidedAt: new Date('2030-01-05'), version: 3 })).toBe(true);
    expect(await store.getMerchant(t.db, organizationId)).toMatchObject({ verified: true, version: 3 });
  });
});
