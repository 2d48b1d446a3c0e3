// A currency's supply for its treasury: what was issued, redeemed and kept, and whether the ledger holds.

export interface SupplyFigures {
  issuedMinor: bigint;
  redeemedMinor: bigint;
  inCirculationMinor: bigint;
  feesMinor: bigint;
  pendingRedemptionMinor: bigint;
  pendingRedemptions: number;
  accounts: number;
  transfers: bigint;
  balancesSumMinor: bigint;
  entriesSumMinor: bigint;
  mismatchedAccounts: number;
}

/** Double entry holds: every balance and every entry sum to zero, and each balance is its entries' sum. */
export const isBalanced = (figures: SupplyFigures): boolean =>
  figures.balancesSumMinor === 0n && figures.entriesSumMinor === 0n && figures.mismatchedAccounts === 0;
