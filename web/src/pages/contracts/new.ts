// Proposing a SAR contract: for oneself, or, as an HR manager, for an employee of one's organization.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { t } from '../../i18n';
import { navigate, type Page, type PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listPersonCompetences, proposeContract } from '../../services/contracts';
import { listMembers, type Member } from '../../services/identity';
import { focusLater } from '../../ui/focus';
import { noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { draftFrom, termsErrorsFrom, termsForm, termsFromDraft } from '../../ui/terms-form';
import { managedOrganizations } from './managed';

export const newContractPage: PageFactory = ({ update }) => {
  let ready: Loadable<true> = loading;
  /** Whom the contract is for: the person themselves, or an employee of an organization they manage. */
  let forPersonId = '';
  let forOrganization: string | null = null;
  let members: Loadable<Member[]> | null = null;
  let competences: Loadable<{ skillId: string; label: string }[]> = loading;
  let draft = draftFrom(undefined);
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let saving = false;
  // One key per proposal: a retried submission creates one contract, not two.
  let idempotencyKey = crypto.randomUUID();

  const page: Page = {
    title: () => t('contracts.newTitle'),

    async load(signal) {
      const next = await loadable(async () => {
        const me = await reloadMe();
        forPersonId ||= me.person.id;
        return true as const;
      });
      if (signal.aborted) return;
      ready = next;
      await loadCompetences();
    },

    view: () =>
      whenLoaded(ready, () => html`
        <p>${t('contracts.newIntro')}</p>
        ${whom()}
        ${whenLoaded(competences, (available) =>
          termsForm({
            id: 'new-terms',
            legend: t('contracts.newTitle'),
            draft,
            competences: available,
            errors,
            problem,
            submitLabel: t('contracts.submitProposal'),
            busy: saving,
            onSubmit: submit,
            update,
          }),
        )}
      `),
  };

  function whom(): TemplateResult {
    const me = session().me;
    const organizations = managedOrganizations(me);
    if (!me || organizations.length === 0) return html``;
    return html`<form class="stack" aria-label=${t('contracts.forWhom')} @submit=${(e: Event) => e.preventDefault()}>
      <fieldset class="choices">
        <legend>${t('contracts.forWhom')}</legend>
        <div class="choice">
          <input type="radio" name="for-whom" id="for-me" .checked=${forOrganization === null} @change=${() => choosePerson(me.person.id)} />
          <label for="for-me">${t('contracts.forMyself')}</label>
        </div>
        ${organizations.map(
          (o, i) => html`<div class="choice">
            <input type="radio" name="for-whom" id=${`for-org-${i}`} .checked=${forOrganization === o.organizationId}
              @change=${() => void loadMembers(o.organizationId)} />
            <label for=${`for-org-${i}`}>${t('contracts.forEmployeeOf', { organization: o.organizationName })}</label>
          </div>`,
        )}
      </fieldset>
      ${members
        ? whenLoaded(members, (list) => html`<div class="field">
            <label for="for-employee">${t('contracts.employee')}</label>
            <select id="for-employee" @change=${(e: Event) => choosePerson((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${forPersonId === me.person.id}>—</option>
              ${list.filter((m) => m.personId !== me.person.id).map((m) => html`<option value=${m.personId} ?selected=${m.personId === forPersonId}>${m.personName}</option>`)}
            </select>
          </div>`)
        : nothing}
    </form>`;
  }

  async function loadMembers(organizationId: string): Promise<void> {
    forOrganization = organizationId;
    members = loading;
    update();
    members = await loadable(async () => (await listMembers(organizationId)).items);
    update();
  }

  function choosePerson(personId: string): void {
    if (!personId) return;
    forPersonId = personId;
    if (personId === session().me?.person.id) {
      members = null;
      forOrganization = null;
    }
    draft = { ...draft, competences: [] };
    idempotencyKey = crypto.randomUUID();
    void loadCompetences();
  }

  async function loadCompetences(): Promise<void> {
    competences = loading;
    update();
    const me = session().me;
    competences = await loadable(async () =>
      me && forPersonId === me.person.id ? me.competences.map((c) => ({ skillId: c.skillId, label: c.label })) : (await listPersonCompetences(forPersonId)).items,
    );
    update();
  }

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const result = termsFromDraft(draft);
    problem = null;
    if ('errors' in result) {
      errors = result.errors;
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    errors = noErrors;
    saving = true;
    update();
    try {
      const detail = await proposeContract({ personId: forPersonId, terms: result.terms, comment: draft.comment.trim() || undefined }, idempotencyKey);
      navigate(`/contracts/${encodeURIComponent(detail.contract.id)}`);
      return;
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = termsErrorsFrom(error);
      problem = error;
    } finally {
      saving = false;
    }
    update();
  }

  return page;
};
