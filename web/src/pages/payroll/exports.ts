// The employer's payroll exports: a month's file for its payroll software (CSV in its layout, or
// JSON), the column settings (which columns, their order and headers, separator, decimal comma,
// the language of headers and competence groups), a preview of the layout being edited before it
// is saved, and the month's forms of its employees as the employer sees them (the employer view).
import './payroll.css';
import { html, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { language, t } from '../../i18n';
import { formatAmount } from '../../money';
import type { Page, PageFactory } from '../../router';
import { reloadMe } from '../../session';
import { exportHref, formDocumentHref, getLayout, listEmployerForms, type EmployerFormView } from '../../services/payroll';
import { statusLine } from '../../ui/feedback';
import { choiceForm, inputField, selectField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { dataTable } from '../../ui/table';
import { managedOrganizations } from '../contracts/managed';
import { layoutEditor } from './export-layout';

const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

export const payrollExportsPage: PageFactory = ({ update }) => {
  let organizationId = '';
  let month = new URLSearchParams(location.search).get('month') ?? lastMonth();
  const organizations = resource(async () => managedOrganizations(await reloadMe()), update);
  const layout = resource(() => getLayout(organizationId), update);
  const forms = resource(async () => (/^\d{4}-\d{2}$/.test(month) ? (await listEmployerForms(organizationId, month)).items : []), update);
  const status = statusLine();
  const editor = layoutEditor(update, status, () => ({ organizationId, month }));

  const page: Page = {
    title: () => t('exports.title'),
    async load(signal) {
      await organizations.load(signal);
      organizationId ||= organizations.data?.[0]?.organizationId ?? '';
      editor.show(undefined);
      if (organizationId) await Promise.all([layout.load(signal), forms.load(signal)]);
    },
    view: () =>
      organizations.view((list) => {
        if (!list.length) return html`<p class="notice">${t('exports.notEmployer')}</p>`;
        return html`
          <p>${t('exports.intro')}</p>
          ${choiceForm(
            {},
            html`${selectField({
              id: 'exports-organization',
              label: t('exports.organization'),
              options: list.map((m) => ({ value: m.organizationId, label: m.organizationName })),
              value: organizationId,
              onChange: chooseOrganization,
            })}
            ${inputField({ id: 'exports-month', label: t('exports.month'), type: 'month', value: month, onChange: chooseMonth })}`,
          )}
          <p class="row">
            <a class="button primary" href=${exportHref(organizationId, month, 'csv')} download>${t('exports.downloadCsv')}</a>
            <a class="button" href=${exportHref(organizationId, month, 'json')} download>${t('exports.downloadJson')}</a>
          </p>
          ${status.view()} ${layout.view((l) => editor.view(l))} ${forms.view(formsTable)}
        `;
      }),
  };

  function chooseOrganization(next: string): void {
    organizationId = next;
    editor.show(undefined);
    status.clear();
    void layout.reload({ fresh: true });
    void forms.reload({ fresh: true });
  }

  function chooseMonth(next: string): void {
    month = next;
    editor.forgetPreview();
    status.clear();
    void forms.reload({ fresh: true });
  }

  return page;
};

/** The employees' forms of the month as the employer sees them: hours by competence group and pay, with their reduced documents. */
function formsTable(list: EmployerFormView[]): TemplateResult {
  return html`<section aria-labelledby="employer-forms-heading">
    <h2 id="employer-forms-heading">${t('exports.forms')}</h2>
    <p>${t('exports.formsIntro')}</p>
    ${
      list.length
        ? dataTable({
            className: 'employer-forms',
            columns: [
              t('exports.forms.employee'),
              t('exports.forms.hours'),
              t('exports.forms.groups'),
              t('exports.forms.credited'),
              t('exports.forms.documents'),
            ],
            rows: list.map(employerFormRow),
          })
        : html`<p class="notice">${t('exports.forms.none')}</p>`
    }
  </section>`;
}

function employerFormRow(f: EmployerFormView): TemplateResult {
  const credited = f.currency ? formatAmount(f.currency.creditedMinor, f.currency.minorUnits, f.currency.code, language()) : '—';
  const groups = f.competenceGroups.map((g) => t('exports.forms.group', { group: g.label, hours: hoursText(g.minutes) }));
  const pdf = t('exports.forms.pdfOf', { person: f.personName });
  const json = t('exports.forms.jsonOf', { person: f.personName });
  return html`<tr data-form=${f.id}>
    <th scope="row">${f.personName} <span class="tag">${t('exports.forms.version', { version: f.version })}</span></th>
    <td>${hoursText(f.totalMinutes)}</td>
    <td>
      <ul class="plain">
        ${groups.map((group) => html`<li>${group}</li>`)}
      </ul>
    </td>
    <td>${credited}</td>
    <td>
      <a href=${formDocumentHref(f.id, 'pdf')} download aria-label=${pdf}>PDF</a>
      <a href=${formDocumentHref(f.id, 'json')} download aria-label=${json}>JSON</a>
    </td>
  </tr>`;
}
