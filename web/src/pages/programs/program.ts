// The local program of a territory for a year: its approved projects and the hours they need per
// strategic challenge; officers assemble the draft, which the territorial assembly will validate.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { formatDate, language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { draftProgram, getProgram, listProgramCandidates, listPrograms, type LocalProgram, type Project } from '../../services/programs';
import { indexTerritories, pathOf } from '../../territories';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { field } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { hoursText } from '../../hours';
import { officerTerritories, territoryName } from './shared';

interface ProgramView {
  territories: Map<string, Territory>;
  program: LocalProgram | null;
  /** For officers of the territory: the projects the draft can hold. */
  candidates: Project[] | null;
}

export const programPage: PageFactory = ({ update }) => {
  let state: Loadable<ProgramView> = loading;
  let territoryId = '';
  let year = new Date().getUTCFullYear();
  let chosen = new Set<string>();
  let message: Message | null = null;
  let problem: unknown = null;

  function drafter(territories: Map<string, Territory>): boolean {
    const index = indexTerritories([...territories.values()], language());
    const mine = officerTerritories(session().me);
    return pathOf(index, territoryId).some((x) => mine.includes(x.id));
  }

  async function read(): Promise<ProgramView> {
    const me = await reloadMe();
    territoryId ||= me.person.territoryId;
    const territories = indexTerritories((await listTerritories()).items, language()).byId;
    const summary = (await listPrograms(territoryId)).items.find((p) => p.year === year);
    const program = summary ? await getProgram(summary.id) : null;
    const candidates = drafter(territories) ? (await listProgramCandidates(territoryId, year)).items : null;
    chosen = new Set(program ? program.projects.map((p) => p.id) : (candidates ?? []).map((p) => p.id));
    return { territories, program, candidates };
  }

  async function reload(): Promise<void> {
    state = loading;
    update();
    state = await loadable(read);
    update();
  }

  const page: Page = {
    title: () => t('program.title'),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) state = next;
    },

    view: () => html`
      <p>${t('program.intro')}</p>
      ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
      ${choice()}
      ${whenLoaded(state, (view) => html`${programView(view)} ${view.candidates ? draftForm(view, view.candidates) : nothing}`)}
    `,
  };

  function choice(): TemplateResult {
    const home = session().me?.territoryPath ?? [];
    const years = [year - 1, year, year + 1].filter((y, i, all) => all.indexOf(y) === i);
    return html`<div class="inline-form">
      ${field({ id: 'program-territory', label: t('program.territory') }, (a) =>
        html`<select id=${a.id} @change=${(e: Event) => { territoryId = (e.target as HTMLSelectElement).value; void reload(); }}>
          ${home.map((x) => html`<option value=${x.id} ?selected=${x.id === territoryId}>${x.name}</option>`)}
        </select>`,
      )}
      ${field({ id: 'program-year', label: t('program.year') }, (a) =>
        html`<select id=${a.id} @change=${(e: Event) => { year = Number((e.target as HTMLSelectElement).value); void reload(); }}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
        </select>`,
      )}
    </div>`;
  }

  function programView({ program, territories }: ProgramView): TemplateResult {
    if (!program) return html`<p>${t('program.none', { territory: territoryName(territories, territoryId), year })}</p>`;
    return html`<section aria-labelledby="program-heading">
      <h2 id="program-heading">${t('program.heading', { territory: program.territoryName ?? '', year: program.year })}</h2>
      <p><span class="tag">${t('program.draft')}</span> ${t('program.draftedOn', { date: formatDate(program.draftedAt) })}</p>
      <p>${t('program.total', { hours: hoursText(program.neededMinutes), count: program.projects.length })}</p>
      <div class="table-wrap"><table>
        <caption class="visually-hidden">${t('program.perChallenge')}</caption>
        <thead><tr><th scope="col">${t('program.challenge')}</th><th scope="col">${t('program.hours')}</th><th scope="col">${t('program.projects')}</th></tr></thead>
        <tbody>
          ${program.totals.map((row) => html`<tr>
            <th scope="row">${row.challengeTitle ?? t('program.noChallenge')}</th><td>${hoursText(row.neededMinutes)}</td><td>${row.projectCount}</td>
          </tr>`)}
        </tbody>
      </table></div>
      <h3>${t('program.projects')}</h3>
      <ul>${program.projects.map((p) => html`<li><a href="/projects/${encodeURIComponent(p.id)}">${p.title}</a> — ${hoursText(p.neededMinutes)}</li>`)}</ul>
    </section>`;
  }

  function draftForm({ program }: ProgramView, candidates: Project[]): TemplateResult {
    return html`<form class="stack" novalidate aria-labelledby="program-form-heading" @submit=${(e: SubmitEvent) => save(e, program)}>
      <h2 id="program-form-heading">${program ? t('program.redraft') : t('program.assemble')}</h2>
      ${candidates.length
        ? html`<fieldset class="choices"><legend>${t('program.candidates')}</legend>
            ${candidates.map((p) => html`<div class="choice">
              <input type="checkbox" id="candidate-${p.id}" .checked=${chosen.has(p.id)} @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? chosen.add(p.id) : chosen.delete(p.id))} />
              <label for="candidate-${p.id}">${p.title} <span class="muted">(${hoursText(p.neededMinutes)})</span></label>
            </div>`)}
          </fieldset>
          <div class="actions"><button type="submit" class="primary">${t('program.save')}</button></div>`
        : html`<p>${t('program.noCandidates')}</p>`}
    </form>`;
  }

  async function save(event: SubmitEvent, current: LocalProgram | null): Promise<void> {
    event.preventDefault();
    message = null;
    problem = null;
    try {
      const saved = await draftProgram({ territoryId, year, projectIds: [...chosen] }, current?.version);
      message = { key: 'program.saved', params: { hours: hoursText(saved.neededMinutes) } };
      state = await loadable(read);
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    }
    update();
  }

  return page;
};
