// REST shapes of the payroll service's resources, for validation and the OpenAPI document.
import { z } from 'zod';
import { EXPORT_COLUMN_KEYS } from '@e21/vocabulary';
import { clientString, ONE_VISIBLE_LINE } from '../common.js';
import { month } from '../timesheets/schemas.js';

export { month };
export const FORM_STATUSES = ['current', 'superseded'] as const;
export const RUN_STATUSES = ['running', 'completed'] as const;
export const RUN_TRIGGERS = ['close', 'correction', 'payment'] as const;
export const SEPARATORS = ['comma', 'semicolon', 'tab'] as const;
export const EXPORT_LANGUAGES = ['en', 'fr'] as const;
export const FORM_READERS = ['person', 'office', 'employer', 'public'] as const;
export const FORM_DOCUMENTS = ['pdf', 'json', 'employer_pdf', 'employer_json'] as const;
export const verificationCode = clientString()
  .trim()
  .regex(/^[Ss][Aa][Ff]-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/, 'must be a verification code such as SAF-7K2M-9QXP-4TBD');
export const sha256 = clientString()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 in 64 hexadecimal digits');

const minutes = z.number().int();

export const Form = z
  .object({
    view: z.literal('whole').describe('the whole form: what its person and the officers of its territory or above read'),
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
      .object({
        currencyId: z.uuid(),
        code: z.string(),
        minorUnits: z.number().int(),
        creditedMinor: z.number().int(),
        balanceAtMonthEndMinor: z.number().int(),
      })
      .nullable()
      .describe('absent where no local currency applies'),
    verificationCode: z.string(),
    pdfSha256: z.string(),
    jsonSha256: z.string(),
  })
  .meta({
    title: 'SocietalActivityForm',
    description:
      'The whole Societal Activity Form: hours per project, competence and challenge, the contract year, the local currency credited and the wallet balance. ' +
      'Read by its person and by the officers of its territory or above only.',
  });

export const EmployerFormView = z
  .object({
    view: z.literal('employer').describe('the payroll view: what the employer party to the form’s contract reads'),
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    language: z.enum(['en', 'fr']).describe('the language of its labels: the person’s'),
    contractId: z.uuid(),
    contractVersion: z.number().int(),
    contractKind: z.string(),
    employerId: z.uuid(),
    employerName: z.string(),
    territoryId: z.uuid(),
    territoryName: z.string(),
    month: z.string(),
    version: z.number().int(),
    status: z.enum(FORM_STATUSES),
    supersedesId: z.uuid().nullable(),
    supersededById: z.uuid().nullable(),
    issuedAt: z.string(),
    supersededAt: z.string().nullable(),
    totalMinutes: minutes.describe('approved minutes of SAR activity under this contract in the month'),
    competenceGroups: z
      .array(
        z.object({
          groupId: z.string().describe('identity’s skill group; empty for competences without a group, counted together'),
          label: z.string(),
          minutes,
        }),
      )
      .describe('minutes per broader competence group; never the competences themselves'),
    contractYear: z.object({ start: z.string(), end: z.string(), yearlyMinutes: minutes, toDateMinutes: minutes }),
    currency: z
      .object({ currencyId: z.uuid(), code: z.string(), minorUnits: z.number().int(), creditedMinor: z.number().int() })
      .nullable()
      .describe('the local currency credited for these hours (never the wallet); absent where no local currency applies'),
    verificationCode: z.string(),
    pdfSha256: z.string().describe('SHA-256 of the employer view’s own PDF, taken at issue'),
    jsonSha256: z.string().describe('SHA-256 of the employer view’s own JSON document, taken at issue'),
  })
  .meta({
    title: 'EmployerFormView',
    description:
      'The payroll view of a Societal Activity Form, for the HR managers and admins of the employer party to its contract: hours of SAR activity, ' +
      'hours per competence group, the contract year’s hours and the local currency credited. Never the projects, the challenges, the individual ' +
      'competences, the wallet balance, nor a form of another contract of the same person.',
  });

/** A form as its reader sees it: the whole form (its person, the officers) or the employer view (its employer). */
export const FormForReader = z.discriminatedUnion('view', [Form, EmployerFormView]);

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
  employerPdfSha256: z.string().nullable().describe('the employer view’s PDF; null for a form without an employer'),
  employerJsonSha256: z.string().nullable().describe('the employer view’s JSON document; null for a form without an employer'),
  matches: z
    .boolean()
    .nullable()
    .describe('whether the sha256 given is one of the form’s documents (whole or employer view); null when none was given'),
  matchedDocument: z
    .enum(FORM_DOCUMENTS)
    .nullable()
    .describe('which document the sha256 given is; null when it is none, or none was given'),
  reader: z
    .enum(FORM_READERS)
    .describe('who the caller is for this form: person, office (officers of its territory or above), employer, or public'),
  form: FormForReader.nullable().describe(
    'the whole form for its person and the officers, the employer view for its employer, null (no figures) for anyone else',
  ),
});

export const ColumnIn = z
  .object({
    key: z.enum(EXPORT_COLUMN_KEYS),
    // Not trimmed: the competence groups' header is a prefix, "H " makes "H Energy".
    header: clientString().check(ONE_VISIBLE_LINE).max(60, 'must be at most 60 characters').default(''),
  })
  .strict();

export const LayoutIn = z
  .object({
    columns: z.array(ColumnIn).min(1, 'must have at least one column').max(20, 'must have at most 20 columns'),
    separator: z.enum(SEPARATORS).default('comma'),
    decimalComma: z.boolean().default(false),
    language: z
      .enum(EXPORT_LANGUAGES)
      .optional()
      .describe('the language of the default headers and of the competence groups’ labels; the organization’s default when absent'),
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
  language: z
    .enum(EXPORT_LANGUAGES)
    .describe(
      'the language the exports are written in: the chosen one, or the organization’s default (French in France, English elsewhere)',
    ),
  chosenLanguage: z.enum(EXPORT_LANGUAGES).nullable().describe('the organization’s choice; null while it follows its default'),
});

export const Preview = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  csv: z.string(),
  language: z.enum(EXPORT_LANGUAGES).describe('the language of the headers and the competence groups’ labels'),
});
