// My wallet: the balance of each of my accounts, its history with running balances, paying
// someone, opening a merchant's payment request, and monthly statements.
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { isApiError } from '../../api';
import { t } from '../../i18n';
import { minorFromText, paymentRequestIdFrom } from '../../money';
import { navigate, type Page, type PageFactory } from '../../router';
import { session } from '../../session';
import { getCurrencyOfTerritory, getHistory, getWallet, newIdempotencyKey, openAccount, pay, statementHref, type Account, type Currency, type History } from '../../services/currency';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { entryLabel, money, monthName, when } from './labels';

interface Wallet {
  histories: History[];
  /** The currency of where the person lives, when one applies there. */
  local: Currency | null;
}

interface PaymentDraft {
  to: string;
  amount: string;
  reference: string;
  /** The Idempotency-Key of this draft: a retry of the same draft pays once. */
  key: string;
}

const newDraft = (): PaymentDraft => ({ to: '', amount: '', reference: '', key: newIdempotencyKey() });

export const walletPage: PageFactory = ({ update }) => {
  let state: Loadable<Wallet> = loading;
  const drafts = new Map<string, PaymentDraft>();
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let busy = false;
  let requestCode = '';
  let requestCodeError = '';
  let month = new Date().toISOString().slice(0, 7);

  async function fetchWallet(): Promise<Wallet> {
    const territoryId = session().me?.person.territoryId;
    const [wallet, local] = await Promise.all([getWallet(), territoryId ? getCurrencyOfTerritory(territoryId).catch((error) => (isApiError(error, 404) ? null : Promise.reject(error))) : null]);
    return { histories: await Promise.all(wallet.items.map((a) => getHistory(a.id))), local };
  }

  const page: Page = {
    title: () => t('wallet.title'),

    async load(signal) {
      const next = await loadable(fetchWallet);
      if (!signal.aborted) state = next;
    },

    view: () => html`
      <p>${t('wallet.intro')}</p>
      ${statusRegion(message)}
      ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${whenLoaded(state, (wallet) => html`
        ${wallet.histories.length ? wallet.histories.map(accountSection) : noAccount(wallet.local)}
        ${openRequestForm()}
      `)}
    `,
  };

  function noAccount(local: Currency | null): TemplateResult {
    if (!local) return html`<p class="notice">${t('wallet.noCurrencyHere')}</p>`;
    return html`<p class="notice">${t('wallet.noAccount', { code: local.code, name: local.name })}</p>
      <p><button type="button" class="primary" @click=${() => open(local)}>${t('wallet.open', { code: local.code })}</button></p>`;
  }

  function accountSection(history: History): TemplateResult {
    const account = history.account;
    const headingId = `account-${account.id}`;
    return html`<section aria-labelledby=${headingId} class="account">
      <h2 id=${headingId}>${account.currencyCode}</h2>
      <div class="money-figures">
        <div class="figure"><span class="figure-label">${t('wallet.balance')}</span> <span class="figure-value" data-testid="wallet-balance">${money(account.balanceMinor, account)}</span></div>
      </div>
      <p class="muted">${t('wallet.accountNumber')} <code class="account-number">${account.id}</code></p>
      ${historyTable(history)} ${payForm(account)} ${statementLinks(account)}
    </section>`;
  }

  function historyTable(history: History): TemplateResult {
    const account = history.account;
    if (!history.items.length) return html`<p class="muted">${t('wallet.noEntries')}</p>`;
    return html`<h3>${t('wallet.history')}</h3>
      <div class="table-wrap">
        <table aria-label=${t('wallet.historyOf', { code: account.currencyCode })}>
          <thead>
            <tr>
              <th scope="col">${t('wallet.date')}</th>
              <th scope="col">${t('wallet.what')}</th>
              <th scope="col">${t('wallet.reference')}</th>
              <th scope="col" class="number">${t('wallet.amount')}</th>
              <th scope="col" class="number">${t('wallet.balanceAfter')}</th>
            </tr>
          </thead>
          <tbody>
            ${history.items.map(
              (entry) => html`<tr>
                <td>${when(entry.postedAt)}</td>
                <td>${entryLabel(entry)}</td>
                <td>${entry.reference}</td>
                <td class="number ${entry.amountMinor < 0 ? 'debit' : 'credit'}">${money(entry.amountMinor, account, true)}</td>
                <td class="number">${money(entry.balanceAfterMinor, account)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${history.nextCursor ? html`<p><button type="button" @click=${() => more(history)}>${t('wallet.more')}</button></p>` : nothing}`;
  }

  function payForm(account: Account): TemplateResult {
    const draft = drafts.get(account.id) ?? newDraft();
    drafts.set(account.id, draft);
    const edit = (key: 'to' | 'amount' | 'reference') => (event: Event) => {
      // A changed draft is a new payment: it gets a new key.
      drafts.set(account.id, { ...drafts.get(account.id)!, [key]: (event.target as HTMLInputElement).value, key: newIdempotencyKey() });
    };
    const input = (key: 'to' | 'amount' | 'reference', errorKey: string, label: string, hint?: string) =>
      field({ id: `pay-${key}-${account.id}`, label, hint, errors: errors.fields[errorKey] }, (a) =>
        html`<input id=${a.id} type="text" .value=${draft[key]} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} inputmode=${key === 'amount' ? 'decimal' : 'text'} @input=${edit(key)} />`,
      );
    return html`<form class="stack" aria-label=${t('wallet.payTitle', { code: account.currencyCode })} novalidate @submit=${(e: SubmitEvent) => submitPayment(e, account)}>
      <h3>${t('wallet.payTitle', { code: account.currencyCode })}</h3>
      ${input('to', 'toAccountId', t('wallet.payTo'), t('wallet.payToHint'))}
      ${input('amount', 'amountMinor', t('wallet.payAmount', { code: account.currencyCode }))}
      ${input('reference', 'reference', t('wallet.payReference'))}
      <div class="actions"><button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t('wallet.pay')}</button></div>
    </form>`;
  }

  function statementLinks(account: Account): TemplateResult {
    return html`<section class="statement" aria-labelledby=${`statement-${account.id}`}>
      <h3 id=${`statement-${account.id}`}>${t('wallet.statement')}</h3>
      <div class="money-row">
        <div class="field">
          <label for=${`statement-month-${account.id}`}>${t('wallet.statementMonth')}</label>
          <input id=${`statement-month-${account.id}`} type="month" .value=${month} @change=${(e: Event) => { month = (e.target as HTMLInputElement).value || month; update(); }} />
        </div>
      </div>
      <p class="actions">
        <a class="button" href=${statementHref(account.id, month, 'pdf')} download>${t('wallet.statementPdf', { month: monthName(month) })}</a>
        <a class="button" href=${statementHref(account.id, month, 'csv')} download>${t('wallet.statementCsv', { month: monthName(month) })}</a>
      </p>
    </section>`;
  }

  function openRequestForm(): TemplateResult {
    return html`<form class="stack" aria-label=${t('wallet.openRequestTitle')} novalidate @submit=${openRequest}>
      <h2>${t('wallet.openRequestTitle')}</h2>
      ${field({ id: 'request-code', label: t('wallet.requestCode'), hint: t('wallet.requestCodeHint'), errors: requestCodeError ? [requestCodeError] : undefined }, (a) =>
        html`<input id=${a.id} type="text" .value=${requestCode} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (requestCode = (e.target as HTMLInputElement).value)} />`,
      )}
      <div class="actions"><button type="submit">${t('wallet.openRequest')}</button></div>
    </form>`;
  }

  function openRequest(event: SubmitEvent): void {
    event.preventDefault();
    const id = paymentRequestIdFrom(requestCode);
    if (!id) {
      requestCodeError = t('wallet.requestCodeInvalid');
      update();
      focusLater('#request-code');
      return;
    }
    navigate(`/pay/${id}`);
  }

  async function submitPayment(event: SubmitEvent, account: Account): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const draft = drafts.get(account.id)!;
    const amountMinor = minorFromText(draft.amount, account.minorUnits);
    errors = noErrors;
    problem = null;
    message = null;
    if (amountMinor === null || amountMinor < 1) {
      errors = { fields: { amountMinor: [t('wallet.amountInvalid', { decimals: account.minorUnits })] }, unattached: [] };
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    busy = true;
    update();
    try {
      await pay(account.id, { toAccountId: draft.to.trim(), amountMinor, reference: draft.reference.trim() }, draft.key);
      drafts.set(account.id, newDraft());
      message = { key: 'wallet.paid', params: { amount: money(amountMinor, account) } };
      state = await loadable(fetchWallet);
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['toAccountId', 'amountMinor', 'reference']);
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  async function open(currency: Currency): Promise<void> {
    problem = null;
    try {
      await openAccount(currency.id);
      message = { key: 'wallet.opened', params: { code: currency.code } };
      state = await loadable(fetchWallet);
    } catch (error) {
      if (!isApiError(error, 401)) problem = error;
    }
    update();
  }

  async function more(history: History): Promise<void> {
    try {
      const next = await getHistory(history.account.id, history.nextCursor);
      if (state.status !== 'ready') return;
      const histories = state.data.histories.map((h) => (h.account.id === history.account.id ? { ...next, items: [...h.items, ...next.items] } : h));
      state = { status: 'ready', data: { ...state.data, histories } };
    } catch (error) {
      if (!isApiError(error, 401)) problem = error;
    }
    update();
  }

  return page;
};
