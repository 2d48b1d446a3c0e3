// Amounts as people write them ("12", "12.5", "12,50") and the integer minor units the API counts,
// amounts written for reading, and the payment request a scanned or pasted code names.

const AMOUNT = /^(\d{1,12})(?:[.,](\d+))?$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Minor units for an amount written by a person, with at most the currency's decimals; null when it
 * is not an amount (no floating point: "12,5" with two decimals is 1250).
 */
export function minorFromText(text: string, minorUnits: number): number | null {
  const match = AMOUNT.exec(text.trim().replace(/\s/g, ''));
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > minorUnits) return null;
  const minor = Number(match[1]) * 10 ** minorUnits + Number(fraction.padEnd(minorUnits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** "12.50" for 1250 with two decimals: what an amount field shows, and reads back unchanged. */
export function amountInput(amountMinor: number, minorUnits: number): string {
  if (minorUnits === 0) return String(amountMinor);
  const digits = String(Math.abs(amountMinor)).padStart(minorUnits + 1, '0');
  return `${amountMinor < 0 ? '-' : ''}${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
}

/** "12,50 ÉCU-BDR" (French) or "12.50 ÉCU-BDR" (English); a sign only when asked for. */
export function formatAmount(
  amountMinor: number,
  minorUnits: number,
  code: string,
  language: string,
  options: { signed?: boolean } = {},
): string {
  const format = new Intl.NumberFormat(language, {
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  });
  // Divided on the digits, so the number formatted is exactly the amount (at most two decimals).
  return `${format.format(Number(amountInput(amountMinor, minorUnits)))} ${code}`;
}

/**
 * The payment request a code names: an e21pay: URI from a QR code, a link to /pay/<id>, or the id
 * itself; null when the text names none.
 */
export function paymentRequestIdFrom(text: string): string | null {
  const value = text.trim();
  const uri = /^e21pay:([^?]+)/i.exec(value);
  const candidate = uri ? uri[1]! : (/\/pay\/([^/?#]+)/.exec(value)?.[1] ?? value);
  const id = UUID.exec(candidate)?.[0];
  return id && id.length === candidate.length ? id.toLowerCase() : null;
}
