// A merchant's payment request, as the person who scanned or opened it sees it: who asks (the
// merchant's legal identifier and the mark of its verification by Engagement 21, so that a namesake
// is told apart), how much, for what, until when; and the one button that pays it from their wallet.
import './currency.css';
import { html, type TemplateResult } from 'lit-html';
import { formatDate, formatDateTime, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { getPaymentRequest, payPaymentRequest, type PaymentRequest } from '../../services/currency';
import { statusLine } from '../../ui/feedback';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { money, requestStatusLabel } from './labels';

/** When Engagement 21 verified the merchant, or that it did not. */
function verifiedOn(r: PaymentRequest): string {
  const { verified, verifiedAt } = r.merchant;
  return verified && verifiedAt ? t('pay.verifiedOn', { date: formatDate(verifiedAt) }) : t('pay.notVerifiedShort');
}

export const payRequestPage: PageFactory = ({ params, update }) => {
  const request = resource(() => getPaymentRequest(params.id!), update);
  const status = statusLine();
  // Refused (paid meanwhile, expired): the request is read again to show where it stands.
  const paying = submission(update, { status, onFailure: () => request.reload() });

  const page: Page = {
    title: () => t('pay.title'),
    load: (signal) => request.load(signal),
    view: () => html`
      ${status.view()} ${paying.alert()}
      ${request.view(
        (r) => html`
          <dl class="details" aria-label=${t('pay.details')}>
            <dt>${t('pay.merchant')}</dt>
            <dd>
              ${r.organizationName}
              ${r.merchant.verified ? html`<span class="tag verified" data-testid="merchant-verified">${t('pay.verifiedMark')}</span>` : ''}
            </dd>
            <dt>${t('pay.legalId')}</dt>
            <dd data-testid="merchant-legal-id">${r.merchant.legalId ?? '—'}</dd>
            <dt>${t('pay.verification')}</dt>
            <dd>${verifiedOn(r)}</dd>
            <dt>${t('pay.amount')}</dt>
            <dd class="amount" data-testid="request-amount">${money(r.amountMinor, r)}</dd>
            <dt>${t('pay.reference')}</dt>
            <dd>${r.reference || '—'}</dd>
            <dt>${t('pay.expires')}</dt>
            <dd>${formatDateTime(r.expiresAt)}</dd>
            <dt>${t('pay.status')}</dt>
            <dd data-testid="request-status">${requestStatusLabel(r.status)}</dd>
          </dl>
          ${action(r)}
          <p><a href="/wallet">${t('pay.backToWallet')}</a></p>
        `,
      )}
    `,
  };

  function action(r: PaymentRequest): TemplateResult {
    if (r.status === 'paid') return html`<p class="notice">${t('pay.alreadyPaid')}</p>`;
    if (r.status === 'expired') return html`<p class="notice">${t('pay.expired')}</p>`;
    if (!r.merchant.verified) return html`<p class="notice" role="alert">${t('pay.notVerified')}</p>`;
    // A request is paid at most once, whoever retries: it needs no key of its own.
    const pay = async () => {
      request.set(await payPaymentRequest(r.id));
      status.say('pay.paid', { amount: money(r.amountMinor, r), merchant: r.organizationName });
    };
    return html`<p>${paying.action(t('pay.confirm', { amount: money(r.amountMinor, r) }), pay, { kind: 'primary' })}</p>`;
  }

  return page;
};
