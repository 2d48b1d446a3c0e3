// The currency routes as a client uses them: a payment retried with its Idempotency-Key, a merchant's
// QR payment request paid once, statements as files, the OpenAPI document describing it all, and an
// impostor named like a merchant (issue 11, finding 4) who is never paid.
import { pdfText } from '@e21/devinfra';
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { waitFor } from '@e21/devinfra';
import { callApi, createCurrencyFixtures, type CurrencyFixtures } from './currency-support.js';

let platform: Platform;
let f: CurrencyFixtures;
let amina: ReturnType<typeof callApi>;
let lucas: ReturnType<typeof callApi>;
let sam: ReturnType<typeof callApi>;
let marc: ReturnType<typeof callApi>;
const ids = { amina: '', lucas: '' };

beforeAll(async () => {
  platform = await startPlatform();
  f = await createCurrencyFixtures(platform, ['amina', 'lucas', 'sam', 'marc']);
  ids.amina = (await f.fund(f.world.people.amina.id, 120)).id; // 20.00
  amina = callApi(platform.gateway.url, await platform.tokenFor(f.world.people.amina.email));
  lucas = callApi(platform.gateway.url, await platform.tokenFor(f.world.people.lucas.email));
  sam = callApi(platform.gateway.url, await platform.tokenFor(f.world.people.sam.email));
  marc = callApi(platform.gateway.url, await platform.tokenFor(f.world.people.marc.email));
  ids.lucas = (await lucas('POST', '/v1/accounts', { currencyId: f.ecu.id })).body.id;
}, 120_000);
afterAll(async () => {
  await f?.close();
  await platform?.stop();
});

const balance = async (call: ReturnType<typeof callApi>) => (await call('GET', '/v1/wallet')).body.items[0]?.balanceMinor;

it('posts a payment retried with the same Idempotency-Key once, and refuses the key with another body', async () => {
  const key = { 'idempotency-key': 'gift-for-lucas-1' };
  const first = await amina(
    'POST',
    `/v1/accounts/${ids.amina}/payments`,
    { toAccountId: ids.lucas, amountMinor: 250, reference: 'Merci' },
    key,
  );
  const retry = await amina(
    'POST',
    `/v1/accounts/${ids.amina}/payments`,
    { toAccountId: ids.lucas, amountMinor: 250, reference: 'Merci' },
    key,
  );
  expect(first.status).toBe(201);
  expect(retry.status).toBe(201);
  expect(retry.body.id).toBe(first.body.id);
  expect(first.body).toMatchObject({ kind: 'payment', amountMinor: 250, from: { name: 'Amina Haddad' }, to: { name: 'Lucas Martin' } });
  expect(await balance(amina)).toBe(1750);
  expect(await balance(lucas)).toBe(250);
  const reused = await amina(
    'POST',
    `/v1/accounts/${ids.amina}/payments`,
    { toAccountId: ids.lucas, amountMinor: 300, reference: 'Merci' },
    key,
  );
  expect(reused.status).toBe(409);
  expect(reused.body).toMatchObject({ type: '/v1/problems/idempotency_key_reused', errors: [{ field: 'header.idempotency-key' }] });
  expect(await balance(amina)).toBe(1750);
  const history = await lucas('GET', `/v1/accounts/${ids.lucas}/history`);
  expect(history.body.items).toEqual([
    expect.objectContaining({
      kind: 'payment',
      amountMinor: 250,
      balanceAfterMinor: 250,
      reference: 'Merci',
      counterparty: expect.objectContaining({ name: 'Amina Haddad', kind: 'person' }),
    }),
  ]);
});

it('shows a payment request as a QR code of its payment URI, and lets it be paid once', async () => {
  const created = await sam('POST', `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests`, {
    amountMinor: 480,
    reference: 'Fougasse',
    expiresInMinutes: 10,
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    status: 'open',
    paymentUri: `e21pay:${created.body.id}?amount=4.80&currency=%C3%89CU-BDR`,
    organizationName: 'Boulangerie du Panier',
  });
  const qr = await amina('GET', `/v1/payment-requests/${created.body.id}/qr`);
  expect(qr.status).toBe(200);
  expect(qr.headers.get('content-type')).toContain('image/svg+xml');
  expect(qr.text).toMatch(/^<svg/);
  const opened = await amina('GET', `/v1/payment-requests/${created.body.id}`);
  expect(opened.body).toMatchObject({ amountMinor: 480, reference: 'Fougasse', status: 'open' });
  const paid = await amina('POST', `/v1/payment-requests/${created.body.id}/payment`, {});
  expect(paid.body).toMatchObject({ status: 'paid', paidByName: null });
  const again = await lucas('POST', `/v1/payment-requests/${created.body.id}/payment`, {});
  expect(again.status).toBe(409);
  expect(again.body.type).toBe('/v1/problems/request_already_paid');
  const incoming = await sam('GET', `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests?status=paid`);
  expect(incoming.body.items).toEqual([expect.objectContaining({ id: created.body.id, paidByName: 'Amina Haddad' })]);
});

it('downloads a month’s statement as CSV and as PDF in the person’s language', async () => {
  const month = new Date().toISOString().slice(0, 7);
  const csv = await amina('GET', `/v1/accounts/${ids.amina}/statements/${month}?format=csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="statement-ECU-BDR-${month}.csv"`);
  expect(csv.text).toContain(',payment,Lucas Martin,Merci,-2.50,17.50,ÉCU-BDR');
  const response = await fetch(`${platform.gateway.url}/v1/accounts/${ids.amina}/statements/${month}?lang=fr`, {
    headers: { authorization: `Bearer ${await platform.tokenFor(f.world.people.amina.email)}` },
  });
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
  expect(text).toContain('Relevé de compte');
  expect(text).toContain('Fougasse');
  expect(text).toContain('-4.80   12.70');
});

it('documents the currency routes in OpenAPI, with the Idempotency-Key of the writes that move money', async () => {
  const document = (await (await fetch(`${platform.gateway.url}/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
  };
  for (const [path, method] of [
    ['/v1/accounts/{accountId}/payments', 'post'],
    ['/v1/organizations/{organizationId}/payment-requests', 'post'],
    ['/v1/organizations/{organizationId}/redemptions', 'post'],
  ] as const) {
    expect(document.paths[path]?.[method]?.parameters.map((p) => p.name)).toContain('Idempotency-Key');
  }
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining([
      '/v1/wallet',
      '/v1/currencies/{currencyId}/supply',
      '/v1/redemptions/{redemptionId}/approval',
      '/v1/territories/{territoryId}/currency',
    ]),
  );
});

describe('merchant impersonation (issue 11, finding 4)', () => {
  /** Until currency holds the organization's verification as `verified`, through identity's events. */
  const currencyKnows = (organizationId: string, verified: boolean) =>
    waitFor(
      async () => ((await amina('GET', `/v1/organizations/${organizationId}/merchant`)).body?.verified === verified ? true : undefined),
      { what: `verified = ${verified}`, timeoutMs: 20_000 },
    );

  it('never pays an organization registered under a merchant’s name, until an officer verifies it; payers see who they pay; a revocation stops it again', async () => {
    const boulangerie = (await amina('GET', `/v1/organizations/${f.world.organizations.boulangerie}`)).body;
    // The impostor cannot borrow the legal id the payers will see...
    const sameLegalId = await lucas('POST', '/v1/organizations', {
      name: 'Boulangerie du Panier',
      kind: 'merchant',
      legalId: boulangerie.legalId,
      territoryId: f.world.territories.marseille,
    });
    expect(sameLegalId.status).toBe(409);
    // ...and under its own one it is registered, but not verified: no request, no payment.
    const impostor = (
      await lucas('POST', '/v1/organizations', {
        name: 'Boulangerie du Panier',
        kind: 'merchant',
        legalId: '999888777',
        territoryId: f.world.territories.marseille,
      })
    ).body;
    expect(impostor.verification).toEqual({ status: 'unverified', decidedAt: null, decidedByName: null, revocationReason: null });
    const refused = await lucas('POST', `/v1/organizations/${impostor.id}/payment-requests`, { amountMinor: 450, reference: 'Pain' });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/v1/problems/merchant_not_verified');
    const account = await lucas('POST', '/v1/accounts', { currencyId: f.ecu.id, organizationId: impostor.id });
    expect(account.status).toBe(201);
    const paid = await amina('POST', `/v1/accounts/${ids.amina}/payments`, {
      toAccountId: account.body.id,
      amountMinor: 100,
      reference: 'Pain',
    });
    expect(paid.status).toBe(409);
    expect(paid.body.type).toBe('/v1/problems/merchant_not_verified');
    expect((await amina('GET', `/v1/organizations/${impostor.id}/merchant`)).status).toBe(404);

    // The real boulangerie's request shows its legal id and the verified mark.
    const real = await sam('POST', `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests`, {
      amountMinor: 120,
      reference: 'Baguette',
    });
    const seen = await amina('GET', `/v1/payment-requests/${real.body.id}`);
    expect(seen.body).toMatchObject({
      organizationName: 'Boulangerie du Panier',
      merchant: { legalId: boulangerie.legalId, verified: true },
    });

    // Marc, officer of Marseille, checks the impostor's papers and verifies it: it is a real shop after all.
    const verified = await marc('POST', `/v1/organizations/${impostor.id}/verification`, {});
    expect(verified.status).toBe(200);
    expect(verified.body.verification).toMatchObject({ status: 'verified', decidedByName: 'Marc Rossi' });
    await currencyKnows(impostor.id, true);
    const request = await lucas('POST', `/v1/organizations/${impostor.id}/payment-requests`, { amountMinor: 200, reference: 'Pain' });
    expect(request.status).toBe(201);
    expect(request.body.merchant).toMatchObject({ legalId: '999888777', verified: true });
    const open = await lucas('POST', `/v1/organizations/${impostor.id}/payment-requests`, { amountMinor: 300, reference: 'Gâteau' });
    expect((await amina('POST', `/v1/payment-requests/${request.body.id}/payment`, {})).status).toBe(200);

    // Then its verification is revoked: the open request shows it and cannot be paid.
    const revoked = await marc('POST', `/v1/organizations/${impostor.id}/verification/revocation`, { reason: 'The shop closed' });
    expect(revoked.body.verification).toMatchObject({ status: 'revoked', revocationReason: 'The shop closed' });
    await currencyKnows(impostor.id, false);
    expect((await amina('GET', `/v1/payment-requests/${open.body.id}`)).body.merchant).toEqual({
      legalId: '999888777',
      verified: false,
      verifiedAt: null,
    });
    const afterRevocation = await amina('POST', `/v1/payment-requests/${open.body.id}/payment`, {});
    expect(afterRevocation.status).toBe(409);
    expect(afterRevocation.body.type).toBe('/v1/problems/merchant_not_verified');
    expect((await lucas('POST', `/v1/organizations/${impostor.id}/payment-requests`, { amountMinor: 100, reference: 'Pain' })).status).toBe(
      409,
    );
  });

  it('shows anyone whether an organization is verified, but who revoked it and why only to the officers', async () => {
    const shop = (
      await lucas('POST', '/v1/organizations', {
        name: 'Épicerie des Goudes',
        kind: 'merchant',
        legalId: '999888111',
        territoryId: f.world.territories.marseille,
      })
    ).body;
    await marc('POST', `/v1/organizations/${shop.id}/verification`, {});
    await marc('POST', `/v1/organizations/${shop.id}/verification/revocation`, { reason: 'Wrong address' });
    expect((await amina('GET', `/v1/organizations/${shop.id}`)).body.verification).toMatchObject({
      status: 'revoked',
      decidedByName: null,
      revocationReason: null,
    });
    expect((await marc('GET', `/v1/organizations/${shop.id}`)).body.verification).toMatchObject({
      status: 'revoked',
      decidedByName: 'Marc Rossi',
      revocationReason: 'Wrong address',
    });
    const queue = await marc('GET', `/v1/organization-verifications?territoryId=${f.world.territories.marseille}&kind=merchant`);
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(shop.id);
    expect(queue.body.items.map((o: { id: string }) => o.id)).not.toContain(f.world.organizations.boulangerie);
  });
});
