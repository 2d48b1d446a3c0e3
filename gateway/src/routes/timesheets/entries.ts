// Time entries: my hours between two dates, logging hours, changing or correcting them, withdrawing
// them, and my contract's balance.
import { z } from 'zod';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { emptyQuery, uuid } from '../common.js';
import { balanceOut, entryOut } from './mapping.js';
import { Balance, EntryFieldsIn, EntryIn, isoDate, TimeEntry } from './schemas.js';

const entryParam = z.object({ entryId: uuid }).strict();
// No cached copies: an entry is decided by others between two reads.
const NO_STORE = { 'Cache-Control': 'no-store' };
/** What the checks on a submitted or changed entry refuse (the service's domain/entries.ts). */
const SUBMISSION_REFUSALS = [
  'invalid_entry',
  'not_your_contract',
  'unknown_project',
  'future_date',
  'contract_not_signed',
  'contract_not_in_force',
  'not_a_member',
  'project_not_open',
  'competence_not_agreed',
  'period_closed',
  'blackout_day',
  'over_12_hours_a_day',
  'over_daily_allowance',
  'over_weekly_allowance',
  'yearly_hours_exceeded',
];
/** The service names the entry it changes "entry_id"; the client sent it in the path. */
const ENTRY_FIELDS = { entry_id: 'params.entryId' };

export function entryRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/timesheets/entries',
      summary: 'My hours between two dates (at most 366 days), by date, whatever their status',
      tag: 'timesheets',
      access: 'person',
      refusals: ['invalid_range'],
      query: z.object({ from: isoDate, to: isoDate }).strict(),
      response: { status: 200, schema: z.object({ items: z.array(TimeEntry) }), description: 'Entries, by date' },
      async handler(input) {
        const { entries } = await deps.timesheets.listMyEntries(
          { from: input.query.from, to: input.query.to },
          { caller: callerOf(input.actor) },
        );
        return { body: { items: entries.map(entryOut) }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/timesheets/entries',
      summary:
        'Log hours on a project under my SAR contract. Refused, each with its own problem type, when the date is in the future, the contract is not signed or not in force, ' +
        'I am not on the project’s team, the project is not open, the competence is not agreed, the month is closed, the day is a blackout, the day would pass 12 hours, ' +
        'the schedule’s day or week allowance or the yearly minutes would be exceeded. Send an Idempotency-Key header to make a retry safe.',
      tag: 'timesheets',
      access: 'person',
      refusals: SUBMISSION_REFUSALS,
      body: EntryIn,
      idempotent: true,
      fieldNames: ENTRY_FIELDS,
      response: { status: 201, schema: TimeEntry, description: 'The entry, waiting for validation' },
      async handler(input) {
        const { body } = input;
        const entry = await deps.timesheets.submitEntry(
          {
            entry: {
              contractId: body.contractId,
              projectId: body.projectId,
              date: body.date,
              minutes: BigInt(body.minutes),
              competenceId: body.competenceId,
              note: body.note,
            },
            idempotencyKey: input.idempotencyKey,
          },
          { caller: callerOf(input.actor) },
        );
        const out = entryOut(entry);
        return { status: 201, body: out, headers: { ...NO_STORE, Location: `/v1/timesheets/entries/${out.id}` }, version: out.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/timesheets/entries/:entryId',
      summary: 'An entry (its person, the project’s coordinator and co-managers, the territory’s officers)',
      tag: 'timesheets',
      access: 'person',
      params: entryParam,
      query: emptyQuery,
      response: { status: 200, schema: TimeEntry, description: 'The entry' },
      async handler(input) {
        const entry = entryOut(await deps.timesheets.getEntry({ id: input.params.entryId }, { caller: callerOf(input.actor) }));
        return { body: entry, headers: NO_STORE, version: entry.version };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/timesheets/entries/:entryId',
      summary:
        'Change a pending entry, or correct a rejected one: it is submitted again, with the same checks. If-Match: the entry’s version',
      tag: 'timesheets',
      access: 'person',
      refusals: ['not_your_entry', 'entry_approved', 'entry_withdrawn', ...SUBMISSION_REFUSALS],
      params: entryParam,
      ifMatch: 'required',
      body: EntryFieldsIn,
      fieldNames: ENTRY_FIELDS,
      response: { status: 200, schema: TimeEntry, description: 'The entry, pending' },
      async handler(input) {
        const { params, body, ifMatch } = input;
        const entry = await deps.timesheets.updateEntry(
          {
            entryId: params.entryId,
            expectedVersion: ifMatch!,
            projectId: body.projectId,
            date: body.date,
            minutes: BigInt(body.minutes),
            competenceId: body.competenceId,
            note: body.note,
          },
          { caller: callerOf(input.actor) },
        );
        return { body: entryOut(entry), headers: NO_STORE, version: entry.version };
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/timesheets/entries/:entryId',
      summary: 'Withdraw a pending or rejected entry (approved hours stay). If-Match: the entry’s version',
      tag: 'timesheets',
      access: 'person',
      refusals: ['not_your_entry', 'entry_approved', 'entry_withdrawn', 'period_closed'],
      params: entryParam,
      ifMatch: 'required',
      fieldNames: ENTRY_FIELDS,
      response: { status: 200, schema: TimeEntry, description: 'The withdrawn entry' },
      async handler(input) {
        const entry = await deps.timesheets.withdrawEntry(
          { entryId: input.params.entryId, expectedVersion: input.ifMatch! },
          { caller: callerOf(input.actor) },
        );
        return { body: entryOut(entry), headers: NO_STORE, version: entry.version };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/timesheets/contracts/:contractId/balance',
      summary:
        'My contract’s balance: yearly, approved, pending and remaining minutes, and the week of a date (allowed and used, day by day)',
      tag: 'timesheets',
      access: 'person',
      refusals: ['not_your_contract'],
      params: z.object({ contractId: uuid }).strict(),
      query: z.object({ date: isoDate.optional().describe('a day of the week to show; today by default') }).strict(),
      fieldNames: { contract_id: 'params.contractId', date: 'query.date' },
      response: { status: 200, schema: Balance, description: 'The balance' },
      async handler(input) {
        const balance = await deps.timesheets.getBalance(
          { contractId: input.params.contractId, date: input.query.date ?? '' },
          { caller: callerOf(input.actor) },
        );
        return { body: balanceOut(balance), headers: NO_STORE };
      },
    }),
  ];
}
