// The columns an employer's payroll export can have, in their default order: payroll fills them,
// the gateway validates layouts against them, the web UI offers them.
export const EXPORT_COLUMN_KEYS = [
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

export type ExportColumnKey = (typeof EXPORT_COLUMN_KEYS)[number];
