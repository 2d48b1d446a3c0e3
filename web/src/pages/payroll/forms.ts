// My Societal Activity Forms: every month's form and version, with its figures, its verification
// code and its downloads (PDF, JSON).
import './payroll.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { formatDate, formatMonth, language, t } from '../../i18n';
import { formatAmount } from '../../money';
import type { Page, PageFactory } from '../../router';
import { formDocumentHref, listMyForms, type SocietalActivityForm } from '../../services/payroll';
import { resource } from '../../ui/resource';

export const myFormsPage: PageFactory = ({ update }) => {
  const forms = resource(async () => (await listMyForms()).items, update);

  const page: Page = {
    title: () => t('forms.title'),
    load: (signal) => forms.load(signal),
    view: () =>
      html`<p>${t('forms.intro')}</p>
        ${forms.view((list) => (list.length ? html`${list.map(card)}` : html`<p class="notice">${t('forms.none')}</p>`))}`,
  };
  return page;
};

function card(form: SocietalActivityForm): TemplateResult {
  const month = formatMonth(form.month);
  const heading = t('forms.heading', { month, version: form.version });
  return html`<section class="form-card ${form.status}" data-form=${form.id} aria-label=${heading}>
    <h2>${heading} <span class="tag">${t(`forms.status.${form.status}`)}</span></h2>
    <dl>
      <dt>${t('forms.employer')}</dt>
      <dd>${form.employerName ?? t('forms.noEmployer')}</dd>
      <dt>${t('forms.territory')}</dt>
      <dd>${form.territoryName}</dd>
      <dt>${t('forms.hours')}</dt>
      <dd>${hoursText(form.totalMinutes)}</dd>
      <dt>${t('forms.yearToDate')}</dt>
      <dd>
        ${t('forms.ofYearly', { used: hoursText(form.contractYear.toDateMinutes), yearly: hoursText(form.contractYear.yearlyMinutes) })}
      </dd>
      ${
        form.currency
          ? html`<dt>${t('forms.credited')}</dt>
              <dd>${formatAmount(form.currency.creditedMinor, form.currency.minorUnits, form.currency.code, language())}</dd>
              <dt>${t('forms.balance')}</dt>
              <dd>${formatAmount(form.currency.balanceAtMonthEndMinor, form.currency.minorUnits, form.currency.code, language())}</dd>`
          : nothing
      }
      <dt>${t('forms.code')}</dt>
      <dd><a href=${`/verify?code=${encodeURIComponent(form.verificationCode)}`}>${form.verificationCode}</a></dd>
      <dt>${t('forms.issued')}</dt>
      <dd>${formatDate(form.issuedAt)}</dd>
    </dl>
    ${hoursTable(
      t('forms.perProject'),
      form.projects.map((p) => ({ name: p.title, minutes: p.minutes })),
    )}
    ${hoursTable(
      t('forms.perCompetence'),
      form.competences.map((c) => ({ name: c.label, minutes: c.minutes })),
    )}
    <p class="row">
      <a class="button" href=${formDocumentHref(form.id, 'pdf')} download>${t('forms.downloadPdf', { month, version: form.version })}</a>
      <a class="button" href=${formDocumentHref(form.id, 'json')} download>${t('forms.downloadJson')}</a>
    </p>
  </section>`;
}

/** The month's hours split one way (per project, per competence). */
function hoursTable(caption: string, rows: { name: string; minutes: number }[]): TemplateResult {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${row.name}</th>
            <td>${hoursText(row.minutes)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
