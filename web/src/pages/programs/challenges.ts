// Strategic challenges of my territory: those set here and those inherited from the region, the
// country and the EU, tagged with the SDGs; officers set new ones, refining a challenge from above.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../../api';
import { language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { defineChallenge, listChallenges, listSdgs, type Challenge, type Sdg } from '../../services/programs';
import { indexTerritories, pathOf } from '../../territories';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { officerTerritories, territoryName } from './shared';

interface ChallengesView {
  territoryId: string;
  territories: Map<string, Territory>;
  challenges: Challenge[];
  sdgs: Sdg[];
  /** For the form: the challenges the chosen territory sees, which it may refine. */
  above: Challenge[];
}

export const challengesPage: PageFactory = ({ update }) => {
  let state: Loadable<ChallengesView> = loading;
  let territoryId = '';
  const draft = { territoryId: '', title: '', description: '', sdgs: new Set<number>(), refinesId: '' };
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;

  async function read(): Promise<ChallengesView> {
    const me = await reloadMe();
    territoryId ||= me.person.territoryId;
    draft.territoryId ||= officerTerritories(me)[0] ?? '';
    const [territories, challenges, sdgs, above] = await Promise.all([
      listTerritories(),
      listChallenges(territoryId),
      listSdgs(),
      draft.territoryId ? listChallenges(draft.territoryId) : Promise.resolve({ items: [] }),
    ]);
    return {
      territoryId,
      territories: indexTerritories(territories.items, language()).byId,
      challenges: challenges.items,
      sdgs: sdgs.items,
      above: above.items.filter((c) => c.territoryId !== draft.territoryId),
    };
  }

  const page: Page = {
    title: () => t('challenges.title'),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) state = next;
    },

    view: () => whenLoaded(state, (view) => html`
      <p>${t('challenges.intro')}</p>
      ${statusRegion(message)}
      ${territoryChoice(view)}
      ${groups(view)}
      ${officerTerritories(session().me).length ? form(view) : nothing}
    `),
  };

  function territoryChoice(view: ChallengesView): TemplateResult {
    const home = session().me?.territoryPath ?? [];
    return field({ id: 'challenges-territory', label: t('challenges.territory') }, (a) =>
      html`<select id=${a.id} @change=${async (e: Event) => {
        territoryId = (e.target as HTMLSelectElement).value;
        state = await loadable(read);
        update();
      }}>
        ${home.map((x) => html`<option value=${x.id} ?selected=${x.id === view.territoryId}>${x.name}</option>`)}
      </select>`,
    );
  }

  function groups({ challenges, sdgs, territories }: ChallengesView): TemplateResult {
    if (!challenges.length) return html`<p>${t('challenges.none')}</p>`;
    const labels = new Map(sdgs.map((g) => [g.number, g.label]));
    const titles = new Map(challenges.map((c) => [c.id, c.title]));
    const byTerritory = new Map<string, Challenge[]>();
    for (const c of challenges) byTerritory.set(c.territoryId, [...(byTerritory.get(c.territoryId) ?? []), c]);
    return html`${[...byTerritory].map(([id, list]) => html`<section aria-labelledby="challenges-${id}">
      <h2 id="challenges-${id}">${territoryName(territories, id)}</h2>
      <ul class="project-list">
        ${list.map((c) => html`<li>
          <h3>${c.title}</h3>
          ${c.description ? html`<p>${c.description}</p>` : nothing}
          ${c.refinesId ? html`<p class="muted">${t('challenges.refines', { title: titles.get(c.refinesId) ?? '' })}</p>` : nothing}
          <p>${c.sdgs.map((n) => html`<span class="sdg">${t('challenges.sdg', { number: n, label: labels.get(n) ?? '' })}</span>`)}</p>
        </li>`)}
      </ul>
    </section>`)}`;
  }

  function form(view: ChallengesView): TemplateResult {
    const index = indexTerritories([...view.territories.values()], language());
    // An officer sets challenges on the territories they act for and those below them.
    const mine = officerTerritories(session().me);
    const choices = [...view.territories.values()].filter((x) => pathOf(index, x.id).some((p) => mine.includes(p.id)));
    return html`<form class="stack" novalidate aria-labelledby="challenge-form-heading" @submit=${save}>
      <h2 id="challenge-form-heading">${t('challenges.define')}</h2>
      ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${field({ id: 'challenge-territory', label: t('challenges.formTerritory'), errors: errors.fields.territoryId }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} @change=${async (e: Event) => {
          draft.territoryId = (e.target as HTMLSelectElement).value;
          draft.refinesId = '';
          state = await loadable(read);
          update();
        }}>
          ${choices.map((x) => html`<option value=${x.id} ?selected=${x.id === draft.territoryId}>${x.name}</option>`)}
        </select>`,
      )}
      ${field({ id: 'challenge-title', label: t('challenges.formTitle'), errors: errors.fields.title }, (a) =>
        html`<input id=${a.id} type="text" maxlength="200" .value=${draft.title} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (draft.title = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field({ id: 'challenge-description', label: t('challenges.formDescription'), errors: errors.fields.description }, (a) =>
        html`<textarea id=${a.id} maxlength="4000" .value=${draft.description} aria-invalid=${a.invalid} @input=${(e: Event) => (draft.description = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      ${field({ id: 'challenge-refines', label: t('challenges.formRefines'), errors: errors.fields.refinesId }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} @change=${(e: Event) => (draft.refinesId = (e.target as HTMLSelectElement).value)}>
          <option value="">${t('challenges.refinesNone')}</option>
          ${view.above.map((c) => html`<option value=${c.id} ?selected=${c.id === draft.refinesId}>${c.title} (${c.territoryName ?? ''})</option>`)}
        </select>`,
      )}
      <fieldset class="choices">
        <legend>${t('challenges.formSdgs')}</legend>
        ${errors.fields.sdgs ? html`<p class="field-error">${errors.fields.sdgs.join(' ')}</p>` : nothing}
        ${view.sdgs.map((g) => html`<div class="choice">
          <input type="checkbox" id="sdg-${g.number}" .checked=${draft.sdgs.has(g.number)}
            @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? draft.sdgs.add(g.number) : draft.sdgs.delete(g.number))} />
          <label for="sdg-${g.number}">${t('challenges.sdg', { number: g.number, label: g.label })}</label>
        </div>`)}
      </fieldset>
      <div class="actions"><button type="submit" class="primary">${t('challenges.save')}</button></div>
    </form>`;
  }

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    message = null;
    problem = null;
    errors = noErrors;
    if (!draft.title.trim()) {
      errors = { fields: { title: [t('challenges.titleRequired')] }, unattached: [] };
      update();
      focusLater('#challenge-title');
      return;
    }
    try {
      const saved = await defineChallenge({ territoryId: draft.territoryId, title: draft.title.trim(), description: draft.description.trim(), sdgs: [...draft.sdgs], refinesId: draft.refinesId || null });
      Object.assign(draft, { title: '', description: '', refinesId: '' });
      draft.sdgs.clear();
      message = { key: 'challenges.saved', params: { title: saved.title } };
      state = await loadable(read);
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['territoryId', 'title', 'description', 'refinesId', 'sdgs']);
      problem = error;
    }
    update();
  }

  return page;
};
