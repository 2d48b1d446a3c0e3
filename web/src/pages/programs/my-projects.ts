// My projects (the teams I am on, with my role) and "projects for me": open needs ranked by how well
// they fit my competences and where I live, each score explained.
import { html, nothing, type TemplateResult } from 'lit-html';
import { language, t, type MessageKey } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { listTerritories, type Territory } from '../../services/identity';
import { listMyProjects, listSuggestions, type Project, type Suggestion } from '../../services/programs';
import { indexTerritories } from '../../territories';
import { resource } from '../../ui/resource';
import { projectItem } from './projects';
import { hoursText } from '../../hours';

interface MyProjects {
  mine: Project[];
  suggestions: Suggestion[];
  territories: Map<string, Territory>;
}

export const myProjectsPage: PageFactory = ({ update }) => {
  const state = resource(async (): Promise<MyProjects> => {
    const [mine, suggestions, territories] = await Promise.all([listMyProjects(), listSuggestions(), listTerritories()]);
    return { mine: mine.items, suggestions: suggestions.items, territories: indexTerritories(territories.items, language()).byId };
  }, update);

  const page: Page = {
    title: () => t('myProjects.title'),

    load: (signal) => state.load(signal),

    view: () =>
      state.view(
        ({ mine, suggestions, territories }) => html`
          <section aria-labelledby="mine-heading">
            <h2 id="mine-heading">${t('myProjects.mine')}</h2>
            ${
              mine.length
                ? html`<ul class="project-list">
                    ${mine.map((p) => projectItem(p, territories, roleOf(p)))}
                  </ul>`
                : html`<p>${t('myProjects.none')} <a href="/projects">${t('myProjects.find')}</a></p>`
            }
          </section>
          <section aria-labelledby="for-me-heading">
            <h2 id="for-me-heading">${t('myProjects.forMe')}</h2>
            <p>${t('myProjects.forMeIntro')}</p>
            ${
              suggestions.length
                ? html`<ul class="project-list">
                    ${suggestions.map((s) => suggestion(s, territories))}
                  </ul>`
                : html`<p>${t('myProjects.noSuggestions')} <a href="/competences">${t('myProjects.addCompetences')}</a></p>`
            }
          </section>
        `,
      ),
  };
  return page;
};

/** The person's role on a project of theirs. */
function roleOf(p: Project): TemplateResult | typeof nothing {
  return p.viewer?.role ? html`<p>${t('myProjects.role', { role: t(`teamRole.${p.viewer.role}`) })}</p>` : nothing;
}

function suggestion(s: Suggestion, territories: ReadonlyMap<string, Territory>): TemplateResult {
  return projectItem(
    s.project,
    territories,
    html`<p>
        <span class="score">${t('myProjects.score', { score: s.score })}</span>
        ${t('myProjects.forNeed', { skill: s.need.skillLabel, open: hoursText(s.need.openMinutes) })}
      </p>
      <ul>
        ${s.reasons.map((r) => html`<li>${t(`reason.${r.code}` as MessageKey, { ...reasonParams(r.params), points: r.points })}</li>`)}
      </ul>`,
  );
}

function reasonParams(params: Record<string, string>): Record<string, string> {
  return {
    skill: params.skillLabel ?? '',
    territory: params.territoryName ?? '',
    level: params.level ? t(`level.${params.level}` as MessageKey) : '',
  };
}
