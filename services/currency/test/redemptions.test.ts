// Redemption to euros through gRPC: only merchants ask, only treasury officers of the currency's
// territory decide; approval takes the amount out of circulation and records the fee and payout.
import { OwnerKind, RedemptionStatus, TransferKind } from '@e21/proto/e21/currency/v1/currency';
import { as, refusalOf, startCurrency, SYSTEM, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
  const { amina, isabelle } = t.world.people;
  await t.fund(amina.id, 180); // 30.00
  // Amina spends 25.00 at the boulangerie.
  const request = await t.client.createPaymentRequest(
    {
      organizationId: t.world.organizations.boulangerie,
      amountMinor: 2500n,
      reference: 'Gâteau',
      expiresInMinutes: 10,
      idempotencyKey: '',
    },
    as(isabelle.id),
  );
  await t.client.payPaymentRequest({ id: request.id }, as(amina.id));
}, 60_000);
afterAll(() => t?.stop());

const ask = (amountMinor: bigint, by = t.world.people.isabelle.id, organizationId = t.world.organizations.boulangerie, key = '') =>
  t.client.requestRedemption({ organizationId, amountMinor, idempotencyKey: key }, as(by));

async function till() {
  const { accounts } = await t.client.listAccounts(
    { ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: t.world.organizations.boulangerie },
    SYSTEM,
  );
  return accounts[0]!;
}

it('redeems only for merchants, asked by their admins', async () => {
  const { sam, amina, thomas, isabelle } = t.world.people;
  expect((await refusalOf(ask(100n, sam.id))).kind).toBe('forbidden');
  expect((await refusalOf(ask(100n, amina.id))).kind).toBe('forbidden');
  expect((await refusalOf(ask(100n, thomas.id))).kind).toBe('forbidden');
  // Isabelle is also admin of an association: associations do not redeem.
  expect(await refusalOf(ask(100n, isabelle.id, t.world.organizations.jardins))).toMatchObject({
    kind: 'forbidden',
    code: 'not_a_merchant',
  });
});

it('refuses more than the balance less the redemptions waiting', async () => {
  expect(await refusalOf(ask(2501n))).toMatchObject({ code: 'insufficient_funds' });
  const waiting = await ask(2000n, t.world.people.isabelle.id, t.world.organizations.boulangerie, 'redeem-may');
  expect(waiting).toMatchObject({
    status: RedemptionStatus.REDEMPTION_STATUS_REQUESTED,
    feeMinor: 100n,
    payoutMinor: 1900n,
    payoutEuroCents: 1900n,
    feeBasisPoints: 500,
  });
  expect((await ask(2000n, t.world.people.isabelle.id, t.world.organizations.boulangerie, 'redeem-may')).id).toBe(waiting.id);
  expect(await refusalOf(ask(501n))).toMatchObject({ code: 'insufficient_funds' });
  expect((await till()).pendingRedemptionMinor).toBe(2000n);
});

it('is decided only by treasury officers of the currency’s territory or above', async () => {
  const { victor, marc, isabelle } = t.world.people;
  const [waiting] = (
    await t.client.listRedemptions(
      {
        organizationId: t.world.organizations.boulangerie,
        currencyId: '',
        status: RedemptionStatus.REDEMPTION_STATUS_REQUESTED,
        limit: 10,
        cursor: '',
      },
      as(isabelle.id),
    )
  ).redemptions;
  for (const who of [victor, marc, isabelle]) {
    expect((await refusalOf(t.client.approveRedemption({ id: waiting!.id, payoutReference: 'VIR-1' }, as(who.id)))).kind).toBe('forbidden');
    expect(
      (
        await refusalOf(
          t.client.listRedemptions(
            { organizationId: '', currencyId: t.ecu.id, status: RedemptionStatus.REDEMPTION_STATUS_UNSPECIFIED, limit: 10, cursor: '' },
            as(who.id),
          ),
        )
      ).kind,
    ).toBe('forbidden');
  }
  expect((await refusalOf(t.client.getSupply({ currencyId: t.ecu.id }, as(victor.id)))).kind).toBe('forbidden');
});

it('takes the approved amount out of circulation, keeps the fee, stores the payout reference, once', async () => {
  const { odile } = t.world.people;
  const queue = await t.client.listRedemptions(
    { organizationId: '', currencyId: t.ecu.id, status: RedemptionStatus.REDEMPTION_STATUS_REQUESTED, limit: 10, cursor: '' },
    as(odile.id),
  );
  const waiting = queue.redemptions[0]!;
  const before = await t.client.getSupply({ currencyId: t.ecu.id }, as(odile.id));
  expect(before).toMatchObject({
    issuedMinor: 3000n,
    redeemedMinor: 0n,
    inCirculationMinor: 3000n,
    pendingRedemptionMinor: 2000n,
    pendingRedemptions: 1,
    balanced: true,
  });
  const [approved, retried] = await Promise.all([
    t.client.approveRedemption({ id: waiting.id, payoutReference: 'VIR-2030-0501' }, as(odile.id)),
    t.client.approveRedemption({ id: waiting.id, payoutReference: 'VIR-2030-0501' }, as(odile.id)),
  ]);
  expect(retried.transferId).toBe(approved.transferId);
  expect(approved).toMatchObject({
    status: RedemptionStatus.REDEMPTION_STATUS_APPROVED,
    payoutReference: 'VIR-2030-0501',
    feeMinor: 100n,
    payoutEuroCents: 1900n,
    decidedBy: `person:${odile.id}`,
  });
  const transfer = await t.client.getTransfer({ id: approved.transferId }, SYSTEM);
  expect(transfer).toMatchObject({
    kind: TransferKind.TRANSFER_KIND_REDEMPTION,
    amountMinor: 2000n,
    creditAccountId: t.ecu.issuanceAccountId,
    redemptionId: waiting.id,
  });
  expect(await till()).toMatchObject({ balanceMinor: 500n, pendingRedemptionMinor: 0n });
  const after = await t.client.getSupply({ currencyId: t.ecu.id }, as(odile.id));
  expect(after).toMatchObject({
    issuedMinor: 3000n,
    redeemedMinor: 2000n,
    inCirculationMinor: 1000n,
    feesMinor: 100n,
    pendingRedemptions: 0,
    balanced: true,
    balancesSumMinor: 0n,
    mismatchedAccounts: 0,
  });
  expect(await refusalOf(t.client.approveRedemption({ id: waiting.id, payoutReference: 'VIR-other' }, as(odile.id)))).toMatchObject({
    code: 'redemption_decided',
  });
  expect(await refusalOf(t.client.rejectRedemption({ id: waiting.id, reason: 'late' }, as(odile.id)))).toMatchObject({
    code: 'redemption_decided',
  });
});

it('rejects with a reason, leaving the balance to the merchant', async () => {
  const { odile } = t.world.people;
  const waiting = await ask(500n);
  expect(await refusalOf(t.client.rejectRedemption({ id: waiting.id, reason: '  ' }, as(odile.id)))).toMatchObject({
    fields: [{ field: 'reason' }],
  });
  expect(await refusalOf(t.client.approveRedemption({ id: waiting.id, payoutReference: '' }, as(odile.id)))).toMatchObject({
    fields: [{ field: 'payout_reference' }],
  });
  const rejected = await t.client.rejectRedemption({ id: waiting.id, reason: 'Bank details missing' }, as(odile.id));
  expect(rejected).toMatchObject({
    status: RedemptionStatus.REDEMPTION_STATUS_REJECTED,
    rejectionReason: 'Bank details missing',
    transferId: '',
  });
  expect(await till()).toMatchObject({ balanceMinor: 500n, pendingRedemptionMinor: 0n });
});
