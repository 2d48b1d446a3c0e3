// Strategic challenges of my territory: those set here and those inherited from the region, the
// country and the EU, tagged with the SDGs; officers set new ones, refining a challenge from above.
import { html, nothing, type TemplateResult } from 'lit-html';
import { language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { defineChallenge, listChallenges, listSdgs, type Challenge, type Sdg } from '../../services/programs';
import { indexTerritories, officerTerritories, pathOf, territoryName } from '../../territories';
import { statusLine } from '../../ui/feedback';
import { checkboxes, inputField, selectField, textareaField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { invalid, submission } from '../../ui/submit';

interface ChallengesView {
  territoryId: string;
  territories: Map<string, Territory>;
  challenges: Challenge[];
  sdgs: Sdg[];
  /** For the form: the challenges the chosen territory sees, which it may refine. */
  above: Challenge[];
}

export const challengesPage: PageFactory = ({ update }) => {
  let territoryId = '';
  const draft = { territoryId: '', title: '', description: '', sdgs: new Set<number>(), refinesId: '' };
  const view = resource(read, update);
  const status = statusLine();
  const form = submission(update, { fields: ['territoryId', 'title', 'description', 'refinesId', 'sdgs'], status });

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
    load: (signal) => view.load(signal),
    view: () =>
      view.view(
        (v) => html`
          <p>${t('challenges.intro')}</p>
          ${status.view()}
          ${selectField({
            id: 'challenges-territory',
            label: t('challenges.territory'),
            options: (session().me?.territoryPath ?? []).map((x) => ({ value: x.id, label: x.name })),
            value: v.territoryId,
            onChange: (value) => {
              territoryId = value;
              void view.reload();
            },
          })}
          ${groups(v)} ${officerTerritories(session().me).length ? challengeForm(v) : nothing}
        `,
      ),
  };

  function groups({ challenges, sdgs, territories }: ChallengesView): TemplateResult {
    if (!challenges.length) return html`<p>${t('challenges.none')}</p>`;
    const labels = new Map(sdgs.map((g) => [g.number, g.label]));
    const titles = new Map(challenges.map((c) => [c.id, c.title]));
    const byTerritory = new Map<string, Challenge[]>();
    for (const c of challenges) byTerritory.set(c.territoryId, [...(byTerritory.get(c.territoryId) ?? []), c]);
    return html`${[...byTerritory].map(
      ([id, list]) =>
        html`<section aria-labelledby="challenges-${id}">
          <h2 id="challenges-${id}">${territoryName(territories, id)}</h2>
          <ul class="project-list">
            ${list.map(
              (c) =>
                html`<li>
                  <h3>${c.title}</h3>
                  ${c.description ? html`<p>${c.description}</p>` : nothing}
                  ${c.refinesId ? html`<p class="muted">${t('challenges.refines', { title: titles.get(c.refinesId) ?? '' })}</p>` : nothing}
                  <p>
                    ${c.sdgs.map((n) => html`<span class="sdg">${t('challenges.sdg', { number: n, label: labels.get(n) ?? '' })}</span>`)}
                  </p>
                </li>`,
            )}
          </ul>
        </section>`,
    )}`;
  }

  function challengeForm(v: ChallengesView): TemplateResult {
    const index = indexTerritories([...v.territories.values()], language());
    // An officer sets challenges on the territories they act for and those below them.
    const mine = officerTerritories(session().me);
    const choices = [...v.territories.values()].filter((x) => pathOf(index, x.id).some((p) => mine.includes(p.id)));
    return form.form(
      { labelledBy: 'challenge-form-heading', send: save, heading: html`<h2 id="challenge-form-heading">${t('challenges.define')}</h2>` },
      html`${selectField({
          id: 'challenge-territory',
          label: t('challenges.formTerritory'),
          errors: form.errorsOf('territoryId'),
          options: choices.map((x) => ({ value: x.id, label: x.name })),
          value: draft.territoryId,
          onChange: (value) => {
            draft.territoryId = value;
            draft.refinesId = '';
            void view.reload();
          },
        })}
        ${inputField({
          id: 'challenge-title',
          label: t('challenges.formTitle'),
          maxlength: 200,
          errors: form.errorsOf('title'),
          value: draft.title,
          onInput: (x) => (draft.title = x),
        })}
        ${textareaField({
          id: 'challenge-description',
          label: t('challenges.formDescription'),
          maxlength: 4000,
          errors: form.errorsOf('description'),
          value: draft.description,
          onInput: (x) => (draft.description = x),
        })}
        ${selectField({
          id: 'challenge-refines',
          label: t('challenges.formRefines'),
          errors: form.errorsOf('refinesId'),
          options: [
            { value: '', label: t('challenges.refinesNone') },
            ...v.above.map((c) => ({ value: c.id, label: `${c.title} (${c.territoryName ?? ''})` })),
          ],
          value: draft.refinesId,
          onChange: (value) => (draft.refinesId = value),
        })}
        ${checkboxes({
          id: 'sdg',
          legend: t('challenges.formSdgs'),
          items: v.sdgs.map((g) => ({ value: String(g.number), label: t('challenges.sdg', { number: g.number, label: g.label }) })),
          checked: (n) => draft.sdgs.has(Number(n)),
          onToggle: (n, on) => (on ? draft.sdgs.add(Number(n)) : draft.sdgs.delete(Number(n))),
          errors: form.errorsOf('sdgs'),
        })}
        <div class="actions">${form.button(t('challenges.save'))}</div>`,
    );
  }

  async function save(): Promise<void> {
    if (!draft.title.trim()) throw invalid({ title: [t('challenges.titleRequired')] });
    const body = {
      territoryId: draft.territoryId,
      title: draft.title.trim(),
      description: draft.description.trim(),
      sdgs: [...draft.sdgs],
      refinesId: draft.refinesId || null,
    };
    const saved = await defineChallenge(body);
    Object.assign(draft, { title: '', description: '', refinesId: '' });
    draft.sdgs.clear();
    status.say('challenges.saved', { title: saved.title });
    await view.reload();
  }

  return page;
};
