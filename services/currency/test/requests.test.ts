// Merchants' payment requests through gRPC: created at the till, shown as a QR code of a payment
// URI, paid at most once and never after expiry.
import { OwnerKind, PaymentRequestStatus, TransferKind } from '@e21/proto/e21/currency/v1/currency';
import { as, refusalOf, startCurrency, SYSTEM, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
  await t.fund(t.world.people.amina.id, 120); // 20.00
  await t.fund(t.world.people.lucas.id, 60); // 10.00
}, 60_000);
afterAll(() => t?.stop());

const request = (amountMinor: bigint, more: { key?: string; minutes?: number; reference?: string; by?: string } = {}) =>
  t.client.createPaymentRequest(
    {
      organizationId: t.world.organizations.boulangerie,
      amountMinor,
      reference: more.reference ?? 'Pain de campagne',
      expiresInMinutes: more.minutes ?? 15,
      idempotencyKey: more.key ?? '',
    },
    as(more.by ?? t.world.people.sam.id),
  );

async function tillBalance(): Promise<bigint> {
  const { accounts } = await t.client.listAccounts(
    { ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: t.world.organizations.boulangerie },
    SYSTEM,
  );
  return accounts[0]?.balanceMinor ?? 0n;
}

it('creates a request at the till, with its payment URI and a QR code of it', async () => {
  const created = await request(450n);
  expect(created).toMatchObject({
    organizationName: 'Boulangerie du Panier',
    amountMinor: 450n,
    status: PaymentRequestStatus.PAYMENT_REQUEST_STATUS_OPEN,
    currencyCode: 'ÉCU-BDR',
  });
  expect(created.paymentUri).toBe(`e21pay:${created.id}?amount=4.50&currency=%C3%89CU-BDR`);
  const code = await t.client.renderPaymentRequestCode({ id: created.id }, as(t.world.people.amina.id));
  expect(code.paymentUri).toBe(created.paymentUri);
  expect(code.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
  expect(code.svg).toContain('<path');
});

it('lets the payer pay it: both balances and histories follow, and the merchant sees who paid', async () => {
  const { amina, sam } = t.world.people;
  const created = await request(450n, { reference: 'Croissants' });
  const tillBefore = await tillBalance();
  const paid = await t.client.payPaymentRequest({ id: created.id }, as(amina.id));
  expect(paid).toMatchObject({ status: PaymentRequestStatus.PAYMENT_REQUEST_STATUS_PAID, paidByName: '' });
  expect((await walletOf(t.client, amina.id, t.ecu.id))!.balanceMinor).toBe(1550n);
  expect(await tillBalance()).toBe(tillBefore + 450n);
  const seenByMerchant = await t.client.getPaymentRequest({ id: created.id }, as(sam.id));
  expect(seenByMerchant).toMatchObject({ paidByName: 'Amina Haddad', transferId: paid.transferId });
  expect((await t.client.getPaymentRequest({ id: created.id }, as(t.world.people.lucas.id))).paidByName).toBe('');
  const transfer = await t.client.getTransfer({ id: paid.transferId }, as(amina.id));
  expect(transfer).toMatchObject({
    kind: TransferKind.TRANSFER_KIND_REQUEST,
    paymentRequestId: created.id,
    reference: 'Croissants',
    creditOwnerName: 'Boulangerie du Panier',
  });
});

it('is paid at most once: a second payer is refused, the same payer again gets the same payment', async () => {
  const { amina, lucas } = t.world.people;
  const created = await request(100n);
  const outcomes = await Promise.allSettled([
    t.client.payPaymentRequest({ id: created.id }, as(amina.id)),
    t.client.payPaymentRequest({ id: created.id }, as(lucas.id)),
  ]);
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
  expect(rejected.reason).toMatchObject({ code: 'request_already_paid' });
  const payer = outcomes[0]!.status === 'fulfilled' ? amina : lucas;
  const again = await t.client.payPaymentRequest({ id: created.id }, as(payer.id));
  expect(again.transferId).toBe((outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<typeof again>).value.transferId);
  const { rows } = await t.db.query(`select 1 from transfers where payment_request_id = $1`, [created.id]);
  expect(rows).toHaveLength(1);
});

it('is not paid after its expiry', async () => {
  const { amina } = t.world.people;
  const created = await request(100n, { minutes: 1 });
  // A minute later, as far as the request knows.
  await t.db.query(`update payment_requests set expires_at = now() - interval '1 second' where id = $1`, [created.id]);
  const before = (await walletOf(t.client, amina.id, t.ecu.id))!.balanceMinor;
  expect(await refusalOf(t.client.payPaymentRequest({ id: created.id }, as(amina.id)))).toMatchObject({ code: 'request_expired' });
  expect((await t.client.getPaymentRequest({ id: created.id }, as(amina.id))).status).toBe(
    PaymentRequestStatus.PAYMENT_REQUEST_STATUS_EXPIRED,
  );
  expect((await walletOf(t.client, amina.id, t.ecu.id))!.balanceMinor).toBe(before);
});

it('refuses a payer without enough, and changes nothing', async () => {
  const { jeanne } = t.world.people;
  const created = await request(100n);
  expect(await refusalOf(t.client.payPaymentRequest({ id: created.id }, as(jeanne.id)))).toMatchObject({ code: 'insufficient_funds' });
  const big = await request(5_000n);
  expect(await refusalOf(t.client.payPaymentRequest({ id: big.id }, as(t.world.people.lucas.id)))).toMatchObject({
    code: 'insufficient_funds',
  });
  expect((await t.client.getPaymentRequest({ id: big.id }, SYSTEM)).status).toBe(PaymentRequestStatus.PAYMENT_REQUEST_STATUS_OPEN);
});

it('creates a request once per idempotency key, and refuses the key with another amount', async () => {
  const first = await request(300n, { key: 'till-1-0042' });
  const again = await request(300n, { key: 'till-1-0042' });
  expect(again.id).toBe(first.id);
  expect(await refusalOf(request(301n, { key: 'till-1-0042' }))).toMatchObject({ code: 'idempotency_key_reused' });
});

it('lists the till’s requests for its members only, by status', async () => {
  const { sam, thomas } = t.world.people;
  const paid = await t.client.listPaymentRequests(
    { organizationId: t.world.organizations.boulangerie, status: PaymentRequestStatus.PAYMENT_REQUEST_STATUS_PAID, limit: 50, cursor: '' },
    as(sam.id),
  );
  expect(paid.requests.length).toBeGreaterThanOrEqual(2);
  expect(paid.requests.every((r) => r.status === PaymentRequestStatus.PAYMENT_REQUEST_STATUS_PAID)).toBe(true);
  const expired = await t.client.listPaymentRequests(
    {
      organizationId: t.world.organizations.boulangerie,
      status: PaymentRequestStatus.PAYMENT_REQUEST_STATUS_EXPIRED,
      limit: 50,
      cursor: '',
    },
    as(sam.id),
  );
  expect(expired.requests).toHaveLength(1);
  expect(
    (
      await refusalOf(
        t.client.listPaymentRequests(
          {
            organizationId: t.world.organizations.boulangerie,
            status: PaymentRequestStatus.PAYMENT_REQUEST_STATUS_UNSPECIFIED,
            limit: 50,
            cursor: '',
          },
          as(thomas.id),
        ),
      )
    ).kind,
  ).toBe('forbidden');
  expect((await refusalOf(request(100n, { by: thomas.id }))).kind).toBe('forbidden');
});

it('refuses a request where no currency applies, and bad amounts or expiries', async () => {
  const { isabelle } = t.world.people;
  expect(
    await refusalOf(
      t.client.createPaymentRequest(
        { organizationId: t.world.organizations.toulonShop, amountMinor: 100n, reference: '', expiresInMinutes: 5, idempotencyKey: '' },
        as(isabelle.id),
      ),
    ),
  ).toMatchObject({ code: 'no_currency_here' });
  expect(await refusalOf(request(0n))).toMatchObject({ fields: [{ field: 'amount_minor' }] });
  expect(await refusalOf(request(-5n))).toMatchObject({ fields: [{ field: 'amount_minor' }] });
  expect(await refusalOf(request(10n ** 15n))).toMatchObject({ code: 'amount_too_large' });
  expect(await refusalOf(request(1n, { minutes: 0 }))).toMatchObject({ fields: [{ field: 'expires_in_minutes' }] });
});
