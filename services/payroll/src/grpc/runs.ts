// Issuing runs of a territory, with their progress: its officers and those above.
import { forbidden, notFound, type Handlers } from '@e21/kit';
import type { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import { runToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, clampLimit, requireMonth, requireUuid, type HandlerDeps } from './context.js';

type RunHandlers = Pick<Handlers<typeof PayrollServiceService>, 'listRuns' | 'getRun'>;

export function runHandlers(deps: HandlerDeps): RunHandlers {
  async function requireOffice(caller: ReturnType<typeof callerOf>, territoryId: string): Promise<void> {
    if (!(await deps.directory.may(caller, 'payroll.runs.read', { territoryId })))
      throw forbidden('Only the officers of the territory or above follow its issuing runs');
  }

  return {
    async listRuns(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const month = request.month ? requireMonth(request.month, 'month') : undefined;
      const limit = clampLimit(request.limit, 20, 100);
      await requireOffice(caller, territoryId);
      return { runs: (await store.runsOfTerritory(deps.pool, territoryId, month, limit)).map(runToProto) };
    },

    async getRun(request, call) {
      const caller = callerOf(call);
      const id = requireUuid(request.id, 'id');
      const run = await store.getRun(deps.pool, id);
      if (!run) throw notFound('run', id);
      await requireOffice(caller, run.territoryId);
      return runToProto(run);
    },
  };
}
