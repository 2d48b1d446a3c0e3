// Competences: the person's competence profile (level per skill) and adding skills found by search.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { deleteMyCompetence, listMyCompetences, putMyCompetence, type Competence, type CompetenceLevel } from '../services/identity';
import { statusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { resource } from '../ui/resource';
import { submission } from '../ui/submit';
import { actionsColumn, dataTable } from '../ui/table';
import { competenceAdd, levelOptions, levelParams } from './competence-add';
import { withName } from '../ui/forms';

export const competencesPage: PageFactory = ({ update }) => {
  const competences = resource(async () => (await listMyCompetences()).items, update);
  const status = statusLine();
  // A level changed or a competence removed from the list.
  const changing = submission(update, { status });
  const adding = competenceAdd(update, status, (saved) => setCompetence(saved));

  const page: Page = {
    title: () => t('competences.title'),

    async load(signal) {
      await competences.load(signal);
      adding.refresh();
    },

    view: () => html`
      <p>${t('competences.intro')}</p>
      ${status.view()} ${changing.alert()}
      <section aria-labelledby="competences-list-heading">
        <h2 id="competences-list-heading" tabindex="-1">${t('competences.listHeading')}</h2>
        ${competences.view(list)}
      </section>
      <section aria-labelledby="competences-add-heading">
        <h2 id="competences-add-heading">${t('competences.addHeading')}</h2>
        ${adding.view(competences.data ?? [])}
      </section>
    `,

    dispose: () => adding.dispose?.(),
  };

  function list(items: Competence[]): TemplateResult {
    if (!items.length) return html`<p>${t('competences.empty')}</p>`;
    return dataTable({
      columns: [t('competences.skill'), t('competences.level'), actionsColumn()],
      rows: repeat(
        items,
        (competence) => competence.skillId,
        (competence, i) => row(competence, `competence-level-${i}`),
      ),
    });
  }

  function row(competence: Competence, selectId: string): TemplateResult {
    return html`<tr>
      <th scope="row">
        ${competence.label} ${competence.broaderLabel ? html`<span class="muted block">${competence.broaderLabel}</span>` : nothing}
      </th>
      <td>
        <label class="visually-hidden" for=${selectId}>${t('competences.levelFor', { label: competence.label })}</label>
        <select
          id=${selectId}
          .value=${live(String(competence.level))}
          @change=${(e: Event) => changeLevel(competence, Number((e.target as HTMLSelectElement).value) as CompetenceLevel)}
        >
          ${levelOptions(competence.level)}
        </select>
      </td>
      <td>${changing.action(withName(t('competences.remove'), competence.label), () => remove(competence))}</td>
    </tr>`;
  }

  // A refused change: the next draw puts the select back on the level still saved (`live`).
  function changeLevel(competence: Competence, level: CompetenceLevel): void {
    void changing.run(async () => {
      const saved = await putMyCompetence(competence.skillId, level);
      setCompetence(saved);
      status.say('competences.levelSaved', levelParams(saved));
    });
  }

  async function remove(competence: Competence): Promise<void> {
    await deleteMyCompetence(competence.skillId);
    competences.set((competences.data ?? []).filter((c) => c.skillId !== competence.skillId));
    status.say('competences.removed', { label: competence.label });
    // The focused button is gone with its row: put focus back at the top of the list.
    focusLater('#competences-list-heading');
  }

  function setCompetence(saved: Competence): void {
    const held = competences.data;
    if (!held) return;
    const known = held.some((c) => c.skillId === saved.skillId);
    competences.set(known ? held.map((c) => (c.skillId === saved.skillId ? saved : c)) : [...held, saved]);
  }

  return page;
};
