// Money as integers of a currency's minor units: the limits of one amount, and how amounts are written.
import { refusal, type RefusalValue } from '@e21/kit';

/** No single transfer moves more than a billion units (with two decimals): anything larger is a mistake. */
export const MAX_AMOUNT_MINOR = 100_000_000_000n;

/** Refused unless the amount is a whole positive number of minor units no larger than MAX_AMOUNT_MINOR. */
export function checkAmount(amountMinor: bigint, field = 'amount_minor'): RefusalValue | undefined {
  if (amountMinor <= 0n)
    return refusal('invalid', 'invalid_amount', `${field} must be a positive whole number of minor units`, [
      { field, message: 'must be a positive whole number of minor units' },
    ]);
  if (amountMinor > MAX_AMOUNT_MINOR)
    return refusal('invalid', 'amount_too_large', `${field} must be at most ${MAX_AMOUNT_MINOR} minor units`, [
      { field, message: `must be at most ${MAX_AMOUNT_MINOR} minor units` },
    ]);
  return undefined;
}

/** "1234.50" for 123450 with two minor units, "-7" for -7 with none: a dot, no grouping. */
export function formatMinor(amountMinor: bigint, minorUnits: number): string {
  const sign = amountMinor < 0n ? '-' : '';
  const digits = (amountMinor < 0n ? -amountMinor : amountMinor).toString();
  if (minorUnits === 0) return `${sign}${digits}`;
  const padded = digits.padStart(minorUnits + 1, '0');
  return `${sign}${padded.slice(0, -minorUnits)}.${padded.slice(-minorUnits)}`;
}

/** Text that may be shown to others (a reference, a name): trimmed, without control characters. */
export function checkText(value: string, field: string, max: number, options: { required?: boolean } = {}): RefusalValue | undefined {
  const text = value.trim();
  if (options.required && !text)
    return refusal('invalid', 'validation_failed', `${field} must not be empty`, [{ field, message: 'must not be empty' }]);
  if ([...text].length > max)
    return refusal('invalid', 'validation_failed', `${field} must be at most ${max} characters`, [
      { field, message: `must be at most ${max} characters` },
    ]);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text))
    return refusal('invalid', 'validation_failed', `${field} must not contain control characters`, [
      { field, message: 'must not contain control characters' },
    ]);
  return undefined;
}
