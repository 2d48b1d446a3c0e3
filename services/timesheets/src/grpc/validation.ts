// Validation: the queue of a coordinator or co-manager, and their approvals and rejections, one
// entry or many at once (all or none).
import { clampLimit, invalid, Refused, withTransaction, type Handlers, type RefusalValue } from '@e21/kit';
import type { DecideEntriesRequest, TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { ENTRY_STATUSES, type TimeEntry } from '../domain/entries.js';
import { checkDecision, decided, MAX_BATCH, REASON_MAX_LENGTH, type Decision } from '../domain/validation.js';
import * as events from '../events.js';
import { entryStatusFromProto, entryToProto } from '../mapping.js';
import * as store from '../store.js';
import { callerOf, callerText, optionalUuid, personOf, requireUuid, requireVersion, type HandlerDeps } from './context.js';

type ValidationHandlers = Pick<Handlers<typeof TimesheetsServiceService>, 'listValidationQueue' | 'approveEntries' | 'rejectEntries'>;

/** A refusal about one entry of the request, naming it ("entries.2") so the client knows which. */
const aboutItem = (refused: RefusalValue, index: number) =>
  new Refused(refused.kind, refused.code, refused.message, [{ field: `entries.${index}`, message: refused.message }]);

function itemsOf(request: DecideEntriesRequest): { entryId: string; version: number }[] {
  if (request.entries.length < 1 || request.entries.length > MAX_BATCH) throw invalid('entries', `must name 1 to ${MAX_BATCH} entries`);
  const items = request.entries.map((item, i) => ({
    entryId: requireUuid(item.entryId, `entries.${i}.entry_id`),
    version: requireVersion(item.version, `entries.${i}.version`),
  }));
  items.forEach((item, i) => {
    if (items.findIndex((other) => other.entryId === item.entryId) < i) throw invalid(`entries.${i}.entry_id`, 'is named twice');
  });
  return items;
}

function reasonOf(value: string, decision: Decision): string {
  const reason = value.trim();
  if (decision === 'reject' && !reason) throw invalid('reason', 'must say why the entry is rejected', 'reason_required');
  if (reason.length > REASON_MAX_LENGTH) throw invalid('reason', `must be at most ${REASON_MAX_LENGTH} characters`);
  if (reason.includes('\u0000')) throw invalid('reason', 'must not contain NUL characters');
  return decision === 'reject' ? reason : '';
}

export function validationHandlers(deps: HandlerDeps): ValidationHandlers {
  async function decide(request: DecideEntriesRequest, call: Parameters<ValidationHandlers['approveEntries']>[1], decision: Decision) {
    const validatorId = personOf(call);
    const by = callerText(callerOf(call));
    const items = itemsOf(request);
    const reason = reasonOf(request.reason, decision);
    const seen = await Promise.all(items.map((item) => store.getEntry(deps.pool, item.entryId)));
    seen.forEach((entry, i) => {
      if (!entry)
        throw new Refused('not_found', 'entry_not_found', `No entry with id ${items[i]!.entryId}`, [
          { field: `entries.${i}.entry_id`, message: 'is not an entry' },
        ]);
    });
    const projects = [...new Set(seen.map((entry) => entry!.projectId))];
    const validates = new Map(
      await Promise.all(projects.map(async (id) => [id, await deps.directory.canValidate(id, validatorId)] as const)),
    );
    const at = deps.now();
    const done = await withTransaction(deps.pool, async (tx) => {
      await store.lockPeriods(
        tx,
        seen.map((entry) => ({ territoryId: entry!.territoryId, month: entry!.month })),
        'shared',
      );
      const locked = new Map(
        (
          await store.getEntriesForUpdate(
            tx,
            items.map((item) => item.entryId),
          )
        ).map((entry) => [entry.id, entry]),
      );
      const result: TimeEntry[] = [];
      for (const [i, item] of items.entries()) {
        const entry = locked.get(item.entryId)!;
        const outcome = checkDecision(
          entry,
          decision,
          { personId: validatorId, canValidate: validates.get(entry.projectId) ?? false },
          item.version,
        );
        if (outcome === 'unchanged') {
          result.push(entry);
          continue;
        }
        if (outcome) throw aboutItem(outcome, i);
        const next = decided(entry, decision, by, reason, at);
        await store.updateEntry(tx, next);
        await (decision === 'approve' ? events.entryApproved(tx, next) : events.entryRejected(tx, next));
        result.push(next);
      }
      return result;
    });
    return { entries: done.map(entryToProto) };
  }

  return {
    async listValidationQueue(request, call) {
      const validatorId = personOf(call);
      const projectId = optionalUuid(request.projectId, 'project_id');
      const status = request.status === 'ENTRY_STATUS_UNSPECIFIED' ? 'pending' : entryStatusFromProto(request.status);
      if (!status || !(ENTRY_STATUSES as readonly string[]).includes(status))
        throw invalid('status', `must be one of ${ENTRY_STATUSES.join(', ')}`, 'invalid_enum');
      const validated = await deps.directory.projectsValidatedBy(validatorId);
      if (projectId && !validated.includes(projectId))
        throw new Refused('forbidden', 'not_a_validator', 'Only the project’s coordinator or co-managers see its hours to validate');
      const page = await store.validationQueue(
        deps.pool,
        { projectIds: projectId ? [projectId] : validated, status, exceptPersonId: validatorId },
        clampLimit(request.limit),
        request.cursor || undefined,
      );
      return { entries: page.items.map(entryToProto), nextCursor: page.nextCursor };
    },

    approveEntries: (request, call) => decide(request, call, 'approve'),
    rejectEntries: (request, call) => decide(request, call, 'reject'),
  };
}
