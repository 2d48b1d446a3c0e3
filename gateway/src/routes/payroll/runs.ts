// Issuing runs of a territory with their progress (done / total): its officers and those above.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { uuid } from '../common.js';
import { runOut } from './mapping.js';
import { month, Run } from './schemas.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function runRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/payroll/territories/:territoryId/runs',
      summary: 'The issuing runs of a territory, latest first, with their progress (its officers and those above)',
      tag: 'payroll',
      access: 'person',
      params: z.object({ territoryId: uuid }).strict(),
      query: z.object({ month: month.optional(), limit: z.coerce.number().int().min(1).max(100).optional() }).strict(),
      fieldNames: { territory_id: 'params.territoryId', month: 'query.month' },
      response: { status: 200, schema: z.object({ items: z.array(Run) }), description: 'Runs' },
      async handler({ params, query, actor }) {
        const { runs } = await deps.payroll.listRuns(
          { territoryId: params.territoryId, month: query.month ?? '', limit: query.limit ?? 0 },
          { caller: callerOf(actor) },
        );
        return { body: { items: runs.map(runOut) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/runs/:runId',
      summary: 'An issuing run and its progress (the officers of its territory and above)',
      tag: 'payroll',
      access: 'person',
      params: z.object({ runId: uuid }).strict(),
      fieldNames: { id: 'params.runId' },
      response: { status: 200, schema: Run, description: 'The run' },
      async handler({ params, actor }) {
        return { body: runOut(await deps.payroll.getRun({ id: params.runId }, { caller: callerOf(actor) })), headers: NO_STORE };
      },
    }),
  ];
}
