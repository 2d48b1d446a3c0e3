// An account's monthly statement as a file: CSV for spreadsheets, PDF to keep, from the ledger only.
import { renderPdf } from '@e21/documents';
import type { Statement } from '@e21/proto/e21/currency/v1/currency';
import { formatMinor } from './domain/amounts.js';
import type { TransferKind } from './domain/ledger.js';
import { statementCsv, type StatementContent, type StatementLine } from './domain/statements.js';

type Language = 'en' | 'fr';

const LABELS: Record<Language, Record<string, string>> = {
  en: {
    title: 'Account statement',
    holder: 'Account holder',
    account: 'Account',
    currency: 'Currency',
    month: 'Month',
    opening: 'Opening balance',
    closing: 'Closing balance',
    entries: 'Entries',
    none: 'No entries this month.',
    date: 'Date (UTC)',
    what: 'Counterparty',
    reference: 'Reference',
    amount: 'Amount',
    balance: 'Balance',
    hours: 'Approved hours',
    payment: 'Payment',
    request: 'Payment request',
    redemption: 'Redemption to euros',
  },
  fr: {
    title: 'Relevé de compte',
    holder: 'Titulaire',
    account: 'Compte',
    currency: 'Monnaie',
    month: 'Mois',
    opening: 'Solde d’ouverture',
    closing: 'Solde de clôture',
    entries: 'Opérations',
    none: 'Aucune opération ce mois-ci.',
    date: 'Date (UTC)',
    what: 'Contrepartie',
    reference: 'Référence',
    amount: 'Montant',
    balance: 'Solde',
    hours: 'Heures approuvées',
    payment: 'Paiement',
    request: 'Demande de paiement',
    redemption: 'Reconversion en euros',
  },
};

function referenceOf(line: StatementLine, labels: Record<string, string>): string {
  return [labels[line.kind as TransferKind], line.reference].filter(Boolean).join(' — ');
}

/** The statement's file, named after the currency and the month. */
export async function statementDocument(statement: StatementContent, format: 'csv' | 'pdf', language: Language): Promise<Statement> {
  // File names stay ASCII, which every browser and header keeps as written: "ÉCU-BDR" becomes "ECU-BDR".
  const filename = `statement-${statement.currencyCode.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}-${statement.month}.${format}`;
  if (format === 'csv') return { content: Buffer.from(statementCsv(statement), 'utf8'), contentType: 'text/csv; charset=utf-8', filename };
  const labels = LABELS[language];
  const amount = (value: bigint) => `${formatMinor(value, statement.minorUnits)} ${statement.currencyCode}`;
  const last = statement.lines[statement.lines.length - 1];
  const content = await renderPdf({
    title: labels.title!,
    subtitle: `${statement.ownerName} — ${statement.month}`,
    // The same entries always give the same bytes.
    createdAt: last?.postedAt ?? new Date(`${statement.month}-01T00:00:00Z`),
    sections: [
      {
        heading: labels.account!,
        fields: [
          { label: labels.holder!, value: statement.ownerName },
          { label: labels.account!, value: statement.accountId },
          { label: labels.currency!, value: statement.currencyCode },
          { label: labels.month!, value: statement.month },
          { label: labels.opening!, value: amount(statement.openingMinor) },
          { label: labels.closing!, value: amount(statement.closingMinor) },
        ],
      },
      statement.lines.length
        ? {
            heading: labels.entries!,
            table: {
              columns: [labels.date!, labels.what!, labels.reference!, labels.amount!, labels.balance!],
              rows: statement.lines.map((line) => [
                line.postedAt.toISOString().slice(0, 16).replace('T', ' '),
                line.counterpartyName,
                referenceOf(line, labels),
                formatMinor(line.amountMinor, statement.minorUnits),
                formatMinor(line.balanceAfterMinor, statement.minorUnits),
              ]),
              numeric: [3, 4],
            },
          }
        : { heading: labels.entries!, paragraphs: [labels.none!] },
    ],
    footer: `${labels.account} ${statement.accountId} · ${statement.month}`,
  });
  return { content, contentType: 'application/pdf', filename };
}
