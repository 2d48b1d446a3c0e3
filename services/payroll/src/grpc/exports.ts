// Employers' payroll exports: the column layout (read, saved with If-Match) and the month's file as
// CSV or JSON, with the saved layout or one being tried (a preview), one column per competence group
// labelled in the layout's language. Its HR managers and admins only.
import { forbidden, fromProtoEnum, invalid, requireCurrentVersion, throwIfRefused, withTransaction, type Handlers } from '@e21/kit';
import type { PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import {
  checkLayout,
  DEFAULT_LAYOUT,
  defaultExportLanguage,
  employerView,
  exportGroups,
  exportJson,
  exportTable,
  toCsv,
  type EmployerView,
  type ExportLanguage,
  type ExportLayout,
} from '../domain/exports.js';
import { layoutFromProto, layoutToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, requireMonth, requireUuid, type HandlerDeps } from './context.js';

type ExportHandlers = Pick<Handlers<typeof PayrollServiceService>, 'getExportLayout' | 'setExportLayout' | 'renderExport'>;

const MAX_PREVIEW_ROWS = 100;

export function exportHandlers(deps: HandlerDeps): ExportHandlers {
  async function requireEmployer(
    caller: ReturnType<typeof callerOf>,
    organizationId: string,
    action: 'payroll.exports.read' | 'payroll.exports.configure',
  ): Promise<void> {
    if (!(await deps.directory.may(caller, action, { organizationId })))
      throw forbidden('Only the employer’s HR managers and admins read and set its payroll exports');
  }

  function layoutOf(input: Parameters<typeof layoutFromProto>[0]): ExportLayout {
    const layout = layoutFromProto(input);
    throwIfRefused(checkLayout(layout));
    return layout as ExportLayout;
  }

  /** The language a layout writes in: the organization's choice, else its default from its country. */
  async function languageOf(organizationId: string, layout: ExportLayout): Promise<ExportLanguage> {
    return layout.language ?? defaultExportLanguage(await deps.directory.countryOf(organizationId));
  }

  return {
    async getExportLayout(request, call) {
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireEmployer(callerOf(call), organizationId, 'payroll.exports.read');
      const stored = await store.getLayout(deps.pool, organizationId);
      const layout = stored ?? DEFAULT_LAYOUT;
      return layoutToProto(organizationId, layout, await languageOf(organizationId, layout), stored);
    },

    async setExportLayout(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      if (!Number.isInteger(request.expectedVersion) || request.expectedVersion < 0)
        throw invalid('expected_version', 'must be the version you saw (0 before the first save)', 'invalid_version');
      const layout = layoutOf(
        request.layout ?? { columns: [], separator: 'EXPORT_SEPARATOR_UNSPECIFIED' as never, decimalComma: false, language: '' },
      );
      await requireEmployer(caller, organizationId, 'payroll.exports.configure');
      const saved = await withTransaction(deps.pool, async (tx) => {
        await store.lockLayout(tx, organizationId);
        const current = await store.getLayout(tx, organizationId, { forUpdate: true });
        const version = current?.version ?? 0;
        requireCurrentVersion(request.expectedVersion, version);
        const next = {
          ...layout,
          organizationId,
          version: version + 1,
          updatedBy: caller.kind === 'person' ? `person:${caller.personId}` : 'system',
          updatedAt: deps.now(),
        };
        await store.saveLayout(tx, next);
        return next;
      });
      return layoutToProto(organizationId, saved, await languageOf(organizationId, saved), saved);
    },

    async renderExport(request, call) {
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const month = requireMonth(request.month, 'month');
      const format = fromProtoEnum<'csv' | 'json'>('EXPORT_FORMAT', request.format) ?? 'csv';
      if (!Number.isInteger(request.limit) || request.limit < 0 || request.limit > MAX_PREVIEW_ROWS)
        throw invalid('limit', `must be from 1 to ${MAX_PREVIEW_ROWS} (0 for every row)`, 'invalid_limit');
      const tried = request.layout ? layoutOf(request.layout) : undefined;
      await requireEmployer(callerOf(call), organizationId, 'payroll.exports.read');
      const [forms, saved, references] = await Promise.all([
        store.currentFormsOfEmployer(deps.pool, organizationId, month),
        tried ? undefined : store.getLayout(deps.pool, organizationId),
        deps.directory.employeeReferences(organizationId),
      ]);
      const layout = tried ?? saved ?? DEFAULT_LAYOUT;
      const views = forms.map((form) => employerView(form, organizationId)).filter((v): v is EmployerView => v !== undefined);
      const language = await languageOf(organizationId, layout);
      // One column per group id, labelled by identity in the export's language: each form's own labels are in its person's.
      const groupIds = [...new Set(views.flatMap((v) => [...v.minutesByGroup.keys()]))].filter((id) => id !== '');
      const groups = exportGroups(views, await deps.directory.skillLabels(groupIds, language), language);
      const table = exportTable(views, references, layout, groups, language);
      const shown = request.limit ? { headers: table.headers, rows: table.rows.slice(0, request.limit) } : table;
      const name = `societal-activity-${month}`;
      const content =
        format === 'json'
          ? Buffer.from(
              JSON.stringify(
                { organizationId, month, language, competenceGroups: groups, employees: exportJson(views, references, groups) },
                null,
                2,
              ),
            )
          : Buffer.from(toCsv(shown, layout.separator));
      return {
        content,
        contentType: format === 'json' ? 'application/json' : 'text/csv; charset=utf-8',
        filename: `${name}.${format}`,
        headers: shown.headers,
        rows: shown.rows.map((cells) => ({ cells })),
        totalRows: table.rows.length,
        language,
      };
    },
  };
}
