// REST shapes of the timesheets service's resources, for validation and the OpenAPI document.
import { z } from 'zod';
import { clientString, freeText, uuid } from '../common.js';
import { DAY_KINDS, isoDate } from '../contracts/schemas.js';

export const ENTRY_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const PERIOD_STATUSES = ['open', 'closed'] as const;
export const REPORT_DIMENSIONS = ['project', 'competence', 'challenge', 'employer', 'territory', 'month'] as const;

export { isoDate };
export const month = clientString().regex(/^(20\d{2}|2100)-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM from 2000-01');
const note = freeText;

export const minutes = z.number().int('must be a whole number of minutes').min(1).max(720).describe('at most 12 hours (720 minutes)');

/** What a person logs; the contract stays the entry's own when it is changed. */
export const EntryFieldsIn = z
  .object({
    projectId: uuid,
    date: isoDate.describe('the day the hours were given (not in the future)'),
    minutes,
    competenceId: clientString()
      .trim()
      .min(1, 'must not be empty')
      .max(300)
      .describe('a competence the contract agreed, or the skill of the need you fill'),
    note: note(1000).default(''),
  })
  .strict();

export const EntryIn = EntryFieldsIn.extend({ contractId: uuid.describe('your signed SAR contract') }).strict();

export const TimeEntry = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  contractId: z.uuid(),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  territoryId: z.uuid().describe('the person’s locality: its periods are the entry’s'),
  date: z.string(),
  month: z.string().describe('the month whose period the entry counts in: its date’s, or the next one when carried'),
  minutes: z.number().int(),
  competenceId: z.string(),
  note: z.string(),
  status: z.enum(ENTRY_STATUSES),
  version: z.number().int().describe('send it as If-Match to change, withdraw or decide the entry'),
  submittedAt: z.string(),
  updatedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  carriedFrom: z.string().nullable().describe('the month it was carried from when that month was closed'),
});

export const EntryVersionIn = z.object({ entryId: uuid, version: z.number().int().min(1) }).strict();
export const reason = note(1000).min(1, 'must say why');

export const Balance = z.object({
  contractId: z.uuid(),
  yearlyMinutes: z.number().int(),
  approvedMinutes: z.number().int(),
  pendingMinutes: z.number().int(),
  remainingMinutes: z.number().int(),
  week: z.object({
    start: z.string(),
    end: z.string(),
    allowedMinutes: z.number().int(),
    usedMinutes: z.number().int(),
    days: z.array(
      z.object({ date: z.string(), dayKind: z.enum(DAY_KINDS), allowedMinutes: z.number().int(), usedMinutes: z.number().int() }),
    ),
  }),
});

export const Period = z.object({
  id: z.uuid().nullable(),
  territoryId: z.uuid(),
  month: z.string(),
  status: z.enum(PERIOD_STATUSES),
  pendingCount: z.number().int(),
  pendingMinutes: z.number().int(),
  approvedCount: z.number().int(),
  approvedMinutes: z.number().int(),
  rejectedCount: z.number().int(),
  carriedInCount: z.number().int().describe('entries carried into this month when the previous one closed'),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  carriedEntryIds: z.array(z.uuid()),
  totals: z.array(z.object({ personId: z.uuid(), projectId: z.uuid(), approvedMinutes: z.number().int() })),
});

export const Report = z.object({
  territoryId: z.uuid(),
  by: z.enum(REPORT_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      key: z
        .string()
        .nullable()
        .describe('the project, skill, challenge, organization or territory id, or the month; null for entries without one'),
      label: z.string(),
      approvedMinutes: z.number().int(),
      entryCount: z.number().int(),
      personCount: z.number().int(),
    }),
  ),
  totalMinutes: z.number().int().describe('every approved entry once (a project under two challenges counts under both rows)'),
  totalEntries: z.number().int(),
});
