// The currency demo: Odile, treasury officer of Bouches-du-Rhône, creates its currency (10.00 ÉCU-BDR
// an approved hour, 5 % kept on redemption); the demo merchants (verified by Marc and Nadia in the
// identity demo) open their accounts; the wallets are
// funded by the timesheets demo's approved hours, through the currency's consumer (never here); once
// they are, Amina and Jeanne pay at the merchants' tills and the boulangerie asks for a redemption.
import { Refused, type ServiceClient } from '@e21/kit';
import { CurrencyServiceService, OwnerKind, type Currency } from '@e21/proto/e21/currency/v1/currency';
import type { PersonKey } from './data.js';
import { as, clientOf, SYSTEM, waitUntil, type DemoWorld, type Targets } from './world.js';

type CurrencyClient = ServiceClient<typeof CurrencyServiceService>;

/** How long the demo waits for the hours approved by the timesheets demo to be paid. */
const FUNDING_WAIT_MS = 30_000;

async function balanceOf(currency: CurrencyClient, personId: string, currencyId: string): Promise<bigint> {
  const { accounts } = await currency.listAccounts({ ownerKind: OwnerKind.OWNER_KIND_PERSON, ownerId: personId }, as(personId));
  return accounts.find((a) => a.currencyId === currencyId)?.balanceMinor ?? 0n;
}

/** Waits until each person's wallet holds at least `minor`; false when the hours never came. */
function funded(currency: CurrencyClient, ecu: Currency, people: string[], minor: bigint): Promise<boolean> {
  const balances = () => Promise.all(people.map((id) => balanceOf(currency, id, ecu.id)));
  return waitUntil(async () => (await balances()).every((b) => b >= minor), FUNDING_WAIT_MS);
}

/** Waits until currency knows each organization as verified (from identity's events); false when it never does. */
function verified(currency: CurrencyClient, organizationIds: string[]): Promise<boolean> {
  const known = async (organizationId: string) =>
    currency.getMerchant({ organizationId }, SYSTEM).then(
      (merchant) => merchant.verified,
      (error) => (error instanceof Refused && error.kind === 'not_found' ? false : Promise.reject(error)),
    );
  return waitUntil(async () => (await Promise.all(organizationIds.map(known))).every(Boolean), FUNDING_WAIT_MS);
}

export async function seedCurrencyDemo(targets: Targets, demo: DemoWorld): Promise<void> {
  const currency = clientOf(CurrencyServiceService, targets, 'currency');
  const { people, organizations, territories } = demo;
  try {
    const ecu = await currency.configureCurrency(
      {
        territoryId: territories.bouchesDuRhone,
        code: 'ÉCU-BDR',
        name: 'Écu des Bouches-du-Rhône',
        minorUnits: 2,
        ratePerHourMinor: 1000n,
        redemptionFeeBasisPoints: 500,
        expectedVersion: undefined,
      },
      as(people.odile.id),
    );
    const tills: [PersonKey, string][] = [
      ['isabelle', organizations.boulangerie],
      ['thomas', organizations.librairie],
    ];
    for (const [admin, organizationId] of tills)
      await currency.openAccount(
        { ownerKind: OwnerKind.OWNER_KIND_ORGANIZATION, ownerId: organizationId, currencyId: ecu.id },
        as(people[admin].id),
      );

    // The payments need the wallets the approved hours fund; without the timesheets demo there are none.
    if (!(await funded(currency, ecu, [people.amina.id, people.jeanne.id], 2_000n))) return;
    // ...and the tills need currency to know their verification, which identity's events bring.
    if (!(await verified(currency, [organizations.boulangerie, organizations.librairie]))) return;
    const purchase = async (buyer: PersonKey, seller: PersonKey, organizationId: string, amountMinor: bigint, reference: string) => {
      const request = await currency.createPaymentRequest(
        { organizationId, amountMinor, reference, expiresInMinutes: 15, idempotencyKey: `demo-${buyer}-${seller}-${amountMinor}` },
        as(people[seller].id),
      );
      try {
        await currency.payPaymentRequest({ id: request.id }, as(people[buyer].id));
      } catch (error) {
        if (!(error instanceof Refused && error.code === 'insufficient_funds')) throw error;
      }
    };
    await purchase('amina', 'isabelle', organizations.boulangerie, 450n, 'Pain et croissants');
    await purchase('jeanne', 'isabelle', organizations.boulangerie, 780n, 'Fougasse aux olives');
    await purchase('jeanne', 'thomas', organizations.librairie, 1_200n, 'Guide des arbres de Provence');
    // Amina thanks Jeanne for the seedlings, straight from her wallet.
    const [aminaWallet, jeanneWallet] = await Promise.all(
      [people.amina.id, people.jeanne.id].map(async (id) =>
        (await currency.listAccounts({ ownerKind: OwnerKind.OWNER_KIND_PERSON, ownerId: id }, as(id))).accounts.find(
          (a) => a.currencyId === ecu.id,
        )!,
      ),
    );
    await currency.pay(
      {
        fromAccountId: aminaWallet!.id,
        toAccountId: jeanneWallet!.id,
        amountMinor: 300n,
        reference: 'Merci pour les plants',
        idempotencyKey: 'demo-amina-jeanne-plants',
      },
      as(people.amina.id),
    );
    // The boulangerie redeems part of its takings; Odile will find it waiting for her.
    await currency.requestRedemption(
      { organizationId: organizations.boulangerie, amountMinor: 1_000n, idempotencyKey: 'demo-boulangerie-first' },
      as(people.isabelle.id),
    );
  } finally {
    currency.close();
  }
}
