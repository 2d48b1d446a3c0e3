// The ledger through the gRPC API on real PostgreSQL: currencies, accounts, payments with their
// idempotency, histories with running balances, monthly statements, and an append-only ledger.
import { pdfText } from '@e21/devinfra';
import { OwnerKind, StatementFormat, TransferKind } from '@e21/proto/e21/currency/v1/currency';
import { as, refusalOf, startCurrency, SYSTEM, walletOf, type CurrencyUnderTest } from './support.js';

let t: CurrencyUnderTest;

beforeAll(async () => {
  t = await startCurrency();
}, 60_000);
afterAll(() => t?.stop());

const person = OwnerKind.OWNER_KIND_PERSON;
const organization = OwnerKind.OWNER_KIND_ORGANIZATION;

async function accountOf(personId: string) {
  return (await walletOf(t.client, personId, t.ecu.id))!;
}

async function openPersonAccount(personId: string) {
  return t.client.openAccount({ ownerKind: person, ownerId: personId, currencyId: t.ecu.id }, as(personId));
}

describe('currencies', () => {
  it('configures the currency of Bouches-du-Rhône with its issuance account, and applies it to Marseille and Aubagne', async () => {
    expect(t.ecu).toMatchObject({
      code: 'ÉCU-BDR',
      minorUnits: 2,
      ratePerHourMinor: 1000n,
      redemptionFeeBasisPoints: 500,
      version: 1,
      territoryName: 'Bouches-du-Rhône',
    });
    expect(t.ecu.territoryPath).toEqual([
      t.world.territories.eu,
      t.world.territories.france,
      t.world.territories.paca,
      t.world.territories.bouchesDuRhone,
    ]);
    for (const territoryId of [t.world.territories.marseille, t.world.territories.aubagne, t.world.territories.bouchesDuRhone]) {
      expect((await t.client.getCurrencyOfTerritory({ territoryId }, SYSTEM)).id).toBe(t.ecu.id);
    }
    expect(await refusalOf(t.client.getCurrencyOfTerritory({ territoryId: t.world.territories.toulon }, SYSTEM))).toMatchObject({
      code: 'no_currency_here',
    });
  });

  it('changes the rate and fee only with the current version, and never the code or minor units', async () => {
    const { odile } = t.world.people;
    const change = (overrides: Record<string, unknown>) =>
      t.client.configureCurrency(
        {
          territoryId: t.world.territories.bouchesDuRhone,
          code: 'ÉCU-BDR',
          name: 'Écu des Bouches-du-Rhône',
          minorUnits: 2,
          ratePerHourMinor: 1000n,
          redemptionFeeBasisPoints: 500,
          expectedVersion: undefined,
          ...overrides,
        },
        as(odile.id),
      );
    expect(await refusalOf(change({}))).toMatchObject({ code: 'precondition_required' });
    expect(await refusalOf(change({ expectedVersion: 7 }))).toMatchObject({ kind: 'stale' });
    expect(await refusalOf(change({ expectedVersion: 1, code: 'ECU' }))).toMatchObject({ code: 'currency_fixed' });
    expect(await refusalOf(change({ expectedVersion: 1, minorUnits: 0 }))).toMatchObject({ code: 'currency_fixed' });
    const changed = await change({ expectedVersion: 1, redemptionFeeBasisPoints: 300 });
    expect(changed).toMatchObject({ version: 2, redemptionFeeBasisPoints: 300, ratePerHourMinor: 1000n });
    await change({ expectedVersion: 2, redemptionFeeBasisPoints: 500 });
  });

  it('refuses a second currency over or under a territory that has one, and a code already taken', async () => {
    const { odile, victor } = t.world.people;
    const create = (territoryId: string, code: string, by: string) =>
      t.client.configureCurrency(
        {
          territoryId,
          code,
          name: 'Other',
          minorUnits: 2,
          ratePerHourMinor: 1000n,
          redemptionFeeBasisPoints: 0,
          expectedVersion: undefined,
        },
        by ? as(by) : SYSTEM,
      );
    expect(await refusalOf(create(t.world.territories.marseille, 'MRS', odile.id))).toMatchObject({ code: 'currency_overlaps' });
    expect(await refusalOf(create(t.world.territories.paca, 'PACA', ''))).toMatchObject({ code: 'currency_overlaps' });
    expect(await refusalOf(create(t.world.territories.var, 'ÉCU-BDR', victor.id))).toMatchObject({ code: 'code_taken' });
  });

  it('lets only treasury officers of the territory or above configure it', async () => {
    const { victor, marc, amina } = t.world.people;
    for (const who of [victor, marc, amina]) {
      const refused = await refusalOf(
        t.client.configureCurrency(
          {
            territoryId: t.world.territories.bouchesDuRhone,
            code: 'ÉCU-BDR',
            name: 'x',
            minorUnits: 2,
            ratePerHourMinor: 1n,
            redemptionFeeBasisPoints: 0,
            expectedVersion: 2,
          },
          as(who.id),
        ),
      );
      expect(refused.kind).toBe('forbidden');
    }
  });
});

describe('accounts', () => {
  it('opens one account per person and currency, however often it is asked', async () => {
    const { jeanne } = t.world.people;
    const first = await openPersonAccount(jeanne.id);
    const again = await openPersonAccount(jeanne.id);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ ownerKind: person, ownerName: 'Jeanne Moreau', balanceMinor: 0n, currencyCode: 'ÉCU-BDR' });
  });

  it('lets people open only their own account, and organizations hold only the currency of their place', async () => {
    const { amina, lucas, isabelle, sam } = t.world.people;
    expect((await refusalOf(t.client.openAccount({ ownerKind: person, ownerId: lucas.id, currencyId: t.ecu.id }, as(amina.id)))).kind).toBe(
      'forbidden',
    );
    expect(
      (
        await refusalOf(
          t.client.openAccount({ ownerKind: organization, ownerId: t.world.organizations.boulangerie, currencyId: t.ecu.id }, as(sam.id)),
        )
      ).kind,
    ).toBe('forbidden');
    expect(
      await refusalOf(
        t.client.openAccount({ ownerKind: organization, ownerId: t.world.organizations.toulonShop, currencyId: t.ecu.id }, as(isabelle.id)),
      ),
    ).toMatchObject({ code: 'no_currency_here' });
    const till = await t.client.openAccount(
      { ownerKind: organization, ownerId: t.world.organizations.boulangerie, currencyId: t.ecu.id },
      as(isabelle.id),
    );
    expect(till).toMatchObject({ ownerName: 'Boulangerie du Panier', ownerKind: organization });
    expect(
      await refusalOf(
        t.client.openAccount(
          { ownerKind: OwnerKind.OWNER_KIND_ISSUANCE, ownerId: t.world.territories.bouchesDuRhone, currencyId: t.ecu.id },
          SYSTEM,
        ),
      ),
    ).toMatchObject({ code: 'invalid_enum' });
  });

  it('shows a wallet to its owner only, and an organization’s accounts to its members only', async () => {
    const { amina, lucas, sam, thomas } = t.world.people;
    expect((await refusalOf(t.client.listAccounts({ ownerKind: person, ownerId: amina.id }, as(lucas.id)))).kind).toBe('forbidden');
    await t.client.listAccounts({ ownerKind: organization, ownerId: t.world.organizations.boulangerie }, as(sam.id));
    expect(
      (await refusalOf(t.client.listAccounts({ ownerKind: organization, ownerId: t.world.organizations.boulangerie }, as(thomas.id)))).kind,
    ).toBe('forbidden');
  });
});

describe('payments', () => {
  it('moves money between people: both balances and both histories follow, with running balances', async () => {
    const { amina, lucas } = t.world.people;
    await t.fund(amina.id, 120); // 20.00
    const to = await openPersonAccount(lucas.id);
    const from = await accountOf(amina.id);
    const transfer = await t.client.pay(
      { fromAccountId: from.id, toAccountId: to.id, amountMinor: 450n, reference: 'Café', idempotencyKey: '' },
      as(amina.id),
    );
    expect(transfer).toMatchObject({
      kind: TransferKind.TRANSFER_KIND_PAYMENT,
      amountMinor: 450n,
      debitOwnerName: 'Amina Haddad',
      creditOwnerName: 'Lucas Martin',
      reference: 'Café',
    });
    expect((await accountOf(amina.id)).balanceMinor).toBe(1550n);
    expect((await accountOf(lucas.id)).balanceMinor).toBe(450n);
    const history = await t.client.listAccountHistory({ accountId: from.id, limit: 10, cursor: '' }, as(amina.id));
    expect(history.entries.map((e) => [e.kind, e.amountMinor, e.balanceAfterMinor, e.counterpartyName])).toEqual([
      [TransferKind.TRANSFER_KIND_PAYMENT, -450n, 1550n, 'Lucas Martin'],
      [TransferKind.TRANSFER_KIND_HOURS, 2000n, 2000n, 'ÉCU-BDR'],
    ]);
    const page = await t.client.listAccountHistory({ accountId: from.id, limit: 1, cursor: '' }, as(amina.id));
    const next = await t.client.listAccountHistory({ accountId: from.id, limit: 1, cursor: page.nextCursor }, as(amina.id));
    expect(next.entries.map((e) => e.kind)).toEqual([TransferKind.TRANSFER_KIND_HOURS]);
    expect(next.nextCursor).toBe('');
  });

  it('posts a payment retried with the same key once, and refuses the key with another body', async () => {
    const { amina, lucas } = t.world.people;
    const [from, to] = [await accountOf(amina.id), await accountOf(lucas.id)];
    const pay = (amountMinor: bigint) =>
      t.client.pay(
        { fromAccountId: from.id, toAccountId: to.id, amountMinor, reference: 'Loyer du jardin', idempotencyKey: 'rent-2030-05' },
        as(amina.id),
      );
    const [first, second] = await Promise.all([pay(100n), pay(100n)]);
    const third = await pay(100n);
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);
    expect((await accountOf(amina.id)).balanceMinor).toBe(from.balanceMinor - 100n);
    expect(await refusalOf(pay(101n))).toMatchObject({ kind: 'conflict', code: 'idempotency_key_reused' });
    expect((await accountOf(amina.id)).balanceMinor).toBe(from.balanceMinor - 100n);
  });

  it('refuses an overdraft, a payment to oneself, to an unknown account or to the issuance account, and changes nothing', async () => {
    const { amina } = t.world.people;
    const from = await accountOf(amina.id);
    const pay = (toAccountId: string, amountMinor: bigint) =>
      t.client.pay({ fromAccountId: from.id, toAccountId, amountMinor, reference: '', idempotencyKey: '' }, as(amina.id));
    expect(await refusalOf(pay((await accountOf(t.world.people.lucas.id)).id, from.balanceMinor + 1n))).toMatchObject({
      code: 'insufficient_funds',
    });
    expect(await refusalOf(pay(from.id, 1n))).toMatchObject({ code: 'same_account' });
    expect(await refusalOf(pay('00000000-0000-4000-8000-000000000000', 1n))).toMatchObject({
      code: 'unknown_account',
      fields: [{ field: 'to_account_id' }],
    });
    expect(await refusalOf(pay(t.ecu.issuanceAccountId, 1n))).toMatchObject({ code: 'transfer_not_allowed' });
    expect(await refusalOf(pay((await accountOf(t.world.people.lucas.id)).id, 0n))).toMatchObject({ code: 'invalid_amount' });
    expect((await accountOf(amina.id)).balanceMinor).toBe(from.balanceMinor);
  });

  it('lets nobody move money from another’s account, nor from the issuance account', async () => {
    const { amina, lucas, odile } = t.world.people;
    const [from, to] = [await accountOf(amina.id), await accountOf(lucas.id)];
    expect(
      (
        await refusalOf(
          t.client.pay({ fromAccountId: from.id, toAccountId: to.id, amountMinor: 1n, reference: '', idempotencyKey: '' }, as(lucas.id)),
        )
      ).kind,
    ).toBe('forbidden');
    expect(
      (
        await refusalOf(
          t.client.pay(
            { fromAccountId: t.ecu.issuanceAccountId, toAccountId: to.id, amountMinor: 1n, reference: '', idempotencyKey: '' },
            as(odile.id),
          ),
        )
      ).kind,
    ).toBe('forbidden');
    expect((await refusalOf(t.client.listAccountHistory({ accountId: from.id, limit: 10, cursor: '' }, as(lucas.id)))).kind).toBe(
      'forbidden',
    );
  });

  it('refuses a payment into another currency', async () => {
    const { amina, victor } = t.world.people;
    const varCurrency = await t.client.configureCurrency(
      {
        territoryId: t.world.territories.var,
        code: 'VAR',
        name: 'Franc varois',
        minorUnits: 2,
        ratePerHourMinor: 900n,
        redemptionFeeBasisPoints: 300,
        expectedVersion: undefined,
      },
      as(victor.id),
    );
    const elsewhere = await t.client.openAccount({ ownerKind: person, ownerId: amina.id, currencyId: varCurrency.id }, as(amina.id));
    const from = await accountOf(amina.id);
    expect(
      await refusalOf(
        t.client.pay(
          { fromAccountId: from.id, toAccountId: elsewhere.id, amountMinor: 1n, reference: '', idempotencyKey: '' },
          as(amina.id),
        ),
      ),
    ).toMatchObject({ code: 'currency_mismatch' });
  });

  it('shows a transfer to the people on either side only', async () => {
    const { amina, lucas, jeanne } = t.world.people;
    const transfer = await t.client.pay(
      {
        fromAccountId: (await accountOf(amina.id)).id,
        toAccountId: (await accountOf(lucas.id)).id,
        amountMinor: 1n,
        reference: '',
        idempotencyKey: '',
      },
      as(amina.id),
    );
    expect((await t.client.getTransfer({ id: transfer.id }, as(lucas.id))).id).toBe(transfer.id);
    expect((await refusalOf(t.client.getTransfer({ id: transfer.id }, as(jeanne.id)))).kind).toBe('forbidden');
  });
});

describe('statements', () => {
  it('gives a month as CSV and PDF: opening balance, entries with running balances, closing balance', async () => {
    const { amina } = t.world.people;
    const account = await accountOf(amina.id);
    const month = new Date().toISOString().slice(0, 7);
    const csv = await t.client.renderStatement(
      { accountId: account.id, month, format: StatementFormat.STATEMENT_FORMAT_CSV, language: 'en' },
      as(amina.id),
    );
    expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', filename: `statement-ECU-BDR-${month}.csv` });
    const lines = csv.content.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('date,transfer,kind,counterparty,reference,amount,balance,currency');
    expect(lines[1]).toBe(`${month}-01T00:00:00.000Z,,opening_balance,,,,0.00,ÉCU-BDR`);
    expect(lines[2]).toContain(',hours,ÉCU-BDR,,20.00,20.00,ÉCU-BDR');
    expect(lines[lines.length - 1]).toBe(`,,closing_balance,,,,${(Number(account.balanceMinor) / 100).toFixed(2)},ÉCU-BDR`);
    const pdf = await t.client.renderStatement(
      { accountId: account.id, month, format: StatementFormat.STATEMENT_FORMAT_PDF, language: 'fr' },
      as(amina.id),
    );
    expect(pdf.contentType).toBe('application/pdf');
    const text = await pdfText(pdf.content);
    expect(text).toContain('Relevé de compte');
    expect(text).toContain('Lucas Martin');
    expect(text).toContain('Heures approuvées');
  });

  it('starts a month without entries on the balance the previous month ended with', async () => {
    const { amina } = t.world.people;
    const account = await accountOf(amina.id);
    const csv = await t.client.renderStatement(
      { accountId: account.id, month: '2100-12', format: StatementFormat.STATEMENT_FORMAT_CSV, language: 'en' },
      as(amina.id),
    );
    const balance = (Number(account.balanceMinor) / 100).toFixed(2);
    expect(csv.content.toString('utf8').trim().split('\r\n').slice(1)).toEqual([
      `2100-12-01T00:00:00.000Z,,opening_balance,,,,${balance},ÉCU-BDR`,
      `,,closing_balance,,,,${balance},ÉCU-BDR`,
    ]);
    expect(
      await refusalOf(
        t.client.renderStatement(
          { accountId: account.id, month: '2030-13', format: StatementFormat.STATEMENT_FORMAT_CSV, language: 'en' },
          as(amina.id),
        ),
      ),
    ).toMatchObject({ fields: [{ field: 'month' }] });
  });
});

describe('the ledger is append-only', () => {
  it('refuses any change or deletion of a transfer or an entry, whoever asks', async () => {
    await expect(t.db.query(`update transfers set amount_minor = amount_minor + 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`delete from entries`)).rejects.toThrow(/append-only/);
  });

  it('cannot store a negative balance outside the issuance account, even bypassing the service', async () => {
    await expect(t.db.query(`update accounts set balance_minor = -1 where owner_kind = 'person'`)).rejects.toThrow(/check constraint/);
  });
});
