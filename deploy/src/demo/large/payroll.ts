// The large demo's forms: payroll issues them by itself when the offices close their months (never
// here). This waits until every closed month has its completed run and none runs any more, so that
// the platform is quiet when the start says it is ready, and counts the forms they issued.
import { PayrollServiceService, RunStatus } from '@e21/proto/e21/payroll/v1/payroll';
import { clientOf, inParallel, SYSTEM, waitUntil, type Targets } from '../world.js';
import type { LargePlan } from './plan.js';

/** How long the forms of every closed month may take to be issued. */
const ISSUING_WAIT_MS = 30 * 60_000;
const PROGRESS_EVERY_MS = 30_000;

interface Issuing {
  forms: number;
  /** Closed months (of a locality) whose run completed. */
  monthsDone: number;
  settled: boolean;
}

export async function waitForForms(targets: Targets, plan: LargePlan, onProgress: (line: string) => void): Promise<number> {
  const payroll = clientOf(PayrollServiceService, targets, 'payroll', 60_000);
  const issuing = async (): Promise<Issuing> => {
    const state: Issuing = { forms: 0, monthsDone: 0, settled: true };
    await inParallel(plan.localities, 4, async (locality, index) => {
      const { runs } = await payroll.listRuns({ territoryId: locality.id, month: '', limit: 100 }, SYSTEM);
      const completed = new Set(runs.filter((r) => r.status === RunStatus.RUN_STATUS_COMPLETED).map((r) => r.month));
      const closed = plan.closes.filter((c) => c.locality === index).map((c) => c.month);
      state.monthsDone += closed.filter((month) => completed.has(month)).length;
      state.forms += runs.reduce((sum, r) => sum + r.formsIssued, 0);
      if (completed.size < runs.length || closed.some((month) => !completed.has(month))) state.settled = false;
    });
    return state;
  };
  try {
    let last: Issuing = { forms: 0, monthsDone: 0, settled: false };
    let reported = Date.now();
    const settled = await waitUntil(
      async () => {
        last = await issuing();
        if (!last.settled && Date.now() - reported > PROGRESS_EVERY_MS) {
          reported = Date.now();
          onProgress(`payroll has issued ${last.forms} forms, ${last.monthsDone} of ${plan.closes.length} closed months done`);
        }
        return last.settled;
      },
      ISSUING_WAIT_MS,
      2000,
    );
    if (!settled)
      throw new Error(`payroll did not issue the forms of the large demo's closed months within ${ISSUING_WAIT_MS / 60_000} minutes`);
    return last.forms;
  } finally {
    payroll.close();
  }
}
