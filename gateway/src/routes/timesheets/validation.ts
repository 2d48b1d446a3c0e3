// Validation: the queue of the projects I coordinate or co-manage, and approvals and rejections of
// one entry or many at once (all or none).
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { EntryStatus } from '@e21/proto/e21/timesheets/v1/timesheets';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute, type RouteInput } from '../../http/route.js';
import { cursor, limit, listOf, orNull, uuid } from '../common.js';
import { entryOut } from './mapping.js';
import { ENTRY_STATUSES, EntryVersionIn, reason, TimeEntry } from './schemas.js';

const entryParam = z.object({ entryId: uuid }).strict();
const entries = z.array(EntryVersionIn).min(1).max(200).describe('the entries and the versions you saw (all are decided, or none)');
const items = z.object({ items: z.array(TimeEntry) });
/** What deciding an entry refuses (the service's domain/validation.ts). */
const DECISION_REFUSALS = ['own_hours', 'not_a_validator', 'entry_withdrawn', 'entry_approved', 'entry_rejected'];
/** One entry decided through its path: the service's "entries.0" is the path's entry and If-Match's version. */
const ONE_ENTRY = { 'entries.0.entry_id': 'params.entryId', 'entries.0.version': 'header.if-match', 'entries.0': 'params.entryId' };
type Decision = 'approveEntries' | 'rejectEntries';

export function validationRoutes(deps: GatewayDeps) {
  const decideOne = (decision: Decision) =>
    async function handler(input: RouteInput<{ entryId: string }, unknown, { reason?: string }>) {
      const decided = await deps.timesheets[decision](
        { entries: [{ entryId: input.params.entryId, version: input.ifMatch! }], reason: input.body.reason ?? '' },
        { caller: callerOf(input.actor) },
      );
      const entry = entryOut(decided.entries[0]!);
      return { body: entry, version: entry.version };
    };
  const decideMany = (decision: Decision) =>
    async function handler(input: RouteInput<unknown, unknown, { entries: { entryId: string; version: number }[]; reason?: string }>) {
      const decided = await deps.timesheets[decision](
        { entries: input.body.entries, reason: input.body.reason ?? '' },
        { caller: callerOf(input.actor) },
      );
      return { body: { items: decided.entries.map(entryOut) } };
    };

  return [
    defineRoute({
      method: 'get',
      path: '/v1/timesheets/queue',
      summary: 'Hours waiting for my validation: other people’s entries on the projects I coordinate or co-manage, oldest date first',
      tag: 'timesheets',
      access: 'person',
      refusals: ['not_a_validator'],
      query: z
        .object({ projectId: uuid.optional(), status: z.enum(ENTRY_STATUSES).optional().describe('pending by default'), limit, cursor })
        .strict(),
      response: { status: 200, schema: listOf(TimeEntry), description: 'Entries' },
      async handler(input) {
        const { query } = input;
        const page = await deps.timesheets.listValidationQueue(
          {
            projectId: query.projectId ?? '',
            status: toProtoEnum<EntryStatus>('ENTRY_STATUS', query.status ?? 'unspecified'),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(input.actor) },
        );
        return {
          body: { items: page.entries.map(entryOut), nextCursor: orNull(page.nextCursor) },
          headers: { 'Cache-Control': 'no-store' },
        };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/timesheets/entries/:entryId/approval',
      summary:
        'Approve an entry (the project’s coordinator or a co-manager, never for their own hours); an approval is final. If-Match: the entry’s version',
      tag: 'timesheets',
      access: 'person',
      refusals: DECISION_REFUSALS,
      params: entryParam,
      ifMatch: 'required',
      body: z.object({}).strict(),
      fieldNames: ONE_ENTRY,
      response: { status: 200, schema: TimeEntry, description: 'The approved entry (approving it again changes nothing)' },
      handler: decideOne('approveEntries'),
    }),

    defineRoute({
      method: 'post',
      path: '/v1/timesheets/entries/:entryId/rejection',
      summary: 'Reject an entry with a reason; its person corrects and resubmits it. If-Match: the entry’s version',
      tag: 'timesheets',
      access: 'person',
      refusals: [...DECISION_REFUSALS, 'reason_required'],
      params: entryParam,
      ifMatch: 'required',
      body: z.object({ reason }).strict(),
      fieldNames: ONE_ENTRY,
      response: { status: 200, schema: TimeEntry, description: 'The rejected entry' },
      handler: decideOne('rejectEntries'),
    }),

    defineRoute({
      method: 'post',
      path: '/v1/timesheets/approvals',
      summary: 'Approve many entries at once: all of them, or none when one cannot be (the problem names it)',
      tag: 'timesheets',
      access: 'person',
      refusals: [...DECISION_REFUSALS, 'entry_not_found', 'stale_version'],
      body: z.object({ entries }).strict(),
      response: { status: 200, schema: items, description: 'The approved entries, in the order given' },
      handler: decideMany('approveEntries'),
    }),

    defineRoute({
      method: 'post',
      path: '/v1/timesheets/rejections',
      summary: 'Reject many entries at once with one reason: all of them, or none',
      tag: 'timesheets',
      access: 'person',
      refusals: [...DECISION_REFUSALS, 'entry_not_found', 'stale_version', 'reason_required'],
      body: z.object({ entries, reason }).strict(),
      response: { status: 200, schema: items, description: 'The rejected entries, in the order given' },
      handler: decideMany('rejectEntries'),
    }),
  ];
}
