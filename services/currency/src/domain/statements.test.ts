import { closingBalance, monthBounds, statementCsv, type StatementLine } from './statements.js';

describe('monthBounds', () => {
  it('gives the month in UTC, December running to the next January', () => {
    expect(monthBounds('2030-12')).toEqual({ start: new Date('2030-12-01T00:00:00Z'), end: new Date('2031-01-01T00:00:00Z') });
  });

  it('refuses what is not a month', () => {
    for (const month of ['2030-13', '2030-00', '2030-1', '1999-12', 'May', '2030-05-01'])
      expect(monthBounds(month)).toMatchObject({ fields: [{ field: 'month' }] });
  });
});

describe('statementCsv', () => {
  const line = (overrides: Partial<StatementLine>): StatementLine => ({
    postedAt: new Date('2030-05-02T09:30:00Z'),
    transferId: 't1',
    kind: 'payment',
    counterpartyKind: 'organization',
    counterpartyName: 'Boulangerie du Panier',
    reference: 'Pain, croissants',
    amountMinor: -450n,
    balanceAfterMinor: 550n,
    ...overrides,
  });

  it('lists the opening balance, each entry with its running balance, and the closing balance', () => {
    const lines = [
      line({}),
      line({
        transferId: 't2',
        kind: 'hours',
        counterpartyKind: 'issuance',
        counterpartyName: 'ÉCU-BDR',
        reference: '',
        amountMinor: 2500n,
        balanceAfterMinor: 3050n,
      }),
    ];
    const csv = statementCsv({
      accountId: 'a',
      ownerName: 'Amina',
      currencyCode: 'ÉCU-BDR',
      minorUnits: 2,
      month: '2030-05',
      openingMinor: 1000n,
      closingMinor: closingBalance(1000n, lines),
      lines,
    });
    expect(csv.split('\r\n')).toEqual([
      'date,transfer,kind,counterparty,reference,amount,balance,currency',
      '2030-05-01T00:00:00.000Z,,opening_balance,,,,10.00,ÉCU-BDR',
      '2030-05-02T09:30:00.000Z,t1,payment,Boulangerie du Panier,"Pain, croissants",-4.50,5.50,ÉCU-BDR',
      '2030-05-02T09:30:00.000Z,t2,hours,ÉCU-BDR,,25.00,30.50,ÉCU-BDR',
      ',,closing_balance,,,,30.50,ÉCU-BDR',
      '',
    ]);
  });

  it('keeps text that others wrote from running as a spreadsheet formula', () => {
    const csv = statementCsv({
      accountId: 'a',
      ownerName: 'A',
      currencyCode: 'X',
      minorUnits: 0,
      month: '2030-05',
      openingMinor: 0n,
      closingMinor: 0n,
      lines: [line({ reference: '=HYPERLINK("x")', amountMinor: -1n })],
    });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('closes on the opening balance in a month without entries', () => {
    expect(closingBalance(1234n, [])).toBe(1234n);
  });
});
