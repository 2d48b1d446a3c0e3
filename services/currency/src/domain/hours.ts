// Pay for approved hours: what an approved entry must say to be paid, what it earns in the
// territory's currency, and the hours that wait for a currency where none applies yet.
import { isIsoDate, isUuid } from '@e21/kit';

/**
 * credit = minutes x rate per hour / 60, rounded half up to the minor unit, in integers only: at
 * 1000 minor units an hour, 50 minutes earn 833 (833.33...) and 1 minute earns 17 (16.67).
 */
export function creditForMinutes(minutes: bigint, ratePerHourMinor: bigint): bigint {
  if (minutes <= 0n || ratePerHourMinor <= 0n) return 0n;
  return (minutes * ratePerHourMinor + 30n) / 60n;
}

/** An approved entry, as the currency pays it. */
export interface ApprovedHours {
  entryId: string;
  personId: string;
  territoryId: string;
  entryDate: string;
  minutes: bigint;
  approvedBy: string;
}

/** The facts of an approved entry, or an error: a malformed event is retried, then set aside for an operator. */
export function approvedHoursOf(
  entry: { entryId: string; personId: string; territoryId: string; date: string; minutes: bigint } | undefined,
  approvedBy: string,
): ApprovedHours {
  if (!entry || ![entry.entryId, entry.personId, entry.territoryId].every(isUuid) || !isIsoDate(entry.date) || entry.minutes <= 0n) {
    throw new Error(`approved entry ${entry?.entryId ?? '?'} lacks an id, person, territory, date or minutes`);
  }
  return {
    entryId: entry.entryId.toLowerCase(),
    personId: entry.personId.toLowerCase(),
    territoryId: entry.territoryId.toLowerCase(),
    entryDate: entry.date,
    minutes: entry.minutes,
    approvedBy: approvedBy || 'system:timesheets',
  };
}

/** What paying an entry needs from identity, gathered before the inbox transaction. */
export interface HoursFacts {
  hours: ApprovedHours;
  /** The entry's territory first, then those above it. */
  territoryPath: string[];
  /** The person's name, to open their account with; undefined when they held one in the currency that applied. */
  personName: string | undefined;
}

/** Approved hours of a place without a currency: paid in the transaction that creates one over it. */
export interface UnpaidHours {
  entryId: string;
  personId: string;
  /** The name the person's account opens with; null for hours that waited before names were kept. */
  personName: string | null;
  territoryId: string;
  territoryPath: string[];
  entryDate: string;
  minutes: bigint;
  receivedAt: Date;
}
