// The till's payment request: the form that asks for an amount, then the request shown as a QR code
// and watched until it is paid or expires, so that the merchant sees the payment arrive.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDateTime, t } from '../../i18n';
import {
  createPaymentRequest,
  getPaymentRequest,
  paymentRequestCodeSrc,
  type Currency,
  type PaymentRequest,
} from '../../services/currency';
import type { Component } from '../../ui/component';
import { focusLater } from '../../ui/focus';
import { inputField, selectField } from '../../ui/forms';
import { submission } from '../../ui/submit';
import { amountOf, money, requestStatusLabel } from './labels';
import type { TillContext } from './till';

const EXPIRIES = [5, 15, 60, 24 * 60];
const WATCH_MS = 2000;

export interface TillRequest extends Component<[currency: Currency]> {
  /** Another organization's till: the shown request is not its own. */
  forget(): void;
}

export function tillRequest(context: TillContext): TillRequest {
  const { update, status } = context;
  let draft = { amount: '', reference: '', expires: 15 };
  let shown: PaymentRequest | null = null;
  let watching: ReturnType<typeof setInterval> | undefined;
  // One key per request: a double click shows one QR code, not two requests.
  const form = submission(update, { fields: ['amountMinor', 'reference'], status });

  async function send(currency: Currency, key: string): Promise<void> {
    const amountMinor = amountOf(draft.amount, currency.minorUnits, 'amountMinor');
    shown = await createPaymentRequest(
      context.organizationId(),
      { amountMinor, reference: draft.reference.trim(), expiresInMinutes: draft.expires },
      key,
    );
    draft = { amount: '', reference: '', expires: draft.expires };
    watch(shown);
    await context.reload();
    focusLater('#shown-request');
  }

  /** Looks at the shown request every two seconds until it is paid or expires. */
  function watch(request: PaymentRequest): void {
    clearInterval(watching);
    watching = setInterval(async () => {
      try {
        const fresh = await getPaymentRequest(request.id);
        if (shown?.id !== fresh.id) return;
        shown = fresh;
        if (fresh.status !== 'open') {
          clearInterval(watching);
          if (fresh.status === 'paid')
            status.say('till.received', { amount: money(fresh.amountMinor, fresh), name: fresh.paidByName ?? '' });
          await context.reload();
        }
        update();
      } catch {
        // A missed look is retried at the next tick.
      }
    }, WATCH_MS);
  }

  function forget(): void {
    shown = null;
    clearInterval(watching);
  }

  function another(): void {
    forget();
    status.clear();
    update();
    focusLater('#till-amount');
  }

  function requestForm(currency: Currency): TemplateResult {
    return form.form(
      { label: t('till.newRequest'), send: (key) => send(currency, key), heading: html`<h2>${t('till.newRequest')}</h2>` },
      html`${inputField({
          id: 'till-amount',
          label: t('till.amount', { code: currency.code }),
          inputmode: 'decimal',
          errors: form.errorsOf('amountMinor'),
          value: draft.amount,
          onInput: (v) => (draft.amount = v),
        })}
        ${inputField({
          id: 'till-reference',
          label: t('till.reference'),
          errors: form.errorsOf('reference'),
          value: draft.reference,
          onInput: (v) => (draft.reference = v),
        })}
        ${selectField({
          id: 'till-expires',
          label: t('till.expires'),
          options: EXPIRIES.map((minutes) => ({ value: String(minutes), label: t(`till.expires.${minutes}` as 'till.expires.5') })),
          value: String(draft.expires),
          onChange: (v) => (draft.expires = Number(v)),
        })}
        <div class="actions">${form.button(t('till.show'))}</div>`,
    );
  }

  function shownRequest(request: PaymentRequest): TemplateResult {
    return html`<section aria-labelledby="shown-request" class="shown-request">
      <h2 id="shown-request" tabindex="-1">${t('till.shownRequest')}</h2>
      <figure class="qr">
        <img
          src=${paymentRequestCodeSrc(request.id)}
          width="240"
          height="240"
          alt=${t('till.qrAlt', { amount: money(request.amountMinor, request), merchant: request.organizationName })}
        />
        <figcaption>
          <span class="amount">${money(request.amountMinor, request)}</span> ${request.reference ? html`— ${request.reference}` : nothing}
          <span class="block">${t('till.expiresAt', { time: formatDateTime(request.expiresAt) })}</span>
        </figcaption>
      </figure>
      <p class="muted">${t('till.uri')} <code class="payment-uri">${request.paymentUri}</code></p>
      <p><a href="/pay/${encodeURIComponent(request.id)}">${t('till.openLink')}</a></p>
      <p data-testid="shown-request-status" role="status">
        ${request.status === 'paid' ? t('till.paidBy', { name: request.paidByName ?? '' }) : requestStatusLabel(request.status)}
      </p>
      <p><button type="button" @click=${another}>${t('till.another')}</button></p>
    </section>`;
  }

  return {
    view: (currency) => (shown ? shownRequest(shown) : requestForm(currency)),
    forget,
    dispose: forget,
  };
}
