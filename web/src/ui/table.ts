// A table of data: scrolls sideways on a narrow screen, its columns headed for screen readers.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { t } from '../i18n';

export interface Column {
  label: string | TemplateResult;
  /** `number` aligns amounts to the right. */
  className?: string;
}

export interface TableOptions {
  columns: readonly (string | Column)[];
  /** The rows, each a `<tr>` whose first cell is usually a `<th scope="row">` (a list, or a `repeat()` of them). */
  rows: unknown;
  /** The table's accessible name, when no caption or heading names it. */
  label?: string;
  caption?: TemplateResult;
  className?: string;
  foot?: TemplateResult;
}

/** The heading of a column of buttons: only screen readers need it. */
export const actionsColumn = (): Column => ({ label: html`<span class="visually-hidden">${t('common.actions')}</span>` });

export function dataTable(o: TableOptions): TemplateResult {
  return html`<div class="table-wrap">
    <table class=${ifDefined(o.className)} aria-label=${ifDefined(o.label)}>
      ${o.caption ?? nothing}
      <thead>
        <tr>
          ${o.columns.map((column) =>
            typeof column === 'string'
              ? html`<th scope="col">${column}</th>`
              : html`<th scope="col" class=${ifDefined(column.className)}>${column.label}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${o.rows}
      </tbody>
      ${o.foot ?? nothing}
    </table>
  </div>`;
}
