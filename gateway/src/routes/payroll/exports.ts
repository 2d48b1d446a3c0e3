// Employers' payroll exports: the employees' forms of a month (their employer views), the CSV column
// layout and its language (with If-Match), the month's file as CSV or JSON, and a preview of a layout
// being tried. Its HR managers and admins.
import { z } from 'zod';
import { ExportFormat } from '@e21/proto/e21/payroll/v1/payroll';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, limit, listOf, uuid } from '../common.js';
import { employerViewOut, layoutIn, layoutOut } from './mapping.js';
import { EmployerFormView, Layout, LayoutIn, month, Preview } from './schemas.js';

const NO_STORE = { 'Cache-Control': 'no-store' };
const organizationParam = z.object({ organizationId: uuid }).strict();
const monthParam = z.object({ organizationId: uuid, month }).strict();
const FIELDS = { organization_id: 'params.organizationId', month: 'params.month', layout: 'body', expected_version: 'header.if-match' };

export function exportRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/payroll/organizations/:organizationId/forms',
      summary:
        'The employer views of its employees’ forms for a month, of the contracts it is a party to (its HR managers and admins): hours, hours per ' +
        'competence group, the contract year’s hours and the currency credited; never the projects, challenges, competences nor the wallet',
      tag: 'payroll',
      access: 'person',
      params: organizationParam,
      query: z.object({ month, limit, cursor }).strict(),
      fieldNames: { ...FIELDS, month: 'query.month' },
      response: { status: 200, schema: listOf(EmployerFormView), description: 'Employer views of the forms' },
      async handler({ params, query, actor }) {
        const page = await deps.payroll.listForms(
          {
            territoryId: '',
            organizationId: params.organizationId,
            month: query.month,
            limit: query.limit ?? 0,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: page.employerViews.map(employerViewOut), nextCursor: page.nextCursor || null }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/organizations/:organizationId/export-layout',
      summary:
        'The employer’s CSV layout: columns in order, their headers, the separator, the decimal comma and the language of default headers and ' +
        'competence groups (the default layout, in the organization’s default language, until it saves its own)',
      tag: 'payroll',
      access: 'person',
      params: organizationParam,
      fieldNames: FIELDS,
      response: { status: 200, schema: Layout, description: 'The layout' },
      async handler({ params, actor }) {
        const layout = layoutOut(
          await deps.payroll.getExportLayout({ organizationId: params.organizationId }, { caller: callerOf(actor) }),
        );
        return { body: layout, headers: NO_STORE, version: layout.version };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/payroll/organizations/:organizationId/export-layout',
      summary: 'Save the employer’s CSV layout; If-Match names the version you saw ("0" before the first save)',
      tag: 'payroll',
      access: 'person',
      refusals: ['invalid_layout', 'invalid_version'],
      params: organizationParam,
      body: LayoutIn,
      ifMatch: 'required',
      fieldNames: FIELDS,
      response: { status: 200, schema: Layout, description: 'The saved layout' },
      async handler({ params, body, ifMatch, actor }) {
        const layout = layoutOut(
          await deps.payroll.setExportLayout(
            { organizationId: params.organizationId, layout: layoutIn(body), expectedVersion: ifMatch ?? 0 },
            { caller: callerOf(actor) },
          ),
        );
        return { body: layout, version: layout.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/organizations/:organizationId/exports/:month',
      summary:
        'The employer’s payroll export of a month: one row per employee (employee reference, SAR hours, hours per competence group, local currency credited, form id), ' +
        'CSV in its layout or JSON in integers; only its own employees’ forms of contracts it is a party to. One column per competence group (keyed by ' +
        'its id in JSON), labelled in the layout’s language whatever each employee’s',
      tag: 'payroll',
      access: 'person',
      params: monthParam,
      query: z.object({ format: z.enum(['csv', 'json']).default('csv') }).strict(),
      fieldNames: FIELDS,
      response: { status: 200, description: 'The CSV or JSON file' },
      async handler({ params, query, actor }) {
        const format = query.format === 'json' ? ExportFormat.EXPORT_FORMAT_JSON : ExportFormat.EXPORT_FORMAT_CSV;
        const file = await deps.payroll.renderExport(
          { organizationId: params.organizationId, month: params.month, format, layout: undefined, limit: 0 },
          { caller: callerOf(actor) },
        );
        return { file: { contentType: file.contentType, data: file.content, filename: file.filename, download: true }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/payroll/organizations/:organizationId/exports/:month/preview',
      summary: 'Preview the month’s CSV with a layout being tried (nothing is saved): its headers and first rows',
      tag: 'payroll',
      access: 'person',
      refusals: ['invalid_layout', 'invalid_limit'],
      params: monthParam,
      body: z
        .object({
          layout: LayoutIn.optional().describe('the saved layout when absent'),
          limit: z.number().int().min(1).max(100).default(10),
        })
        .strict(),
      fieldNames: { ...FIELDS, layout: 'body.layout', limit: 'body.limit' },
      response: { status: 200, schema: Preview, description: 'The preview' },
      async handler({ params, body, actor }) {
        const file = await deps.payroll.renderExport(
          {
            organizationId: params.organizationId,
            month: params.month,
            format: ExportFormat.EXPORT_FORMAT_CSV,
            layout: body.layout ? layoutIn(body.layout) : undefined,
            limit: body.limit,
          },
          { caller: callerOf(actor) },
        );
        const language = file.language === 'fr' ? ('fr' as const) : ('en' as const);
        return {
          body: {
            headers: file.headers,
            rows: file.rows.map((r) => r.cells),
            totalRows: file.totalRows,
            csv: file.content.toString('utf8'),
            language,
          },
          headers: NO_STORE,
        };
      },
    }),
  ];
}
