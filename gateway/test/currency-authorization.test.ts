// Every gateway route of currency, called by anonymous, a person and another person, the merchant's
// admin and clerk, another merchant's admin, the treasury officer of Bouches-du-Rhône, the treasury
// officer of Var and an Engagement 21 officer: nobody reads or moves money on another's account, and
// treasury actions are for the treasury officers of the currency's territory only.
import { randomUUID } from 'node:crypto';
import { allRoutes } from '@e21/gateway/app';
import { OwnerKind } from '@e21/proto/e21/currency/v1/currency';
import { startPlatform, type Platform } from '../../tests/support/platform.js';
import { as, callApi, createCurrencyFixtures, SYSTEM, walletOf, type CurrencyFixtures, type PersonKey } from './currency-support.js';

const ROLES = [
  'anonymous',
  'person',
  'otherPerson',
  'merchant',
  'clerk',
  'otherMerchant',
  'treasurer',
  'otherTreasurer',
  'officer',
] as const;
type Role = (typeof ROLES)[number];
const CURRENCY_TAGS = ['currencies', 'wallet', 'till', 'treasury'];
const WHO: Record<Exclude<Role, 'anonymous'>, PersonKey> = {
  person: 'amina',
  otherPerson: 'lucas',
  merchant: 'isabelle',
  clerk: 'sam',
  otherMerchant: 'thomas',
  treasurer: 'odile',
  otherTreasurer: 'victor',
  officer: 'marc',
};

let platform: Platform;
let f: CurrencyFixtures;
const tokens = {} as Record<Role, string | undefined>;
const ids = { amina: '', lucas: '', till: '' };

const ANYONE = randomUUID();
/** The anonymous caller is refused before anything is looked up: its rows need no fixture. */
const fixture = async (role: Role, make: () => Promise<string>) => (role === 'anonymous' ? ANYONE : make());
const month = () => new Date().toISOString().slice(0, 7);

type Expect = [
  anonymous: number,
  person: number,
  otherPerson: number,
  merchant: number,
  clerk: number,
  otherMerchant: number,
  treasurer: number,
  otherTreasurer: number,
  officer: number,
];

interface Case {
  method: string;
  route: string;
  what: string;
  request(role: Role): Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  expect: Expect;
}

const EVERYONE: Expect = [401, 200, 200, 200, 200, 200, 200, 200, 200];
const TREASURER: Expect = [401, 403, 403, 403, 403, 403, 200, 403, 403];
const AMINA_ONLY: Expect = [401, 200, 403, 403, 403, 403, 403, 403, 403];
const TILL_MEMBERS: Expect = [401, 403, 403, 200, 200, 403, 403, 403, 403];

const cases: Case[] = [
  {
    method: 'GET',
    route: '/v1/currencies',
    what: 'list the currencies',
    request: async () => ({ path: '/v1/currencies' }),
    expect: EVERYONE,
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/merchant',
    what: 'check that the boulangerie is a verified merchant',
    request: async () => ({ path: `/v1/organizations/${f.world.organizations.boulangerie}/merchant` }),
    expect: EVERYONE,
  },
  {
    method: 'GET',
    route: '/v1/territories/:territoryId/currency',
    what: 'read the currency of Marseille',
    request: async () => ({ path: `/v1/territories/${f.world.territories.marseille}/currency` }),
    expect: EVERYONE,
  },
  {
    method: 'PUT',
    route: '/v1/territories/:territoryId/currency',
    what: 'change the rate of the Bouches-du-Rhône currency',
    async request() {
      const current = await f.client.getCurrency({ id: f.ecu.id }, SYSTEM);
      return {
        path: `/v1/territories/${f.world.territories.bouchesDuRhone}/currency`,
        body: {
          code: current.code,
          name: current.name,
          minorUnits: current.minorUnits,
          ratePerHourMinor: 1000,
          redemptionFeeBasisPoints: 500,
        },
        headers: { 'if-match': `"${current.version}"` },
      };
    },
    expect: TREASURER,
  },
  {
    method: 'GET',
    route: '/v1/currencies/:currencyId/supply',
    what: 'read the supply and health figures',
    request: async () => ({ path: `/v1/currencies/${f.ecu.id}/supply` }),
    expect: TREASURER,
  },
  {
    method: 'GET',
    route: '/v1/currencies/:currencyId/redemptions',
    what: 'read the redemptions of the currency',
    request: async () => ({ path: `/v1/currencies/${f.ecu.id}/redemptions?status=requested` }),
    expect: TREASURER,
  },
  { method: 'GET', route: '/v1/wallet', what: 'read my wallet', request: async () => ({ path: '/v1/wallet' }), expect: EVERYONE },
  {
    method: 'POST',
    route: '/v1/accounts',
    what: 'open my own account',
    request: async () => ({ path: '/v1/accounts', body: { currencyId: f.ecu.id } }),
    expect: [401, 201, 201, 201, 201, 201, 201, 201, 201],
  },
  {
    method: 'POST',
    route: '/v1/accounts',
    what: 'open the boulangerie’s account',
    request: async () => ({ path: '/v1/accounts', body: { currencyId: f.ecu.id, organizationId: f.world.organizations.boulangerie } }),
    expect: [401, 403, 403, 201, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/accounts/:accountId',
    what: 'read Amina’s account',
    request: async () => ({ path: `/v1/accounts/${ids.amina}` }),
    expect: AMINA_ONLY,
  },
  {
    method: 'GET',
    route: '/v1/accounts/:accountId',
    what: 'read the boulangerie’s account',
    request: async () => ({ path: `/v1/accounts/${ids.till}` }),
    expect: TILL_MEMBERS,
  },
  {
    method: 'GET',
    route: '/v1/accounts/:accountId/history',
    what: 'read Amina’s history',
    request: async () => ({ path: `/v1/accounts/${ids.amina}/history` }),
    expect: AMINA_ONLY,
  },
  {
    method: 'GET',
    route: '/v1/accounts/:accountId/history',
    what: 'read the boulangerie’s history',
    request: async () => ({ path: `/v1/accounts/${ids.till}/history` }),
    expect: TILL_MEMBERS,
  },
  {
    method: 'GET',
    route: '/v1/accounts/:accountId/statements/:month',
    what: 'download Amina’s statement',
    request: async () => ({ path: `/v1/accounts/${ids.amina}/statements/${month()}?format=csv` }),
    expect: AMINA_ONLY,
  },
  {
    method: 'POST',
    route: '/v1/accounts/:accountId/payments',
    what: 'pay 0.01 from Amina’s account to Lucas',
    request: async () => ({ path: `/v1/accounts/${ids.amina}/payments`, body: { toAccountId: ids.lucas, amountMinor: 1 } }),
    expect: [401, 201, 403, 403, 403, 403, 403, 403, 403],
  },
  {
    method: 'POST',
    route: '/v1/accounts/:accountId/payments',
    what: 'pay 0.01 from the boulangerie’s account to Amina (its admin only)',
    request: async () => ({ path: `/v1/accounts/${ids.till}/payments`, body: { toAccountId: ids.amina, amountMinor: 1 } }),
    expect: [401, 403, 403, 201, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/transfers/:transferId',
    what: 'read a payment from Amina to Lucas',
    request: async (role) => ({
      path: `/v1/transfers/${await fixture(role, async () => (await f.client.pay({ fromAccountId: ids.amina, toAccountId: ids.lucas, amountMinor: 1n, reference: '', idempotencyKey: '' }, as(f.world.people.amina.id))).id)}`,
    }),
    expect: [401, 200, 200, 403, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/accounts',
    what: 'read the boulangerie’s accounts',
    request: async () => ({ path: `/v1/organizations/${f.world.organizations.boulangerie}/accounts` }),
    expect: TILL_MEMBERS,
  },
  {
    method: 'POST',
    route: '/v1/organizations/:organizationId/payment-requests',
    what: 'ask for a payment at the boulangerie’s till',
    request: async () => ({
      path: `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests`,
      body: { amountMinor: 450, reference: 'Baguette' },
    }),
    expect: [401, 403, 403, 201, 201, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/payment-requests',
    what: 'list the till’s payment requests',
    request: async () => ({ path: `/v1/organizations/${f.world.organizations.boulangerie}/payment-requests` }),
    expect: TILL_MEMBERS,
  },
  {
    method: 'GET',
    route: '/v1/payment-requests/:requestId',
    what: 'open a payment request by its id',
    request: async (role) => ({ path: `/v1/payment-requests/${await fixture(role, async () => (await f.paymentRequest(100n)).id)}` }),
    expect: EVERYONE,
  },
  {
    method: 'GET',
    route: '/v1/payment-requests/:requestId/qr',
    what: 'show a payment request’s QR code',
    request: async (role) => ({ path: `/v1/payment-requests/${await fixture(role, async () => (await f.paymentRequest(100n)).id)}/qr` }),
    expect: EVERYONE,
  },
  {
    method: 'POST',
    route: '/v1/payment-requests/:requestId/payment',
    what: 'pay a payment request (from one’s own account: only Amina and Lucas hold money)',
    request: async (role) => ({
      path: `/v1/payment-requests/${await fixture(role, async () => (await f.paymentRequest(1n)).id)}/payment`,
      body: {},
    }),
    expect: [401, 200, 200, 409, 409, 409, 409, 409, 409],
  },
  {
    method: 'POST',
    route: '/v1/organizations/:organizationId/redemptions',
    what: 'ask to redeem 0.01 of the boulangerie’s balance',
    request: async () => ({ path: `/v1/organizations/${f.world.organizations.boulangerie}/redemptions`, body: { amountMinor: 1 } }),
    expect: [401, 403, 403, 201, 403, 403, 403, 403, 403],
  },
  {
    method: 'GET',
    route: '/v1/organizations/:organizationId/redemptions',
    what: 'list the boulangerie’s redemptions',
    request: async () => ({ path: `/v1/organizations/${f.world.organizations.boulangerie}/redemptions` }),
    expect: TILL_MEMBERS,
  },
  {
    method: 'POST',
    route: '/v1/redemptions/:redemptionId/approval',
    what: 'approve a redemption',
    request: async (role) => ({
      path: `/v1/redemptions/${await fixture(role, async () => (await f.redemption(1n)).id)}/approval`,
      body: { payoutReference: `VIR-${role}` },
    }),
    expect: TREASURER,
  },
  {
    method: 'POST',
    route: '/v1/redemptions/:redemptionId/rejection',
    what: 'reject a redemption',
    request: async (role) => ({
      path: `/v1/redemptions/${await fixture(role, async () => (await f.redemption(1n)).id)}/rejection`,
      body: { reason: 'Bank details missing' },
    }),
    expect: TREASURER,
  },
];

beforeAll(async () => {
  platform = await startPlatform();
  f = await createCurrencyFixtures(platform, Object.values(WHO));
  const { amina, lucas, isabelle } = f.world.people;
  ids.amina = (await f.fund(amina.id, 120)).id; // 20.00
  ids.lucas = (await f.fund(lucas.id, 60)).id; // 10.00
  // Amina buys 5.00 of bread: the boulangerie's account opens and holds money to redeem and pay.
  await f.client.payPaymentRequest({ id: (await f.paymentRequest(500n)).id }, as(amina.id));
  const { accounts } = await f.client.listAccounts(
    { ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: f.world.organizations.boulangerie },
    as(isabelle.id),
  );
  ids.till = accounts[0]!.id;
  tokens.anonymous = undefined;
  for (const role of ROLES.slice(1) as Exclude<Role, 'anonymous'>[])
    tokens[role] = await platform.tokenFor(f.world.people[WHO[role]].email);
}, 180_000);
afterAll(async () => {
  await f?.close();
  await platform?.stop();
});

describe('who may call each currency route', () => {
  it('has a row for every currency route the gateway serves', () => {
    const served = allRoutes({} as never)
      .filter((route) => CURRENCY_TAGS.includes(route.tag))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort();
    expect([...new Set(cases.map((c) => `${c.method} ${c.route}`))].sort()).toEqual(served);
  });

  const rows = cases.flatMap((c) => ROLES.map((role, index) => [c.method, c.route, c.what, role, c.expect[index]!, c] as const));
  it.each(rows)('%s %s (%s) as %s answers %i', async (method, _route, _what, role, expected, testCase) => {
    const request = await testCase.request(role);
    const response = await callApi(platform.gateway.url, tokens[role])(method, request.path, request.body, request.headers);
    expect({ status: response.status, type: response.body?.type }).toEqual(expect.objectContaining({ status: expected }));
    if (expected >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('moved money only where the rows above allowed it', async () => {
    const supply = await f.client.getSupply({ currencyId: f.ecu.id }, SYSTEM);
    expect(supply).toMatchObject({ balanced: true, mismatchedAccounts: 0 });
    // Amina: 20.00 earned, 5.00 of bread, 0.01 paid to Lucas by herself only, 0.01 paid to her by the
    // boulangerie's admin only, 0.08 paid for the eight transfer-reading rows, 0.01 for her request row.
    expect((await walletOf(f.client, f.world.people.amina.id, f.ecu.id))!.balanceMinor).toBe(2000n - 500n - 1n + 1n - 8n - 1n);
  });
});
