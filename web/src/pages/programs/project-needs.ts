// The needs of a project being edited: one row each, a competence found by searching the skills
// taxonomy, the hours needed and optional dates.
import { html, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { isApiError } from '../../api';
import { t } from '../../i18n';
import { searchSkills, type Skill } from '../../services/identity';
import type { Component, Update } from '../../ui/component';
import { focusLater } from '../../ui/focus';
import { inputField, selectField, withName } from '../../ui/forms';

const SEARCH_DELAY_MS = 250;

export interface DraftNeed {
  /** Stable key of the row in the form. */
  key: number;
  id?: string;
  skillId: string;
  skillLabel: string;
  hours: string;
  startDate: string;
  endDate: string;
  query: string;
  results: Skill[];
}

let rowKey = 0;
export const emptyNeed = (): DraftNeed => ({
  key: ++rowKey,
  skillId: '',
  skillLabel: '',
  hours: '',
  startDate: '',
  endDate: '',
  query: '',
  results: [],
});

/** `needs` is the draft's own list (rows are added and removed in it); `errorsOf` gives a field's errors. */
export function needRows(
  update: Update,
  problem: (error: unknown) => void,
): Component<[needs: DraftNeed[], errorsOf: (field: string) => string[] | undefined]> {
  const timers = new Map<number, number>();

  function search(need: DraftNeed, query: string): void {
    need.query = query;
    window.clearTimeout(timers.get(need.key));
    if (query.trim().length < 2) return;
    const timer = window.setTimeout(async () => {
      try {
        need.results = (await searchSkills(query.trim())).items;
        if (!need.skillId && need.results[0]) choose(need, need.results[0].id);
      } catch (error) {
        if (!isApiError(error, 401)) problem(error);
      }
      update();
    }, SEARCH_DELAY_MS);
    timers.set(need.key, timer);
  }

  function choose(need: DraftNeed, skillId: string): void {
    need.skillId = skillId;
    need.skillLabel = need.results.find((s) => s.id === skillId)?.label ?? need.skillLabel;
    update();
  }

  function row(needs: DraftNeed[], need: DraftNeed, index: number, errorsOf: (field: string) => string[] | undefined): TemplateResult {
    const at = (name: string) => errorsOf(`needs.${index}.${name}`);
    const known = need.results.some((s) => s.id === need.skillId) || !need.skillId;
    const options = known ? need.results : [{ id: need.skillId, label: need.skillLabel }, ...need.results];
    const date = (key: 'startDate' | 'endDate', id: string, label: string) =>
      inputField({ id: `need-${need.key}-${id}`, label, type: 'date', errors: at(key), value: need[key], onInput: (v) => (need[key] = v) });
    return html`<div class="need-row stack" role="group" aria-label=${t('projectForm.needNumber', { number: index + 1 })}>
      ${inputField({
        id: `need-${need.key}-search`,
        label: t('projectForm.searchSkill'),
        hint: t('projectForm.searchSkillHint'),
        type: 'search',
        autocomplete: 'off',
        value: need.query,
        onInput: (v) => search(need, v),
      })}
      ${selectField({
        id: `need-${need.key}-skill`,
        label: t('projectForm.skill'),
        errors: at('skillId'),
        options: [{ value: '', label: t('projectForm.chooseSkill') }, ...options.map((s) => ({ value: s.id, label: s.label }))],
        value: need.skillId,
        onChange: (v) => choose(need, v),
      })}
      <div class="inline-form">
        ${inputField({
          id: `need-${need.key}-hours`,
          label: t('projectForm.hours'),
          hint: t('projectForm.hoursHint'),
          inputmode: 'decimal',
          autocomplete: 'off',
          errors: at('neededMinutes'),
          value: need.hours,
          onInput: (v) => (need.hours = v),
        })}
        ${date('startDate', 'start', t('projectForm.needStart'))} ${date('endDate', 'end', t('projectForm.needEnd'))}
        <button type="button" @click=${() => remove(needs, need)}>${withName(t('projectForm.removeNeed'), String(index + 1))}</button>
      </div>
    </div>`;
  }

  function add(needs: DraftNeed[]): void {
    const need = emptyNeed();
    needs.push(need);
    update();
    focusLater(`#need-${need.key}-search`);
  }

  function remove(needs: DraftNeed[], need: DraftNeed): void {
    needs.splice(needs.indexOf(need), 1);
    update();
  }

  return {
    view: (needs, errorsOf) =>
      html`${repeat(
          needs,
          (n) => n.key,
          (n, i) => row(needs, n, i, errorsOf),
        )}
        <p><button type="button" @click=${() => add(needs)}>${t('projectForm.addNeed')}</button></p>`,
    dispose() {
      for (const timer of timers.values()) window.clearTimeout(timer);
    },
  };
}
