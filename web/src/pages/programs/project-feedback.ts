// Feedback on a project: the ratings its board reads, and the rating a member or beneficiary leaves.
import { html, nothing } from 'lit-html';
import { language, t } from '../../i18n';
import { leaveFeedback, type Project } from '../../services/programs';
import type { Component } from '../../ui/component';
import { selectField, textareaField } from '../../ui/forms';
import { submission } from '../../ui/submit';
import type { ProjectContext, ProjectView } from './project';

export function projectFeedback(context: ProjectContext): Component<[view: ProjectView]> {
  const draft = { rating: '5', comment: '' };
  const form = submission(context.update, { fields: ['rating', 'comment'], status: context.status });

  async function send(p: Project): Promise<void> {
    await leaveFeedback(p.id, { rating: Number(draft.rating), comment: draft.comment.trim() });
    await context.changed('project.feedbackSent');
  }

  return {
    view({ project: p, feedback: ratings }) {
      if (!p.viewer?.mayLeaveFeedback && !ratings) return html``;
      return html`<section aria-labelledby="project-feedback-heading">
        <h2 id="project-feedback-heading">${t('project.feedback')}</h2>
        ${
          ratings
            ? html`<p>${averageRating(ratings.ratingSum, ratings.ratingCount)}</p>
                <ul class="checklist">
                  ${ratings.items.map(
                    (f) =>
                      html`<li>
                        <strong>${t('project.rating', { rating: f.rating })}</strong> — ${f.personName}
                        (${t(`feedbackRole.${f.role}`)})${f.comment ? html`: <q>${f.comment}</q>` : nothing}
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
        ${
          p.viewer?.mayLeaveFeedback
            ? form.form(
                {
                  labelledBy: 'feedback-form-heading',
                  send: () => send(p),
                  heading: html`<h3 id="feedback-form-heading">${t('project.leaveFeedback')}</h3>`,
                },
                html`${selectField({
                    id: 'feedback-rating',
                    label: t('project.ratingLabel'),
                    errors: form.errorsOf('rating'),
                    options: [5, 4, 3, 2, 1].map((r) => ({ value: String(r), label: t('project.rating', { rating: r }) })),
                    value: draft.rating,
                    onChange: (v) => (draft.rating = v),
                  })}
                  ${textareaField({
                    id: 'feedback-comment',
                    label: t('project.comment'),
                    maxlength: 2000,
                    errors: form.errorsOf('comment'),
                    value: draft.comment,
                    onInput: (v) => (draft.comment = v),
                  })}
                  <div class="actions">${form.button(t('project.sendFeedback'))}</div>`,
              )
            : nothing
        }
      </section>`;
    },
  };
}

function averageRating(sum: number, count: number): string {
  if (!count) return t('project.noFeedback');
  const average = new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(sum / count);
  return count === 1 ? t('project.averageRatingOne', { average }) : t('project.averageRating', { average, count });
}
