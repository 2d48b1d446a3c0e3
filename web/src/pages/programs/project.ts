// One project: what it is and where it stands, its needs (filled and open hours), its team, the
// requests to join, the board's decisions, feedback and history; each part with what the person may do.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../../api';
import { formatDate, language, t, type MessageKey } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { session } from '../../session';
import { getTerritory } from '../../services/identity';
import {
  acceptRequest,
  askToJoin,
  castVote,
  changeStatus,
  declineRequest,
  getProject,
  leaveFeedback,
  listChallenges,
  listDecisions,
  listFeedback,
  listJoinRequests,
  listMembers,
  proposeDecision,
  removeMember,
  setMemberRole,
  VOTES,
  type Decision,
  type Feedback,
  type JoinRequest,
  type Member,
  type Project,
  type ProjectStatus,
  type Vote,
} from '../../services/programs';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { hoursText } from '../../hours';
import { minutesOf, newIdempotencyKey, statusTag } from './shared';

interface ProjectView {
  project: Project;
  territoryName: string;
  challengeTitles: Map<string, string>;
  members: Member[];
  decisions: Decision[];
  /** The board's reading only. */
  requests: JoinRequest[] | null;
  feedback: { items: Feedback[]; ratingCount: number; ratingSum: number } | null;
}

/** The moves a board member is offered in each status (approval and refusal are the officer's). */
const BOARD_MOVES: Partial<Record<ProjectStatus, ProjectStatus[]>> = {
  draft: ['proposed', 'cancelled'],
  proposed: ['draft', 'cancelled'],
  refused: ['draft'],
  approved: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
};
const OPEN_FOR_MEMBERS: ProjectStatus[] = ['proposed', 'approved', 'active'];

const isBoard = (p: Project) => p.viewer?.role === 'coordinator' || p.viewer?.role === 'co_manager';

export const projectPage: PageFactory = ({ params, update }) => {
  const projectId = params.id ?? '';
  let state: Loadable<ProjectView> = loading;
  let message: Message | null = null;
  let problem: unknown = null;
  let errors: FormErrors = noErrors;
  // Forms of the page
  let refusing = false;
  let refusalReason = '';
  const join = { needId: '', hours: '', message: '', key: newIdempotencyKey() };
  const decision = { title: '', description: '', deadline: '' };
  const feedback = { rating: '5', comment: '' };

  async function read(): Promise<ProjectView> {
    const project = await getProject(projectId);
    const board = isBoard(project);
    const [territory, challenges, members, decisions, requests, ratings] = await Promise.all([
      getTerritory(project.territoryId).then((x) => x.name, () => project.territoryId),
      listChallenges(project.territoryId).then((r) => r.items, () => []),
      listMembers(projectId),
      listDecisions(projectId),
      board ? listJoinRequests(projectId) : Promise.resolve(null),
      board ? listFeedback(projectId) : Promise.resolve(null),
    ]);
    return {
      project,
      territoryName: territory,
      challengeTitles: new Map(challenges.map((c) => [c.id, c.title])),
      members: members.items,
      decisions: decisions.items,
      requests: requests?.items ?? null,
      feedback: ratings,
    };
  }

  /** Runs a change, then reads the whole page again: filled hours, team and votes move together. */
  async function act(change: () => Promise<unknown>, done: Message, fields: string[] = []): Promise<boolean> {
    message = null;
    problem = null;
    errors = noErrors;
    try {
      await change();
      state = { status: 'ready', data: await read() };
      message = done;
      return true;
    } catch (error) {
      if (isApiError(error, 401)) return false;
      errors = formErrorsFrom(error, fields);
      problem = error;
      return false;
    } finally {
      update();
      focusLater('#project-status');
    }
  }

  const page: Page = {
    title: () => (state.status === 'ready' ? state.data.project.title : t('project.title')),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) state = next;
    },

    view: () =>
      whenLoaded(state, (view) => html`
        <p><a href="/projects">${t('project.back')}</a></p>
        <div id="project-status" tabindex="-1">${statusRegion(message)}</div>
        ${problem ? problemAlert(problem, errors.unattached) : nothing}
        ${details(view)} ${moves(view.project)} ${needs(view)} ${team(view)} ${view.requests ? requests(view, view.requests) : nothing}
        ${decisions(view)} ${feedbackSection(view)} ${history(view.project)}
      `),
  };

  function details({ project: p, territoryName, challengeTitles }: ProjectView): TemplateResult {
    return html`<section aria-labelledby="project-details-heading">
      <h2 id="project-details-heading">${t('project.details')}</h2>
      <dl class="details">
        <dt>${t('project.status')}</dt>
        <dd>${statusTag(p.status)}</dd>
        ${p.refusalReason ? html`<dt>${t('project.refusalReason')}</dt><dd>${p.refusalReason}</dd>` : nothing}
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
      ${p.viewer?.mayEdit ? html`<p><a class="button" href="/projects/${encodeURIComponent(p.id)}/edit">${t('project.edit')}</a></p>` : nothing}
    </section>`;
  }

  function moves(p: Project): TemplateResult | typeof nothing {
    const offered = isBoard(p) ? (BOARD_MOVES[p.status] ?? []) : [];
    if (!offered.length && !p.viewer?.mayApprove) return nothing;
    return html`<section aria-labelledby="project-moves-heading">
      <h2 id="project-moves-heading">${t('project.moves')}</h2>
      <div class="actions">
        ${offered.map((to) => html`<button type="button" class=${to === 'cancelled' ? '' : 'primary'} @click=${() => move(p, to)}>${t(`projectMove.${to}`)}</button>`)}
        ${p.viewer?.mayApprove
          ? html`<button type="button" class="primary" @click=${() => move(p, 'approved')}>${t('projectMove.approved')}</button>
              <button type="button" aria-expanded=${refusing ? 'true' : 'false'} @click=${() => { refusing = !refusing; update(); focusLater('#refusal-reason'); }}>${t('projectMove.refused')}</button>`
          : nothing}
      </div>
      ${refusing
        ? html`<form class="stack" novalidate @submit=${(e: SubmitEvent) => { e.preventDefault(); void move(p, 'refused', refusalReason); }}>
            ${field({ id: 'refusal-reason', label: t('project.refusalReasonLabel'), errors: errors.fields.reason }, (a) =>
              html`<textarea id=${a.id} maxlength="1000" required aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} .value=${refusalReason}
                @input=${(e: Event) => (refusalReason = (e.target as HTMLTextAreaElement).value)}></textarea>`,
            )}
            <div class="actions"><button type="submit" class="danger">${t('project.confirmRefusal')}</button></div>
          </form>`
        : nothing}
    </section>`;
  }

  async function move(p: Project, to: ProjectStatus, reason?: string): Promise<void> {
    if (await act(() => changeStatus(p.id, p.version, to, reason), { key: 'project.moved', params: { status: t(`projectStatus.${to}`) } }, ['reason'])) refusing = false;
  }

  function needs({ project: p }: ProjectView): TemplateResult {
    const canAsk = !p.viewer?.role && !p.viewer?.pendingRequestId && OPEN_FOR_MEMBERS.includes(p.status) && p.needs.some((n) => n.openMinutes > 0);
    return html`<section aria-labelledby="project-needs-heading">
      <h2 id="project-needs-heading">${t('project.needs')}</h2>
      <p>${t('project.hoursSummary', { filled: hoursText(p.filledMinutes), needed: hoursText(p.neededMinutes) })}</p>
      ${p.needs.length
        ? html`<div class="table-wrap"><table>
            <thead><tr>
              <th scope="col">${t('project.skill')}</th><th scope="col">${t('project.needed')}</th><th scope="col">${t('project.filled')}</th>
              <th scope="col">${t('project.open')}</th><th scope="col">${t('project.when')}</th>
            </tr></thead>
            <tbody>
              ${p.needs.map((n) => html`<tr>
                <th scope="row">${n.skillLabel}</th>
                <td>${hoursText(n.neededMinutes)}</td>
                <td><progress max=${n.neededMinutes} value=${n.filledMinutes} aria-label=${t('project.filledOf', { skill: n.skillLabel })}></progress> ${hoursText(n.filledMinutes)}</td>
                <td>${hoursText(n.openMinutes)}</td>
                <td>${n.startDate || n.endDate ? t('project.fromTo', { start: n.startDate ? formatDate(n.startDate) : '…', end: n.endDate ? formatDate(n.endDate) : '…' }) : t('project.wholePeriod')}</td>
              </tr>`)}
            </tbody>
          </table></div>`
        : html`<p>${t('project.noNeeds')}</p>`}
      ${p.viewer?.pendingRequestId ? html`<p class="notice">${t('project.requestPending')}</p>` : nothing}
      ${canAsk ? joinForm(p) : nothing}
    </section>`;
  }

  function joinForm(p: Project): TemplateResult {
    const open = p.needs.filter((n) => n.openMinutes > 0);
    if (!open.some((n) => n.id === join.needId)) join.needId = open[0]?.id ?? '';
    return html`<form class="stack" novalidate aria-labelledby="join-heading" @submit=${(e: SubmitEvent) => askJoin(e, p)}>
      <h3 id="join-heading">${t('project.join')}</h3>
      ${field({ id: 'join-need', label: t('project.joinNeed'), errors: errors.fields.needId }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${(e: Event) => (join.needId = (e.target as HTMLSelectElement).value)}>
          ${open.map((n) => html`<option value=${n.id} ?selected=${n.id === join.needId}>${t('project.needOption', { skill: n.skillLabel, open: hoursText(n.openMinutes) })}</option>`)}
        </select>`,
      )}
      ${field({ id: 'join-hours', label: t('project.joinHours'), hint: t('project.joinHoursHint'), errors: errors.fields.minutes }, (a) =>
        html`<input id=${a.id} type="text" inputmode="decimal" autocomplete="off" .value=${join.hours} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @input=${(e: Event) => (join.hours = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field({ id: 'join-message', label: t('project.joinMessage') }, (a) =>
        html`<textarea id=${a.id} maxlength="1000" .value=${join.message} @input=${(e: Event) => (join.message = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      <div class="actions"><button type="submit" class="primary">${t('project.askToJoin')}</button></div>
    </form>`;
  }

  async function askJoin(event: SubmitEvent, p: Project): Promise<void> {
    event.preventDefault();
    const minutes = minutesOf(join.hours);
    if (minutes === null) {
      errors = { fields: { minutes: [t('project.hoursRequired')] }, unattached: [] };
      update();
      focusLater('#join-hours');
      return;
    }
    if (await act(() => askToJoin(p.id, { needId: join.needId, minutes, message: join.message.trim() }, join.key), { key: 'project.requestSent' }, ['needId', 'minutes', 'message'])) {
      Object.assign(join, { hours: '', message: '', key: newIdempotencyKey() });
    }
  }

  function team({ project: p, members }: ProjectView): TemplateResult {
    const board = isBoard(p);
    const me = session().personId;
    const skillOf = new Map(p.needs.map((n) => [n.id, n.skillLabel]));
    return html`<section aria-labelledby="project-team-heading">
      <h2 id="project-team-heading">${t('project.team')}</h2>
      <ul class="checklist">
        ${members.map((m) => html`<li data-person=${m.personId}>
          <strong>${m.personName}</strong> — ${t(`teamRole.${m.role}`)}
          ${m.needId ? html`<span class="muted">(${t('project.fills', { skill: skillOf.get(m.needId) ?? '', hours: hoursText(m.minutes) })}${m.competenceLevel ? `, ${t(`level.${m.competenceLevel}` as MessageKey)}` : ''})</span>` : nothing}
          ${board && m.role !== 'coordinator'
            ? html`<button type="button" @click=${() => act(() => setMemberRole(p.id, m.personId, m.role === 'co_manager' ? 'contributor' : 'co_manager'), { key: 'project.roleChanged', params: { name: m.personName } })}>
                  ${m.role === 'co_manager' ? t('project.makeContributor') : t('project.makeCoManager')}<span class="visually-hidden"> ${m.personName}</span>
                </button>
                ${m.personId !== me ? html`<button type="button" @click=${() => act(() => removeMember(p.id, m.personId), { key: 'project.memberRemoved', params: { name: m.personName } })}>${t('project.remove')}<span class="visually-hidden"> ${m.personName}</span></button>` : nothing}`
            : nothing}
          ${m.personId === me && m.role !== 'coordinator' ? html`<button type="button" @click=${() => act(() => removeMember(p.id, m.personId), { key: 'project.left' })}>${t('project.leave')}</button>` : nothing}
        </li>`)}
      </ul>
    </section>`;
  }

  function requests({ project: p }: ProjectView, pending: JoinRequest[]): TemplateResult {
    const skillOf = new Map(p.needs.map((n) => [n.id, n.skillLabel]));
    return html`<section aria-labelledby="project-requests-heading">
      <h2 id="project-requests-heading">${t('project.requests')}</h2>
      ${pending.length
        ? html`<ul class="checklist">
            ${pending.map((r) => html`<li>
              <strong>${r.personName}</strong>
              ${t('project.offers', { hours: hoursText(r.minutes), skill: skillOf.get(r.needId ?? '') ?? '' })}
              <span class="muted">${r.competenceLevel ? t('project.hasLevel', { level: t(`level.${r.competenceLevel}` as MessageKey) }) : t('project.noLevel')}</span>
              ${r.message ? html`<q>${r.message}</q>` : nothing}
              <button type="button" class="primary" @click=${() => act(() => acceptRequest(p.id, r.id), { key: 'project.accepted', params: { name: r.personName } })}>${t('project.accept')}<span class="visually-hidden"> ${r.personName}</span></button>
              <button type="button" @click=${() => act(() => declineRequest(p.id, r.id, ''), { key: 'project.declined', params: { name: r.personName } })}>${t('project.decline')}<span class="visually-hidden"> ${r.personName}</span></button>
            </li>`)}
          </ul>`
        : html`<p>${t('project.noRequests')}</p>`}
    </section>`;
  }

  function decisions({ project: p, decisions: list }: ProjectView): TemplateResult {
    const board = isBoard(p);
    return html`<section aria-labelledby="project-decisions-heading">
      <h2 id="project-decisions-heading">${t('project.decisions')}</h2>
      ${list.length
        ? html`<ul class="project-list">
            ${list.map((d) => html`<li data-decision=${d.id}>
              <h3>${d.title}</h3>
              ${d.description ? html`<p>${d.description}</p>` : nothing}
              <p>
                <span class="tag">${t(`outcome.${d.outcome}`)}</span>
                ${t(d.outcome === 'open' ? 'project.deadlineOpen' : 'project.deadlinePast', { deadline: formatDateTime(d.deadline) })}
              </p>
              <p>${t('project.tally', { for: d.votesFor, against: d.votesAgainst, abstain: d.votesAbstain, board: d.boardSize, majority: d.majority })}</p>
              ${d.myVote ? html`<p>${t('project.yourVote', { vote: t(`vote.${d.myVote}`) })}</p>` : nothing}
              ${d.votes.length ? html`<p class="muted">${t('project.votesBy', { votes: d.votes.map((v) => `${v.personName} (${t(`vote.${v.vote}`)})`).join(', ') })}</p>` : nothing}
              ${board && d.outcome === 'open' && !d.myVote
                ? html`<div class="actions" role="group" aria-label=${t('project.voteOn', { title: d.title })}>
                    ${VOTES.map((v: Vote) => html`<button type="button" @click=${() => act(() => castVote(p.id, d.id, v), { key: 'project.voted' })}>${t(`vote.${v}`)}</button>`)}
                  </div>`
                : nothing}
            </li>`)}
          </ul>`
        : html`<p>${t('project.noDecisions')}</p>`}
      ${board && ['draft', 'proposed', 'approved', 'active'].includes(p.status) ? decisionForm(p) : nothing}
    </section>`;
  }

  function decisionForm(p: Project): TemplateResult {
    return html`<form class="stack" novalidate aria-labelledby="decision-form-heading" @submit=${(e: SubmitEvent) => propose(e, p)}>
      <h3 id="decision-form-heading">${t('project.proposeDecision')}</h3>
      ${field({ id: 'decision-title', label: t('project.decisionTitle'), errors: errors.fields.title }, (a) =>
        html`<input id=${a.id} type="text" maxlength="200" .value=${decision.title} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (decision.title = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field({ id: 'decision-description', label: t('project.decisionDescription') }, (a) =>
        html`<textarea id=${a.id} maxlength="4000" .value=${decision.description} @input=${(e: Event) => (decision.description = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      ${field({ id: 'decision-deadline', label: t('project.decisionDeadline'), hint: t('project.decisionDeadlineHint'), errors: errors.fields.deadline }, (a) =>
        html`<input id=${a.id} type="datetime-local" step="1" .value=${decision.deadline} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (decision.deadline = (e.target as HTMLInputElement).value)} />`,
      )}
      <div class="actions"><button type="submit" class="primary">${t('project.putToVote')}</button></div>
    </form>`;
  }

  async function propose(event: SubmitEvent, p: Project): Promise<void> {
    event.preventDefault();
    // datetime-local is the person's local time: the API takes a UTC instant.
    const deadline = decision.deadline ? new Date(decision.deadline) : null;
    if (!decision.title.trim() || !deadline || Number.isNaN(deadline.getTime())) {
      errors = { fields: { ...(decision.title.trim() ? {} : { title: [t('project.decisionTitleRequired')] }), ...(deadline && !Number.isNaN(deadline.getTime()) ? {} : { deadline: [t('project.deadlineRequired')] }) }, unattached: [] };
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    if (await act(() => proposeDecision(p.id, { title: decision.title.trim(), description: decision.description.trim(), deadline: deadline.toISOString() }), { key: 'project.decisionProposed' }, ['title', 'description', 'deadline'])) {
      Object.assign(decision, { title: '', description: '', deadline: '' });
    }
  }

  function feedbackSection({ project: p, feedback: ratings }: ProjectView): TemplateResult | typeof nothing {
    if (!p.viewer?.mayLeaveFeedback && !ratings) return nothing;
    return html`<section aria-labelledby="project-feedback-heading">
      <h2 id="project-feedback-heading">${t('project.feedback')}</h2>
      ${ratings
        ? html`<p>${averageRating(ratings.ratingSum, ratings.ratingCount)}</p>
            <ul class="checklist">
              ${ratings.items.map((f) => html`<li><strong>${t('project.rating', { rating: f.rating })}</strong> — ${f.personName} (${t(`feedbackRole.${f.role}`)})${f.comment ? html`: <q>${f.comment}</q>` : nothing}</li>`)}
            </ul>`
        : nothing}
      ${p.viewer?.mayLeaveFeedback
        ? html`<form class="stack" novalidate aria-labelledby="feedback-form-heading" @submit=${(e: SubmitEvent) => rate(e, p)}>
            <h3 id="feedback-form-heading">${t('project.leaveFeedback')}</h3>
            ${field({ id: 'feedback-rating', label: t('project.ratingLabel'), errors: errors.fields.rating }, (a) =>
              html`<select id=${a.id} aria-invalid=${a.invalid} @change=${(e: Event) => (feedback.rating = (e.target as HTMLSelectElement).value)}>
                ${[5, 4, 3, 2, 1].map((r) => html`<option value=${r} ?selected=${String(r) === feedback.rating}>${t('project.rating', { rating: r })}</option>`)}
              </select>`,
            )}
            ${field({ id: 'feedback-comment', label: t('project.comment'), errors: errors.fields.comment }, (a) =>
              html`<textarea id=${a.id} maxlength="2000" .value=${feedback.comment} aria-invalid=${a.invalid} @input=${(e: Event) => (feedback.comment = (e.target as HTMLTextAreaElement).value)}></textarea>`,
            )}
            <div class="actions"><button type="submit" class="primary">${t('project.sendFeedback')}</button></div>
          </form>`
        : nothing}
    </section>`;
  }

  async function rate(event: SubmitEvent, p: Project): Promise<void> {
    event.preventDefault();
    await act(() => leaveFeedback(p.id, { rating: Number(feedback.rating), comment: feedback.comment.trim() }), { key: 'project.feedbackSent' }, ['rating', 'comment']);
  }

  function history(p: Project): TemplateResult {
    return html`<section aria-labelledby="project-history-heading">
      <h2 id="project-history-heading">${t('project.history')}</h2>
      <ol>
        <li>${t('project.created', { date: formatDateTime(p.createdAt) })}</li>
        ${p.history.map((h) => html`<li>
          ${t('project.changed', { from: t(`projectStatus.${h.from}`), to: t(`projectStatus.${h.to}`), date: formatDateTime(h.at) })}
          ${h.reason ? html` — <q>${h.reason}</q>` : nothing}
        </li>`)}
      </ol>
    </section>`;
  }

  return page;
};

function averageRating(sum: number, count: number): string {
  if (!count) return t('project.noFeedback');
  const average = new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(sum / count);
  return count === 1 ? t('project.averageRatingOne', { average }) : t('project.averageRating', { average, count });
}

function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
