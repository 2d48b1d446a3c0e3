// An employer's commitment dashboard: the hours committed for a year, allocated by signed SAR
// contracts and consumed (approved), per employee; its HR managers set the commitment here.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { hoursInput, hoursText, minutesFromHours } from '../../hours';
import { t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { getCommitmentReport, setCommitment, type CommitmentInput, type CommitmentReport } from '../../services/contracts';
import type { Component, Update } from '../../ui/component';
import { statusLine, type StatusLine } from '../../ui/feedback';
import { figure } from '../../ui/figures';
import { focusLater } from '../../ui/focus';
import { choiceForm, type FormErrors, inputField, radios, selectField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { invalid, submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';
import { contractStatusLabel, periodLabel } from './labels';
import { managedOrganizations } from './managed';

const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** Basis points for a percentage written by a person ("1", "0.5", "2,25"); null when it is not one. */
function basisPointsOf(text: string): number | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** How the commitment is measured: in hours, or as a share of the working hours declared. */
function basisOf(r: CommitmentReport): string {
  const c = r.commitment;
  if (!c) return t('commitments.none');
  if (c.basis !== 'share') return t('commitments.absoluteBasis');
  const percent = (c.shareBasisPoints / 100).toLocaleString();
  return t('commitments.shareBasis', { percent, employees: c.declaredEmployees, hours: hoursText(c.declaredMinutesPerEmployee) });
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
  const status = statusLine();
  const report = resource(() => getCommitmentReport(organizationId, year), update);
  const editor = commitmentEditor(
    update,
    status,
    () => ({ organizationId, year }),
    () => report.reload({ fresh: true }),
  );

  const page: Page = {
    title: () => t('commitments.title'),

    async load(signal) {
      const me = await reloadMe().catch(() => session().me);
      if (signal.aborted) return;
      organizationId ||= managedOrganizations(me)[0]?.organizationId ?? '';
      if (organizationId) await report.load(signal);
    },

    view: () => {
      const organizations = managedOrganizations(session().me);
      return html`
        <p>${t('commitments.intro')}</p>
        ${choiceForm(
          { label: t('commitments.choose') },
          html`${
            organizations.length
              ? selectField({
                  id: 'commitment-organization',
                  label: t('commitments.organization'),
                  options: organizations.map((o) => ({ value: o.organizationId, label: o.organizationName })),
                  value: organizationId,
                  onChange: (value) => choose(value, year),
                })
              : nothing
          }
          ${selectField({
            id: 'commitment-year',
            label: t('commitments.year'),
            options: [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) })),
            value: String(year),
            onChange: (value) => choose(organizationId, Number(value)),
          })}`,
        )}
        ${status.view()} ${!organizationId ? html`<p class="notice">${t('commitments.noOrganization')}</p>` : report.view(dashboard)}
      `;
    },
  };

  function choose(nextOrganization: string, nextYear: number): void {
    organizationId = nextOrganization;
    year = nextYear;
    editor.close();
    status.clear();
    void report.reload({ fresh: true });
  }

  function dashboard(r: CommitmentReport): TemplateResult {
    const manages = managedOrganizations(session().me).some((o) => o.organizationId === organizationId);
    return html`
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">${t('commitments.figures', { year: r.year })}</h2>
        <div class="figures">
          ${figure(t('commitments.committed'), hoursText(r.committedMinutes))}
          ${figure(t('commitments.allocated'), hoursText(r.allocatedMinutes))}
          ${figure(t('commitments.consumed'), hoursText(r.consumedMinutes))}
          ${figure(t('commitments.unallocated'), hoursText(r.unallocatedMinutes))}
        </div>
        ${
          r.committedMinutes
            ? html`<meter min="0" max=${r.committedMinutes} value=${r.allocatedMinutes} aria-label=${t('commitments.allocated')}></meter>`
            : nothing
        }
        <p class="muted">${basisOf(r)}</p>
        <p class="muted">${t('commitments.consumedNote')}</p>
      </section>
      <section aria-labelledby="employees-heading">
        <h2 id="employees-heading">${t('commitments.perEmployee')}</h2>
        ${
          r.employees.length
            ? dataTable({
                columns: [
                  t('contracts.person'),
                  t('contracts.period'),
                  t('contracts.status'),
                  t('commitments.allocated'),
                  t('commitments.consumed'),
                ],
                rows: r.employees.map(
                  (e) =>
                    html`<tr>
                      <th scope="row"><a href="/contracts/${encodeURIComponent(e.contractId)}">${e.personName}</a></th>
                      <td>${periodLabel(e.periodStart, e.periodEnd)}</td>
                      <td>${contractStatusLabel(e.status)}</td>
                      <td>${hoursText(e.allocatedMinutes)}</td>
                      <td>${hoursText(e.consumedMinutes)}</td>
                    </tr>`,
                ),
                foot: html`<tfoot>
                  <tr>
                    <th scope="row" colspan="3">${t('commitments.total')}</th>
                    <td>${hoursText(r.allocatedMinutes)}</td>
                    <td>${hoursText(r.consumedMinutes)}</td>
                  </tr>
                </tfoot>`,
              })
            : html`<p class="muted">${t('commitments.noContracts')}</p>`
        }
      </section>
      ${manages ? editor.view(r) : nothing}
    `;
  }

  return page;
};

interface CommitmentEditor extends Component<[report: CommitmentReport]> {
  close(): void;
}

/** Setting or changing the year's commitment: in hours, or as a share of the working hours declared. */
function commitmentEditor(
  update: Update,
  status: StatusLine,
  chosen: () => { organizationId: string; year: number },
  reload: () => Promise<void>,
): CommitmentEditor {
  let draft: Draft | null = null;
  const form = submission(update, {
    fields: ['minutes', 'shareBasisPoints', 'declaredEmployees', 'declaredMinutesPerEmployee'],
    stale: { title: 'contracts.staleTitle', detail: 'commitments.stale' },
    status,
    // Someone else saved meanwhile: show what is committed now.
    onFailure: (error) => (isApiError(error, 412) ? reload() : undefined),
  });

  function cancel(): void {
    draft = null;
    update();
  }

  function open(r: CommitmentReport): void {
    const c = r.commitment;
    draft = {
      basis: c?.basis ?? 'absolute',
      hours: c && c.basis === 'absolute' ? hoursInput(c.committedMinutes) : '',
      percent: c && c.basis === 'share' ? String(c.shareBasisPoints / 100) : '',
      employees: c && c.basis === 'share' ? String(c.declaredEmployees) : '',
      hoursPerEmployee: c && c.basis === 'share' ? hoursInput(c.declaredMinutesPerEmployee) : '1607',
    };
    form.reset();
    update();
    focusLater('#commitment-form-heading');
  }

  async function save(r: CommitmentReport, d: Draft): Promise<void> {
    const { organizationId, year } = chosen();
    await setCommitment(organizationId, year, inputOf(d), r.commitment?.version);
    draft = null;
    status.say('commitments.saved');
    await reload();
  }

  function view(r: CommitmentReport): TemplateResult {
    const d = draft;
    const heading = t(r.commitment ? 'commitments.change' : 'commitments.set');
    if (!d) return html`<p><button type="button" id="commitment-edit" @click=${() => open(r)}>${heading}</button></p>`;
    const input = (key: Exclude<keyof Draft, 'basis'>, errorKey: string, label: string, hint?: string) =>
      inputField({
        id: `commitment-${key}`,
        label,
        hint,
        inputmode: 'decimal',
        errors: form.errorsOf(errorKey),
        value: d[key],
        onInput: (v) => (d[key] = v),
      });
    return form.form(
      {
        label: t('commitments.set'),
        send: () => save(r, d),
        heading: html`<h2 id="commitment-form-heading" tabindex="-1">${heading}</h2>`,
      },
      html`${radios({
        name: 'basis',
        legend: t('commitments.basis'),
        items: (['absolute', 'share'] as const).map((basis) => ({ value: basis, label: t(`commitments.basis.${basis}`) })),
        value: d.basis,
        onChoose: (basis) => {
          d.basis = basis as Draft['basis'];
          update();
        },
      })}
      ${
        d.basis === 'absolute'
          ? input('hours', 'minutes', t('commitments.hours'), t('terms.hoursHint'))
          : html`${input('percent', 'shareBasisPoints', t('commitments.percent'), t('commitments.percentHint'))}
            ${input('employees', 'declaredEmployees', t('commitments.employees'))}
            ${input('hoursPerEmployee', 'declaredMinutesPerEmployee', t('commitments.hoursPerEmployee'), t('terms.hoursHint'))}`
      }
      ${form.actions(t('common.save'), { cancel })}`,
    );
  }

  return {
    view,
    close() {
      draft = null;
    },
  };
}

/** The commitment a draft says; what is not a number of hours, a percentage or a count is refused here. */
function inputOf(d: Draft): CommitmentInput {
  const fields: FormErrors['fields'] = {};
  const need = <T>(value: T | null, key: string, text: string) => (value === null ? ((fields[key] = [text]), 0) : value);
  if (d.basis === 'absolute') {
    const minutes = need(minutesFromHours(d.hours), 'minutes', t('terms.hoursInvalid'));
    if (Object.keys(fields).length) throw invalid(fields);
    return { basis: 'absolute', minutes };
  }
  const shareBasisPoints = need(basisPointsOf(d.percent), 'shareBasisPoints', t('commitments.percentInvalid'));
  const declaredEmployees = need(
    /^\d{1,7}$/.test(d.employees.trim()) ? Number(d.employees.trim()) : null,
    'declaredEmployees',
    t('commitments.employeesInvalid'),
  );
  const declaredMinutesPerEmployee = need(minutesFromHours(d.hoursPerEmployee), 'declaredMinutesPerEmployee', t('terms.hoursInvalid'));
  if (Object.keys(fields).length) throw invalid(fields);
  return { basis: 'share', shareBasisPoints, declaredEmployees, declaredMinutesPerEmployee };
}
