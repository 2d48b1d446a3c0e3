// The employer's payroll exports: a month's file for its payroll software (CSV in its layout, or
// JSON), the column settings (which columns, their order and headers, separator, decimal comma,
// the language of headers and competence groups), a preview of the layout being edited before it
// is saved, and the month's forms of its employees as the employer sees them (the employer view).
import './payroll.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { hoursText } from '../../hours';
import { language, t } from '../../i18n';
import { formatAmount } from '../../money';
import type { Page, PageFactory } from '../../router';
import { reloadMe } from '../../session';
import type { Membership } from '../../services/identity';
import {
  COLUMN_KEYS,
  exportHref,
  formDocumentHref,
  getLayout,
  listEmployerForms,
  previewExport,
  saveLayout,
  type ColumnKey,
  type EmployerFormView,
  type ExportLanguage,
  type ExportLayout,
  type LayoutInput,
  type Preview,
  type Separator,
} from '../../services/payroll';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { field } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { managedOrganizations } from '../contracts/managed';

const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

export const payrollExportsPage: PageFactory = ({ update }) => {
  let organizations: Loadable<Membership[]> = loading;
  let organizationId = '';
  let month = new URLSearchParams(location.search).get('month') ?? lastMonth();
  let layout: ExportLayout | null = null;
  let preview: Preview | null = null;
  let forms: EmployerFormView[] | null = null;
  let message: Message | null = null;
  let problem: unknown = null;
  let busy = false;

  async function loadLayout(): Promise<void> {
    layout = null;
    preview = null;
    if (organizationId) layout = await getLayout(organizationId);
  }

  async function loadForms(): Promise<void> {
    forms = null;
    if (organizationId && /^\d{4}-\d{2}$/.test(month)) forms = (await listEmployerForms(organizationId, month)).items;
  }

  const inputOf = (l: ExportLayout): LayoutInput => ({ columns: l.columns, separator: l.separator, decimalComma: l.decimalComma, language: l.chosenLanguage });

  const page: Page = {
    title: () => t('exports.title'),
    async load(signal) {
      const next = await loadable(async () => {
        const managed = managedOrganizations(await reloadMe());
        organizationId ||= managed[0]?.organizationId ?? '';
        await Promise.all([loadLayout(), loadForms()]);
        return managed;
      });
      if (!signal.aborted) organizations = next;
    },
    view: () =>
      whenLoaded(organizations, (list) => {
        if (!list.length) return html`<p class="notice">${t('exports.notEmployer')}</p>`;
        return html`
          <p>${t('exports.intro')}</p>
          <form class="row" @submit=${(e: Event) => e.preventDefault()}>
            ${field({ id: 'exports-organization', label: t('exports.organization') }, (a) =>
              html`<select id=${a.id} @change=${(e: Event) => chooseOrganization((e.target as HTMLSelectElement).value)}>
                ${list.map((m) => html`<option value=${m.organizationId} ?selected=${m.organizationId === organizationId}>${m.organizationName}</option>`)}
              </select>`,
            )}
            ${field({ id: 'exports-month', label: t('exports.month') }, (a) =>
              html`<input id=${a.id} type="month" .value=${month} @change=${(e: Event) => chooseMonth((e.target as HTMLInputElement).value)} />`,
            )}
          </form>
          <p class="row">
            <a class="button primary" href=${exportHref(organizationId, month, 'csv')} download>${t('exports.downloadCsv')}</a>
            <a class="button" href=${exportHref(organizationId, month, 'json')} download>${t('exports.downloadJson')}</a>
          </p>
          ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
          ${layout ? editor(layout) : nothing}
          ${preview ? previewTable(preview) : nothing}
          ${forms ? formsTable(forms) : nothing}
        `;
      }),
  };

  function editor(l: ExportLayout): TemplateResult {
    const chosen = new Set(l.columns.map((c) => c.key));
    const unused = COLUMN_KEYS.filter((key) => !chosen.has(key));
    return html`<section aria-labelledby="layout-heading">
      <h2 id="layout-heading">${t('exports.layout')}</h2>
      <ol class="layout-columns">
        ${l.columns.map(
          (c, index) => html`<li data-column=${c.key}>
            <span>${t(`exports.column.${c.key}`)}</span>
            <label class="visually-hidden" for=${`header-${c.key}`}>${t('exports.header', { column: t(`exports.column.${c.key}`) })}</label>
            <input id=${`header-${c.key}`} type="text" maxlength="60" placeholder=${t('exports.defaultHeader')} .value=${c.header} @input=${(e: Event) => setHeader(index, (e.target as HTMLInputElement).value)} />
            <button type="button" ?disabled=${index === 0} @click=${() => move(index, -1)}>${t('exports.up')}</button>
            <button type="button" ?disabled=${index === l.columns.length - 1} @click=${() => move(index, 1)}>${t('exports.down')}</button>
            <button type="button" ?disabled=${l.columns.length === 1} @click=${() => remove(index)}>${t('exports.remove')}</button>
          </li>`,
        )}
      </ol>
      ${unused.length
        ? html`<p class="row">${unused.map((key) => html`<button type="button" @click=${() => add(key)}>${t('exports.add', { column: t(`exports.column.${key}`) })}</button>`)}</p>`
        : nothing}
      <div class="row">
        ${field({ id: 'layout-separator', label: t('exports.separator') }, (a) =>
          html`<select id=${a.id} @change=${(e: Event) => change({ separator: (e.target as HTMLSelectElement).value as Separator })}>
            ${(['comma', 'semicolon', 'tab'] as const).map((s) => html`<option value=${s} ?selected=${s === l.separator}>${t(`exports.separator.${s}`)}</option>`)}
          </select>`,
        )}
        <div class="choice">
          <input type="checkbox" id="layout-decimal-comma" .checked=${l.decimalComma} @change=${(e: Event) => change({ decimalComma: (e.target as HTMLInputElement).checked })} />
          <label for="layout-decimal-comma">${t('exports.decimalComma')}</label>
        </div>
        ${field({ id: 'layout-language', label: t('exports.language'), hint: t('exports.languageHint') }, (a) =>
          html`<select id=${a.id} aria-describedby=${a.describedBy ?? nothing} @change=${(e: Event) => change({ chosenLanguage: ((e.target as HTMLSelectElement).value || null) as ExportLanguage | null })}>
            <option value="" ?selected=${l.chosenLanguage === null}>${l.chosenLanguage === null ? t('exports.language.defaultIs', { language: t(`exports.language.${l.language}`) }) : t('exports.language.default')}</option>
            ${(['en', 'fr'] as const).map((code) => html`<option value=${code} ?selected=${l.chosenLanguage === code}>${t(`exports.language.${code}`)}</option>`)}
          </select>`,
        )}
      </div>
      <p class="row">
        <button type="button" @click=${showPreview}>${t('exports.preview')}</button>
        <button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${save}>${t('exports.save')}</button>
      </p>
    </section>`;
  }

  function previewTable(p: Preview): TemplateResult {
    return html`<div class="table-wrap">
      <table class="export-preview">
        <caption>${t('exports.previewCaption', { shown: p.rows.length, total: p.totalRows })}</caption>
        <thead><tr>${p.headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${p.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`;
  }

  /** The employees' forms of the month as the employer sees them: hours by competence group and pay, with their reduced documents. */
  function formsTable(list: EmployerFormView[]): TemplateResult {
    return html`<section aria-labelledby="employer-forms-heading">
      <h2 id="employer-forms-heading">${t('exports.forms')}</h2>
      <p>${t('exports.formsIntro')}</p>
      ${list.length
        ? html`<div class="table-wrap">
            <table class="employer-forms">
              <thead>
                <tr>
                  <th scope="col">${t('exports.forms.employee')}</th>
                  <th scope="col">${t('exports.forms.hours')}</th>
                  <th scope="col">${t('exports.forms.groups')}</th>
                  <th scope="col">${t('exports.forms.credited')}</th>
                  <th scope="col">${t('exports.forms.documents')}</th>
                </tr>
              </thead>
              <tbody>
                ${list.map(
                  (f) => html`<tr data-form=${f.id}>
                    <th scope="row">${f.personName} <span class="tag">${t('exports.forms.version', { version: f.version })}</span></th>
                    <td>${hoursText(f.totalMinutes)}</td>
                    <td><ul class="plain">${f.competenceGroups.map((g) => html`<li>${t('exports.forms.group', { group: g.label, hours: hoursText(g.minutes) })}</li>`)}</ul></td>
                    <td>${f.currency ? formatAmount(f.currency.creditedMinor, f.currency.minorUnits, f.currency.code, language()) : '—'}</td>
                    <td>
                      <a href=${formDocumentHref(f.id, 'pdf')} download aria-label=${t('exports.forms.pdfOf', { person: f.personName })}>PDF</a>
                      <a href=${formDocumentHref(f.id, 'json')} download aria-label=${t('exports.forms.jsonOf', { person: f.personName })}>JSON</a>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="notice">${t('exports.forms.none')}</p>`}
    </section>`;
  }

  function change(next: Partial<ExportLayout>): void {
    if (!layout) return;
    layout = { ...layout, ...next };
    preview = null;
    message = null;
    update();
  }
  const setHeader = (index: number, header: string) => {
    if (layout) layout.columns[index] = { ...layout.columns[index]!, header };
  };
  function move(index: number, by: number): void {
    if (!layout) return;
    const columns = [...layout.columns];
    [columns[index], columns[index + by]] = [columns[index + by]!, columns[index]!];
    change({ columns });
  }
  const remove = (index: number) => layout && change({ columns: layout.columns.filter((_c, i) => i !== index) });
  const add = (key: ColumnKey) => layout && change({ columns: [...layout.columns, { key, header: '' }] });

  async function chooseOrganization(next: string): Promise<void> {
    organizationId = next;
    await run(async () => {
      await Promise.all([loadLayout(), loadForms()]);
    });
  }

  async function chooseMonth(next: string): Promise<void> {
    month = next;
    preview = null;
    await run(loadForms);
  }

  async function showPreview(): Promise<void> {
    await run(async () => {
      if (layout) preview = await previewExport(organizationId, month, inputOf(layout));
    });
  }

  async function save(): Promise<void> {
    await run(async () => {
      if (!layout) return;
      layout = await saveLayout(organizationId, inputOf(layout), layout.version);
      message = { key: 'exports.saved' };
    });
  }

  async function run(work: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    problem = null;
    message = null;
    update();
    try {
      await work();
    } catch (error) {
      if (!isApiError(error, 401)) problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  return page;
};
