// The employer's export layout being edited: which columns, their order and headers, separator,
// decimal comma and language; a preview of the month in it before it is saved.
import { html, nothing, type TemplateResult } from 'lit-html';
import { EXPORT_COLUMN_KEYS, type ExportColumnKey } from '@e21/vocabulary';
import { t } from '../../i18n';
import {
  previewExport,
  saveLayout,
  type ExportLanguage,
  type ExportLayout,
  type LayoutInput,
  type Preview,
  type Separator,
} from '../../services/payroll';
import type { Component, Update } from '../../ui/component';
import type { StatusLine } from '../../ui/feedback';
import { selectField } from '../../ui/forms';
import { submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';

export interface LayoutEditor extends Component<[layout: ExportLayout]> {
  /** The layout as saved for another organization, or read again: what was being edited is dropped. */
  show(layout: ExportLayout | undefined): void;
  /** Another month: the preview shown was of the last one. */
  forgetPreview(): void;
}

const inputOf = (l: ExportLayout): LayoutInput => ({
  columns: l.columns,
  separator: l.separator,
  decimalComma: l.decimalComma,
  language: l.chosenLanguage,
});

/** `chosen` is the organization and month exported. */
export function layoutEditor(update: Update, status: StatusLine, chosen: () => { organizationId: string; month: string }): LayoutEditor {
  /** The layout as edited, until saved. */
  let edited: ExportLayout | null = null;
  let preview: Preview | null = null;
  const form = submission(update, { status });

  function change(next: Partial<ExportLayout>): void {
    if (!edited) return;
    edited = { ...edited, ...next };
    preview = null;
    status.clear();
    update();
  }

  const setHeader = (index: number, header: string) => {
    if (edited) edited.columns[index] = { ...edited.columns[index]!, header };
  };

  function move(index: number, by: number): void {
    if (!edited) return;
    const columns = [...edited.columns];
    [columns[index], columns[index + by]] = [columns[index + by]!, columns[index]!];
    change({ columns });
  }

  const remove = (index: number) => edited && change({ columns: edited.columns.filter((_c, i) => i !== index) });
  const add = (key: ExportColumnKey) => edited && change({ columns: [...edited.columns, { key, header: '' }] });

  async function showPreview(): Promise<void> {
    const { organizationId, month } = chosen();
    if (edited) preview = await previewExport(organizationId, month, inputOf(edited));
  }

  async function save(): Promise<void> {
    if (!edited) return;
    edited = await saveLayout(chosen().organizationId, inputOf(edited), edited.version);
    status.say('exports.saved');
  }

  function columnItem(l: ExportLayout, c: ExportLayout['columns'][number], index: number): TemplateResult {
    const name = t(`exports.column.${c.key}`);
    return html`<li data-column=${c.key}>
      <span>${name}</span>
      <label class="visually-hidden" for=${`header-${c.key}`}>${t('exports.header', { column: name })}</label>
      <input
        id=${`header-${c.key}`}
        type="text"
        maxlength="60"
        placeholder=${t('exports.defaultHeader')}
        .value=${c.header}
        @input=${(e: Event) => setHeader(index, (e.target as HTMLInputElement).value)}
      />
      <button type="button" ?disabled=${index === 0} @click=${() => move(index, -1)}>${t('exports.up')}</button>
      <button type="button" ?disabled=${index === l.columns.length - 1} @click=${() => move(index, 1)}>${t('exports.down')}</button>
      <button type="button" ?disabled=${l.columns.length === 1} @click=${() => remove(index)}>${t('exports.remove')}</button>
    </li>`;
  }

  function editor(l: ExportLayout): TemplateResult {
    const used = new Set(l.columns.map((c) => c.key));
    const unused = EXPORT_COLUMN_KEYS.filter((key) => !used.has(key));
    const languages: { value: string; label: string }[] = [
      {
        value: '',
        label:
          l.chosenLanguage === null
            ? t('exports.language.defaultIs', { language: t(`exports.language.${l.language}`) })
            : t('exports.language.default'),
      },
      ...(['en', 'fr'] as const).map((code) => ({ value: code, label: t(`exports.language.${code}`) })),
    ];
    return html`<section aria-labelledby="layout-heading">
      <h2 id="layout-heading">${t('exports.layout')}</h2>
      ${form.alert()}
      <ol class="layout-columns">
        ${l.columns.map((c, index) => columnItem(l, c, index))}
      </ol>
      ${
        unused.length
          ? html`<p class="row">
              ${unused.map(
                (key) =>
                  html`<button type="button" @click=${() => add(key)}>${t('exports.add', { column: t(`exports.column.${key}`) })}</button>`,
              )}
            </p>`
          : nothing
      }
      <div class="row">
        ${selectField({
          id: 'layout-separator',
          label: t('exports.separator'),
          options: (['comma', 'semicolon', 'tab'] as const).map((s) => ({ value: s, label: t(`exports.separator.${s}`) })),
          value: l.separator,
          onChange: (v) => change({ separator: v as Separator }),
        })}
        <div class="choice">
          <input
            type="checkbox"
            id="layout-decimal-comma"
            .checked=${l.decimalComma}
            @change=${(e: Event) => change({ decimalComma: (e.target as HTMLInputElement).checked })}
          />
          <label for="layout-decimal-comma">${t('exports.decimalComma')}</label>
        </div>
        ${selectField({
          id: 'layout-language',
          label: t('exports.language'),
          hint: t('exports.languageHint'),
          options: languages,
          value: l.chosenLanguage ?? '',
          onChange: (v) => change({ chosenLanguage: (v || null) as ExportLanguage | null }),
        })}
      </div>
      <p class="row">${form.action(t('exports.preview'), showPreview)} ${form.action(t('exports.save'), save, { kind: 'primary' })}</p>
    </section>`;
  }

  function previewTable(p: Preview): TemplateResult {
    return dataTable({
      className: 'export-preview',
      caption: html`<caption>
        ${t('exports.previewCaption', { shown: p.rows.length, total: p.totalRows })}
      </caption>`,
      columns: p.headers,
      rows: p.rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      ),
    });
  }

  return {
    view: (saved) => {
      // The layout as read is the first draft; edits are kept until saved or another is shown.
      edited ??= saved;
      return html`${editor(edited)} ${preview ? previewTable(preview) : nothing}`;
    },
    show(layout) {
      edited = layout ?? null;
      preview = null;
    },
    forgetPreview() {
      preview = null;
    },
  };
}
