// My Societal Activity Forms: every month's form and version, with its figures, its verification
// code and its downloads (PDF, JSON).
import './payroll.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { formatDate, language, t } from '../../i18n';
import { formatAmount } from '../../money';
import type { Page, PageFactory } from '../../router';
import { formDocumentHref, listMyForms, type SocietalActivityForm } from '../../services/payroll';
import { resource } from '../../ui/resource';
import { monthLabel } from '../timesheets/shared';

export const myFormsPage: PageFactory = ({ update }) => {
  const forms = resource(async () => (await listMyForms()).items, update);

  const page: Page = {
    title: () => t('forms.title'),
    load: (signal) => forms.load(signal),
    view: () => html`<p>${t('forms.intro')}</p>${forms.view((list) => (list.length ? html`${list.map(card)}` : html`<p class="notice">${t('forms.none')}</p>`))}`,
  };
  return page;
};

function card(form: SocietalActivityForm): TemplateResult {
  const heading = t('forms.heading', { month: monthLabel(form.month), version: form.version });
  return html`<section class="form-card ${form.status}" data-form=${form.id} aria-label=${heading}>
    <h2>${heading} <span class="tag">${t(`forms.status.${form.status}`)}</span></h2>
    <dl>
      <dt>${t('forms.employer')}</dt><dd>${form.employerName ?? t('forms.noEmployer')}</dd>
      <dt>${t('forms.territory')}</dt><dd>${form.territoryName}</dd>
      <dt>${t('forms.hours')}</dt><dd>${hoursText(form.totalMinutes)}</dd>
      <dt>${t('forms.yearToDate')}</dt><dd>${t('forms.ofYearly', { used: hoursText(form.contractYear.toDateMinutes), yearly: hoursText(form.contractYear.yearlyMinutes) })}</dd>
      ${form.currency
        ? html`<dt>${t('forms.credited')}</dt><dd>${formatAmount(form.currency.creditedMinor, form.currency.minorUnits, form.currency.code, language())}</dd>
            <dt>${t('forms.balance')}</dt><dd>${formatAmount(form.currency.balanceAtMonthEndMinor, form.currency.minorUnits, form.currency.code, language())}</dd>`
        : nothing}
      <dt>${t('forms.code')}</dt><dd><a href=${`/verify?code=${encodeURIComponent(form.verificationCode)}`}>${form.verificationCode}</a></dd>
      <dt>${t('forms.issued')}</dt><dd>${formatDate(form.issuedAt)}</dd>
    </dl>
    <table>
      <caption>${t('forms.perProject')}</caption>
      <tbody>${form.projects.map((p) => html`<tr><th scope="row">${p.title}</th><td>${hoursText(p.minutes)}</td></tr>`)}</tbody>
    </table>
    <table>
      <caption>${t('forms.perCompetence')}</caption>
      <tbody>${form.competences.map((c) => html`<tr><th scope="row">${c.label}</th><td>${hoursText(c.minutes)}</td></tr>`)}</tbody>
    </table>
    <p class="row">
      <a class="button" href=${formDocumentHref(form.id, 'pdf')} download>${t('forms.downloadPdf', { month: monthLabel(form.month), version: form.version })}</a>
      <a class="button" href=${formDocumentHref(form.id, 'json')} download>${t('forms.downloadJson')}</a>
    </p>
  </section>`;
}
