// Moving a project on: what its board may do in each status (propose, start, complete, cancel...),
// and the officer's approval or refusal with its reason.
import { html, nothing, type TemplateResult } from 'lit-html';
import { t } from '../../i18n';
import { changeStatus, type Project, type ProjectStatus } from '../../services/programs';
import type { Component } from '../../ui/component';
import { focusLater } from '../../ui/focus';
import { textareaField } from '../../ui/forms';
import { submission } from '../../ui/submit';
import type { ProjectContext } from './project';
import { isBoard } from './shared';

/** The moves a board member is offered in each status (approval and refusal are the officer's). */
const BOARD_MOVES: Partial<Record<ProjectStatus, ProjectStatus[]>> = {
  draft: ['proposed', 'cancelled'],
  proposed: ['draft', 'cancelled'],
  refused: ['draft'],
  approved: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
};

export function projectMoves(context: ProjectContext): Component<[project: Project]> {
  const { update } = context;
  let refusing = false;
  let reason = '';
  const moving = submission(update, { fields: ['reason'], status: context.status });

  const move = (p: Project, to: ProjectStatus) => async () => {
    await changeStatus(p.id, p.version, to, to === 'refused' ? reason : undefined);
    if (to === 'refused') {
      refusing = false;
      reason = '';
    }
    await context.changed('project.moved', { status: t(`projectStatus.${to}`) });
  };

  function toggleRefusal(): void {
    refusing = !refusing;
    update();
    focusLater('#refusal-reason');
  }

  return {
    view(p) {
      const offered = isBoard(p) ? (BOARD_MOVES[p.status] ?? []) : [];
      if (!offered.length && !p.viewer?.mayApprove) return html``;
      return html`<section aria-labelledby="project-moves-heading">
        <h2 id="project-moves-heading">${t('project.moves')}</h2>
        ${refusing ? nothing : moving.alert()}
        <div class="actions">
          ${offered.map((to) => moving.action(t(`projectMove.${to}`), move(p, to), { kind: to === 'cancelled' ? '' : 'primary' }))}
          ${
            p.viewer?.mayApprove
              ? html`${moving.action(t('projectMove.approved'), move(p, 'approved'), { kind: 'primary' })}
                  <button type="button" aria-expanded=${refusing ? 'true' : 'false'} @click=${toggleRefusal}>
                    ${t('projectMove.refused')}
                  </button>`
              : nothing
          }
        </div>
        ${refusing ? refusalForm(p) : nothing}
      </section>`;
    },
  };

  function refusalForm(p: Project): TemplateResult {
    return moving.form(
      { label: t('projectMove.refused'), send: move(p, 'refused') },
      html`${textareaField({
          id: 'refusal-reason',
          label: t('project.refusalReasonLabel'),
          maxlength: 1000,
          required: true,
          errors: moving.errorsOf('reason'),
          value: reason,
          onInput: (v) => (reason = v),
        })}
        <div class="actions">${moving.button(t('project.confirmRefusal'), 'danger')}</div>`,
    );
  }
}
