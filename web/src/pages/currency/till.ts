// The merchant's till: the balance, a payment request shown as a QR code (watched until it is paid),
// the incoming payments, and redemption to euros for the merchant's admins.
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../../api';
import { t } from '../../i18n';
import { minorFromText } from '../../money';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import type { Me, Membership } from '../../services/identity';
import {
  createPaymentRequest,
  getCurrencyOfTerritory,
  getMerchant,
  getPaymentRequest,
  listOrganizationAccounts,
  listOrganizationRedemptions,
  listPaymentRequests,
  newIdempotencyKey,
  paymentRequestCodeSrc,
  requestRedemption,
  type Account,
  type Currency,
  type PaymentRequest,
  type Redemption,
} from '../../services/currency';
import { getOrganization } from '../../services/identity';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, whenLoaded, type Loadable } from '../../ui/loadable';
import { euros, money, redemptionStatusLabel, requestStatusLabel, when } from './labels';

interface Till {
  /** Only an organization an Engagement 21 officer verified asks for payments and redeems. */
  verified: boolean;
  organizationName: string;
  currency: Currency | null;
  account: Account | null;
  requests: PaymentRequest[];
  redemptions: Redemption[];
}

const EXPIRIES = [5, 15, 60, 24 * 60];
const WATCH_MS = 2000;

/** The organizations the person belongs to (their own memberships), merchants first. */
function tills(me: Me | null): Membership[] {
  if (!me) return [];
  const own = me.memberships.filter((m) => ((m as Membership & { personId?: string }).personId ?? me.person.id) === me.person.id);
  return [...own].sort((a, b) => Number(b.organizationKind === 'merchant') - Number(a.organizationKind === 'merchant'));
}

export const tillPage: PageFactory = ({ update }) => {
  let organizationId = new URLSearchParams(location.search).get('organization') ?? '';
  let state: Loadable<Till> | null = null;
  let current: PaymentRequest | null = null;
  let watching: ReturnType<typeof setInterval> | undefined;
  let draft = { amount: '', reference: '', expires: 15, key: newIdempotencyKey() };
  let redeemDraft = { amount: '', key: newIdempotencyKey() };
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let busy = false;

  const membership = () => tills(session().me).find((m) => m.organizationId === organizationId);

  async function fetchTill(): Promise<Till> {
    const organization = await getOrganization(organizationId);
    const [currency, accounts, requests, redemptions, merchant] = await Promise.all([
      getCurrencyOfTerritory(organization.territoryId).catch((error) => (isApiError(error, 404) ? null : Promise.reject(error))),
      listOrganizationAccounts(organizationId),
      listPaymentRequests(organizationId),
      listOrganizationRedemptions(organizationId),
      getMerchant(organizationId).catch((error) => (isApiError(error, 404) ? null : Promise.reject(error))),
    ]);
    return {
      verified: merchant?.verified ?? false,
      organizationName: organization.name,
      currency,
      account: accounts.items.find((a) => a.currencyId === currency?.id) ?? null,
      requests: requests.items,
      redemptions: redemptions.items,
    };
  }

  async function reload(): Promise<void> {
    state = await loadable(fetchTill);
    update();
  }

  const page: Page = {
    title: () => t('till.title'),

    async load(signal) {
      const me = await reloadMe().catch(() => session().me);
      if (signal.aborted) return;
      organizationId ||= tills(me)[0]?.organizationId ?? '';
      if (organizationId) state = await loadable(fetchTill);
    },

    dispose: () => clearInterval(watching),

    view: () => {
      const organizations = tills(session().me);
      return html`
        <p>${t('till.intro')}</p>
        ${organizations.length > 1
          ? html`<div class="field">
              <label for="till-organization">${t('till.organization')}</label>
              <select id="till-organization" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
                ${organizations.map((o) => html`<option value=${o.organizationId} ?selected=${o.organizationId === organizationId}>${o.organizationName}</option>`)}
              </select>
            </div>`
          : nothing}
        ${statusRegion(message)} ${problem ? problemAlert(problem, errors.unattached) : nothing}
        ${!organizationId ? html`<p class="notice">${t('till.noOrganization')}</p>` : state ? whenLoaded(state, till) : nothing}
      `;
    },
  };

  function choose(next: string): void {
    organizationId = next;
    current = null;
    clearInterval(watching);
    message = null;
    problem = null;
    void reload();
  }

  function till(data: Till): TemplateResult {
    if (!data.currency) return html`<p class="notice">${t('till.noCurrency')}</p>`;
    const currency = { minorUnits: data.currency.minorUnits, code: data.currency.code };
    return html`
      <div class="money-figures">
        <div class="figure"><span class="figure-label">${t('till.balance')}</span> <span class="figure-value" data-testid="till-balance">${money(data.account?.balanceMinor ?? 0, currency)}</span></div>
        ${data.account?.pendingRedemptionMinor ? html`<div class="figure"><span class="figure-label">${t('till.pendingRedemption')}</span> <span class="figure-value">${money(data.account.pendingRedemptionMinor, currency)}</span></div>` : nothing}
      </div>
      ${data.account ? html`<p class="muted">${t('wallet.accountNumber')} <code class="account-number">${data.account.id}</code></p>` : nothing}
      ${!data.verified ? html`<p class="notice" data-testid="till-not-verified">${t('till.notVerified', { organization: data.organizationName })}</p>` : current ? shownRequest(current) : requestForm(data.currency)}
      ${incoming(data, currency)}
      ${data.verified && membership()?.role === 'admin' ? redemptionSection(data, data.currency) : nothing}
    `;
  }

  function requestForm(currency: Currency): TemplateResult {
    return html`<form class="stack" aria-label=${t('till.newRequest')} novalidate @submit=${(e: SubmitEvent) => submitRequest(e, currency)}>
      <h2>${t('till.newRequest')}</h2>
      ${field({ id: 'till-amount', label: t('till.amount', { code: currency.code }), errors: errors.fields.amountMinor }, (a) =>
        html`<input id=${a.id} type="text" inputmode="decimal" .value=${draft.amount} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (draft = { ...draft, amount: (e.target as HTMLInputElement).value, key: newIdempotencyKey() })} />`,
      )}
      ${field({ id: 'till-reference', label: t('till.reference'), errors: errors.fields.reference }, (a) =>
        html`<input id=${a.id} type="text" .value=${draft.reference} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (draft = { ...draft, reference: (e.target as HTMLInputElement).value, key: newIdempotencyKey() })} />`,
      )}
      ${field({ id: 'till-expires', label: t('till.expires') }, (a) =>
        html`<select id=${a.id} @change=${(e: Event) => (draft = { ...draft, expires: Number((e.target as HTMLSelectElement).value), key: newIdempotencyKey() })}>
          ${EXPIRIES.map((minutes) => html`<option value=${minutes} ?selected=${minutes === draft.expires}>${t(`till.expires.${minutes}` as 'till.expires.5')}</option>`)}
        </select>`,
      )}
      <div class="actions"><button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t('till.show')}</button></div>
    </form>`;
  }

  function shownRequest(request: PaymentRequest): TemplateResult {
    return html`<section aria-labelledby="shown-request" class="shown-request">
      <h2 id="shown-request" tabindex="-1">${t('till.shownRequest')}</h2>
      <figure class="qr">
        <img src=${paymentRequestCodeSrc(request.id)} width="240" height="240" alt=${t('till.qrAlt', { amount: money(request.amountMinor, request), merchant: request.organizationName })} />
        <figcaption>
          <span class="amount">${money(request.amountMinor, request)}</span> ${request.reference ? html`— ${request.reference}` : nothing}
          <span class="block">${t('till.expiresAt', { time: when(request.expiresAt) })}</span>
        </figcaption>
      </figure>
      <p class="muted">${t('till.uri')} <code class="payment-uri">${request.paymentUri}</code></p>
      <p><a href="/pay/${encodeURIComponent(request.id)}">${t('till.openLink')}</a></p>
      <p data-testid="shown-request-status" role="status">${request.status === 'paid' ? t('till.paidBy', { name: request.paidByName ?? '' }) : requestStatusLabel(request.status)}</p>
      <p><button type="button" @click=${newRequest}>${t('till.another')}</button></p>
    </section>`;
  }

  function incoming(data: Till, currency: { minorUnits: number; code: string }): TemplateResult {
    return html`<section aria-labelledby="till-incoming">
      <h2 id="till-incoming">${t('till.incoming')}</h2>
      ${data.requests.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('till.createdAt')}</th>
                  <th scope="col">${t('till.reference')}</th>
                  <th scope="col" class="number">${t('wallet.amount')}</th>
                  <th scope="col">${t('pay.status')}</th>
                  <th scope="col">${t('till.payer')}</th>
                </tr>
              </thead>
              <tbody>
                ${data.requests.map(
                  (r) => html`<tr>
                    <td>${when(r.createdAt)}</td>
                    <td>${r.reference || '—'}</td>
                    <td class="number">${money(r.amountMinor, currency)}</td>
                    <td>${requestStatusLabel(r.status)}</td>
                    <td>${r.paidByName ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${t('till.noRequests')}</p>`}
    </section>`;
  }

  function redemptionSection(data: Till, currency: Currency): TemplateResult {
    const available = (data.account?.balanceMinor ?? 0) - (data.account?.pendingRedemptionMinor ?? 0);
    return html`<section aria-labelledby="till-redeem">
      <h2 id="till-redeem">${t('till.redeem')}</h2>
      <p>${t('till.redeemIntro', { percent: (currency.redemptionFeeBasisPoints / 100).toLocaleString(), available: money(Math.max(available, 0), currency) })}</p>
      <form class="stack" aria-label=${t('till.redeem')} novalidate @submit=${(e: SubmitEvent) => submitRedemption(e, currency)}>
        ${field({ id: 'redeem-amount', label: t('till.redeemAmount', { code: currency.code }), errors: errors.fields.redeemAmount }, (a) =>
          html`<input id=${a.id} type="text" inputmode="decimal" .value=${redeemDraft.amount} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (redeemDraft = { amount: (e.target as HTMLInputElement).value, key: newIdempotencyKey() })} />`,
        )}
        <div class="actions"><button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t('till.redeemSubmit')}</button></div>
      </form>
      ${data.redemptions.length
        ? html`<div class="table-wrap">
            <table aria-label=${t('till.redemptions')}>
              <thead>
                <tr>
                  <th scope="col">${t('till.createdAt')}</th>
                  <th scope="col" class="number">${t('wallet.amount')}</th>
                  <th scope="col" class="number">${t('till.fee')}</th>
                  <th scope="col" class="number">${t('till.payout')}</th>
                  <th scope="col">${t('pay.status')}</th>
                  <th scope="col">${t('till.payoutReference')}</th>
                </tr>
              </thead>
              <tbody>
                ${data.redemptions.map(
                  (r) => html`<tr>
                    <td>${when(r.requestedAt)}</td>
                    <td class="number">${money(r.amountMinor, r)}</td>
                    <td class="number">${money(r.feeMinor, r)}</td>
                    <td class="number">${euros(r.payoutEuroCents)}</td>
                    <td>${redemptionStatusLabel(r.status)}</td>
                    <td>${r.payoutReference ?? r.rejectionReason ?? '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </section>`;
  }

  function newRequest(): void {
    current = null;
    clearInterval(watching);
    message = null;
    update();
    focusLater('#till-amount');
  }

  /** Watches the shown request until it is paid or expires, so the till sees the payment arrive. */
  function watch(request: PaymentRequest): void {
    clearInterval(watching);
    watching = setInterval(async () => {
      try {
        const fresh = await getPaymentRequest(request.id);
        if (current?.id !== fresh.id) return;
        current = fresh;
        if (fresh.status !== 'open') {
          clearInterval(watching);
          if (fresh.status === 'paid') message = { key: 'till.received', params: { amount: money(fresh.amountMinor, fresh), name: fresh.paidByName ?? '' } };
          state = await loadable(fetchTill);
        }
        update();
      } catch {
        // A missed look is retried at the next tick.
      }
    }, WATCH_MS);
  }

  async function submitRequest(event: SubmitEvent, currency: Currency): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const amountMinor = minorFromText(draft.amount, currency.minorUnits);
    errors = noErrors;
    problem = null;
    message = null;
    if (amountMinor === null || amountMinor < 1) {
      errors = { fields: { amountMinor: [t('wallet.amountInvalid', { decimals: currency.minorUnits })] }, unattached: [] };
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    busy = true;
    update();
    try {
      current = await createPaymentRequest(organizationId, { amountMinor, reference: draft.reference.trim(), expiresInMinutes: draft.expires }, draft.key);
      draft = { amount: '', reference: '', expires: draft.expires, key: newIdempotencyKey() };
      watch(current);
      state = await loadable(fetchTill);
      focusLater('#shown-request');
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['amountMinor', 'reference']);
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  async function submitRedemption(event: SubmitEvent, currency: Currency): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const amountMinor = minorFromText(redeemDraft.amount, currency.minorUnits);
    errors = noErrors;
    problem = null;
    message = null;
    if (amountMinor === null || amountMinor < 1) {
      errors = { fields: { redeemAmount: [t('wallet.amountInvalid', { decimals: currency.minorUnits })] }, unattached: [] };
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    busy = true;
    update();
    try {
      await requestRedemption(organizationId, amountMinor, redeemDraft.key);
      redeemDraft = { amount: '', key: newIdempotencyKey() };
      message = { key: 'till.redemptionAsked', params: { amount: money(amountMinor, currency) } };
      state = await loadable(fetchTill);
    } catch (error) {
      if (isApiError(error, 401)) return;
      const located = formErrorsFrom(error, ['amountMinor']);
      errors = { fields: { redeemAmount: located.fields.amountMinor }, unattached: located.unattached };
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  return page;
};
