// Monthly statements of an account: the month's bounds (UTC) and the CSV a spreadsheet opens.
import { refusal, type RefusalValue } from '@e21/kit';
import { firstDayOf, isMonth, nextMonth } from '@e21/kit/calendar';
import { formatMinor } from './amounts.js';
import type { OwnerKind, TransferKind } from './ledger.js';

/** The month's first instant and the next month's, in UTC; months from 2000-01 to 2100-12. */
export function monthBounds(month: string): { start: Date; end: Date } | RefusalValue {
  if (!isMonth(month)) {
    return refusal('invalid', 'validation_failed', 'month must be YYYY-MM', [
      { field: 'month', message: 'must be a month YYYY-MM from 2000-01 to 2100-12' },
    ]);
  }
  return { start: new Date(`${firstDayOf(month)}T00:00:00Z`), end: new Date(`${firstDayOf(nextMonth(month))}T00:00:00Z`) };
}

export interface StatementLine {
  postedAt: Date;
  transferId: string;
  kind: TransferKind;
  counterpartyKind: OwnerKind;
  counterpartyName: string;
  reference: string;
  amountMinor: bigint;
  balanceAfterMinor: bigint;
}

/** An entry of an account's history: the statement's line and what the transfer paid for. */
export interface HistoryRecord extends StatementLine {
  seq: bigint;
  counterpartyId: string;
  entryDate: string | null;
  entryMinutes: bigint | null;
  paymentRequestId: string | null;
  redemptionId: string | null;
}

export interface StatementContent {
  accountId: string;
  ownerName: string;
  currencyCode: string;
  minorUnits: number;
  month: string;
  openingMinor: bigint;
  closingMinor: bigint;
  lines: StatementLine[];
}

/** The closing balance: the last entry's balance in the month, or the opening one when there is none. */
export const closingBalance = (openingMinor: bigint, lines: StatementLine[]): bigint =>
  lines.length ? lines[lines.length - 1]!.balanceAfterMinor : openingMinor;

/**
 * A cell as RFC 4180 wants it; text that a spreadsheet would run as a formula (=, +, -, @) is
 * prefixed with an apostrophe, since references and names are written by other people.
 */
function cell(value: string, text: boolean): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The statement as CSV (English headers, amounts with a dot, instants in UTC), one line per entry. */
export function statementCsv(statement: StatementContent): string {
  const amount = (value: bigint) => formatMinor(value, statement.minorUnits);
  const rows: string[][] = [['date', 'transfer', 'kind', 'counterparty', 'reference', 'amount', 'balance', 'currency']];
  rows.push([
    `${statement.month}-01T00:00:00.000Z`,
    '',
    'opening_balance',
    '',
    '',
    '',
    amount(statement.openingMinor),
    statement.currencyCode,
  ]);
  for (const line of statement.lines) {
    rows.push([
      line.postedAt.toISOString(),
      line.transferId,
      line.kind,
      line.counterpartyName,
      line.reference,
      amount(line.amountMinor),
      amount(line.balanceAfterMinor),
      statement.currencyCode,
    ]);
  }
  rows.push(['', '', 'closing_balance', '', '', '', amount(statement.closingMinor), statement.currencyCode]);
  const textColumns = new Set([3, 4]);
  return rows.map((row) => row.map((value, index) => cell(value, textColumns.has(index))).join(',')).join('\r\n') + '\r\n';
}
