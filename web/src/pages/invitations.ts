// The invitations to join organizations that wait for the signed-in person, shown on their profile.
// Accepting makes them a member (the organization then sees their profile as an employer does);
// declining is private: the organization is not told and sees nothing of them.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../api';
import { formatDate, t } from '../i18n';
import { reloadMe } from '../session';
import { acceptInvitation, declineInvitation, listMyInvitations, type Invitation } from '../services/identity';
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { loadable, type Loadable } from '../ui/loadable';

export interface InvitationsSection {
  load(signal: AbortSignal): Promise<void>;
  view(): TemplateResult;
}

export function invitationsSection(update: () => void): InvitationsSection {
  let state: Loadable<Invitation[]> | null = null;
  let message: Message | null = null;
  let problem: unknown = null;
  let busy = false;

  async function answer(invitation: Invitation, choice: 'accept' | 'decline'): Promise<void> {
    if (busy) return;
    busy = true;
    problem = null;
    message = null;
    update();
    try {
      if (choice === 'accept') {
        await acceptInvitation(invitation.id);
        message = { key: 'invitations.accepted', params: { organization: invitation.organizationName } };
        await reloadMe(); // the new membership (and perhaps employer) shows on the profile
      } else {
        await declineInvitation(invitation.id);
        message = { key: 'invitations.declined', params: { organization: invitation.organizationName } };
      }
      state = await loadable(async () => (await listMyInvitations('pending')).items);
      focusLater('#profile-invitations-heading');
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  function item(invitation: Invitation): TemplateResult {
    return html`<li class="invitation" data-invitation=${invitation.id}>
      <p>
        ${t('invitations.item', { inviter: invitation.invitedByName, organization: invitation.organizationName, role: t(`membershipRole.${invitation.role}`) })}
        <span class="muted">(${t(`organizationKind.${invitation.organizationKind}`)})</span>
      </p>
      ${invitation.employeeReference ? html`<p class="muted">${t('invitations.reference', { reference: invitation.employeeReference })}</p>` : nothing}
      <p class="muted">${t('invitations.expires', { date: formatDate(invitation.expiresAt) })}</p>
      <div class="actions" role="group" aria-label=${invitation.organizationName}>
        <button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => answer(invitation, 'accept')}>
          ${t('invitations.accept')}<span class="visually-hidden"> — ${invitation.organizationName}</span>
        </button>
        <button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => answer(invitation, 'decline')}>
          ${t('invitations.decline')}<span class="visually-hidden"> — ${invitation.organizationName}</span>
        </button>
      </div>
    </li>`;
  }

  return {
    async load(signal) {
      const next = await loadable(async () => (await listMyInvitations('pending')).items);
      if (!signal.aborted) state = next;
    },

    // Shown only when something waits (or was just answered): most people have no invitation.
    view() {
      const pending = state?.status === 'ready' ? state.data : [];
      if (!pending.length && !message && !problem) return html``;
      return html`<section aria-labelledby="profile-invitations-heading">
        <h2 id="profile-invitations-heading" tabindex="-1">${t('invitations.heading')}</h2>
        ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
        ${pending.length
          ? html`<p>${t('invitations.consent')}</p>
              <ul class="invitations">${pending.map(item)}</ul>`
          : nothing}
      </section>`;
    },
  };
}
