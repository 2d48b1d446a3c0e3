// Adding a competence to one's profile: skills found by searching the taxonomy as one types, the
// best match chosen first, and the level held.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { live } from 'lit-html/directives/live.js';
import { language, t, type Language } from '../i18n';
import { COMPETENCE_LEVELS, putMyCompetence, searchSkills, type Competence, type CompetenceLevel, type Skill } from '../services/identity';
import type { Component, Update } from '../ui/component';
import { problemAlert, type StatusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { field, radios } from '../ui/forms';
import type { Loadable } from '../ui/loadable';
import { invalid, submission } from '../ui/submit';

const SEARCH_MIN_LENGTH = 2;
const SEARCH_DELAY_MS = 250;
const DEFAULT_LEVEL: CompetenceLevel = 2;

export interface CompetenceAdd extends Component<[held: Competence[]]> {
  /** Skill labels come in the person's language: the search is run again after a language switch. */
  refresh(): void;
}

/** `added` receives the competence as saved (new, or a new level of one held). */
export function competenceAdd(update: Update, status: StatusLine, added: (saved: Competence) => void): CompetenceAdd {
  let query = '';
  let results: Loadable<Skill[]> | null = null;
  /** The language the results' labels are in. */
  let resultsLanguage: Language | null = null;
  let chosen: Skill | null = null;
  let level: CompetenceLevel = DEFAULT_LEVEL;
  let timer: number | undefined;
  let searching: AbortController | null = null;
  const form = submission(update, { fields: ['skillId', 'level'], status });

  function onInput(value: string): void {
    query = value;
    window.clearTimeout(timer);
    const q = query.trim();
    if (q.length < SEARCH_MIN_LENGTH) {
      searching?.abort();
      results = null;
      chosen = null;
      update();
      return;
    }
    timer = window.setTimeout(() => void search(q), SEARCH_DELAY_MS);
  }

  // Only the latest search may show its results: an earlier, slower answer must not replace them.
  async function search(q: string): Promise<void> {
    searching?.abort();
    const controller = new AbortController();
    searching = controller;
    if (results?.status !== 'ready') results = { status: 'loading' };
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
    }
    update();
  }

  function searchStatus(): string {
    if (query.trim().length < SEARCH_MIN_LENGTH || !results) return '';
    if (results.status === 'loading') return t('competences.searching');
    if (results.status === 'failed') return '';
    const count = results.data.length;
    if (count === 0) return t('competences.resultsNone', { query: query.trim() });
    return count === 1 ? t('competences.resultsOne') : t('competences.resultsMany', { count });
  }

  async function add(held: Competence[]): Promise<void> {
    if (!chosen) throw invalid({ skillId: [t('competences.chooseSkill')] });
    const saved = await putMyCompetence(chosen.id, level);
    const known = held.some((c) => c.skillId === saved.skillId);
    added(saved);
    status.say(known ? 'competences.levelSaved' : 'competences.added', levelParams(saved));
    query = '';
    results = null;
    chosen = null;
    level = DEFAULT_LEVEL;
    focusLater('#skill-search');
  }

  function resultsList(found: Skill[], held: Set<string>): TemplateResult {
    const label = (skill: Skill) =>
      html`${skill.label} ${skill.broaderLabel ? html`<span class="muted">(${skill.broaderLabel})</span>` : nothing}
      ${held.has(skill.id) ? html`<span class="tag">${t('competences.alreadyHeld')}</span>` : nothing}`;
    return radios({
      name: 'skill',
      legend: t('competences.results'),
      items: found.map((skill) => ({ value: skill.id, label: label(skill) })),
      value: chosen?.id ?? null,
      onChoose: (skillId) => {
        chosen = found.find((s) => s.id === skillId) ?? null;
        update();
      },
    });
  }

  return {
    view(held) {
      const found = results?.status === 'ready' ? results.data : [];
      return form.form(
        { send: () => add(held) },
        html`${results?.status === 'failed' ? problemAlert(results.error) : nothing}
          ${field(
            {
              id: 'skill-search',
              label: t('competences.search'),
              hint: t('competences.searchHint', { min: SEARCH_MIN_LENGTH }),
              errors: form.errorsOf('skillId'),
            },
            (a) =>
              html`<input
                id=${a.id}
                type="search"
                autocomplete="off"
                spellcheck="false"
                .value=${query}
                aria-invalid=${a.invalid}
                aria-describedby=${ifDefined(a.describedBy)}
                @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
              />`,
          )}
          <p class="hint" role="status" aria-live="polite">${searchStatus()}</p>
          ${found.length ? resultsList(found, new Set(held.map((c) => c.skillId))) : nothing}
          ${field(
            { id: 'skill-level', label: t('competences.level'), errors: form.errorsOf('level') },
            (a) =>
              html`<select
                id=${a.id}
                .value=${live(String(level))}
                aria-invalid=${a.invalid}
                aria-describedby=${ifDefined(a.describedBy)}
                @change=${(e: Event) => (level = Number((e.target as HTMLSelectElement).value) as CompetenceLevel)}
              >
                ${levelOptions(level)}
              </select>`,
          )}
          <div class="actions">${form.button(t('competences.add'))}</div>`,
      );
    },
    refresh() {
      if (results && resultsLanguage !== language()) void search(query.trim());
    },
    dispose() {
      window.clearTimeout(timer);
      searching?.abort();
    },
  };
}

// `?selected` sets the level on first render (a select's `.value` is bound before its options
// exist); the selects' `live` value binding then puts the saved level back after a failed change.
export function levelOptions(selected: CompetenceLevel): TemplateResult[] {
  return COMPETENCE_LEVELS.map(
    (level) => html`<option value=${level} ?selected=${level === selected}>${level} – ${t(`level.${level}`)}</option>`,
  );
}

export function levelParams(competence: Competence): { label: string; level: string } {
  return { label: competence.label, level: t(`level.${competence.level}`) };
}
