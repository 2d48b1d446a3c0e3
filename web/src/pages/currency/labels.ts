// How the currency pages write amounts, transfers and statuses in the current language, and read
// the amounts people type.
import { formatDate, language, t } from '../../i18n';
import { hoursText } from '../../hours';
import { formatAmount, minorFromText } from '../../money';
import { invalid } from '../../ui/submit';
import type { HistoryEntry, PaymentRequestStatus, RedemptionStatus } from '../../services/currency';

/** An amount in a currency: "12,50 ÉCU-BDR". */
export const money = (amountMinor: number, currency: { minorUnits: number; currencyCode?: string; code?: string }, signed = false) =>
  formatAmount(amountMinor, currency.minorUnits, currency.currencyCode ?? currency.code ?? '', language(), { signed });

export const euros = (cents: number) => new Intl.NumberFormat(language(), { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** What an entry of the history was: hours of a date, a payment to or from someone, a redemption. */
export function entryLabel(entry: HistoryEntry): string {
  if (entry.kind === 'hours')
    return t('wallet.entry.hours', { date: entry.entryDate ? formatDate(entry.entryDate) : '', hours: hoursText(entry.entryMinutes ?? 0) });
  if (entry.kind === 'redemption') return t('wallet.entry.redemption');
  return t(entry.amountMinor < 0 ? 'wallet.entry.paidTo' : 'wallet.entry.paidBy', { name: entry.counterparty.name });
}

export const requestStatusLabel = (status: PaymentRequestStatus) => t(`paymentRequest.status.${status}`);
export const redemptionStatusLabel = (status: RedemptionStatus) => t(`redemption.status.${status}`);

/** The minor units of an amount typed in a form; refuses the form (on `field`) unless it is an amount above zero. */
export function amountOf(text: string, minorUnits: number, field: string): number {
  const minor = minorFromText(text, minorUnits);
  if (minor === null || minor < 1) throw invalid({ [field]: [t('wallet.amountInvalid', { decimals: minorUnits })] });
  return minor;
}
