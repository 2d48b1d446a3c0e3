// Proposing a SAR contract: for oneself, or, as an HR manager, for an employee of one's organization.
import './contracts.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { t } from '../../i18n';
import { navigate, type Page, type PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { listPersonCompetences, proposeContract } from '../../services/contracts';
import { listMembers } from '../../services/identity';
import { choiceForm, radios, selectField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { draftFrom, termsErrorsFrom, termsForm, termsFromDraft } from '../../ui/terms-form';
import { managedOrganizations } from './managed';

export const newContractPage: PageFactory = ({ update }) => {
  /** Whom the contract is for: the person themselves, or an employee of an organization they manage. */
  let forPersonId = '';
  let forOrganization: string | null = null;
  let draft = draftFrom(undefined);
  const me = resource(reloadMe, update);
  const members = resource(async () => (forOrganization ? (await listMembers(forOrganization)).items : []), update);
  const competences = resource(async () => {
    const own = session().me;
    return own && forPersonId === own.person.id
      ? own.competences.map((c) => ({ skillId: c.skillId, label: c.label }))
      : (await listPersonCompetences(forPersonId)).items;
  }, update);
  // One key per proposal: a retried submission creates one contract, not two.
  const form = submission(update, { fields: termsErrorsFrom });

  const page: Page = {
    title: () => t('contracts.newTitle'),

    async load(signal) {
      await me.load(signal);
      forPersonId ||= me.data?.person.id ?? '';
      if (forPersonId) await competences.load(signal);
    },

    view: () =>
      me.view(
        () => html`
          <p>${t('contracts.newIntro')}</p>
          ${whom()}
          ${competences.view((available) =>
            termsForm({
              id: 'new-terms',
              legend: t('contracts.newTitle'),
              draft,
              competences: available,
              form,
              send: propose,
              submitLabel: t('contracts.submitProposal'),
              update,
            }),
          )}
        `,
      ),
  };

  function whom(): TemplateResult {
    const own = session().me;
    const organizations = managedOrganizations(own);
    if (!own || organizations.length === 0) return html``;
    return choiceForm(
      { label: t('contracts.forWhom'), className: 'stack' },
      html`${radios({
        name: 'for-whom',
        legend: t('contracts.forWhom'),
        items: [
          { value: '', label: t('contracts.forMyself') },
          ...organizations.map((o) => ({
            value: o.organizationId,
            label: t('contracts.forEmployeeOf', { organization: o.organizationName }),
          })),
        ],
        value: forOrganization ?? '',
        onChoose: (organizationId) => (organizationId ? chooseOrganization(organizationId) : choosePerson(own.person.id)),
      })}
      ${
        forOrganization
          ? members.view((list) =>
              selectField({
                id: 'for-employee',
                label: t('contracts.employee'),
                options: [
                  { value: '', label: '—' },
                  ...list.filter((m) => m.personId !== own.person.id).map((m) => ({ value: m.personId, label: m.personName })),
                ],
                value: forPersonId === own.person.id ? '' : forPersonId,
                onChange: choosePerson,
              }),
            )
          : nothing
      }`,
    );
  }

  function chooseOrganization(organizationId: string): void {
    forOrganization = organizationId;
    void members.reload({ fresh: true });
  }

  function choosePerson(personId: string): void {
    if (!personId) return;
    forPersonId = personId;
    if (personId === session().me?.person.id) forOrganization = null;
    // Another person: another draft, and a new key for it.
    draft = { ...draft, competences: [] };
    form.reset();
    void competences.reload({ fresh: true });
  }

  async function propose(key: string): Promise<void> {
    const terms = termsFromDraft(draft);
    const detail = await proposeContract({ personId: forPersonId, terms, comment: draft.comment.trim() || undefined }, key);
    navigate(`/contracts/${encodeURIComponent(detail.contract.id)}`);
  }

  return page;
};
