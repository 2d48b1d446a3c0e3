// The local program of a territory for a year: its approved projects and the hours they need per
// strategic challenge; officers assemble the draft, which the territorial assembly will validate.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, language, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listTerritories, type Territory } from '../../services/identity';
import { draftProgram, getProgram, listProgramCandidates, listPrograms, type LocalProgram, type Project } from '../../services/programs';
import { hoursText } from '../../hours';
import { indexTerritories, officerTerritories, pathOf, territoryName } from '../../territories';
import { statusLine } from '../../ui/feedback';
import { checkboxes, selectField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';

interface ProgramView {
  territories: Map<string, Territory>;
  program: LocalProgram | null;
  /** For officers of the territory: the projects the draft can hold. */
  candidates: Project[] | null;
}

export const programPage: PageFactory = ({ update }) => {
  let territoryId = '';
  let year = new Date().getUTCFullYear();
  let chosen = new Set<string>();
  const view = resource(read, update);
  const status = statusLine();
  const form = submission(update, { status });

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

  const page: Page = {
    title: () => t('program.title'),
    load: (signal) => view.load(signal),
    view: () => html`
      <p>${t('program.intro')}</p>
      ${status.view()} ${choice()} ${view.view((v) => html`${programView(v)} ${v.candidates ? draftForm(v, v.candidates) : nothing}`)}
    `,
  };

  function choice(): TemplateResult {
    const years = [year - 1, year, year + 1].filter((y, i, all) => all.indexOf(y) === i);
    return html`<div class="inline-form">
      ${selectField({
        id: 'program-territory',
        label: t('program.territory'),
        options: (session().me?.territoryPath ?? []).map((x) => ({ value: x.id, label: x.name })),
        value: territoryId,
        onChange: (value) => {
          territoryId = value;
          void view.reload({ fresh: true });
        },
      })}
      ${selectField({
        id: 'program-year',
        label: t('program.year'),
        options: years.map((y) => ({ value: String(y), label: String(y) })),
        value: String(year),
        onChange: (value) => {
          year = Number(value);
          void view.reload({ fresh: true });
        },
      })}
    </div>`;
  }

  function programView({ program, territories }: ProgramView): TemplateResult {
    if (!program) return html`<p>${t('program.none', { territory: territoryName(territories, territoryId), year })}</p>`;
    return html`<section aria-labelledby="program-heading">
      <h2 id="program-heading">${t('program.heading', { territory: program.territoryName ?? '', year: program.year })}</h2>
      <p><span class="tag">${t('program.draft')}</span> ${t('program.draftedOn', { date: formatDate(program.draftedAt) })}</p>
      <p>${t('program.total', { hours: hoursText(program.neededMinutes), count: program.projects.length })}</p>
      ${dataTable({
        caption: html`<caption class="visually-hidden">
          ${t('program.perChallenge')}
        </caption>`,
        columns: [t('program.challenge'), t('program.hours'), t('program.projects')],
        rows: program.totals.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.challengeTitle ?? t('program.noChallenge')}</th>
              <td>${hoursText(row.neededMinutes)}</td>
              <td>${row.projectCount}</td>
            </tr>`,
        ),
      })}
      <h3>${t('program.projects')}</h3>
      <ul>
        ${program.projects.map(
          (p) => html`<li><a href="/projects/${encodeURIComponent(p.id)}">${p.title}</a> — ${hoursText(p.neededMinutes)}</li>`,
        )}
      </ul>
    </section>`;
  }

  function draftForm({ program }: ProgramView, candidates: Project[]): TemplateResult {
    return form.form(
      {
        labelledBy: 'program-form-heading',
        send: () => save(program),
        heading: html`<h2 id="program-form-heading">${program ? t('program.redraft') : t('program.assemble')}</h2>`,
      },
      candidates.length
        ? html`${checkboxes({
              id: 'candidate',
              legend: t('program.candidates'),
              items: candidates.map((p) => ({
                value: p.id,
                label: html`${p.title} <span class="muted">(${hoursText(p.neededMinutes)})</span>`,
              })),
              checked: (id) => chosen.has(id),
              onToggle: (id, on) => (on ? chosen.add(id) : chosen.delete(id)),
            })}
            <div class="actions">${form.button(t('program.save'))}</div>`
        : html`<p>${t('program.noCandidates')}</p>`,
    );
  }

  async function save(current: LocalProgram | null): Promise<void> {
    const saved = await draftProgram({ territoryId, year, projectIds: [...chosen] }, current?.version);
    status.say('program.saved', { hours: hoursText(saved.neededMinutes) });
    await view.reload();
  }

  return page;
};
