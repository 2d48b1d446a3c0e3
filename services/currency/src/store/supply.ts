// SQL of a currency's supply figures, read in one statement.
import type { Queryable } from '@e21/kit';
import type { CurrencyRecord } from '../domain/currencies.js';
import type { SupplyFigures } from '../domain/supply.js';

/** Every figure of a currency read by one statement, so all of them come from the same snapshot. */
export async function supplyOf(db: Queryable, currency: CurrencyRecord): Promise<SupplyFigures> {
  const { rows } = await db.query<Record<string, bigint>>(
    `select
       (select coalesce(sum(amount_minor), 0) from transfers where currency_id = $1 and kind = 'hours')::bigint as issued,
       (select coalesce(sum(amount_minor), 0) from transfers where currency_id = $1 and kind = 'redemption')::bigint as redeemed,
       (select -balance_minor from accounts where id = $2) as in_circulation,
       (select coalesce(sum(fee_minor), 0) from redemptions where currency_id = $1 and status = 'approved')::bigint as fees,
       (select coalesce(sum(amount_minor), 0) from redemptions where currency_id = $1 and status = 'requested')::bigint as pending_minor,
       (select count(*) from redemptions where currency_id = $1 and status = 'requested') as pending,
       (select count(*) from accounts where currency_id = $1) as accounts,
       (select count(*) from transfers where currency_id = $1) as transfers,
       (select coalesce(sum(balance_minor), 0) from accounts where currency_id = $1)::bigint as balances_sum,
       (select coalesce(sum(e.amount_minor), 0) from entries e join accounts a on a.id = e.account_id where a.currency_id = $1)::bigint as entries_sum,
       (select count(*) from accounts a
          left join (select account_id, sum(amount_minor) as total from entries group by account_id) s on s.account_id = a.id
        where a.currency_id = $1 and a.balance_minor <> coalesce(s.total, 0)) as mismatched`,
    [currency.id, currency.issuanceAccountId],
  );
  const row = rows[0]!;
  return {
    issuedMinor: row.issued!,
    redeemedMinor: row.redeemed!,
    inCirculationMinor: row.in_circulation ?? 0n,
    feesMinor: row.fees!,
    pendingRedemptionMinor: row.pending_minor!,
    pendingRedemptions: Number(row.pending),
    accounts: Number(row.accounts),
    transfers: row.transfers!,
    balancesSumMinor: row.balances_sum!,
    entriesSumMinor: row.entries_sum!,
    mismatchedAccounts: Number(row.mismatched),
  };
}
