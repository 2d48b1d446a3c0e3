// Pay for approved hours: what an entry of Societal Activity earns in the territory's currency.

/**
 * credit = minutes x rate per hour / 60, rounded half up to the minor unit, in integers only: at
 * 1000 minor units an hour, 50 minutes earn 833 (833.33...) and 1 minute earns 17 (16.67).
 */
export function creditForMinutes(minutes: bigint, ratePerHourMinor: bigint): bigint {
  if (minutes <= 0n || ratePerHourMinor <= 0n) return 0n;
  return (minutes * ratePerHourMinor + 30n) / 60n;
}
