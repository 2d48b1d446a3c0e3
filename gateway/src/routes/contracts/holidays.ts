// SAR holidays: requested by the person, agreed by the employer (employees), approved by the office.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute, type RouteInput } from '../../http/route.js';
import { emptyQuery, uuid } from '../common.js';
import { IDEMPOTENCY_NOTE } from './common.js';
import { holidaysOut } from './mapping.js';
import { comment, Holidays, isoDate } from './schemas.js';

const holidaysParam = z.object({ holidaysId: uuid }).strict();
const holidaysList = z.object({ items: z.array(Holidays) });
type Decision = 'agreeHolidays' | 'approveHolidays' | 'refuseHolidays' | 'cancelHolidays';

export function holidaysRoutes(deps: GatewayDeps) {
  const decision = (path: string, summary: string, rpc: Decision) =>
    defineRoute({
      method: 'post',
      path: `/v1/holidays/:holidaysId/${path}`,
      summary: `${summary}. If-Match: the holidays' version`,
      tag: 'holidays',
      access: 'person',
      refusals: [
        'not_a_party',
        'party_required',
        'holidays_decided',
        'not_your_decision',
        'contract_not_in_force',
        'invalid_holidays',
        'holidays_exceed_sar',
      ],
      params: holidaysParam,
      ifMatch: 'required',
      body: z.object({ comment }).strict(),
      response: { status: 200, schema: Holidays, description: 'The holidays' },
      async handler(input: RouteInput<{ holidaysId: string }, unknown, { comment?: string }>) {
        const holidays = await deps.contracts[rpc](
          { holidaysId: input.params.holidaysId, expectedVersion: input.ifMatch!, comment: input.body.comment ?? '' },
          { caller: callerOf(input.actor) },
        );
        const out = holidaysOut(holidays);
        return { body: out, version: out.version };
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/v1/contracts/:contractId/holidays',
      summary: 'The SAR holidays of a contract (its parties only)',
      tag: 'holidays',
      access: 'person',
      params: z.object({ contractId: uuid }).strict(),
      query: emptyQuery,
      response: { status: 200, schema: holidaysList, description: 'Holidays by start date' },
      async handler(input) {
        const { holidays } = await deps.contracts.listHolidays({ contractId: input.params.contractId }, { caller: callerOf(input.actor) });
        return { body: { items: holidays.map(holidaysOut) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/holidays',
      summary: `Request SAR holidays for a project I initiated (an individual initiative or international solidarity).${IDEMPOTENCY_NOTE}`,
      tag: 'holidays',
      access: 'person',
      refusals: [
        'unknown_project',
        'project_not_eligible',
        'project_not_approved',
        'not_project_initiator',
        'contract_not_in_force',
        'invalid_holidays',
        'holidays_exceed_sar',
      ],
      params: z.object({ contractId: uuid }).strict(),
      body: z
        .object({
          projectId: uuid,
          startDate: isoDate,
          endDate: isoDate,
          minutes: z
            .number()
            .int()
            .min(1)
            .max(366 * 600),
          comment,
        })
        .strict(),
      response: { status: 201, schema: Holidays, description: 'The request, waiting for the employer (employees) or the office' },
      idempotent: true,
      async handler(input) {
        const { actor, params, body } = input;
        const holidays = await deps.contracts.requestHolidays(
          {
            contractId: params.contractId,
            projectId: body.projectId,
            startDate: body.startDate,
            endDate: body.endDate,
            minutes: BigInt(body.minutes),
            comment: body.comment ?? '',
            idempotencyKey: input.idempotencyKey,
          },
          { caller: callerOf(actor) },
        );
        const out = holidaysOut(holidays);
        return { status: 201, body: out, version: out.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/holidays',
      summary: 'SAR holidays waiting for my decision, for an employer or an office',
      tag: 'holidays',
      access: 'person',
      query: emptyQuery,
      response: { status: 200, schema: holidaysList, description: 'Holidays waiting for you' },
      async handler(input) {
        const { holidays } = await deps.contracts.listHolidays({ contractId: '' }, { caller: callerOf(input.actor) });
        return { body: { items: holidays.map(holidaysOut) } };
      },
    }),

    decision('agreement', 'The employer agrees to an employee’s SAR holidays', 'agreeHolidays'),
    decision('approval', 'The office approves SAR holidays: they then count against the SAR', 'approveHolidays'),
    decision('refusal', 'The employer or the office refuses SAR holidays', 'refuseHolidays'),
    decision('cancellation', 'The person cancels their request before it is decided', 'cancelHolidays'),
  ];
}
