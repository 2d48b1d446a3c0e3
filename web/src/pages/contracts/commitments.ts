// An employer's commitment dashboard: the hours committed for a year, allocated by signed SAR
// contracts and consumed (approved), per employee; its HR managers set the commitment here.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { ApiError, isApiError } from '../../api';
import { hoursInput, hoursText, minutesFromHours } from '../../hours';
import { t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { getCommitmentReport, setCommitment, type CommitmentInput, type CommitmentReport } from '../../services/contracts';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { contractStatusLabel, periodLabel } from './labels';
import { managedOrganizations } from './managed';

const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** Basis points for a percentage written by a person ("1", "0.5", "2,25"); null when it is not one. */
function basisPointsOf(text: string): number | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

interface Draft {
  basis: 'absolute' | 'share';
  hours: string;
  percent: string;
  employees: string;
  hoursPerEmployee: string;
}

export const commitmentsPage: PageFactory = ({ update }) => {
  const thisYear = new Date().getUTCFullYear();
  let organizationId = new URLSearchParams(location.search).get('organization') ?? '';
  let year = thisYear;
  let report: Loadable<CommitmentReport> | null = null;
  let draft: Draft | null = null;
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let saving = false;

  const page: Page = {
    title: () => t('commitments.title'),

    async load(signal) {
      const me = await reloadMe().catch(() => session().me);
      if (signal.aborted) return;
      organizationId ||= managedOrganizations(me)[0]?.organizationId ?? '';
      if (organizationId) await loadReport();
    },

    view: () => {
      const organizations = managedOrganizations(session().me);
      return html`
        <p>${t('commitments.intro')}</p>
        <form class="row" aria-label=${t('commitments.choose')} @submit=${(e: Event) => e.preventDefault()}>
          ${organizations.length
            ? html`<div class="field">
                <label for="commitment-organization">${t('commitments.organization')}</label>
                <select id="commitment-organization" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value, year)}>
                  ${organizations.map((o) => html`<option value=${o.organizationId} ?selected=${o.organizationId === organizationId}>${o.organizationName}</option>`)}
                </select>
              </div>`
            : nothing}
          <div class="field">
            <label for="commitment-year">${t('commitments.year')}</label>
            <select id="commitment-year" @change=${(e: Event) => choose(organizationId, Number((e.target as HTMLSelectElement).value))}>
              ${[thisYear - 1, thisYear, thisYear + 1].map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
            </select>
          </div>
        </form>
        ${statusRegion(message)}
        ${!organizationId ? html`<p class="notice">${t('commitments.noOrganization')}</p>` : report ? whenLoaded(report, dashboard) : nothing}
      `;
    },
  };

  function choose(nextOrganization: string, nextYear: number): void {
    organizationId = nextOrganization;
    year = nextYear;
    draft = null;
    message = null;
    void loadReport();
  }

  async function loadReport(): Promise<void> {
    report = loading;
    update();
    report = await loadable(() => getCommitmentReport(organizationId, year));
    update();
  }

  function figure(label: string, minutes: number): TemplateResult {
    return html`<div class="figure"><span class="figure-label">${label}</span> <span class="figure-value">${hoursText(minutes)}</span></div>`;
  }

  function dashboard(r: CommitmentReport): TemplateResult {
    const manages = managedOrganizations(session().me).some((o) => o.organizationId === organizationId);
    const share = r.commitment?.basis === 'share' ? r.commitment : null;
    return html`
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">${t('commitments.figures', { year: r.year })}</h2>
        <div class="figures">
          ${figure(t('commitments.committed'), r.committedMinutes)} ${figure(t('commitments.allocated'), r.allocatedMinutes)}
          ${figure(t('commitments.consumed'), r.consumedMinutes)} ${figure(t('commitments.unallocated'), r.unallocatedMinutes)}
        </div>
        ${r.committedMinutes ? html`<meter min="0" max=${r.committedMinutes} value=${r.allocatedMinutes} aria-label=${t('commitments.allocated')}></meter>` : nothing}
        <p class="muted">
          ${r.commitment
            ? share
              ? t('commitments.shareBasis', { percent: (share.shareBasisPoints / 100).toLocaleString(), employees: share.declaredEmployees, hours: hoursText(share.declaredMinutesPerEmployee) })
              : t('commitments.absoluteBasis')
            : t('commitments.none')}
        </p>
        <p class="muted">${t('commitments.consumedNote')}</p>
      </section>
      <section aria-labelledby="employees-heading">
        <h2 id="employees-heading">${t('commitments.perEmployee')}</h2>
        ${r.employees.length
          ? html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t('contracts.person')}</th>
                    <th scope="col">${t('contracts.period')}</th>
                    <th scope="col">${t('contracts.status')}</th>
                    <th scope="col">${t('commitments.allocated')}</th>
                    <th scope="col">${t('commitments.consumed')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.employees.map(
                    (e) => html`<tr>
                      <th scope="row"><a href="/contracts/${encodeURIComponent(e.contractId)}">${e.personName}</a></th>
                      <td>${periodLabel(e.periodStart, e.periodEnd)}</td>
                      <td>${contractStatusLabel(e.status)}</td>
                      <td>${hoursText(e.allocatedMinutes)}</td>
                      <td>${hoursText(e.consumedMinutes)}</td>
                    </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colspan="3">${t('commitments.total')}</th>
                    <td>${hoursText(r.allocatedMinutes)}</td>
                    <td>${hoursText(r.consumedMinutes)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>`
          : html`<p class="muted">${t('commitments.noContracts')}</p>`}
      </section>
      ${manages ? editor(r) : nothing}
    `;
  }

  function editor(r: CommitmentReport): TemplateResult {
    if (!draft) {
      return html`<p><button type="button" id="commitment-edit" @click=${() => openEditor(r)}>${t(r.commitment ? 'commitments.change' : 'commitments.set')}</button></p>`;
    }
    const d = draft;
    const input = (key: keyof Draft & string, errorKey: string, label: string, hint?: string) =>
      field({ id: `commitment-${key}`, label, hint, errors: errors.fields[errorKey] }, (a) =>
        html`<input id=${a.id} type="text" inputmode="decimal" .value=${d[key]} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @input=${(e: Event) => ((d[key] as string) = (e.target as HTMLInputElement).value)} />`,
      );
    return html`<form class="stack" aria-label=${t('commitments.set')} novalidate @submit=${(e: SubmitEvent) => save(e, r)}>
      <h2 id="commitment-form-heading" tabindex="-1">${t(r.commitment ? 'commitments.change' : 'commitments.set')}</h2>
      ${problem ? problemAlert(problem, errors.unattached) : nothing}
      <fieldset class="choices">
        <legend>${t('commitments.basis')}</legend>
        ${(['absolute', 'share'] as const).map(
          (basis) => html`<div class="choice">
            <input type="radio" name="basis" id=${`basis-${basis}`} .checked=${d.basis === basis} @change=${() => { d.basis = basis; update(); }} />
            <label for=${`basis-${basis}`}>${t(`commitments.basis.${basis}`)}</label>
          </div>`,
        )}
      </fieldset>
      ${d.basis === 'absolute'
        ? input('hours', 'minutes', t('commitments.hours'), t('terms.hoursHint'))
        : html`${input('percent', 'shareBasisPoints', t('commitments.percent'), t('commitments.percentHint'))}
            ${input('employees', 'declaredEmployees', t('commitments.employees'))}
            ${input('hoursPerEmployee', 'declaredMinutesPerEmployee', t('commitments.hoursPerEmployee'), t('terms.hoursHint'))}`}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${saving ? 'true' : 'false'}>${t('common.save')}</button>
        <button type="button" @click=${() => { draft = null; update(); }}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  function openEditor(r: CommitmentReport): void {
    const c = r.commitment;
    draft = {
      basis: c?.basis ?? 'absolute',
      hours: c && c.basis === 'absolute' ? hoursInput(c.committedMinutes) : '',
      percent: c && c.basis === 'share' ? String(c.shareBasisPoints / 100) : '',
      employees: c && c.basis === 'share' ? String(c.declaredEmployees) : '',
      hoursPerEmployee: c && c.basis === 'share' ? hoursInput(c.declaredMinutesPerEmployee) : '1607',
    };
    errors = noErrors;
    problem = null;
    update();
    focusLater('#commitment-form-heading');
  }

  function inputOf(d: Draft): CommitmentInput | FormErrors {
    const fields: FormErrors['fields'] = {};
    const need = <T>(value: T | null, key: string, text: string) => (value === null ? ((fields[key] = [text]), 0) : value);
    if (d.basis === 'absolute') {
      const minutes = need(minutesFromHours(d.hours), 'minutes', t('terms.hoursInvalid'));
      return Object.keys(fields).length ? { fields, unattached: [] } : { basis: 'absolute', minutes };
    }
    const shareBasisPoints = need(basisPointsOf(d.percent), 'shareBasisPoints', t('commitments.percentInvalid'));
    const declaredEmployees = need(/^\d{1,7}$/.test(d.employees.trim()) ? Number(d.employees.trim()) : null, 'declaredEmployees', t('commitments.employeesInvalid'));
    const declaredMinutesPerEmployee = need(minutesFromHours(d.hoursPerEmployee), 'declaredMinutesPerEmployee', t('terms.hoursInvalid'));
    return Object.keys(fields).length ? { fields, unattached: [] } : { basis: 'share', shareBasisPoints, declaredEmployees, declaredMinutesPerEmployee };
  }

  async function save(event: SubmitEvent, r: CommitmentReport): Promise<void> {
    event.preventDefault();
    if (!draft || saving) return;
    const body = inputOf(draft);
    problem = null;
    if ('fields' in body) {
      errors = body;
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    saving = true;
    update();
    try {
      await setCommitment(organizationId, year, body, r.commitment?.version);
      draft = null;
      message = { key: 'commitments.saved' };
      await loadReport();
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['minutes', 'shareBasisPoints', 'declaredEmployees', 'declaredMinutesPerEmployee']);
      problem = isApiError(error, 412) ? new ApiError({ status: 412, title: t('contracts.staleTitle'), detail: t('commitments.stale') }) : error;
      if (isApiError(error, 412)) await loadReport();
    } finally {
      saving = false;
      update();
    }
  }

  return page;
};
