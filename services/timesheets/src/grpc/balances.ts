// Balances: a contract's yearly, approved, pending and remaining minutes, and a week's allowance
// against what is logged in it, day by day.
import { Refused, toProtoEnum, type Handlers } from '@e21/kit';
import type { DayKind } from '@e21/proto/e21/contracts/v1/contracts';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { contractBalance, weekBalance } from '../domain/balance.js';
import { addDays, dateOf, isoWeekOf } from '../domain/dates.js';
import * as store from '../store.js';
import { callerOf, requireDate, requireUuid, type HandlerDeps } from './context.js';

type BalanceHandlers = Pick<Handlers<typeof TimesheetsServiceService>, 'getBalance'>;

export function balanceHandlers(deps: HandlerDeps): BalanceHandlers {
  return {
    async getBalance(request, call) {
      const caller = callerOf(call);
      const contractId = requireUuid(request.contractId, 'contract_id');
      const date = request.date ? requireDate(request.date, 'date') : dateOf(deps.now());
      const contract = await deps.directory.contract(contractId);
      const own = contract && (caller.kind === 'system' || (caller.kind === 'person' && caller.personId === contract.personId));
      if (!contract || !own) throw new Refused('forbidden', 'not_your_contract', 'Only the contract’s person reads its balance');
      const { weekStart, weekEnd } = isoWeekOf(date);
      const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
      const [allowances, minutes] = await Promise.all([
        Promise.all(days.map((day) => deps.directory.allowance(contractId, day))),
        store.contractMinutes(deps.pool, contractId, weekStart, weekEnd),
      ]);
      const yearly = contractBalance(contract.yearlyMinutes, minutes.approved, minutes.pending);
      // Days outside the contract answer 0 for the week: the week's figure is the one its days in force give.
      const week = weekBalance(
        Math.max(...allowances.map((a) => a.weekAllowedMinutes)),
        allowances.map((a) => ({ date: a.date, dayKind: a.dayKind, dayMaxMinutes: a.dayMaxMinutes })),
        minutes.byDate,
      );
      return {
        contractId,
        yearlyMinutes: BigInt(yearly.yearlyMinutes),
        approvedMinutes: BigInt(yearly.approvedMinutes),
        pendingMinutes: BigInt(yearly.pendingMinutes),
        remainingMinutes: BigInt(yearly.remainingMinutes),
        weekStart,
        weekEnd,
        weekAllowedMinutes: BigInt(week.allowedMinutes),
        weekUsedMinutes: BigInt(week.usedMinutes),
        days: week.days.map((day) => ({
          date: day.date,
          dayKind: toProtoEnum<DayKind>('DAY_KIND', day.dayKind),
          allowedMinutes: BigInt(day.dayKind === 'blackout' ? 0 : day.dayMaxMinutes),
          usedMinutes: BigInt(day.usedMinutes),
        })),
      };
    },
  };
}
