// The invitations to join organizations that wait for the signed-in person, shown on their profile.
// Accepting makes them a member (the organization then sees their profile as an employer does);
// declining is private: the organization is not told and sees nothing of them.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, t } from '../i18n';
import { reloadMe } from '../session';
import { acceptInvitation, declineInvitation, listMyInvitations, type Invitation } from '../services/identity';
import type { Component, Update } from '../ui/component';
import { statusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { resource } from '../ui/resource';
import { submission } from '../ui/submit';
import { withName } from '../ui/forms';

export function invitationsSection(update: Update): Component & { load(signal: AbortSignal): Promise<void> } {
  const pending = resource(async () => (await listMyInvitations('pending')).items, update);
  const status = statusLine();
  const answering = submission(update, { status });

  const answer = (invitation: Invitation, choice: 'accept' | 'decline') => async () => {
    const organization = invitation.organizationName;
    if (choice === 'accept') {
      await acceptInvitation(invitation.id);
      status.say('invitations.accepted', { organization });
      await reloadMe(); // the new membership (and perhaps employer) shows on the profile
    } else {
      await declineInvitation(invitation.id);
      status.say('invitations.declined', { organization });
    }
    await pending.reload();
    focusLater('#profile-invitations-heading');
  };

  function item(invitation: Invitation): TemplateResult {
    const organization = invitation.organizationName;
    return html`<li class="invitation" data-invitation=${invitation.id}>
      <p>
        ${t('invitations.item', { inviter: invitation.invitedByName, organization, role: t(`membershipRole.${invitation.role}`) })}
        <span class="muted">(${t(`organizationKind.${invitation.organizationKind}`)})</span>
      </p>
      ${
        invitation.employeeReference
          ? html`<p class="muted">${t('invitations.reference', { reference: invitation.employeeReference })}</p>`
          : nothing
      }
      <p class="muted">${t('invitations.expires', { date: formatDate(invitation.expiresAt) })}</p>
      <div class="actions" role="group" aria-label=${organization}>
        ${answering.action(withName(t('invitations.accept'), organization, ' — '), answer(invitation, 'accept'), { kind: 'primary' })}
        ${answering.action(withName(t('invitations.decline'), organization, ' — '), answer(invitation, 'decline'))}
      </div>
    </li>`;
  }

  return {
    load: (signal) => pending.load(signal),

    // Shown only when something waits (or was just answered): most people have no invitation.
    view() {
      const waiting = pending.data ?? [];
      if (!waiting.length && !status.message && !answering.problem) return html``;
      return html`<section aria-labelledby="profile-invitations-heading">
        <h2 id="profile-invitations-heading" tabindex="-1">${t('invitations.heading')}</h2>
        ${status.view()} ${answering.alert()}
        ${
          waiting.length
            ? html`<p>${t('invitations.consent')}</p>
                <ul class="invitations">
                  ${waiting.map(item)}
                </ul>`
            : nothing
        }
      </section>`;
    },
  };
}
