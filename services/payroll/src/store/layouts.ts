// SQL of employers' export layouts.
import type { Queryable } from '@e21/kit';
import type { ExportLanguage, ExportLayout, StoredLayout } from '../domain/exports.js';

/** Serializes the saves of an organization's layout, the first one too (its row may not exist yet). */
export async function lockLayout(db: Queryable, organizationId: string): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(hashtextextended('payroll-layout:' || $1, 0))`, [organizationId]);
}

export async function getLayout(
  db: Queryable,
  organizationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredLayout | undefined> {
  const { rows } = await db.query<{
    organization_id: string;
    columns: ExportLayout['columns'];
    separator: ExportLayout['separator'];
    decimal_comma: boolean;
    language: ExportLanguage | null;
    version: number;
    updated_by: string;
    updated_at: Date;
  }>(
    `select organization_id, columns, separator, decimal_comma, language, version, updated_by, updated_at from export_layouts where organization_id = $1${options.forUpdate ? ' for update' : ''}`,
    [organizationId],
  );
  const row = rows[0];
  return (
    row && {
      organizationId: row.organization_id,
      columns: row.columns,
      separator: row.separator,
      decimalComma: row.decimal_comma,
      language: row.language,
      version: row.version,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    }
  );
}

export async function saveLayout(db: Queryable, layout: StoredLayout): Promise<void> {
  await db.query(
    `insert into export_layouts (organization_id, columns, separator, decimal_comma, language, version, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (organization_id) do update set columns = excluded.columns, separator = excluded.separator, decimal_comma = excluded.decimal_comma,
       language = excluded.language, version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [
      layout.organizationId,
      JSON.stringify(layout.columns),
      layout.separator,
      layout.decimalComma,
      layout.language,
      layout.version,
      layout.updatedBy,
      layout.updatedAt,
    ],
  );
}
