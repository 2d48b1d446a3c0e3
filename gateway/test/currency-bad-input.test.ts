// Bad input on every currency write route (negative, zero, fractional and huge amounts, unknown
// accounts, other currencies, malformed ids, keys and fields) gets a 4xx problem naming the field,
// and changes nothing.
import { toProtoEnum } from '@e21/kit';
import { OwnerKind } from '@e21/proto/e21/currency/v1/currency';
import type { OrganizationKind } from '@e21/proto/e21/identity/v1/identity';
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { as, callApi, createCurrencyFixtures, SYSTEM, waitForMerchants, type CurrencyFixtures } from './currency-support.js';

let platform: Platform;
let f: CurrencyFixtures;
let person: ReturnType<typeof callApi>;
let merchant: ReturnType<typeof callApi>;
let treasurer: ReturnType<typeof callApi>;
const ids = {
  amina: '',
  aminaVar: '',
  lucas: '',
  till: '',
  open: '',
  expired: '',
  paid: '',
  approved: '',
  waiting: '',
  varCurrency: '',
  montpellierShop: '',
};
const NOBODY = '00000000-0000-4000-8000-000000000000';
let before: unknown;

/** What the bad requests must leave as it was. */
async function snapshot() {
  const account = async (id: string) => {
    const { body } = await (id === ids.till ? merchant : person)('GET', `/v1/accounts/${id}/history?limit=200`);
    return { balance: body.account.balanceMinor, pending: body.account.pendingRedemptionMinor, entries: body.items.length };
  };
  const supply = (await treasurer('GET', `/v1/currencies/${f.ecu.id}/supply`)).body;
  const requests = (await merchant('GET', `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests`)).body.items.map(
    (r: { id: string; status: string }) => [r.id, r.status],
  );
  const redemptions = (await merchant('GET', `/v1/organizations/${f.world.organizations.boulangerie}/redemptions`)).body.items.map(
    (r: { id: string; status: string; payoutReference: string }) => [r.id, r.status, r.payoutReference],
  );
  const currencies = (await person('GET', '/v1/currencies')).body.items.map(
    (c: { code: string; version: number; ratePerHourMinor: number }) => [c.code, c.version, c.ratePerHourMinor],
  );
  const wallets = {
    amina: (await person('GET', '/v1/wallet')).body.items.length,
    isabelle: (await merchant('GET', '/v1/wallet')).body.items.length,
  };
  return {
    amina: await account(ids.amina),
    till: await account(ids.till),
    supply: { ...supply, health: { ...supply.health, checkedAt: '' } },
    requests,
    redemptions,
    currencies,
    wallets,
  };
}

beforeAll(async () => {
  platform = await startPlatform();
  f = await createCurrencyFixtures(platform, ['amina', 'isabelle', 'odile']);
  const { amina, lucas, isabelle, odile, victor } = f.world.people;
  ids.amina = (await f.fund(amina.id, 120)).id; // 20.00
  ids.lucas = (
    await f.client.openAccount({ ownerKind: OwnerKind.OWNER_KIND_PERSON, ownerId: lucas.id, currencyId: f.ecu.id }, as(lucas.id))
  ).id;
  const varCurrency = await f.client.configureCurrency(
    {
      territoryId: f.world.territories.var,
      code: 'FRV',
      name: 'Franc varois',
      minorUnits: 2,
      ratePerHourMinor: 900n,
      redemptionFeeBasisPoints: 300,
      expectedVersion: undefined,
    },
    as(victor.id),
  );
  ids.varCurrency = varCurrency.id;
  ids.aminaVar = (
    await f.client.openAccount({ ownerKind: OwnerKind.OWNER_KIND_PERSON, ownerId: amina.id, currencyId: varCurrency.id }, as(amina.id))
  ).id;
  // Montpellier (in the shared territory tree) has no currency: Isabelle runs a shop there too.
  const { montpellier } = f.world.territories;
  ids.montpellierShop = (
    await platform.identityClient.createOrganization(
      {
        name: 'Halles Castellane',
        kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', 'merchant'),
        legalId: 'M-34172-1',
        territoryId: montpellier,
      },
      as(isabelle.id),
    )
  ).id;
  // Verified, so that its request is refused for want of a currency, not of a verification.
  await platform.identityClient.verifyOrganization({ organizationId: ids.montpellierShop }, SYSTEM);
  await waitForMerchants(f.client, [ids.montpellierShop]);
  // A request paid by Lucas, one left open, one expired; the till then holds 10.00.
  await f.fund(lucas.id, 60);
  const paid = await f.paymentRequest(1000n);
  await f.client.payPaymentRequest({ id: paid.id }, as(lucas.id));
  ids.paid = paid.id;
  ids.open = (await f.paymentRequest(300n)).id;
  ids.expired = (await f.paymentRequest(200n)).id;
  await platform.services.currency!.pool.query(`update payment_requests set expires_at = now() - interval '1 minute' where id = $1`, [
    ids.expired,
  ]);
  ids.till = (
    await f.client.listAccounts({ ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: f.world.organizations.boulangerie }, SYSTEM)
  ).accounts[0]!.id;
  // One redemption approved, one waiting (2.00 of the 10.00 reserved).
  const approved = await f.redemption(100n);
  await f.client.approveRedemption({ id: approved.id, payoutReference: 'VIR-1' }, as(odile.id));
  ids.approved = approved.id;
  ids.waiting = (await f.redemption(200n)).id;
  // A payment under a key, so that the key's reuse with another body can be tried.
  await f.client.pay(
    { fromAccountId: ids.amina, toAccountId: ids.lucas, amountMinor: 100n, reference: 'Jardin', idempotencyKey: 'garden-2030-05' },
    as(amina.id),
  );
  const tokenOf = (email: string) => platform.tokenFor(email);
  person = callApi(platform.gateway.url, await tokenOf(amina.email));
  merchant = callApi(platform.gateway.url, await tokenOf(isabelle.email));
  treasurer = callApi(platform.gateway.url, await tokenOf(odile.email));
  before = await snapshot();
}, 180_000);
afterAll(async () => {
  await f?.close();
  await platform?.stop();
});

type Caller = 'person' | 'merchant' | 'treasurer';
type Case = [
  what: string,
  caller: Caller,
  method: string,
  path: () => string,
  body: unknown,
  headers: Record<string, string>,
  status: number,
  field: string | undefined,
];

const pay = (body: Record<string, unknown>) => ({ toAccountId: ids.lucas, amountMinor: 100, ...body });
const ecu = (body: Record<string, unknown> = {}) => ({
  code: 'ÉCU-BDR',
  name: 'Écu des Bouches-du-Rhône',
  minorUnits: 2,
  ratePerHourMinor: 1000,
  redemptionFeeBasisPoints: 500,
  ...body,
});
const IF_1 = { 'if-match': '"1"' };
const payments = () => `/v1/accounts/${ids.amina}/payments`;
const requests = () => `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests`;
const redemptions = () => `/v1/organizations/${f.world.organizations.boulangerie}/redemptions`;
const bdrCurrency = () => `/v1/territories/${f.world.territories.bouchesDuRhone}/currency`;

const cases: Case[] = [
  // Payments
  ['malformed JSON', 'person', 'POST', payments, '{"toAccountId": ', {}, 400, undefined],
  ['a negative amount', 'person', 'POST', payments, () => pay({ amountMinor: -100 }), {}, 400, 'body.amountMinor'],
  ['a zero amount', 'person', 'POST', payments, () => pay({ amountMinor: 0 }), {}, 400, 'body.amountMinor'],
  ['a fractional amount', 'person', 'POST', payments, () => pay({ amountMinor: 12.5 }), {}, 400, 'body.amountMinor'],
  ['a huge amount', 'person', 'POST', payments, () => pay({ amountMinor: 1e15 }), {}, 400, 'body.amountMinor'],
  [
    'an amount beyond what a number holds exactly',
    'person',
    'POST',
    payments,
    '{"toAccountId": "00000000-0000-4000-8000-000000000000", "amountMinor": 123456789012345678901234567890}',
    {},
    400,
    'body.amountMinor',
  ],
  ['an amount as a string', 'person', 'POST', payments, () => pay({ amountMinor: '100' }), {}, 400, 'body.amountMinor'],
  ['an amount beyond the balance', 'person', 'POST', payments, () => pay({ amountMinor: 100_000 }), {}, 409, 'body.amountMinor'],
  ['an account that does not exist', 'person', 'POST', payments, () => pay({ toAccountId: NOBODY }), {}, 400, 'body.toAccountId'],
  ['an account of another currency', 'person', 'POST', payments, () => pay({ toAccountId: ids.aminaVar }), {}, 400, 'body.toAccountId'],
  ['the paying account itself', 'person', 'POST', payments, () => pay({ toAccountId: ids.amina }), {}, 400, 'body.toAccountId'],
  ['the issuance account', 'person', 'POST', payments, () => pay({ toAccountId: f.ecu.issuanceAccountId }), {}, 400, 'body.toAccountId'],
  ['an account id that is not a UUID', 'person', 'POST', payments, () => pay({ toAccountId: 'lucas' }), {}, 400, 'body.toAccountId'],
  ['a missing amount', 'person', 'POST', payments, () => ({ toAccountId: ids.lucas }), {}, 400, 'body.amountMinor'],
  ['an unknown field', 'person', 'POST', payments, () => pay({ tip: 5 }), {}, 400, 'body.tip'],
  ['an overlong reference', 'person', 'POST', payments, () => pay({ reference: 'x'.repeat(141) }), {}, 400, 'body.reference'],
  ['a reference with a control character', 'person', 'POST', payments, () => pay({ reference: 'a\u0007b' }), {}, 400, 'body.reference'],
  [
    'a malformed Idempotency-Key',
    'person',
    'POST',
    payments,
    () => pay({}),
    { 'idempotency-key': 'not a key!' },
    400,
    'header.idempotency-key',
  ],
  [
    'an Idempotency-Key reused with another amount',
    'person',
    'POST',
    payments,
    () => pay({ amountMinor: 101, reference: 'Jardin' }),
    { 'idempotency-key': 'garden-2030-05' },
    409,
    'header.idempotency-key',
  ],
  [
    'a paying account id that is not a UUID',
    'person',
    'POST',
    () => '/v1/accounts/mine/payments',
    () => pay({}),
    {},
    400,
    'params.accountId',
  ],
  [
    'a paying account that does not exist (no different from another’s)',
    'person',
    'POST',
    () => `/v1/accounts/${NOBODY}/payments`,
    () => pay({}),
    {},
    403,
    undefined,
  ],
  // Opening accounts
  ['a currency that does not exist', 'person', 'POST', () => '/v1/accounts', { currencyId: NOBODY }, {}, 400, 'body.currencyId'],
  ['a currency id that is not a UUID', 'person', 'POST', () => '/v1/accounts', { currencyId: 'ÉCU-BDR' }, {}, 400, 'body.currencyId'],
  [
    'an organization account in another currency than its place’s',
    'merchant',
    'POST',
    () => '/v1/accounts',
    () => ({ currencyId: ids.varCurrency, organizationId: f.world.organizations.boulangerie }),
    {},
    400,
    'body.currencyId',
  ],
  // Payment requests
  ['a request of a zero amount', 'merchant', 'POST', requests, { amountMinor: 0 }, {}, 400, 'body.amountMinor'],
  ['a request of a negative amount', 'merchant', 'POST', requests, { amountMinor: -3 }, {}, 400, 'body.amountMinor'],
  ['a request of a fractional amount', 'merchant', 'POST', requests, { amountMinor: 0.5 }, {}, 400, 'body.amountMinor'],
  ['a request of a huge amount', 'merchant', 'POST', requests, { amountMinor: 1e12 }, {}, 400, 'body.amountMinor'],
  ['a request expiring at once', 'merchant', 'POST', requests, { amountMinor: 100, expiresInMinutes: 0 }, {}, 400, 'body.expiresInMinutes'],
  [
    'a request expiring in more than a week',
    'merchant',
    'POST',
    requests,
    { amountMinor: 100, expiresInMinutes: 7 * 24 * 60 + 1 },
    {},
    400,
    'body.expiresInMinutes',
  ],
  [
    'a request where no currency applies',
    'merchant',
    'POST',
    () => `/v1/organizations/${ids.montpellierShop}/payment-requests`,
    { amountMinor: 100 },
    {},
    409,
    undefined,
  ],
  [
    'a request of an organization id that is not a UUID',
    'merchant',
    'POST',
    () => '/v1/organizations/boulangerie/payment-requests',
    { amountMinor: 100 },
    {},
    400,
    'params.organizationId',
  ],
  [
    'a request of an organization that does not exist',
    'merchant',
    'POST',
    () => `/v1/organizations/${NOBODY}/payment-requests`,
    { amountMinor: 100 },
    {},
    403,
    undefined,
  ],
  [
    'a request of an organization no officer verified',
    'merchant',
    'POST',
    () => `/v1/organizations/${f.world.organizations.jardins}/payment-requests`,
    { amountMinor: 100 },
    {},
    409,
    undefined,
  ],
  [
    'the merchant of an organization id that is not a UUID',
    'person',
    'GET',
    () => '/v1/organizations/boulangerie/merchant',
    undefined,
    {},
    400,
    'params.organizationId',
  ],
  [
    'the merchant of an organization no officer verified (no different from one that does not exist)',
    'person',
    'GET',
    () => `/v1/organizations/${f.world.organizations.jardins}/merchant`,
    undefined,
    {},
    404,
    undefined,
  ],
  // Paying a request
  ['paying a request id that is not a UUID', 'person', 'POST', () => '/v1/payment-requests/r-1/payment', {}, {}, 400, 'params.requestId'],
  ['paying a request that does not exist', 'person', 'POST', () => `/v1/payment-requests/${NOBODY}/payment`, {}, {}, 404, undefined],
  ['paying an expired request', 'person', 'POST', () => `/v1/payment-requests/${ids.expired}/payment`, {}, {}, 409, undefined],
  ['paying a request someone already paid', 'person', 'POST', () => `/v1/payment-requests/${ids.paid}/payment`, {}, {}, 409, undefined],
  [
    'paying a request with a body',
    'person',
    'POST',
    () => `/v1/payment-requests/${ids.open}/payment`,
    { amountMinor: 1 },
    {},
    400,
    'body.amountMinor',
  ],
  // Redemptions
  ['a redemption of a zero amount', 'merchant', 'POST', redemptions, { amountMinor: 0 }, {}, 400, 'body.amountMinor'],
  ['a redemption of a negative amount', 'merchant', 'POST', redemptions, { amountMinor: -100 }, {}, 400, 'body.amountMinor'],
  ['a redemption of a fractional amount', 'merchant', 'POST', redemptions, { amountMinor: 99.99 }, {}, 400, 'body.amountMinor'],
  ['a redemption of a huge amount', 'merchant', 'POST', redemptions, { amountMinor: 1e13 }, {}, 400, 'body.amountMinor'],
  [
    'a redemption of more than is available (balance less what waits)',
    'merchant',
    'POST',
    redemptions,
    { amountMinor: 701 },
    {},
    409,
    'body.amountMinor',
  ],
  [
    'a redemption for an association',
    'merchant',
    'POST',
    () => `/v1/organizations/${f.world.organizations.jardins}/redemptions`,
    { amountMinor: 1 },
    {},
    403,
    undefined,
  ],
  [
    'an approval without a payout reference',
    'treasurer',
    'POST',
    () => `/v1/redemptions/${ids.waiting}/approval`,
    {},
    {},
    400,
    'body.payoutReference',
  ],
  [
    'an approval with an overlong payout reference',
    'treasurer',
    'POST',
    () => `/v1/redemptions/${ids.waiting}/approval`,
    { payoutReference: 'V'.repeat(101) },
    {},
    400,
    'body.payoutReference',
  ],
  [
    'an approval of a redemption id that is not a UUID',
    'treasurer',
    'POST',
    () => '/v1/redemptions/12/approval',
    { payoutReference: 'VIR-2' },
    {},
    400,
    'params.redemptionId',
  ],
  [
    'an approval of a redemption that does not exist',
    'treasurer',
    'POST',
    () => `/v1/redemptions/${NOBODY}/approval`,
    { payoutReference: 'VIR-2' },
    {},
    404,
    undefined,
  ],
  [
    'a second approval with another payout reference',
    'treasurer',
    'POST',
    () => `/v1/redemptions/${ids.approved}/approval`,
    { payoutReference: 'VIR-2' },
    {},
    409,
    undefined,
  ],
  [
    'a rejection of an approved redemption',
    'treasurer',
    'POST',
    () => `/v1/redemptions/${ids.approved}/rejection`,
    { reason: 'late' },
    {},
    409,
    undefined,
  ],
  [
    'a rejection without a reason',
    'treasurer',
    'POST',
    () => `/v1/redemptions/${ids.waiting}/rejection`,
    { reason: '   ' },
    {},
    400,
    'body.reason',
  ],
  // Currency settings
  ['a lower-case code', 'treasurer', 'PUT', bdrCurrency, ecu({ code: 'écu' }), IF_1, 400, 'body.code'],
  ['three decimals', 'treasurer', 'PUT', bdrCurrency, ecu({ minorUnits: 3 }), IF_1, 400, 'body.minorUnits'],
  ['a fee over half', 'treasurer', 'PUT', bdrCurrency, ecu({ redemptionFeeBasisPoints: 5001 }), IF_1, 400, 'body.redemptionFeeBasisPoints'],
  ['a zero rate', 'treasurer', 'PUT', bdrCurrency, ecu({ ratePerHourMinor: 0 }), IF_1, 400, 'body.ratePerHourMinor'],
  ['a fractional rate', 'treasurer', 'PUT', bdrCurrency, ecu({ ratePerHourMinor: 10.5 }), IF_1, 400, 'body.ratePerHourMinor'],
  ['a change without If-Match', 'treasurer', 'PUT', bdrCurrency, ecu({ ratePerHourMinor: 1200 }), {}, 400, 'header.if-match'],
  ['a change on a stale version', 'treasurer', 'PUT', bdrCurrency, ecu({ ratePerHourMinor: 1200 }), { 'if-match': '"9"' }, 412, undefined],
  ['a change of the code', 'treasurer', 'PUT', bdrCurrency, ecu({ code: 'ECU' }), IF_1, 409, 'body.code'],
  ['a change of the minor units', 'treasurer', 'PUT', bdrCurrency, ecu({ minorUnits: 0 }), IF_1, 409, 'body.minorUnits'],
  [
    'a currency under a territory that has one',
    'treasurer',
    'PUT',
    () => `/v1/territories/${f.world.territories.marseille}/currency`,
    ecu({ code: 'MRS' }),
    {},
    409,
    'params.territoryId',
  ],
  ['a territory id that is not a UUID', 'treasurer', 'PUT', () => '/v1/territories/13055/currency', ecu(), {}, 400, 'params.territoryId'],
  ['an unknown field in the settings', 'treasurer', 'PUT', bdrCurrency, ecu({ demurrage: 2 }), IF_1, 400, 'body.demurrage'],
  // Reading
  [
    'a forged history cursor',
    'person',
    'GET',
    () => `/v1/accounts/${ids.amina}/history?cursor=bm90LWEtY3Vyc29y`,
    undefined,
    {},
    400,
    'query.cursor',
  ],
  ['a history limit out of range', 'person', 'GET', () => `/v1/accounts/${ids.amina}/history?limit=0`, undefined, {}, 400, 'query.limit'],
  [
    'a statement of a month that does not exist',
    'person',
    'GET',
    () => `/v1/accounts/${ids.amina}/statements/2030-13`,
    undefined,
    {},
    400,
    'params.month',
  ],
  [
    'a statement in an unknown format',
    'person',
    'GET',
    () => `/v1/accounts/${ids.amina}/statements/2030-05?format=xlsx`,
    undefined,
    {},
    400,
    'query.format',
  ],
  ['a request status that does not exist', 'merchant', 'GET', () => `${requests()}?status=lost`, undefined, {}, 400, 'query.status'],
  ['a forged requests cursor', 'merchant', 'GET', () => `${requests()}?cursor=WyJ4Il0`, undefined, {}, 400, 'query.cursor'],
];

describe('bad input on currency routes', () => {
  it.each(cases)('refuses %s with a problem naming the field', async (_what, caller, method, path, body, headers, status, field) => {
    const call = { person, merchant, treasurer }[caller];
    const response = await call(method, path(), typeof body === 'function' ? body() : body, headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status }));
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toMatch(/^\/v1\/problems\/[a-z_]+$/);
    expect(response.body.title).toEqual(expect.any(String));
    if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('changed nothing: balances, histories, requests, redemptions, supply and settings are as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
