// Counter-proposing the terms under negotiation, or amending signed ones: the terms form, started
// from the latest version, offering the competences of the person's profile.
import { html, type TemplateResult } from 'lit-html';
import { t } from '../../i18n';
import { session } from '../../session';
import { listPersonCompetences, proposeTerms, type ContractDetail, type Party, type Terms } from '../../services/contracts';
import type { Component } from '../../ui/component';
import { focusLater } from '../../ui/focus';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { draftFrom, termsErrorsFrom, termsForm, termsFromDraft, type TermsDraft } from '../../ui/terms-form';
import type { ContractContext } from './contract';

export interface TermsEditor extends Component<[detail: ContractDetail]> {
  open(detail: ContractDetail): void;
}

export function termsEditor(context: ContractContext, party: (detail: ContractDetail) => Party | undefined): TermsEditor {
  const { update } = context;
  let draft: TermsDraft | null = null;
  /** Whose profile is offered, and the competences the latest version already agreed. */
  let offered: { personId: string; agreed: Terms['competences'] } = { personId: '', agreed: [] };
  const competences = resource(async () => {
    const me = session().me;
    const profile = me && offered.personId === me.person.id ? me.competences : (await listPersonCompetences(offered.personId)).items;
    const known = new Set(profile.map((c) => c.skillId));
    // Competences already agreed stay offered even if the profile can no longer be read.
    return [...profile.map((c) => ({ skillId: c.skillId, label: c.label })), ...offered.agreed.filter((c) => !known.has(c.skillId))];
  }, update);
  const form = submission(update, {
    fields: termsErrorsFrom,
    stale: { title: 'contracts.staleTitle', detail: 'contracts.stale' },
    status: context.status,
  });

  function close(): void {
    draft = null;
    update();
    focusLater('#actions-heading');
  }

  async function propose(detail: ContractDetail, sent: TermsDraft): Promise<void> {
    const terms = termsFromDraft(sent);
    const body = { terms, comment: sent.comment.trim() || undefined, party: party(detail) };
    context.show(await proposeTerms(context.contractId, detail.contract.latestVersion, body));
    context.status.say('contracts.proposed');
    draft = null;
    focusLater('#actions-heading');
  }

  function view(detail: ContractDetail): TemplateResult {
    const editing = draft;
    if (!editing) return html``;
    const amendment = !detail.contract.pendingVersion;
    const heading = t(amendment ? 'contracts.amendHeading' : 'contracts.counterHeading');
    return html`<section aria-labelledby="terms-editor-heading">
      <h2 id="terms-editor-heading" tabindex="-1">${heading}</h2>
      ${competences.view((available) =>
        termsForm({
          id: 'edit-terms',
          legend: heading,
          draft: editing,
          competences: available,
          form,
          send: () => propose(detail, editing),
          submitLabel: t(amendment ? 'contracts.submitAmendment' : 'contracts.submitCounter'),
          onCancel: close,
          update,
        }),
      )}
    </section>`;
  }

  return {
    view,
    open(detail) {
      const latest = detail.versions[detail.versions.length - 1]!;
      draft = draftFrom(latest.terms);
      offered = { personId: detail.contract.personId, agreed: latest.terms.competences };
      form.reset();
      update();
      focusLater('#terms-editor-heading');
      void competences.reload({ fresh: true });
    },
  };
}
