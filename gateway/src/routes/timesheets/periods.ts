// Monthly periods of a territory (its officers and those above): the months with their pending
// and approved hours, the close, and the reports of approved hours as JSON or CSV.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { ReportDimension } from '@e21/proto/e21/timesheets/v1/timesheets';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { uuid } from '../common.js';
import { year } from '../contracts/schemas.js';
import { periodOut, reportCsv, reportOut } from './mapping.js';
import { month, Period, Report, REPORT_DIMENSIONS } from './schemas.js';

const territoryParam = z.object({ territoryId: uuid }).strict();
const TERRITORY_FIELDS = { territory_id: 'params.territoryId', month: 'params.month' };

export function periodRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/timesheets/territories/:territoryId/periods',
      summary:
        'The months of a territory’s year up to now, latest first: open or closed, with pending, approved and rejected entries (its officers and those above)',
      tag: 'timesheets',
      access: 'person',
      refusals: ['invalid_year'],
      params: territoryParam,
      query: z.object({ year: year.optional().describe('the current year by default') }).strict(),
      fieldNames: TERRITORY_FIELDS,
      response: { status: 200, schema: z.object({ items: z.array(Period) }), description: 'Periods, latest first' },
      async handler(input) {
        const { periods } = await deps.timesheets.listPeriods(
          { territoryId: input.params.territoryId, year: input.query.year ?? 0 },
          { caller: callerOf(input.actor) },
        );
        return { body: { items: periods.map(periodOut) }, headers: { 'Cache-Control': 'no-store' } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/timesheets/territories/:territoryId/periods/:month/closure',
      summary:
        'Close a month that is over (an officer of the territory or above): refused while entries are pending, unless carryPending moves them to the next month. ' +
        'A closed month never changes; its close announces the approved totals per person and project',
      tag: 'timesheets',
      access: 'person',
      refusals: ['period_closed', 'month_not_over', 'pending_entries'],
      params: z.object({ territoryId: uuid, month }).strict(),
      body: z.object({ carryPending: z.boolean().default(false).describe('carry the entries still pending to the next month') }).strict(),
      fieldNames: TERRITORY_FIELDS,
      response: { status: 200, schema: Period, description: 'The closed period' },
      async handler(input) {
        const { params, body } = input;
        const period = await deps.timesheets.closePeriod(
          { territoryId: params.territoryId, month: params.month, carryPending: body.carryPending },
          { caller: callerOf(input.actor) },
        );
        return { body: periodOut(period) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/timesheets/territories/:territoryId/report',
      summary:
        'Approved hours of the territory and everything below it, per project, competence, challenge, employer, territory or month, as JSON, or CSV with Accept: text/csv or format=csv ' +
        '(its officers and integrating bodies, and those above)',
      tag: 'timesheets',
      access: 'person_or_client',
      refusals: ['invalid_range'],
      params: territoryParam,
      query: z
        .object({
          by: z.enum(REPORT_DIMENSIONS),
          from: month.optional().describe('first month, January of this year by default'),
          to: month.optional().describe('last month, December of this year by default'),
          format: z.enum(['json', 'csv']).optional(),
        })
        .strict(),
      fieldNames: { ...TERRITORY_FIELDS, from_month: 'query.from', to_month: 'query.to' },
      response: { status: 200, schema: Report, description: 'The report (or its CSV)' },
      async handler(input) {
        const { params, query, req, language } = input;
        const thisYear = new Date().getUTCFullYear();
        const report = reportOut(
          await deps.timesheets.getReport(
            {
              territoryId: params.territoryId,
              by: toProtoEnum<ReportDimension>('REPORT_DIMENSION', query.by),
              fromMonth: query.from ?? `${thisYear}-01`,
              toMonth: query.to ?? `${thisYear}-12`,
              language,
            },
            { caller: callerOf(input.actor) },
          ),
        );
        const csv = query.format === 'csv' || (query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
        if (!csv) return { body: report, headers: { 'Cache-Control': 'no-store' } };
        return {
          file: {
            contentType: 'text/csv; charset=utf-8',
            data: reportCsv(report),
            filename: `hours-by-${report.by}-${report.from}-${report.to}.csv`,
            download: true,
          },
          headers: { 'Cache-Control': 'no-store' },
        };
      },
    }),
  ];
}
