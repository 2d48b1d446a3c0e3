// Competences: the person's competence profile (level per skill) and adding skills found by search.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { isApiError } from '../api';
import { language, t, type Language } from '../i18n';
import type { Page, PageFactory } from '../router';
import {
  COMPETENCE_LEVELS,
  deleteMyCompetence,
  listMyCompetences,
  putMyCompetence,
  searchSkills,
  type Competence,
  type CompetenceLevel,
  type Skill,
} from '../services/identity';
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../ui/loadable';

const SEARCH_MIN_LENGTH = 2;
const SEARCH_DELAY_MS = 250;
const DEFAULT_LEVEL: CompetenceLevel = 2;

export const competencesPage: PageFactory = ({ update }) => {
  let competences: Loadable<Competence[]> = loading;
  let message: Message | null = null;
  let problem: unknown = null;

  // The "Add a competence" form.
  let query = '';
  let results: Loadable<Skill[]> | null = null;
  /** The language the results' labels are in. */
  let resultsLanguage: Language | null = null;
  let chosen: Skill | null = null;
  let newLevel: CompetenceLevel = DEFAULT_LEVEL;
  let addErrors: FormErrors = noErrors;
  let addProblem: unknown = null;
  let searchTimer: number | undefined;
  let searching: AbortController | null = null;

  const page: Page = {
    title: () => t('competences.title'),

    async load(signal) {
      const next = await loadable(async () => (await listMyCompetences()).items);
      if (signal.aborted) return;
      competences = next;
      // Skill labels come in the person's language: search again after a language switch.
      if (results && resultsLanguage !== language()) void search(query.trim());
    },

    view: () => html`
      <p>${t('competences.intro')}</p>
      ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
      <section aria-labelledby="competences-list-heading">
        <h2 id="competences-list-heading" tabindex="-1">${t('competences.listHeading')}</h2>
        ${whenLoaded(competences, list)}
      </section>
      <section aria-labelledby="competences-add-heading">
        <h2 id="competences-add-heading">${t('competences.addHeading')}</h2>
        ${addForm()}
      </section>
    `,

    dispose() {
      window.clearTimeout(searchTimer);
      searching?.abort();
    },
  };

  function list(items: Competence[]): TemplateResult {
    if (!items.length) return html`<p>${t('competences.empty')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('competences.skill')}</th>
            <th scope="col">${t('competences.level')}</th>
            <th scope="col"><span class="visually-hidden">${t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            items,
            (competence) => competence.skillId,
            (competence, i) => row(competence, `competence-level-${i}`),
          )}
        </tbody>
      </table>
    </div>`;
  }

  function row(competence: Competence, selectId: string): TemplateResult {
    return html`<tr>
      <th scope="row">
        ${competence.label}
        ${competence.broaderLabel ? html`<span class="muted block">${competence.broaderLabel}</span>` : nothing}
      </th>
      <td>
        <label class="visually-hidden" for=${selectId}>${t('competences.levelFor', { label: competence.label })}</label>
        <select id=${selectId} .value=${live(String(competence.level))}
          @change=${(e: Event) => changeLevel(competence, e.target as HTMLSelectElement)}>
          ${levelOptions(competence.level)}
        </select>
      </td>
      <td>
        <button type="button" @click=${() => remove(competence)}>
          ${t('competences.remove')}<span class="visually-hidden"> ${competence.label}</span>
        </button>
      </td>
    </tr>`;
  }

  function addForm(): TemplateResult {
    const found = results?.status === 'ready' ? results.data : [];
    const held = new Set(competences.status === 'ready' ? competences.data.map((c) => c.skillId) : []);
    return html`<form class="stack" novalidate @submit=${add}>
      ${addProblem ? problemAlert(addProblem, addErrors.unattached) : nothing}
      ${field(
        {
          id: 'skill-search',
          label: t('competences.search'),
          hint: t('competences.searchHint', { min: SEARCH_MIN_LENGTH }),
          errors: addErrors.fields.skillId,
        },
        (a) =>
          html`<input id=${a.id} type="search" autocomplete="off" spellcheck="false" .value=${query}
            aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${onSearchInput} />`,
      )}
      <p class="hint" role="status" aria-live="polite">${searchStatus()}</p>
      ${found.length
        ? html`<fieldset class="choices">
            <legend>${t('competences.results')}</legend>
            ${found.map(
              (skill, i) => html`<div class="choice">
                <input type="radio" name="skill" id="skill-result-${i}" value=${skill.id}
                  .checked=${chosen?.id === skill.id} @change=${() => choose(skill)} />
                <label for="skill-result-${i}">
                  ${skill.label}
                  ${skill.broaderLabel ? html`<span class="muted">(${skill.broaderLabel})</span>` : nothing}
                  ${held.has(skill.id) ? html`<span class="tag">${t('competences.alreadyHeld')}</span>` : nothing}
                </label>
              </div>`,
            )}
          </fieldset>`
        : nothing}
      ${field({ id: 'skill-level', label: t('competences.level'), errors: addErrors.fields.level }, (a) =>
        html`<select id=${a.id} .value=${live(String(newLevel))} aria-invalid=${a.invalid}
          aria-describedby=${ifDefined(a.describedBy)}
          @change=${(e: Event) => (newLevel = Number((e.target as HTMLSelectElement).value) as CompetenceLevel)}>
          ${levelOptions(newLevel)}
        </select>`,
      )}
      <div class="actions"><button type="submit" class="primary">${t('competences.add')}</button></div>
    </form>`;
  }

  function searchStatus(): string {
    if (query.trim().length < SEARCH_MIN_LENGTH || !results) return '';
    if (results.status === 'loading') return t('competences.searching');
    if (results.status === 'failed') return '';
    const count = results.data.length;
    if (count === 0) return t('competences.resultsNone', { query: query.trim() });
    return count === 1 ? t('competences.resultsOne') : t('competences.resultsMany', { count });
  }

  function onSearchInput(event: Event): void {
    query = (event.target as HTMLInputElement).value;
    window.clearTimeout(searchTimer);
    const q = query.trim();
    if (q.length < SEARCH_MIN_LENGTH) {
      searching?.abort();
      results = null;
      chosen = null;
      update();
      return;
    }
    searchTimer = window.setTimeout(() => void search(q), SEARCH_DELAY_MS);
  }

  // Only the latest search may show its results: an earlier, slower answer must not replace them.
  async function search(q: string): Promise<void> {
    searching?.abort();
    const controller = new AbortController();
    searching = controller;
    if (results?.status !== 'ready') results = loading;
    update();
    try {
      const { items } = await searchSkills(q, controller.signal);
      if (controller.signal.aborted) return;
      results = { status: 'ready', data: items };
      resultsLanguage = language();
      // The first match is preselected, so typing and pressing "Add" adds the best match.
      if (!chosen || !items.some((s) => s.id === chosen?.id)) chosen = items[0] ?? null;
    } catch (error) {
      if (controller.signal.aborted) return;
      results = { status: 'failed', error };
      addProblem = error;
    }
    update();
  }

  function choose(skill: Skill): void {
    chosen = skill;
    addErrors = noErrors;
    update();
  }

  async function add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    addProblem = null;
    message = null;
    if (!chosen) {
      addErrors = { fields: { skillId: [t('competences.chooseSkill')] }, unattached: [] };
      update();
      focusLater('#skill-search');
      return;
    }
    const skill = chosen;
    addErrors = noErrors;
    try {
      const saved = await putMyCompetence(skill.id, newLevel);
      const known = competences.status === 'ready' && competences.data.some((c) => c.skillId === saved.skillId);
      setCompetence(saved);
      message = { key: known ? 'competences.levelSaved' : 'competences.added', params: levelParams(saved) };
      query = '';
      results = null;
      chosen = null;
      newLevel = DEFAULT_LEVEL;
      focusLater('#skill-search');
    } catch (error) {
      if (isApiError(error, 401)) return;
      addErrors = formErrorsFrom(error, ['level']);
      addProblem = error;
    }
    update();
  }

  async function changeLevel(competence: Competence, select: HTMLSelectElement): Promise<void> {
    const level = Number(select.value) as CompetenceLevel;
    message = null;
    problem = null;
    try {
      const saved = await putMyCompetence(competence.skillId, level);
      setCompetence(saved);
      message = { key: 'competences.levelSaved', params: levelParams(saved) };
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error; // the next render puts the select back on the level still saved
    }
    update();
  }

  async function remove(competence: Competence): Promise<void> {
    message = null;
    problem = null;
    try {
      await deleteMyCompetence(competence.skillId);
      if (competences.status === 'ready') {
        competences = { status: 'ready', data: competences.data.filter((c) => c.skillId !== competence.skillId) };
      }
      message = { key: 'competences.removed', params: { label: competence.label } };
      // The focused button is gone with its row: put focus back at the top of the list.
      focusLater('#competences-list-heading');
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    }
    update();
  }

  function setCompetence(saved: Competence): void {
    if (competences.status !== 'ready') return;
    const others = competences.data.filter((c) => c.skillId !== saved.skillId);
    const existing = competences.data.findIndex((c) => c.skillId === saved.skillId);
    const data = existing >= 0 ? competences.data.map((c) => (c.skillId === saved.skillId ? saved : c)) : [...others, saved];
    competences = { status: 'ready', data };
  }

  return page;
};

// `?selected` sets the level on first render (a select's `.value` is bound before its options
// exist); the selects' `live` value binding then puts the saved level back after a failed change.
function levelOptions(selected: CompetenceLevel): TemplateResult[] {
  return COMPETENCE_LEVELS.map(
    (level) => html`<option value=${level} ?selected=${level === selected}>${level} – ${t(`level.${level}`)}</option>`,
  );
}

function levelParams(competence: Competence): { label: string; level: string } {
  return { label: competence.label, level: t(`level.${competence.level}`) };
}
