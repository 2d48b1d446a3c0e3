// What a project is and where it stands, as anyone reads it: its details, its needs (filled and
// open hours), and the history of its status.
import { html, nothing, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { formatDate, formatDateTime, t } from '../../i18n';
import type { Project } from '../../services/programs';
import { dataTable } from '../../ui/table';
import { statusTag } from './shared';

export function details(p: Project, territoryName: string, challengeTitles: ReadonlyMap<string, string>): TemplateResult {
  return html`<section aria-labelledby="project-details-heading">
    <h2 id="project-details-heading">${t('project.details')}</h2>
    <dl class="details">
      <dt>${t('project.status')}</dt>
      <dd>${statusTag(p.status)}</dd>
      ${
        p.refusalReason
          ? html`<dt>${t('project.refusalReason')}</dt>
              <dd>${p.refusalReason}</dd>`
          : nothing
      }
      <dt>${t('project.kind')}</dt>
      <dd>${t(`projectKind.${p.kind}`)}</dd>
      <dt>${t('project.territory')}</dt>
      <dd>${territoryName}</dd>
      <dt>${t('project.period')}</dt>
      <dd>${t('project.fromTo', { start: formatDate(p.startDate), end: formatDate(p.endDate) })}</dd>
      <dt>${t('project.coordinator')}</dt>
      <dd>${p.coordinatorName ?? ''}</dd>
      <dt>${t('project.challenges')}</dt>
      <dd>${p.challengeIds.length ? p.challengeIds.map((id) => challengeTitles.get(id) ?? id).join(' · ') : t('project.noChallenges')}</dd>
      <dt>${t('project.yourRole')}</dt>
      <dd>${p.viewer?.role ? t(`teamRole.${p.viewer.role}`) : t('project.notOnTeam')}</dd>
    </dl>
    ${p.description ? html`<p>${p.description}</p>` : nothing}
    ${
      p.viewer?.mayEdit
        ? html`<p><a class="button" href="/projects/${encodeURIComponent(p.id)}/edit">${t('project.edit')}</a></p>`
        : nothing
    }
  </section>`;
}

/** The needs with their filled and open hours; `join` is the person's way in, when they may ask. */
export function needs(p: Project, join: TemplateResult | typeof nothing): TemplateResult {
  return html`<section aria-labelledby="project-needs-heading">
    <h2 id="project-needs-heading">${t('project.needs')}</h2>
    <p>${t('project.hoursSummary', { filled: hoursText(p.filledMinutes), needed: hoursText(p.neededMinutes) })}</p>
    ${
      p.needs.length
        ? dataTable({
            columns: [t('project.skill'), t('project.needed'), t('project.filled'), t('project.open'), t('project.when')],
            rows: p.needs.map(
              (n) =>
                html`<tr>
                  <th scope="row">${n.skillLabel}</th>
                  <td>${hoursText(n.neededMinutes)}</td>
                  <td>
                    <progress
                      max=${n.neededMinutes}
                      value=${n.filledMinutes}
                      aria-label=${t('project.filledOf', { skill: n.skillLabel })}
                    ></progress>
                    ${hoursText(n.filledMinutes)}
                  </td>
                  <td>${hoursText(n.openMinutes)}</td>
                  <td>${whenNeeded(n)}</td>
                </tr>`,
            ),
          })
        : html`<p>${t('project.noNeeds')}</p>`
    }
    ${p.viewer?.pendingRequestId ? html`<p class="notice">${t('project.requestPending')}</p>` : nothing} ${join}
  </section>`;
}

/** When a need's hours are wanted: its own dates, or the project's whole period. */
function whenNeeded(n: Project['needs'][number]): string {
  if (!n.startDate && !n.endDate) return t('project.wholePeriod');
  return t('project.fromTo', { start: n.startDate ? formatDate(n.startDate) : '…', end: n.endDate ? formatDate(n.endDate) : '…' });
}

export function history(p: Project): TemplateResult {
  return html`<section aria-labelledby="project-history-heading">
    <h2 id="project-history-heading">${t('project.history')}</h2>
    <ol>
      <li>${t('project.created', { date: formatDateTime(p.createdAt) })}</li>
      ${p.history.map(
        (h) =>
          html`<li>
            ${t('project.changed', { from: t(`projectStatus.${h.from}`), to: t(`projectStatus.${h.to}`), date: formatDateTime(h.at) })}
            ${h.reason ? html` — <q>${h.reason}</q>` : nothing}
          </li>`,
      )}
    </ol>
  </section>`;
}
