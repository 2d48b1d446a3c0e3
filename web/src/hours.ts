// Hours as people write them ("12", "12.5", "12,5", "12:30", "12 h 30") and the integer minutes the API counts.

const DECIMAL = /^(\d{1,6})(?:[.,](\d{1,2}))?$/;
const CLOCK = /^(\d{1,6})\s*(?::|h)\s*(\d{1,2})$/i;

/**
 * Minutes for hours written by a person; null when it is not a number of hours. Decimal hours are
 * rounded to the nearest minute (1.01 h = 61 minutes); "h:mm" must have fewer than 60 minutes.
 */
export function minutesFromHours(text: string): number | null {
  const value = text.trim();
  const clock = CLOCK.exec(value);
  if (clock) {
    const minutes = Number(clock[2]);
    return minutes < 60 ? Number(clock[1]) * 60 + minutes : null;
  }
  const decimal = DECIMAL.exec(value);
  if (!decimal) return null;
  const fraction = decimal[2] ? Number(decimal[2].padEnd(2, '0')) : 0;
  return Number(decimal[1]) * 60 + Math.round((fraction * 60) / 100);
}

/** "12:30" for 750 minutes: what the hours fields show, and read back unchanged. */
export function hoursInput(minutes: number): string {
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)}:${String(rest).padStart(2, '0')}` : String(minutes / 60);
}

/** "12 h 30" / "12 h" for 750 / 720 minutes, as shown in text. */
export function hoursText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const absolute = Math.abs(minutes);
  const rest = absolute % 60;
  return `${sign}${Math.floor(absolute / 60)} h${rest ? ` ${String(rest).padStart(2, '0')}` : ''}`;
}
