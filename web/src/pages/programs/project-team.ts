// A project's people: asking to join it (a need and the hours offered), its team with the board's
// changes of role, and the requests to join that the board accepts or declines.
import { html, nothing, type TemplateResult } from 'lit-html';
import { hoursText } from '../../hours';
import { t, type MessageKey } from '../../i18n';
import { session } from '../../session';
import {
  acceptRequest,
  askToJoin,
  declineRequest,
  removeMember,
  setMemberRole,
  type JoinRequest,
  type Member,
  type Project,
  type ProjectStatus,
} from '../../services/programs';
import type { Component } from '../../ui/component';
import { inputField, selectField, textareaField, withName } from '../../ui/forms';
import { invalid, submission } from '../../ui/submit';
import type { ProjectContext, ProjectView } from './project';
import { isBoard, minutesOf } from './shared';

const OPEN_FOR_MEMBERS: ProjectStatus[] = ['proposed', 'approved', 'active'];

/** The form to ask to join, for someone not on the team while a need is open. */
export function joinRequest(context: ProjectContext): Component<[project: Project]> {
  const draft = { needId: '', hours: '', message: '' };
  // One key per request: a double click or a retried answer sends one request to the board.
  const form = submission(context.update, { fields: ['needId', 'minutes', 'message'], status: context.status });

  async function send(p: Project, key: string): Promise<void> {
    const minutes = minutesOf(draft.hours);
    if (minutes === null) throw invalid({ minutes: [t('project.hoursRequired')] });
    await askToJoin(p.id, { needId: draft.needId, minutes, message: draft.message.trim() }, key);
    Object.assign(draft, { hours: '', message: '' });
    await context.changed('project.requestSent');
  }

  return {
    view(p) {
      const open = p.needs.filter((n) => n.openMinutes > 0);
      const mayAsk = !p.viewer?.role && !p.viewer?.pendingRequestId && OPEN_FOR_MEMBERS.includes(p.status) && open.length > 0;
      if (!mayAsk) return html``;
      if (!open.some((n) => n.id === draft.needId)) draft.needId = open[0]?.id ?? '';
      return form.form(
        { labelledBy: 'join-heading', send: (key) => send(p, key), heading: html`<h3 id="join-heading">${t('project.join')}</h3>` },
        html`${selectField({
            id: 'join-need',
            label: t('project.joinNeed'),
            errors: form.errorsOf('needId'),
            options: open.map((n) => ({
              value: n.id,
              label: t('project.needOption', { skill: n.skillLabel, open: hoursText(n.openMinutes) }),
            })),
            value: draft.needId,
            onChange: (v) => (draft.needId = v),
          })}
          ${inputField({
            id: 'join-hours',
            label: t('project.joinHours'),
            hint: t('project.joinHoursHint'),
            inputmode: 'decimal',
            autocomplete: 'off',
            errors: form.errorsOf('minutes'),
            value: draft.hours,
            onInput: (v) => (draft.hours = v),
          })}
          ${textareaField({
            id: 'join-message',
            label: t('project.joinMessage'),
            maxlength: 1000,
            errors: form.errorsOf('message'),
            value: draft.message,
            onInput: (v) => (draft.message = v),
          })}
          <div class="actions">${form.button(t('project.askToJoin'))}</div>`,
      );
    },
  };
}

/** The team, and for its board the requests to join. */
export function projectTeam(context: ProjectContext): Component<[view: ProjectView]> {
  const acting = submission(context.update, { status: context.status });

  const change = (call: () => Promise<unknown>, done: MessageKey, name?: string) => async () => {
    await call();
    await context.changed(done, name ? { name } : undefined);
  };

  function memberItem(p: Project, m: Member, skillOf: Map<string, string>): TemplateResult {
    const board = isBoard(p);
    const me = session().personId;
    const level = m.competenceLevel ? `, ${t(`level.${m.competenceLevel}` as MessageKey)}` : '';
    const fills = m.needId ? t('project.fills', { skill: skillOf.get(m.needId) ?? '', hours: hoursText(m.minutes) }) : '';
    return html`<li data-person=${m.personId}>
      <strong>${m.personName}</strong> — ${t(`teamRole.${m.role}`)}
      ${m.needId ? html`<span class="muted">(${fills}${level})</span>` : nothing}
      ${
        board && m.role !== 'coordinator'
          ? html`${acting.action(
              withName(m.role === 'co_manager' ? t('project.makeContributor') : t('project.makeCoManager'), m.personName),
              change(
                () => setMemberRole(p.id, m.personId, m.role === 'co_manager' ? 'contributor' : 'co_manager'),
                'project.roleChanged',
                m.personName,
              ),
            )}
            ${
              m.personId !== me
                ? acting.action(
                    withName(t('project.remove'), m.personName),
                    change(() => removeMember(p.id, m.personId), 'project.memberRemoved', m.personName),
                  )
                : nothing
            }`
          : nothing
      }
      ${
        m.personId === me && m.role !== 'coordinator'
          ? acting.action(
              t('project.leave'),
              change(() => removeMember(p.id, m.personId), 'project.left'),
            )
          : nothing
      }
    </li>`;
  }

  function requests(p: Project, pending: NonNullable<ProjectView['requests']>, skillOf: Map<string, string>): TemplateResult {
    return html`<section aria-labelledby="project-requests-heading">
      <h2 id="project-requests-heading">${t('project.requests')}</h2>
      ${
        pending.length
          ? html`<ul class="checklist">
              ${pending.map(
                (r) =>
                  html`<li>
                    <strong>${r.personName}</strong>
                    ${t('project.offers', { hours: hoursText(r.minutes), skill: skillOf.get(r.needId ?? '') ?? '' })}
                    <span class="muted">${levelOf(r.competenceLevel)}</span>
                    ${r.message ? html`<q>${r.message}</q>` : nothing}
                    ${acting.action(
                      withName(t('project.accept'), r.personName),
                      change(() => acceptRequest(p.id, r.id), 'project.accepted', r.personName),
                      { kind: 'primary' },
                    )}
                    ${acting.action(
                      withName(t('project.decline'), r.personName),
                      change(() => declineRequest(p.id, r.id, ''), 'project.declined', r.personName),
                    )}
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('project.noRequests')}</p>`
      }
    </section>`;
  }

  return {
    view({ project: p, members, requests: pending }) {
      const skillOf = new Map(p.needs.map((n) => [n.id, n.skillLabel]));
      return html`<section aria-labelledby="project-team-heading">
          <h2 id="project-team-heading">${t('project.team')}</h2>
          ${acting.alert()}
          <ul class="checklist">
            ${members.map((m) => memberItem(p, m, skillOf))}
          </ul>
        </section>
        ${pending ? requests(p, pending, skillOf) : nothing}`;
    },
  };
}

/** The competence level a person asking to join holds in the need's skill. */
function levelOf(level: JoinRequest['competenceLevel']): string {
  return level ? t('project.hasLevel', { level: t(`level.${level}` as MessageKey) }) : t('project.noLevel');
}
