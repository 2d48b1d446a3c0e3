// Propose a project (it starts as a draft) or edit one: territory, kind, period, challenges and needs
// (a competence from the skills taxonomy and hours, with optional dates).
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { ApiError, isApiError } from '../../api';
import { language, t } from '../../i18n';
import { navigate, type Page, type PageFactory } from '../../router';
import { reloadMe } from '../../session';
import { listTerritories, searchSkills, type Skill } from '../../services/identity';
import { createProject, getProject, listChallenges, PROJECT_KINDS, updateProject, type Challenge, type ProjectInput, type ProjectKind } from '../../services/programs';
import { indexTerritories, residenceChoices, type TerritoryChoice } from '../../territories';
import { problemAlert } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { hoursInput } from '../../hours';
import { minutesOf, today } from './shared';

const SEARCH_DELAY_MS = 250;
const FIELDS = ['title', 'description', 'kind', 'territoryId', 'startDate', 'endDate', 'challengeIds', 'needs'];

interface DraftNeed {
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

interface Draft {
  territoryId: string;
  title: string;
  description: string;
  kind: ProjectKind;
  challengeIds: Set<string>;
  startDate: string;
  endDate: string;
  needs: DraftNeed[];
}

interface FormData {
  territories: TerritoryChoice[];
  draft: Draft;
  /** The version being edited, sent back in If-Match. */
  version: number | null;
  /** Approved or running: a material change sends it back to approval. */
  approved: boolean;
}

let rowKey = 0;
const emptyNeed = (): DraftNeed => ({ key: ++rowKey, skillId: '', skillLabel: '', hours: '', startDate: '', endDate: '', query: '', results: [] });

export const projectFormPage: PageFactory = ({ params, update }) => {
  const projectId = params.id ?? null;
  let state: Loadable<FormData> = loading;
  let challenges: Challenge[] = [];
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let saving = false;
  const timers = new Map<number, number>();

  const page: Page = {
    title: () => (projectId ? t('projectForm.editTitle') : t('projectForm.newTitle')),

    async load(signal) {
      const next = await loadable(async (): Promise<FormData> => {
        const me = await reloadMe();
        const { items } = await listTerritories();
        const territories = residenceChoices(indexTerritories(items, language()), language());
        if (!projectId) {
          const start = today();
          return {
            territories,
            version: null,
            approved: false,
            draft: { territoryId: me.person.territoryId, title: '', description: '', kind: 'general_interest', challengeIds: new Set(), startDate: start, endDate: '', needs: [emptyNeed()] },
          };
        }
        const p = await getProject(projectId);
        return {
          territories,
          version: p.version,
          approved: p.status === 'approved' || p.status === 'active',
          draft: {
            territoryId: p.territoryId,
            title: p.title,
            description: p.description,
            kind: p.kind,
            challengeIds: new Set(p.challengeIds),
            startDate: p.startDate,
            endDate: p.endDate,
            needs: p.needs.map((n) => ({ ...emptyNeed(), id: n.id, skillId: n.skillId, skillLabel: n.skillLabel, hours: hoursInput(n.neededMinutes), startDate: n.startDate ?? '', endDate: n.endDate ?? '' })),
          },
        };
      });
      if (signal.aborted) return;
      state = next;
      if (state.status === 'ready') await loadChallenges(state.data.draft.territoryId);
    },

    view: () => whenLoaded(state, form),

    dispose() {
      for (const timer of timers.values()) window.clearTimeout(timer);
    },
  };

  async function loadChallenges(territoryId: string): Promise<void> {
    try {
      challenges = (await listChallenges(territoryId)).items;
    } catch (error) {
      if (!isApiError(error, 401)) problem = error;
    }
    update();
  }

  function form({ territories, draft, approved }: FormData): TemplateResult {
    const input = (key: 'title' | 'description' | 'startDate' | 'endDate') => (e: Event) => {
      draft[key] = (e.target as HTMLInputElement).value;
    };
    return html`<form class="stack" novalidate aria-label=${page.title()} @submit=${(e: SubmitEvent) => save(e, draft)}>
      ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${field({ id: 'project-title', label: t('projectForm.titleLabel'), errors: errors.fields.title }, (a) =>
        html`<input id=${a.id} type="text" required maxlength="200" .value=${draft.title} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${input('title')} />`,
      )}
      ${field({ id: 'project-description', label: t('projectForm.description'), errors: errors.fields.description }, (a) =>
        html`<textarea id=${a.id} maxlength="8000" .value=${draft.description} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${input('description')}></textarea>`,
      )}
      ${field({ id: 'project-kind', label: t('projectForm.kind'), hint: t('projectForm.kindHint'), errors: errors.fields.kind }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${(e: Event) => (draft.kind = (e.target as HTMLSelectElement).value as ProjectKind)}>
          ${PROJECT_KINDS.map((k) => html`<option value=${k} ?selected=${k === draft.kind}>${t(`projectKind.${k}`)}</option>`)}
        </select>`,
      )}
      ${field({ id: 'project-territory', label: t('projectForm.territory'), hint: t('projectForm.territoryHint'), errors: errors.fields.territoryId }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${(e: Event) => onTerritory(draft, (e.target as HTMLSelectElement).value)}>
          ${territories.map((c) => html`<option value=${c.id} ?selected=${c.id === draft.territoryId}>${c.label}</option>`)}
        </select>`,
      )}
      <div class="inline-form">
        ${field({ id: 'project-start', label: t('projectForm.startDate'), errors: errors.fields.startDate }, (a) =>
          html`<input id=${a.id} type="date" required .value=${draft.startDate} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${input('startDate')} />`,
        )}
        ${field({ id: 'project-end', label: t('projectForm.endDate'), errors: errors.fields.endDate }, (a) =>
          html`<input id=${a.id} type="date" required .value=${draft.endDate} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${input('endDate')} />`,
        )}
      </div>
      <fieldset class="choices">
        <legend>${t('projectForm.challenges')}</legend>
        ${errors.fields.challengeIds ? html`<p class="field-error">${errors.fields.challengeIds.join(' ')}</p>` : nothing}
        ${challenges.length
          ? challenges.map(
              (c) => html`<div class="choice">
                <input type="checkbox" id="challenge-${c.id}" .checked=${draft.challengeIds.has(c.id)}
                  @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? draft.challengeIds.add(c.id) : draft.challengeIds.delete(c.id))} />
                <label for="challenge-${c.id}">${c.title} <span class="muted">(${c.territoryName ?? ''})</span></label>
              </div>`,
            )
          : html`<p class="hint">${t('projectForm.noChallenges')}</p>`}
      </fieldset>
      <fieldset class="choices">
        <legend>${t('projectForm.needs')}</legend>
        <p class="hint">${t('projectForm.needsHint')}</p>
        ${approved ? html`<p class="hint" role="note">${t('projectForm.approvalNotice')}</p>` : nothing}
        ${errors.fields.needs ? html`<p class="field-error">${errors.fields.needs.join(' ')}</p>` : nothing}
        ${repeat(draft.needs, (n) => n.key, (n, i) => needRow(draft, n, i))}
        <p><button type="button" @click=${() => addNeed(draft)}>${t('projectForm.addNeed')}</button></p>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${saving ? 'true' : 'false'}>${projectId ? t('common.save') : t('projectForm.create')}</button>
        <a class="button" href=${projectId ? `/projects/${encodeURIComponent(projectId)}` : '/projects'}>${t('common.cancel')}</a>
      </div>
    </form>`;
  }

  function needRow(draft: Draft, need: DraftNeed, index: number): TemplateResult {
    const at = (name: string) => errors.fields[`needs.${index}.${name}`];
    const options = need.results.some((s) => s.id === need.skillId) || !need.skillId ? need.results : [{ id: need.skillId, label: need.skillLabel, broaderId: null, broaderLabel: null }, ...need.results];
    return html`<div class="need-row stack" role="group" aria-label=${t('projectForm.needNumber', { number: index + 1 })}>
      ${field({ id: `need-${need.key}-search`, label: t('projectForm.searchSkill'), hint: t('projectForm.searchSkillHint') }, (a) =>
        html`<input id=${a.id} type="search" autocomplete="off" .value=${need.query} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => onSearch(need, (e.target as HTMLInputElement).value)} />`,
      )}
      ${field({ id: `need-${need.key}-skill`, label: t('projectForm.skill'), errors: at('skillId') }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @change=${(e: Event) => chooseSkill(need, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!need.skillId}>${t('projectForm.chooseSkill')}</option>
          ${options.map((s) => html`<option value=${s.id} ?selected=${s.id === need.skillId}>${s.label}</option>`)}
        </select>`,
      )}
      <div class="inline-form">
        ${field({ id: `need-${need.key}-hours`, label: t('projectForm.hours'), hint: t('projectForm.hoursHint'), errors: at('neededMinutes') }, (a) =>
          html`<input id=${a.id} type="text" inputmode="decimal" autocomplete="off" .value=${need.hours} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
            @input=${(e: Event) => (need.hours = (e.target as HTMLInputElement).value)} />`,
        )}
        ${field({ id: `need-${need.key}-start`, label: t('projectForm.needStart'), errors: at('startDate') }, (a) =>
          html`<input id=${a.id} type="date" .value=${need.startDate} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (need.startDate = (e.target as HTMLInputElement).value)} />`,
        )}
        ${field({ id: `need-${need.key}-end`, label: t('projectForm.needEnd'), errors: at('endDate') }, (a) =>
          html`<input id=${a.id} type="date" .value=${need.endDate} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (need.endDate = (e.target as HTMLInputElement).value)} />`,
        )}
        <button type="button" @click=${() => removeNeed(draft, need)}>${t('projectForm.removeNeed')}<span class="visually-hidden"> ${index + 1}</span></button>
      </div>
    </div>`;
  }

  function onTerritory(draft: Draft, territoryId: string): void {
    draft.territoryId = territoryId;
    // Challenges are those the new territory sees: the ones chosen for the old one may not be.
    draft.challengeIds.clear();
    void loadChallenges(territoryId);
  }

  function onSearch(need: DraftNeed, query: string): void {
    need.query = query;
    window.clearTimeout(timers.get(need.key));
    if (query.trim().length < 2) return;
    timers.set(
      need.key,
      window.setTimeout(async () => {
        try {
          need.results = (await searchSkills(query.trim())).items;
          if (!need.skillId && need.results[0]) chooseSkill(need, need.results[0].id);
        } catch (error) {
          if (!isApiError(error, 401)) problem = error;
        }
        update();
      }, SEARCH_DELAY_MS),
    );
  }

  function chooseSkill(need: DraftNeed, skillId: string): void {
    need.skillId = skillId;
    need.skillLabel = need.results.find((s) => s.id === skillId)?.label ?? need.skillLabel;
    update();
  }

  function addNeed(draft: Draft): void {
    const need = emptyNeed();
    draft.needs.push(need);
    update();
    focusLater(`#need-${need.key}-search`);
  }

  function removeNeed(draft: Draft, need: DraftNeed): void {
    draft.needs = draft.needs.filter((n) => n !== need);
    update();
  }

  function validate(draft: Draft): FormErrors {
    const fields: FormErrors['fields'] = {};
    if (!draft.title.trim()) fields.title = [t('projectForm.titleRequired')];
    if (!draft.startDate) fields.startDate = [t('projectForm.dateRequired')];
    if (!draft.endDate) fields.endDate = [t('projectForm.dateRequired')];
    draft.needs.forEach((need, i) => {
      if (!need.skillId) fields[`needs.${i}.skillId`] = [t('projectForm.skillRequired')];
      if (minutesOf(need.hours) === null) fields[`needs.${i}.neededMinutes`] = [t('projectForm.hoursRequired')];
    });
    return { fields, unattached: [] };
  }

  async function save(event: SubmitEvent, draft: Draft): Promise<void> {
    event.preventDefault();
    if (saving || state.status !== 'ready') return;
    errors = validate(draft);
    problem = null;
    if (Object.keys(errors.fields).length) {
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    const body: ProjectInput = {
      territoryId: draft.territoryId,
      title: draft.title.trim(),
      description: draft.description.trim(),
      kind: draft.kind,
      challengeIds: [...draft.challengeIds],
      startDate: draft.startDate,
      endDate: draft.endDate,
      needs: draft.needs.map((n) => ({ ...(n.id ? { id: n.id } : {}), skillId: n.skillId, neededMinutes: minutesOf(n.hours)!, startDate: n.startDate || null, endDate: n.endDate || null })),
    };
    saving = true;
    update();
    try {
      const saved = projectId ? await updateProject(projectId, state.data.version!, body) : await createProject(body);
      navigate(`/projects/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      if (isApiError(error, 401)) return;
      const needFields = draft.needs.flatMap((_, i) => ['skillId', 'neededMinutes', 'startDate', 'endDate', 'id'].map((f) => `needs.${i}.${f}`));
      errors = formErrorsFrom(error, [...FIELDS, ...needFields]);
      problem = isApiError(error, 412) ? new ApiError({ status: 412, title: t('projectForm.conflictTitle'), detail: t('projectForm.conflict') }) : error;
      focusLater('[aria-invalid="true"]');
    } finally {
      saving = false;
      update();
    }
  }

  return page;
};
