// What a SAR contract is and has been, as its parties read it: the summary, the schedule as a
// calendar, the signed documents, the versions side by side with what changed, and the history.
import { html, nothing, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { formatDate, t } from '../../i18n';
import { documentHref, type ContractDetail, type ContractVersion, type Terms } from '../../services/contracts';
import { scheduleCalendar } from '../../ui/schedule-calendar';
import { contractStatusLabel, partiesLabel, partyLabel, periodLabel } from './labels';

export function summary(detail: ContractDetail): TemplateResult {
  const c = detail.contract;
  const ending = c.terminationDate ? ` — ${t('contracts.endsOn', { date: formatDate(c.terminationDate) })}` : '';
  return html`<dl class="details">
    <dt>${t('contracts.person')}</dt>
    <dd>${c.personName} <span class="muted">(${t(`contractKind.${c.kind}`)})</span></dd>
    ${
      c.employerName
        ? html`<dt>${t('party.employer')}</dt>
            <dd>${c.employerName}</dd>`
        : nothing
    }
    <dt>${t('party.office')}</dt>
    <dd>${c.officeName}</dd>
    <dt>${t('contracts.status')}</dt>
    <dd data-testid="contract-status"><strong>${contractStatusLabel(c.status)}</strong>${ending}</dd>
    <dt>${t('contracts.youActAs')}</dt>
    <dd>${partiesLabel(detail.callerParties)}</dd>
    ${
      c.inForceVersion
        ? html`<dt>${t('contracts.inForce')}</dt>
            <dd>${t('contracts.versionSignedOn', { n: c.inForceVersion, date: formatDate(c.signedAt ?? '') })}</dd>`
        : nothing
    }
    ${
      c.pendingVersion
        ? html`<dt>${t('contracts.underNegotiation')}</dt>
            <dd>
              ${t('contracts.versionN', { n: c.pendingVersion })} —
              ${detail.awaiting.length ? t('contracts.waitingForParties', { parties: partiesLabel(detail.awaiting) }) : ''}
            </dd>`
        : nothing
    }
  </dl>`;
}

/** The terms the parties are held to, or are negotiating. */
function shownTerms(detail: ContractDetail): Terms {
  const number = detail.contract.pendingVersion ?? detail.contract.inForceVersion ?? detail.contract.latestVersion;
  return detail.versions.find((v) => v.version === number)!.terms;
}

export function schedule(detail: ContractDetail): TemplateResult {
  const terms = shownTerms(detail);
  const holidays = detail.holidays.filter((h) => h.status === 'approved');
  return html`<section aria-labelledby="schedule-heading">
    <h2 id="schedule-heading">${t('contracts.scheduleHeading')}</h2>
    <p>${t('contracts.weeklyAllowanceIs', { hours: hoursText(terms.schedule.weeklyAllowanceMinutes) })}</p>
    ${scheduleCalendar({ startDate: terms.periodStart, endDate: terms.periodEnd }, terms.schedule, holidays)}
  </section>`;
}

export function documents(detail: ContractDetail): TemplateResult {
  const version = detail.contract.inForceVersion;
  if (!version) return html``;
  const id = detail.contract.id;
  return html`<section aria-labelledby="documents-heading">
    <h2 id="documents-heading">${t('contracts.documents')}</h2>
    <ul>
      <li><a href=${documentHref(id, 'pdf')} target="_blank" rel="noopener">${t('contracts.documentPdf', { n: version })}</a></li>
      <li><a href=${documentHref(id, 'json')} target="_blank" rel="noopener">${t('contracts.documentJson', { n: version })}</a></li>
    </ul>
  </section>`;
}

const blocksText = (v: ContractVersion) =>
  v.terms.schedule.blocks
    .map((b) => `${formatDate(b.startDate)} – ${formatDate(b.endDate)}: ${hoursText(b.minutes)}${b.label ? ` (${b.label})` : ''}`)
    .join('; ');
const blackoutsText = (v: ContractVersion) =>
  v.terms.schedule.blackouts
    .map((b) => `${formatDate(b.startDate)} – ${formatDate(b.endDate)}${b.reason ? ` (${b.reason})` : ''}`)
    .join('; ');

/** Every version in a column, each row a term, a cell marked where it changed from the version before. */
export function versions(detail: ContractDetail): TemplateResult {
  const rows: [string, (v: ContractVersion) => string][] = [
    [t('contracts.period'), (v) => periodLabel(v.terms.periodStart, v.terms.periodEnd)],
    [t('contracts.yearlyHours'), (v) => hoursText(v.terms.yearlyMinutes)],
    [t('terms.weeklyHours'), (v) => hoursText(v.terms.schedule.weeklyAllowanceMinutes)],
    [t('terms.blocks'), (v) => blocksText(v) || '—'],
    [t('terms.blackouts'), (v) => blackoutsText(v) || '—'],
    [t('terms.competences'), (v) => v.terms.competences.map((c) => c.label).join(', ') || '—'],
    [t('terms.comment'), (v) => v.comment || '—'],
    [t('contracts.acceptedBy'), (v) => v.acceptances.map((a) => `${partyLabel(a.party)}: ${a.acceptedByName}`).join('; ') || '—'],
  ];
  const all = detail.versions;
  const c = detail.contract;
  return html`<section aria-labelledby="versions-heading">
    <h2 id="versions-heading">${t('contracts.versions')}</h2>
    <div class="table-wrap">
      <table class="versions">
        <thead>
          <tr>
            <td></td>
            ${all.map(
              (v) =>
                html`<th scope="col">
                  ${t('contracts.versionN', { n: v.version })}${
                    v.amendment ? html` <span class="tag">${t('contracts.amendmentTag')}</span>` : nothing
                  }
                  <span class="block">${t('contracts.proposedBy', { name: v.proposedByName, party: partyLabel(v.proposedByParty) })}</span>
                  <span class="block">${formatDate(v.proposedAt)}</span>
                  ${v.version === c.inForceVersion ? html`<span class="tag">${t('contracts.inForceTag')}</span>` : nothing}
                  ${v.version === c.pendingVersion ? html`<span class="tag">${t('contracts.pendingTag')}</span>` : nothing}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([label, text]) =>
              html`<tr>
                <th scope="row">${label}</th>
                ${all.map((v, i) => {
                  const value = text(v);
                  const changed = i > 0 && value !== text(all[i - 1]!);
                  return html`<td class=${changed ? 'changed' : ''}>
                    ${value}${changed ? html`<span class="visually-hidden"> ${t('contracts.changed')}</span>` : nothing}
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

export function history(detail: ContractDetail): TemplateResult {
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">${t('contracts.history')}</h2>
    <ol class="history">
      ${detail.history.map(
        (s) =>
          html`<li>
            <time datetime=${s.at}>${formatDate(s.at)}</time> —
            ${t(`step.${s.step}` as never, { name: s.actorName, party: s.party ? partyLabel(s.party) : '', n: s.version ?? '' })}
            ${s.comment ? html`<q>${s.comment}</q>` : nothing}
          </li>`,
      )}
    </ol>
  </section>`;
}
