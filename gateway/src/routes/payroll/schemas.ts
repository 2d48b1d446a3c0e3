// REST shapes of the payroll service's resources, for validation and the OpenAPI document.
import { z } from 'zod';
import { clientString, ONE_VISIBLE_LINE } from '../common.js';
import { month } from '../timesheets/schemas.js';

export { month };
export const FORM_STATUSES = ['current', 'superseded'] as const;
export const RUN_STATUSES = ['running', 'completed'] as const;
export const RUN_TRIGGERS = ['close', 'correction', 'payment'] as const;
export const SEPARATORS = ['comma', 'semicolon', 'tab'] as const;
export const COLUMN_KEYS = [
  'employee_reference',
  'person_name',
  'person_id',
  'month',
  'sar_minutes',
  'sar_hours',
  'competence_groups',
  'currency_credited',
  'currency_code',
  'form_id',
  'form_version',
  'contract_id',
  'verification_code',
] as const;

export const verificationCode = clientString().trim().regex(/^[Ss][Aa][Ff]-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/, 'must be a verification code such as SAF-7K2M-9QXP-4TBD');
export const sha256 = clientString().trim().regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 in 64 hexadecimal digits');

const minutes = z.number().int();

export const Form = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  language: z.enum(['en', 'fr']).describe('the language of its labels: the person’s'),
  contractId: z.uuid(),
  contractVersion: z.number().int(),
  contractKind: z.string(),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  territoryId: z.uuid(),
  territoryName: z.string(),
  month: z.string(),
  version: z.number().int().describe('1, then one more for each correction'),
  status: z.enum(FORM_STATUSES),
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
  issuedAt: z.string(),
  supersededAt: z.string().nullable(),
  totalMinutes: minutes,
  projects: z.array(z.object({ projectId: z.string(), title: z.string(), minutes })),
  competences: z.array(z.object({ skillId: z.string(), label: z.string(), groupId: z.string(), groupLabel: z.string(), minutes })),
  projectCompetences: z.array(z.object({ projectId: z.string(), skillId: z.string(), minutes })),
  challenges: z.array(z.object({ challengeId: z.string(), title: z.string(), minutes })),
  contractYear: z.object({ start: z.string(), end: z.string(), yearlyMinutes: minutes, toDateMinutes: minutes }),
  currency: z
    .object({ currencyId: z.uuid(), code: z.string(), minorUnits: z.number().int(), creditedMinor: z.number().int(), balanceAtMonthEndMinor: z.number().int() })
    .nullable()
    .describe('absent where no local currency applies'),
  verificationCode: z.string(),
  pdfSha256: z.string(),
  jsonSha256: z.string(),
});

export const Run = z.object({
  id: z.uuid(),
  territoryId: z.uuid(),
  month: z.string(),
  trigger: z.enum(RUN_TRIGGERS),
  status: z.enum(RUN_STATUSES),
  total: z.number().int().describe('people to go through'),
  done: z.number().int(),
  percent: z.number().int(),
  formsIssued: z.number().int(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});

export const Verification = z.object({
  code: z.string(),
  found: z.boolean(),
  status: z.enum(FORM_STATUSES).nullable(),
  version: z.number().int().nullable(),
  month: z.string().nullable(),
  issuedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  supersededByCode: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  jsonSha256: z.string().nullable(),
  matches: z.boolean().nullable().describe('whether the sha256 given is the form’s PDF or JSON; null when none was given'),
  form: Form.nullable().describe('only for those who may read the form'),
});

export const ColumnIn = z
  .object({
    key: z.enum(COLUMN_KEYS),
    // Not trimmed: the competence groups' header is a prefix, "H " makes "H Energy".
    header: clientString().check(ONE_VISIBLE_LINE).max(60, 'must be at most 60 characters').default(''),
  })
  .strict();

export const LayoutIn = z
  .object({
    columns: z.array(ColumnIn).min(1, 'must have at least one column').max(20, 'must have at most 20 columns'),
    separator: z.enum(SEPARATORS).default('comma'),
    decimalComma: z.boolean().default(false),
  })
  .strict();

export const Layout = z.object({
  organizationId: z.uuid(),
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  separator: z.enum(SEPARATORS),
  decimalComma: z.boolean(),
  version: z.number().int().describe('send it as If-Match to save (0 before the first save)'),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const Preview = z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())), totalRows: z.number().int(), csv: z.string() });
