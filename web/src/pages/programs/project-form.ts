// Propose a project (it starts as a draft) or edit one: territory, kind, period, challenges and needs
// (a competence from the skills taxonomy and hours, with optional dates).
import { html, nothing, type TemplateResult } from 'lit-html';
import { language, t } from '../../i18n';
import { today } from '../../dates';
import { navigate, type Page, type PageFactory } from '../../router';
import { reloadMe } from '../../session';
import { listTerritories } from '../../services/identity';
import {
  createProject,
  getProject,
  listChallenges,
  PROJECT_KINDS,
  updateProject,
  type ProjectInput,
  type ProjectKind,
} from '../../services/programs';
import { indexTerritories, residenceChoices, type TerritoryChoice } from '../../territories';
import { problemAlert } from '../../ui/feedback';
import { checkboxes, formErrorsFrom, inputField, selectField, textareaField, type FormErrors } from '../../ui/forms';
import { hoursInput } from '../../hours';
import { resource } from '../../ui/resource';
import { invalid, submission } from '../../ui/submit';
import { emptyNeed, needRows, type DraftNeed } from './project-needs';
import { minutesOf } from './shared';

const FIELDS = ['title', 'description', 'kind', 'territoryId', 'startDate', 'endDate', 'challengeIds', 'needs'];
const NEED_FIELDS = ['skillId', 'neededMinutes', 'startDate', 'endDate', 'id'];

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

export const projectFormPage: PageFactory = ({ params, update }) => {
  const projectId = params.id ?? null;
  const data = resource(read, update);
  let territoryId = '';
  const challenges = resource(async () => (territoryId ? (await listChallenges(territoryId)).items : []), update);
  /** A problem of the skill search, which is not the form's. */
  let searchProblem: unknown = null;
  const needs = needRows(update, (error) => (searchProblem = error));
  const form = submission(update, {
    fields: fieldErrors,
    stale: { title: 'projectForm.conflictTitle', detail: 'projectForm.conflict' },
  });

  async function read(): Promise<FormData> {
    const me = await reloadMe();
    const { items } = await listTerritories();
    const territories = residenceChoices(indexTerritories(items, language()), language());
    if (!projectId) {
      return {
        territories,
        version: null,
        approved: false,
        draft: {
          territoryId: me.person.territoryId,
          title: '',
          description: '',
          kind: 'general_interest',
          challengeIds: new Set(),
          startDate: today(),
          endDate: '',
          needs: [emptyNeed()],
        },
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
        needs: p.needs.map((n) => ({
          ...emptyNeed(),
          id: n.id,
          skillId: n.skillId,
          skillLabel: n.skillLabel,
          hours: hoursInput(n.neededMinutes),
          startDate: n.startDate ?? '',
          endDate: n.endDate ?? '',
        })),
      },
    };
  }

  const page: Page = {
    title: () => (projectId ? t('projectForm.editTitle') : t('projectForm.newTitle')),

    async load(signal) {
      await data.load(signal);
      territoryId = data.data?.draft.territoryId ?? '';
      await challenges.load(signal);
    },

    view: () => data.view(view),

    dispose: () => needs.dispose?.(),
  };

  function view({ territories, draft, approved, version }: FormData): TemplateResult {
    const text = (key: 'title' | 'startDate' | 'endDate', id: string, label: string, type: 'text' | 'date', maxlength?: number) =>
      inputField({
        id,
        label,
        type,
        maxlength,
        required: true,
        errors: form.errorsOf(key),
        value: draft[key],
        onInput: (v) => (draft[key] = v),
      });
    return html`${searchProblem ? problemAlert(searchProblem) : nothing}
    ${form.form(
      { label: page.title(), send: () => save(draft, version) },
      html`${text('title', 'project-title', t('projectForm.titleLabel'), 'text', 200)}
        ${textareaField({
          id: 'project-description',
          label: t('projectForm.description'),
          maxlength: 8000,
          errors: form.errorsOf('description'),
          value: draft.description,
          onInput: (v) => (draft.description = v),
        })}
        ${selectField({
          id: 'project-kind',
          label: t('projectForm.kind'),
          hint: t('projectForm.kindHint'),
          errors: form.errorsOf('kind'),
          options: PROJECT_KINDS.map((k) => ({ value: k, label: t(`projectKind.${k}`) })),
          value: draft.kind,
          onChange: (v) => (draft.kind = v as ProjectKind),
        })}
        ${selectField({
          id: 'project-territory',
          label: t('projectForm.territory'),
          hint: t('projectForm.territoryHint'),
          errors: form.errorsOf('territoryId'),
          options: territories.map((c) => ({ value: c.id, label: c.label })),
          value: draft.territoryId,
          onChange: (v) => chooseTerritory(draft, v),
        })}
        <div class="inline-form">
          ${text('startDate', 'project-start', t('projectForm.startDate'), 'date')}
          ${text('endDate', 'project-end', t('projectForm.endDate'), 'date')}
        </div>
        ${checkboxes({
          id: 'challenge',
          legend: t('projectForm.challenges'),
          items: (challenges.data ?? []).map((c) => ({
            value: c.id,
            label: html`${c.title} <span class="muted">(${c.territoryName ?? ''})</span>`,
          })),
          checked: (id) => draft.challengeIds.has(id),
          onToggle: (id, on) => (on ? draft.challengeIds.add(id) : draft.challengeIds.delete(id)),
          errors: form.errorsOf('challengeIds'),
          empty:
            challenges.state.status === 'failed'
              ? problemAlert(challenges.state.error)
              : html`<p class="hint">${t('projectForm.noChallenges')}</p>`,
        })}
        <fieldset class="choices">
          <legend>${t('projectForm.needs')}</legend>
          <p class="hint">${t('projectForm.needsHint')}</p>
          ${approved ? html`<p class="hint" role="note">${t('projectForm.approvalNotice')}</p>` : nothing}
          ${form.errorsOf('needs') ? html`<p class="field-error">${form.errorsOf('needs')!.join(' ')}</p>` : nothing}
          ${needs.view(draft.needs, form.errorsOf)}
        </fieldset>
        <div class="actions">
          ${form.button(projectId ? t('common.save') : t('projectForm.create'))}
          <a class="button" href=${projectId ? `/projects/${encodeURIComponent(projectId)}` : '/projects'}>${t('common.cancel')}</a>
        </div>`,
    )}`;
  }

  function chooseTerritory(draft: Draft, next: string): void {
    draft.territoryId = next;
    territoryId = next;
    // Challenges are those the new territory sees: the ones chosen for the old one may not be.
    draft.challengeIds.clear();
    void challenges.reload();
  }

  /** The gateway's field errors, a need's on its row (`needs.0.neededMinutes`). */
  function fieldErrors(error: unknown): FormErrors {
    const draft = data.data?.draft;
    const needFields = (draft?.needs ?? []).flatMap((_, i) => NEED_FIELDS.map((f) => `needs.${i}.${f}`));
    return formErrorsFrom(error, [...FIELDS, ...needFields]);
  }

  async function save(draft: Draft, version: number | null): Promise<void> {
    const refused = validate(draft);
    if (Object.keys(refused).length) throw invalid(refused);
    const body: ProjectInput = {
      territoryId: draft.territoryId,
      title: draft.title.trim(),
      description: draft.description.trim(),
      kind: draft.kind,
      challengeIds: [...draft.challengeIds],
      startDate: draft.startDate,
      endDate: draft.endDate,
      needs: draft.needs.map((n) => ({
        ...(n.id ? { id: n.id } : {}),
        skillId: n.skillId,
        neededMinutes: minutesOf(n.hours)!,
        startDate: n.startDate || null,
        endDate: n.endDate || null,
      })),
    };
    const saved = projectId ? await updateProject(projectId, version!, body) : await createProject(body);
    navigate(`/projects/${encodeURIComponent(saved.id)}`);
  }

  return page;
};

function validate(draft: Draft): FormErrors['fields'] {
  const fields: FormErrors['fields'] = {};
  if (!draft.title.trim()) fields.title = [t('projectForm.titleRequired')];
  if (!draft.startDate) fields.startDate = [t('projectForm.dateRequired')];
  if (!draft.endDate) fields.endDate = [t('projectForm.dateRequired')];
  draft.needs.forEach((need, i) => {
    if (!need.skillId) fields[`needs.${i}.skillId`] = [t('projectForm.skillRequired')];
    if (minutesOf(need.hours) === null) fields[`needs.${i}.neededMinutes`] = [t('projectForm.hoursRequired')];
  });
  return fields;
}
