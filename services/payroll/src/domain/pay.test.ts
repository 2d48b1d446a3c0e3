import { hoursCreditOf, walletMovementsOf, type PostedTransfer } from './pay.js';

const at = new Date('2030-03-10T10:00:00Z');
const transfer = (overrides: Partial<PostedTransfer> = {}): PostedTransfer => ({
  id: 't1',
  kind: 'hours',
  currencyId: 'ecu',
  currencyCode: 'ÉCU',
  amountMinor: 1500,
  postedAt: at,
  entryId: 'e1',
  debitOwner: { kind: 'issuance', id: 'territory' },
  creditOwner: { kind: 'person', id: 'amina' },
  ...overrides,
});

describe('what a transfer means for payroll', () => {
  it('moves the wallet of each person on either side, credits up and debits down', () => {
    const credited = { transferId: 't1', personId: 'amina', currencyId: 'ecu', amountMinor: 1500, postedAt: at };
    expect(walletMovementsOf(transfer())).toEqual([credited]);
    const payment = transfer({ kind: 'payment', entryId: '', debitOwner: { kind: 'person', id: 'lucas' } });
    expect(walletMovementsOf(payment).map((m) => [m.personId, m.amountMinor])).toEqual([
      ['amina', 1500],
      ['lucas', -1500],
    ]);
    const atTheTill = transfer({
      kind: 'request',
      creditOwner: { kind: 'organization', id: 'shop' },
      debitOwner: { kind: 'person', id: 'lucas' },
    });
    expect(walletMovementsOf(atTheTill).map((m) => m.personId)).toEqual(['lucas']);
  });

  it('tells what an approved entry was paid only from pay for hours to a person', () => {
    const credit = { entryId: 'e1', personId: 'amina', currencyId: 'ecu', currencyCode: 'ÉCU', amountMinor: 1500, postedAt: at };
    expect(hoursCreditOf(transfer())).toEqual(credit);
    expect(hoursCreditOf(transfer({ kind: 'payment' }))).toBeUndefined();
    expect(hoursCreditOf(transfer({ entryId: '' }))).toBeUndefined();
  });
});
