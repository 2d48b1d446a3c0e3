// A merchant's payment request, as the person who scanned or opened it sees it: who asks (the
// merchant's legal identifier and the mark of its verification by Engagement 21, so that a namesake
// is told apart), how much, for what, until when; and the one button that pays it from their wallet.
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { formatDate, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { getPaymentRequest, payPaymentRequest, type PaymentRequest } from '../../services/currency';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { money, requestStatusLabel, when } from './labels';

export const payRequestPage: PageFactory = ({ params, update }) => {
  let state: Loadable<PaymentRequest> = loading;
  let problem: unknown = null;
  let message: Message | null = null;
  let paying = false;

  const page: Page = {
    title: () => t('pay.title'),

    async load(signal) {
      const next = await loadable(() => getPaymentRequest(params.id!));
      if (!signal.aborted) state = next;
    },

    view: () => html`
      ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
      ${whenLoaded(state, (request) => html`
        <dl class="details" aria-label=${t('pay.details')}>
          <dt>${t('pay.merchant')}</dt>
          <dd>
            ${request.organizationName}
            ${request.merchant.verified ? html`<span class="tag verified" data-testid="merchant-verified">${t('pay.verifiedMark')}</span>` : nothing}
          </dd>
          <dt>${t('pay.legalId')}</dt>
          <dd data-testid="merchant-legal-id">${request.merchant.legalId ?? '—'}</dd>
          <dt>${t('pay.verification')}</dt>
          <dd>${request.merchant.verified && request.merchant.verifiedAt ? t('pay.verifiedOn', { date: formatDate(request.merchant.verifiedAt) }) : t('pay.notVerifiedShort')}</dd>
          <dt>${t('pay.amount')}</dt>
          <dd class="amount" data-testid="request-amount">${money(request.amountMinor, request)}</dd>
          <dt>${t('pay.reference')}</dt>
          <dd>${request.reference || '—'}</dd>
          <dt>${t('pay.expires')}</dt>
          <dd>${when(request.expiresAt)}</dd>
          <dt>${t('pay.status')}</dt>
          <dd data-testid="request-status">${requestStatusLabel(request.status)}</dd>
        </dl>
        ${action(request)}
        <p><a href="/wallet">${t('pay.backToWallet')}</a></p>
      `)}
    `,
  };

  function action(request: PaymentRequest): TemplateResult {
    if (request.status === 'paid') return html`<p class="notice">${t('pay.alreadyPaid')}</p>`;
    if (request.status === 'expired') return html`<p class="notice">${t('pay.expired')}</p>`;
    if (!request.merchant.verified) return html`<p class="notice" role="alert">${t('pay.notVerified')}</p>`;
    return html`<p>
      <button type="button" class="primary" aria-disabled=${paying ? 'true' : 'false'} @click=${() => confirm(request)}>${t('pay.confirm', { amount: money(request.amountMinor, request) })}</button>
    </p>`;
  }

  async function confirm(request: PaymentRequest): Promise<void> {
    if (paying) return;
    paying = true;
    problem = null;
    update();
    try {
      state = { status: 'ready', data: await payPaymentRequest(request.id) };
      message = { key: 'pay.paid', params: { amount: money(request.amountMinor, request), merchant: request.organizationName } };
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
      state = await loadable(() => getPaymentRequest(request.id));
    } finally {
      paying = false;
      update();
    }
  }

  return page;
};
