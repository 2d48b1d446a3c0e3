// Officers' corrections of approved hours in closed months (If-Match, a reason), and an entry's
// audit trail of them; a correction makes payroll issue a new version of the person's form.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { uuid } from '../common.js';
import { entryOut } from './mapping.js';
import { minutes, reason, TimeEntry } from './schemas.js';

const entryParam = z.object({ entryId: uuid }).strict();
const ENTRY_FIELDS = { entry_id: 'params.entryId' };

const Correction = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  previousMinutes: z.number().int(),
  minutes: z.number().int(),
  reason: z.string(),
  correctedBy: z.string(),
  correctedAt: z.string(),
  version: z.number().int(),
});

export function correctionRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/timesheets/entries/:entryId/correction',
      summary:
        'Correct the minutes of an approved entry of a closed month, with a reason (an officer of its territory or above; If-Match: the entry’s version). ' +
        'Kept in the entry’s audit trail and announced: payroll issues a new version of the person’s form',
      tag: 'timesheets',
      access: 'person',
      refusals: ['entry_not_approved', 'period_not_closed', 'nothing_to_correct', 'over_12_hours_a_day', 'reason_required'],
      params: entryParam,
      body: z.object({ minutes, reason }).strict(),
      ifMatch: 'required',
      idempotent: true,
      fieldNames: ENTRY_FIELDS,
      response: { status: 200, schema: TimeEntry, description: 'The corrected entry' },
      async handler({ params, body, ifMatch, idempotencyKey, actor }) {
        const entry = await deps.timesheets.correctEntry(
          { entryId: params.entryId, expectedVersion: ifMatch!, minutes: BigInt(body.minutes), reason: body.reason, idempotencyKey },
          { caller: callerOf(actor) },
        );
        return { body: entryOut(entry), version: entry.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/timesheets/entries/:entryId/corrections',
      summary: 'The audit trail of an entry’s corrections, oldest first (the person and the territory’s officers)',
      tag: 'timesheets',
      access: 'person',
      params: entryParam,
      fieldNames: ENTRY_FIELDS,
      response: { status: 200, schema: z.object({ items: z.array(Correction) }), description: 'Corrections' },
      async handler({ params, actor }) {
        const { corrections } = await deps.timesheets.listEntryCorrections({ entryId: params.entryId }, { caller: callerOf(actor) });
        return {
          body: { items: corrections.map((c) => ({ ...c, previousMinutes: Number(c.previousMinutes), minutes: Number(c.minutes) })) },
          headers: { 'Cache-Control': 'no-store' },
        };
      },
    }),
  ];
}
