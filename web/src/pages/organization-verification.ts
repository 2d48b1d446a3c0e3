// Whether an organization is verified by Engagement 21 (the payers' guarantee that a merchant is who
// it says), and for officers the decision: verify it, or revoke the verification saying why.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../api';
import { formatDate, t } from '../i18n';
import { revokeVerification, verifyOrganization, type Organization } from '../services/identity';
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../ui/forms';

const REASON_MAX_LENGTH = 500;

/** The verification line of an organization's details. */
export function verificationStatus(organization: Organization): TemplateResult {
  const { status, decidedAt, decidedByName, revocationReason } = organization.verification;
  const date = decidedAt ? formatDate(decidedAt) : '';
  const text =
    status === 'verified' ? t('organization.verified', { date }) : status === 'revoked' ? t('organization.verificationRevoked', { date }) : t('organization.unverified');
  return html`<span class="tag verification-${status}" data-testid="verification-status">${text}</span>
    ${decidedByName ? html` <span class="muted">${t('organization.decidedBy', { name: decidedByName })}</span>` : nothing}
    ${revocationReason ? html`<span class="block muted">${t('organization.revocationReason', { reason: revocationReason })}</span>` : nothing}`;
}

export interface VerificationControls {
  view(organization: Organization): TemplateResult;
}

/** The officer's controls; `changed` receives the organization as decided. */
export function verificationControls(update: () => void, changed: (organization: Organization) => void): VerificationControls {
  let revoking = false;
  let reason = '';
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let busy = false;

  async function decide(organization: Organization, decision: 'verify' | 'revoke'): Promise<void> {
    if (busy) return;
    problem = null;
    message = null;
    errors = noErrors;
    if (decision === 'revoke' && !reason.trim()) {
      errors = { fields: { reason: [t('organization.reasonRequired')] }, unattached: [] };
      update();
      focusLater('#revocation-reason');
      return;
    }
    busy = true;
    update();
    try {
      const decided = decision === 'verify' ? await verifyOrganization(organization.id) : await revokeVerification(organization.id, reason.trim());
      message = { key: decision === 'verify' ? 'organization.verifiedNow' : 'organization.verificationRevokedNow', params: { name: organization.name } };
      revoking = false;
      reason = '';
      changed(decided);
      focusLater('#verification-heading');
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['reason']);
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  function revocationForm(organization: Organization): TemplateResult {
    return html`<form class="stack" aria-label=${t('organization.revokeVerification')} novalidate @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      void decide(organization, 'revoke');
    }}>
      ${field({ id: 'revocation-reason', label: t('organization.revocationReasonLabel'), errors: errors.fields.reason }, (a) =>
        html`<textarea id=${a.id} rows="2" maxlength=${REASON_MAX_LENGTH} .value=${reason} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @input=${(e: Event) => (reason = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      )}
      <div class="actions">
        <button type="submit" class="danger" aria-disabled=${busy ? 'true' : 'false'}>${t('organization.confirmRevocation')}</button>
        <button type="button" @click=${() => {
          revoking = false;
          update();
        }}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  return {
    view: (organization) => html`<section aria-labelledby="verification-heading">
      <h2 id="verification-heading" tabindex="-1">${t('organization.verification')}</h2>
      ${statusRegion(message)} ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${organization.verification.status === 'verified'
        ? revoking
          ? revocationForm(organization)
          : html`<p><button type="button" @click=${() => {
              revoking = true;
              update();
              focusLater('#revocation-reason');
            }}>${t('organization.revokeVerification')}</button></p>`
        : html`<p class="hint">${t('organization.verifyHint')}</p>
            <p><button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => decide(organization, 'verify')}>${t('organization.verify')}</button></p>`}
    </section>`,
  };
}
