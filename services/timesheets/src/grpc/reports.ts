// Reports: approved minutes of a territory and everything below it, per project, competence,
// challenge, employer, territory or month, for its officers and integrating bodies.
import { forbidden, invalid, notFound, type Handlers } from '@e21/kit';
import type { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { addMonths } from '../domain/dates.js';
import { reportRows, reportTotals, type KeyedMinutes, type ReportDimension } from '../domain/report.js';
import { dimensionFromProto, dimensionToProto } from '../mapping.js';
import * as store from '../store.js';
import { callerOf, requireMonth, requireUuid, type HandlerDeps } from './context.js';

type ReportHandlers = Pick<Handlers<typeof TimesheetsServiceService>, 'getReport'>;

/** Ten years of months at most in one report. */
const MAX_MONTHS = 120;

export function reportHandlers(deps: HandlerDeps): ReportHandlers {
  const { directory } = deps;

  /** Labels of the keys, and for challenges the challenges each project counts under. */
  async function labelling(
    dimension: ReportDimension,
    fetched: KeyedMinutes[],
    language: string,
  ): Promise<{ labelOf: (key: string) => string; keysOf?: (key: string) => string[] }> {
    const keys = [...new Set(fetched.map((f) => f.key))].filter(Boolean);
    const from = (labels: Map<string, string>) => (key: string) => labels.get(key) ?? '';
    switch (dimension) {
      case 'project':
      case 'employer':
        return { labelOf: from(await store.recordedNames(deps.pool, dimension, keys)) };
      case 'competence':
        return { labelOf: from(await directory.skillLabels(keys, language)) };
      case 'territory':
        return { labelOf: from(await directory.territoryNames(language)) };
      case 'month':
        return { labelOf: (key) => key };
      case 'challenge': {
        const { byProject, titles } = await directory.challengesOf(keys);
        return { labelOf: from(titles), keysOf: (projectId) => (byProject.get(projectId)?.length ? byProject.get(projectId)! : ['']) };
      }
    }
  }

  return {
    async getReport(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      const dimension = dimensionFromProto(request.by);
      if (!dimension) throw invalid('by', 'must be one of project, competence, challenge, employer, territory, month', 'invalid_enum');
      const from = requireMonth(request.fromMonth, 'from_month');
      const to = requireMonth(request.toMonth, 'to_month');
      if (to < from || to > addMonths(from, MAX_MONTHS - 1))
        throw invalid('to_month', `must be on or after from_month, at most ${MAX_MONTHS} months later`, 'invalid_range');
      if (!(await directory.may(caller, 'timesheets.reports.read', territoryId)))
        throw forbidden('Only the officers and integrating bodies of the territory, or of a territory above it, read its reports');
      const territoryIds = await directory.territoryAndBelow(territoryId);
      if (!territoryIds) throw notFound('territory', territoryId);
      const fetched = await store.reportMinutes(deps.pool, dimension, territoryIds, from, to);
      const { labelOf, keysOf } = await labelling(dimension, fetched, request.language === 'fr' ? 'fr' : 'en');
      const totals = reportTotals(fetched);
      return {
        territoryId,
        by: dimensionToProto(dimension),
        fromMonth: from,
        toMonth: to,
        rows: reportRows(dimension, fetched, labelOf, keysOf).map((row) => ({ ...row, approvedMinutes: BigInt(row.approvedMinutes) })),
        totalMinutes: BigInt(totals.totalMinutes),
        totalEntries: totals.totalEntries,
      };
    },
  };
}
