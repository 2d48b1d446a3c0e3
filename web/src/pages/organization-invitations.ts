// The organization page's invitations, for its HR managers and admins: invite an address (the person
// joins by accepting), and the invitations still waiting, which can be withdrawn. What is shown is
// only what was typed: whether someone has the address, or declined, is never told.
import { html, type TemplateResult } from 'lit-html';
import { formatDate, t } from '../i18n';
import { inviteMember, listInvitations, revokeInvitation, type Invitation, type MembershipRole } from '../services/identity';
import type { Component, Update } from '../ui/component';
import { statusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { inputField, selectField, withName } from '../ui/forms';
import { resource } from '../ui/resource';
import { invalid, submission } from '../ui/submit';
import { actionsColumn, dataTable } from '../ui/table';

const EMAIL_MAX_LENGTH = 254;
const REFERENCE_MAX_LENGTH = 64;

export interface OrganizationInvitations extends Component<[roles: readonly MembershipRole[]]> {
  load(signal: AbortSignal): Promise<void>;
}

/** `roles` of the view: what the viewer may invite to (an HR manager invites members; an admin any role). */
export function organizationInvitations(organizationId: string, update: Update): OrganizationInvitations {
  const pending = resource(async () => (await listInvitations(organizationId, 'pending')).items, update);
  let draft = { email: '', role: 'member' as MembershipRole, employeeReference: '' };
  const status = statusLine();
  const inviting = submission(update, { fields: ['email', 'role', 'employeeReference'], status });
  const revoking = submission(update, { status });

  async function invite(): Promise<void> {
    const email = draft.email.trim();
    if (!email) throw invalid({ email: [t('organization.emailRequired')] });
    const sent = await inviteMember(organizationId, { email, role: draft.role, employeeReference: draft.employeeReference.trim() });
    status.say('organization.invited', { email: sent.email });
    draft = { email: '', role: draft.role, employeeReference: '' };
    await pending.reload();
    focusLater('#invite-email');
  }

  const revoke = (invitation: Invitation) => async () => {
    await revokeInvitation(organizationId, invitation.id);
    status.say('organization.revoked', { email: invitation.email });
    await pending.reload();
    focusLater('#invitations-heading');
  };

  function form(roles: readonly MembershipRole[]): TemplateResult {
    return inviting.form(
      { label: t('organization.invite'), send: invite },
      html`${inputField({
          id: 'invite-email',
          label: t('organization.inviteEmail'),
          type: 'email',
          autocomplete: 'off',
          required: true,
          maxlength: EMAIL_MAX_LENGTH,
          errors: inviting.errorsOf('email'),
          value: draft.email,
          onInput: (v) => (draft.email = v),
        })}
        ${selectField({
          id: 'invite-role',
          label: t('organization.inviteRole'),
          errors: inviting.errorsOf('role'),
          options: roles.map((role) => ({ value: role, label: t(`membershipRole.${role}`) })),
          value: draft.role,
          onChange: (v) => (draft.role = v as MembershipRole),
        })}
        ${inputField({
          id: 'invite-reference',
          label: t('organization.inviteReference'),
          maxlength: REFERENCE_MAX_LENGTH,
          errors: inviting.errorsOf('employeeReference'),
          value: draft.employeeReference,
          onInput: (v) => (draft.employeeReference = v),
        })}
        <div class="actions">${inviting.button(t('organization.invite'))}</div>`,
    );
  }

  function list(invitations: Invitation[]): TemplateResult {
    if (!invitations.length) return html`<p class="muted">${t('organization.noInvitations')}</p>`;
    return dataTable({
      label: t('organization.pendingInvitations'),
      columns: [
        t('organization.invitedEmail'),
        t('organization.memberRole'),
        t('organization.employeeReference'),
        t('organization.invitedBy'),
        t('organization.expiresOn'),
        actionsColumn(),
      ],
      rows: invitations.map(
        (invitation) =>
          html`<tr data-invitation=${invitation.id}>
            <th scope="row">${invitation.email}</th>
            <td>${t(`membershipRole.${invitation.role}`)}</td>
            <td>${invitation.employeeReference}</td>
            <td>${invitation.invitedByName}, ${formatDate(invitation.invitedAt)}</td>
            <td>${formatDate(invitation.expiresAt)}</td>
            <td>${revoking.action(withName(t('organization.revoke'), invitation.email), revoke(invitation))}</td>
          </tr>`,
      ),
    });
  }

  return {
    load: (signal) => pending.load(signal),
    view: (roles) =>
      html`<section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" tabindex="-1">${t('organization.invitations')}</h2>
        <p>${t('organization.invitationsIntro')}</p>
        ${status.view()} ${form(roles)}
        <h3>${t('organization.pendingInvitations')}</h3>
        ${revoking.alert()} ${pending.view(list)}
      </section>`,
  };
}
