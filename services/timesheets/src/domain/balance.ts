// Balances of a contract: its yearly minutes against what is approved and pending, and a week's
// allowance against what is logged in it.
import type { IsoDate } from './dates.js';

export interface ContractBalance {
  yearlyMinutes: number;
  approvedMinutes: number;
  pendingMinutes: number;
  /** What may still be logged: never below zero, even if an amendment lowered the yearly minutes. */
  remainingMinutes: number;
}

export function contractBalance(yearlyMinutes: number, approvedMinutes: number, pendingMinutes: number): ContractBalance {
  return {
    yearlyMinutes,
    approvedMinutes,
    pendingMinutes,
    remainingMinutes: Math.max(0, yearlyMinutes - approvedMinutes - pendingMinutes),
  };
}

export interface DayAllowance {
  date: IsoDate;
  dayKind: string;
  dayMaxMinutes: number;
}

export interface WeekBalance {
  allowedMinutes: number;
  usedMinutes: number;
  days: (DayAllowance & { usedMinutes: number })[];
}

/** The week's allowance (from the schedule) and the pending and approved minutes logged on each day. */
export function weekBalance(weekAllowedMinutes: number, days: DayAllowance[], usedByDate: Map<IsoDate, number>): WeekBalance {
  const withUse = days.map((day) => ({ ...day, usedMinutes: usedByDate.get(day.date) ?? 0 }));
  return { allowedMinutes: weekAllowedMinutes, usedMinutes: withUse.reduce((total, day) => total + day.usedMinutes, 0), days: withUse };
}
