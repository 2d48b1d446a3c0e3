// REST shapes of the contracts service's resources, for validation and the OpenAPI document.
import { z } from 'zod';
import { clientString, freeText, uuid } from '../common.js';

export const PARTIES = ['person', 'employer', 'office'] as const;
export const CONTRACT_KINDS = ['employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer'] as const;
export const CONTRACT_STATUSES = ['negotiating', 'signed', 'suspended', 'terminated', 'withdrawn'] as const;
export const HOLIDAYS_STATUSES = ['requested', 'employer_agreed', 'approved', 'refused', 'cancelled'] as const;
export const DAY_KINDS = ['outside', 'ordinary', 'block', 'holiday', 'blackout'] as const;
export const COMMITMENT_BASES = ['absolute', 'share'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return ISO_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDate = clientString().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
const minutes = (min: number, max: number) => z.number().int('must be a whole number of minutes').min(min).max(max);
const note = freeText;

export const party = z.enum(PARTIES).optional().describe('the party you act as, when you may act as several');
export const comment = note(1000).optional();
export const year = z.coerce.number().int().min(2000).max(2100);

export const ScheduleBlockIn = z
  .object({ startDate: isoDate, endDate: isoDate, minutes: minutes(1, 366 * 600), label: note(200).default('') })
  .strict();
export const BlackoutIn = z.object({ startDate: isoDate, endDate: isoDate, reason: note(200).default('') }).strict();
export const ScheduleIn = z
  .object({
    weeklyAllowanceMinutes: minutes(0, 2880).describe('minutes a week on ordinary days (48 h at most)'),
    blocks: z
      .array(ScheduleBlockIn)
      .max(50)
      .default([])
      .describe('concentrated blocks: their minutes replace the weekly allowance on their dates'),
    blackouts: z.array(BlackoutIn).max(50).default([]).describe('periods the employer protects: nothing may be logged'),
  })
  .strict();

export const TermsIn = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate.describe('in the same calendar year as periodStart'),
    yearlyMinutes: minutes(60, 96_420),
    competences: z.array(clientString().min(1).max(300)).max(20).default([]).describe('skill ids from the person’s competence profile'),
    schedule: ScheduleIn,
    preferredProjectIds: z.array(uuid).max(10).default([]),
  })
  .strict();

export const Schedule = z.object({
  weeklyAllowanceMinutes: z.number().int(),
  blocks: z.array(z.object({ startDate: z.string(), endDate: z.string(), minutes: z.number().int(), label: z.string() })),
  blackouts: z.array(z.object({ startDate: z.string(), endDate: z.string(), reason: z.string() })),
});

export const Terms = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  yearlyMinutes: z.number().int(),
  competences: z.array(
    z.object({ skillId: z.string(), label: z.string().describe('in the caller’s language'), labels: z.record(z.string(), z.string()) }),
  ),
  schedule: Schedule,
  preferredProjectIds: z.array(z.uuid()),
});

export const SarContract = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  officeId: z.uuid(),
  officeName: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  version: z.number().int().describe('the version of these terms: in force, or the latest proposal before any signature'),
  inForceVersion: z.number().int().nullable(),
  latestVersion: z.number().int(),
  pendingVersion: z.number().int().nullable().describe('the version under negotiation'),
  terms: Terms,
  signedAt: z.string().nullable(),
  terminationDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Acceptance = z.object({
  version: z.number().int(),
  party: z.enum(PARTIES),
  acceptedBy: z.string(),
  acceptedByName: z.string(),
  acceptedAt: z.string(),
});

export const Holidays = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  personId: z.uuid(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  projectKind: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  minutes: z.number().int(),
  status: z.enum(HOLIDAYS_STATUSES),
  comment: z.string(),
  requestedAt: z.string(),
  employerAgreedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
  version: z.number().int().describe('send it in If-Match to decide'),
});

export const ContractDetail = z.object({
  contract: SarContract,
  parties: z.array(z.enum(PARTIES)),
  callerParties: z.array(z.enum(PARTIES)).describe('the parties you may act as'),
  awaiting: z.array(z.enum(PARTIES)).describe('the parties that have not accepted the version under negotiation'),
  versions: z.array(
    z.object({
      version: z.number().int(),
      terms: Terms,
      proposedByParty: z.enum(PARTIES),
      proposedByName: z.string(),
      proposedAt: z.string(),
      comment: z.string(),
      amendment: z.boolean(),
      signedAt: z.string().nullable(),
      acceptances: z.array(Acceptance),
      changes: z
        .array(z.object({ field: z.string(), before: z.string(), after: z.string() }))
        .describe('what changed from the previous version'),
    }),
  ),
  history: z.array(
    z.object({
      step: z.string(),
      party: z.enum(PARTIES).nullable(),
      actorName: z.string(),
      at: z.string(),
      version: z.number().int().nullable(),
      comment: z.string(),
    }),
  ),
  holidays: z.array(Holidays),
});

export const InboxItem = z.object({
  contract: SarContract,
  callerParties: z.array(z.enum(PARTIES)),
  awaiting: z.array(z.enum(PARTIES)),
  awaitingYou: z.boolean(),
  holidaysAwaitingYou: z.number().int(),
});

export const Allowance = z.object({
  contractId: z.uuid(),
  date: z.string(),
  inForce: z.boolean(),
  blackout: z.boolean(),
  dayKind: z.enum(DAY_KINDS),
  dayMaxMinutes: z.number().int(),
  weekStart: z.string().describe('Monday of the ISO week'),
  weekEnd: z.string(),
  weekAllowedMinutes: z.number().int(),
  weekOrdinaryMinutes: z.number().int(),
  weekBlockMinutes: z.number().int(),
  weekHolidayMinutes: z.number().int(),
  version: z.number().int(),
});

export const Commitment = z.object({
  organizationId: z.uuid(),
  year: z.number().int(),
  basis: z.enum(COMMITMENT_BASES),
  committedMinutes: z.number().int(),
  shareBasisPoints: z.number().int(),
  declaredEmployees: z.number().int(),
  declaredMinutesPerEmployee: z.number().int(),
  version: z.number().int(),
  setAt: z.string(),
});

export const CommitmentReport = z.object({
  organizationId: z.uuid(),
  year: z.number().int(),
  commitment: Commitment.nullable(),
  committedMinutes: z.number().int(),
  allocatedMinutes: z.number().int().describe('signed yearly minutes of the employer’s contracts for the year'),
  consumedMinutes: z.number().int().describe('approved minutes'),
  unallocatedMinutes: z.number().int(),
  employees: z.array(
    z.object({
      personId: z.uuid(),
      personName: z.string(),
      contractId: z.uuid(),
      status: z.enum(CONTRACT_STATUSES),
      allocatedMinutes: z.number().int(),
      consumedMinutes: z.number().int(),
      periodStart: z.string(),
      periodEnd: z.string(),
    }),
  ),
});

export const CommitmentIn = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('absolute'), minutes: z.number().int().min(1).max(96_420_000_000) }).strict(),
  z
    .object({
      basis: z.literal('share'),
      shareBasisPoints: z.number().int().min(1).max(10_000).describe('100 = 1 %'),
      declaredEmployees: z.number().int().min(1).max(1_000_000),
      declaredMinutesPerEmployee: z.number().int().min(60).max(96_420),
    })
    .strict(),
]);
