// Whether an organization is verified by Engagement 21 (the payers' guarantee that a merchant is who
// it says), and for officers the decision: verify it, or revoke the verification saying why.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, t } from '../i18n';
import { revokeVerification, verifyOrganization, type Organization } from '../services/identity';
import type { Component, Update } from '../ui/component';
import { statusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { textareaField } from '../ui/forms';
import { invalid, submission } from '../ui/submit';

const REASON_MAX_LENGTH = 500;

/** The verification line of an organization's details. */
export function verificationStatus(organization: Organization): TemplateResult {
  const { status, decidedAt, decidedByName, revocationReason } = organization.verification;
  const date = decidedAt ? formatDate(decidedAt) : '';
  const text =
    status === 'verified'
      ? t('organization.verified', { date })
      : status === 'revoked'
        ? t('organization.verificationRevoked', { date })
        : t('organization.unverified');
  return html`<span class="tag verification-${status}" data-testid="verification-status">${text}</span>
    ${decidedByName ? html` <span class="muted">${t('organization.decidedBy', { name: decidedByName })}</span>` : nothing}
    ${
      revocationReason
        ? html`<span class="block muted">${t('organization.revocationReason', { reason: revocationReason })}</span>`
        : nothing
    }`;
}

/** The officer's controls; `changed` receives the organization as decided. */
export function verificationControls(
  update: Update,
  changed: (organization: Organization) => void,
): Component<[organization: Organization]> {
  let revoking = false;
  let reason = '';
  const status = statusLine();
  const deciding = submission(update, { fields: ['reason'], status });

  const decide = (organization: Organization, decision: 'verify' | 'revoke') => async () => {
    if (decision === 'revoke' && !reason.trim()) throw invalid({ reason: [t('organization.reasonRequired')] });
    const decided =
      decision === 'verify' ? await verifyOrganization(organization.id) : await revokeVerification(organization.id, reason.trim());
    status.say(decision === 'verify' ? 'organization.verifiedNow' : 'organization.verificationRevokedNow', { name: organization.name });
    revoking = false;
    reason = '';
    changed(decided);
    focusLater('#verification-heading');
  };

  function openRevocation(open: boolean): void {
    revoking = open;
    deciding.reset();
    update();
    if (open) focusLater('#revocation-reason');
  }

  function revocationForm(organization: Organization): TemplateResult {
    return deciding.form(
      { label: t('organization.revokeVerification'), send: decide(organization, 'revoke') },
      html`${textareaField({
        id: 'revocation-reason',
        label: t('organization.revocationReasonLabel'),
        rows: 2,
        maxlength: REASON_MAX_LENGTH,
        errors: deciding.errorsOf('reason'),
        value: reason,
        onInput: (v) => (reason = v),
      })}
      ${deciding.actions(t('organization.confirmRevocation'), { kind: 'danger', cancel: () => openRevocation(false) })}`,
    );
  }

  return {
    view: (organization) =>
      html`<section aria-labelledby="verification-heading">
        <h2 id="verification-heading" tabindex="-1">${t('organization.verification')}</h2>
        ${status.view()}
        ${
          organization.verification.status === 'verified'
            ? revoking
              ? revocationForm(organization)
              : html`${deciding.alert()}
                  <p><button type="button" @click=${() => openRevocation(true)}>${t('organization.revokeVerification')}</button></p>`
            : html`${deciding.alert()}
                <p class="hint">${t('organization.verifyHint')}</p>
                <p>${deciding.action(t('organization.verify'), decide(organization, 'verify'), { kind: 'primary' })}</p>`
        }
      </section>`,
  };
}
