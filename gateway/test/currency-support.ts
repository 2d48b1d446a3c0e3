// Fixtures for the currency gateway tests: the currency world on the platform, the Bouches-du-Rhône
// currency, funded wallets (approved hours published to JetStream) and a merchant's till.
import { createClient } from '@e21/kit';
import { CurrencyServiceService, type Account, type Currency } from '@e21/proto/e21/currency/v1/currency';
import { PASSWORD, type Platform } from '../../tests/support/platform.js';
import {
  ApprovalPublisher,
  approvedEntry,
  as,
  configureEcu,
  createCurrencyWorld,
  waitForBalance,
  waitForMerchants,
  walletOf,
  type CurrencyClient,
  type PersonKey,
} from '../../tests/support/currency-world.js';

export * from '../../tests/support/currency-world.js';

/** fetch against the gateway with a bearer token; JSON and problem bodies parsed, files (CSV, PDF, SVG) as text. */
export function callApi(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const json =
      /json/.test(response.headers.get('content-type') ?? '') && text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    // Tests read response bodies field by field; a type per route would only restate the OpenAPI schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    return { status: response.status, body: json as any, text, headers: response.headers };
  };
}

export async function createCurrencyFixtures(platform: Platform, signIn: PersonKey[]) {
  const client: CurrencyClient = createClient(CurrencyServiceService, `127.0.0.1:${platform.services.currency!.grpcPort}`, {
    from: 'test',
    deadlineMs: 15_000,
  });
  const world = await createCurrencyWorld(platform.identityClient, { password: PASSWORD, signIn });
  const ecu: Currency = await configureEcu(client, world);
  await waitForMerchants(client, world.merchants);
  const approvals = await ApprovalPublisher.connect(platform.nats.login('timesheets'));

  /** Approves `minutes` for a person of Marseille and waits until they are paid; their account. */
  async function fund(personId: string, minutes: number): Promise<Account> {
    const before = (await walletOf(client, personId, ecu.id))?.balanceMinor ?? 0n;
    await approvals.publish(approvedEntry(personId, world.territories.marseille, minutes));
    return waitForBalance(client, personId, ecu.id, before + (BigInt(minutes) * ecu.ratePerHourMinor + 30n) / 60n);
  }

  /** A payment request at the boulangerie's till, made by its clerk. */
  const paymentRequest = (amountMinor: bigint, reference = 'Pain') =>
    client.createPaymentRequest(
      { organizationId: world.organizations.boulangerie, amountMinor, reference, expiresInMinutes: 30, idempotencyKey: '' },
      as(world.people.sam.id),
    );

  /** A redemption asked by the boulangerie's admin. */
  const redemption = (amountMinor: bigint) =>
    client.requestRedemption(
      { organizationId: world.organizations.boulangerie, amountMinor, idempotencyKey: '' },
      as(world.people.isabelle.id),
    );

  return {
    client,
    world,
    ecu,
    approvals,
    fund,
    paymentRequest,
    redemption,
    async close() {
      client.close();
      await approvals.close();
    },
  };
}

export type CurrencyFixtures = Awaited<ReturnType<typeof createCurrencyFixtures>>;
