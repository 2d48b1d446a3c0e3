// The organization page's invitations, for its HR managers and admins: invite an address (the person
// joins by accepting), and the invitations still waiting, which can be withdrawn. What is shown is
// only what was typed: whether someone has the address, or declined, is never told.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../api';
import { formatDate, t } from '../i18n';
import { inviteMember, listInvitations, revokeInvitation, type Invitation, type MembershipRole } from '../services/identity';
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../ui/forms';
import { loadable, whenLoaded, type Loadable } from '../ui/loadable';

const EMAIL_MAX_LENGTH = 254;
const REFERENCE_MAX_LENGTH = 64;

export interface OrganizationInvitations {
  load(signal: AbortSignal): Promise<void>;
  /** `roles`: what the viewer may invite to (an HR manager invites members; an admin any role). */
  view(roles: readonly MembershipRole[]): TemplateResult;
}

export function organizationInvitations(organizationId: string, update: () => void): OrganizationInvitations {
  let state: Loadable<Invitation[]> | null = null;
  let draft = { email: '', role: 'member' as MembershipRole, employeeReference: '' };
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let busy = false;

  const pending = async () => (await listInvitations(organizationId, 'pending')).items;

  async function invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const email = draft.email.trim();
    problem = null;
    message = null;
    errors = email ? noErrors : { fields: { email: [t('organization.emailRequired')] }, unattached: [] };
    if (!email) {
      update();
      focusLater('#invite-email');
      return;
    }
    busy = true;
    update();
    try {
      const sent = await inviteMember(organizationId, { email, role: draft.role, employeeReference: draft.employeeReference.trim() });
      message = { key: 'organization.invited', params: { email: sent.email } };
      draft = { email: '', role: draft.role, employeeReference: '' };
      state = await loadable(pending);
      focusLater('#invite-email');
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['email', 'role', 'employeeReference']);
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  async function revoke(invitation: Invitation): Promise<void> {
    if (busy) return;
    busy = true;
    problem = null;
    message = null;
    update();
    try {
      await revokeInvitation(organizationId, invitation.id);
      message = { key: 'organization.revoked', params: { email: invitation.email } };
      state = await loadable(pending);
      focusLater('#invitations-heading');
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  function form(roles: readonly MembershipRole[]): TemplateResult {
    return html`<form class="stack" aria-label=${t('organization.invite')} novalidate @submit=${invite}>
      ${field({ id: 'invite-email', label: t('organization.inviteEmail'), errors: errors.fields.email }, (a) =>
        html`<input id=${a.id} type="email" autocomplete="off" required maxlength=${EMAIL_MAX_LENGTH} .value=${draft.email}
          aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @input=${(e: Event) => (draft = { ...draft, email: (e.target as HTMLInputElement).value })} />`,
      )}
      ${field({ id: 'invite-role', label: t('organization.inviteRole'), errors: errors.fields.role }, (a) =>
        html`<select id=${a.id} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @change=${(e: Event) => (draft = { ...draft, role: (e.target as HTMLSelectElement).value as MembershipRole })}>
          ${roles.map((role) => html`<option value=${role} ?selected=${role === draft.role}>${t(`membershipRole.${role}`)}</option>`)}
        </select>`,
      )}
      ${field({ id: 'invite-reference', label: t('organization.inviteReference'), errors: errors.fields.employeeReference }, (a) =>
        html`<input id=${a.id} type="text" maxlength=${REFERENCE_MAX_LENGTH} .value=${draft.employeeReference}
          aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @input=${(e: Event) => (draft = { ...draft, employeeReference: (e.target as HTMLInputElement).value })} />`,
      )}
      <div class="actions"><button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t('organization.invite')}</button></div>
    </form>`;
  }

  function list(invitations: Invitation[]): TemplateResult {
    if (!invitations.length) return html`<p class="muted">${t('organization.noInvitations')}</p>`;
    return html`<div class="table-wrap">
      <table aria-label=${t('organization.pendingInvitations')}>
        <thead>
          <tr>
            <th scope="col">${t('organization.invitedEmail')}</th>
            <th scope="col">${t('organization.memberRole')}</th>
            <th scope="col">${t('organization.employeeReference')}</th>
            <th scope="col">${t('organization.invitedBy')}</th>
            <th scope="col">${t('organization.expiresOn')}</th>
            <th scope="col"><span class="visually-hidden">${t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${invitations.map(
            (invitation) => html`<tr data-invitation=${invitation.id}>
              <th scope="row">${invitation.email}</th>
              <td>${t(`membershipRole.${invitation.role}`)}</td>
              <td>${invitation.employeeReference}</td>
              <td>${invitation.invitedByName}, ${formatDate(invitation.invitedAt)}</td>
              <td>${formatDate(invitation.expiresAt)}</td>
              <td>
                <button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => revoke(invitation)}>
                  ${t('organization.revoke')}<span class="visually-hidden"> ${invitation.email}</span>
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  return {
    async load(signal) {
      const next = await loadable(pending);
      if (!signal.aborted) state = next;
    },

    view: (roles) => html`<section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" tabindex="-1">${t('organization.invitations')}</h2>
      <p>${t('organization.invitationsIntro')}</p>
      ${statusRegion(message)} ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${form(roles)}
      <h3>${t('organization.pendingInvitations')}</h3>
      ${state ? whenLoaded(state, list) : nothing}
    </section>`,
  };
}
