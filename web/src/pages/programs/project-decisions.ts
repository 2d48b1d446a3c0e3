// The board's decisions: each with its tally and the votes cast, the board member's vote while it
// is open, and putting a new decision to the vote.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDateTime, t } from '../../i18n';
import { castVote, proposeDecision, VOTES, type Decision, type Project } from '../../services/programs';
import type { Component } from '../../ui/component';
import { inputField, textareaField } from '../../ui/forms';
import { invalid, submission } from '../../ui/submit';
import type { ProjectContext, ProjectView } from './project';
import { isBoard } from './shared';

const OPEN_FOR_DECISIONS = ['draft', 'proposed', 'approved', 'active'];

export function projectDecisions(context: ProjectContext): Component<[view: ProjectView]> {
  const draft = { title: '', description: '', deadline: '' };
  const voting = submission(context.update, { status: context.status });
  const form = submission(context.update, { fields: ['title', 'description', 'deadline'], status: context.status });

  async function propose(p: Project): Promise<void> {
    // datetime-local is the person's local time: the API takes a UTC instant.
    const deadline = draft.deadline ? new Date(draft.deadline) : null;
    const validDeadline = deadline && !Number.isNaN(deadline.getTime());
    if (!draft.title.trim() || !validDeadline) {
      throw invalid({
        ...(draft.title.trim() ? {} : { title: [t('project.decisionTitleRequired')] }),
        ...(validDeadline ? {} : { deadline: [t('project.deadlineRequired')] }),
      });
    }
    await proposeDecision(p.id, { title: draft.title.trim(), description: draft.description.trim(), deadline: deadline.toISOString() });
    Object.assign(draft, { title: '', description: '', deadline: '' });
    await context.changed('project.decisionProposed');
  }

  function item(p: Project, d: Decision): TemplateResult {
    const mayVote = isBoard(p) && d.outcome === 'open' && !d.myVote;
    const tally = { for: d.votesFor, against: d.votesAgainst, abstain: d.votesAbstain, board: d.boardSize, majority: d.majority };
    return html`<li data-decision=${d.id}>
      <h3>${d.title}</h3>
      ${d.description ? html`<p>${d.description}</p>` : nothing}
      <p>
        <span class="tag">${t(`outcome.${d.outcome}`)}</span>
        ${t(d.outcome === 'open' ? 'project.deadlineOpen' : 'project.deadlinePast', { deadline: formatDateTime(d.deadline) })}
      </p>
      <p>${t('project.tally', tally)}</p>
      ${d.myVote ? html`<p>${t('project.yourVote', { vote: t(`vote.${d.myVote}`) })}</p>` : nothing}
      ${
        d.votes.length
          ? html`<p class="muted">
              ${t('project.votesBy', { votes: d.votes.map((v) => `${v.personName} (${t(`vote.${v.vote}`)})`).join(', ') })}
            </p>`
          : nothing
      }
      ${
        mayVote
          ? html`<div class="actions" role="group" aria-label=${t('project.voteOn', { title: d.title })}>
              ${VOTES.map((v) =>
                voting.action(t(`vote.${v}`), async () => {
                  await castVote(p.id, d.id, v);
                  await context.changed('project.voted');
                }),
              )}
            </div>`
          : nothing
      }
    </li>`;
  }

  function decisionForm(p: Project): TemplateResult {
    return form.form(
      {
        labelledBy: 'decision-form-heading',
        send: () => propose(p),
        heading: html`<h3 id="decision-form-heading">${t('project.proposeDecision')}</h3>`,
      },
      html`${inputField({
          id: 'decision-title',
          label: t('project.decisionTitle'),
          maxlength: 200,
          errors: form.errorsOf('title'),
          value: draft.title,
          onInput: (v) => (draft.title = v),
        })}
        ${textareaField({
          id: 'decision-description',
          label: t('project.decisionDescription'),
          maxlength: 4000,
          errors: form.errorsOf('description'),
          value: draft.description,
          onInput: (v) => (draft.description = v),
        })}
        ${inputField({
          id: 'decision-deadline',
          label: t('project.decisionDeadline'),
          hint: t('project.decisionDeadlineHint'),
          type: 'datetime-local',
          step: '1',
          errors: form.errorsOf('deadline'),
          value: draft.deadline,
          onInput: (v) => (draft.deadline = v),
        })}
        <div class="actions">${form.button(t('project.putToVote'))}</div>`,
    );
  }

  return {
    view({ project: p, decisions }) {
      return html`<section aria-labelledby="project-decisions-heading">
        <h2 id="project-decisions-heading">${t('project.decisions')}</h2>
        ${voting.alert()}
        ${
          decisions.length
            ? html`<ul class="project-list">
                ${decisions.map((d) => item(p, d))}
              </ul>`
            : html`<p>${t('project.noDecisions')}</p>`
        }
        ${isBoard(p) && OPEN_FOR_DECISIONS.includes(p.status) ? decisionForm(p) : nothing}
      </section>`;
    },
  };
}
