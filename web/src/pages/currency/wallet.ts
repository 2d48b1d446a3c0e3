// My wallet: the balance of each of my accounts, its history with running balances, paying
// someone, opening a merchant's payment request, and monthly statements.
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { orNotFound } from '../../api';
import { formatDateTime, formatMonth, t } from '../../i18n';
import { paymentRequestIdFrom } from '../../money';
import { navigate, type Page, type PageFactory } from '../../router';
import { session } from '../../session';
import {
  getCurrencyOfTerritory,
  getHistory,
  getWallet,
  openAccount,
  pay,
  statementHref,
  type Account,
  type Currency,
  type History,
} from '../../services/currency';
import type { Component, Update } from '../../ui/component';
import { statusLine, type StatusLine } from '../../ui/feedback';
import { figure } from '../../ui/figures';
import { inputField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { invalid, submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';
import { amountOf, entryLabel, money } from './labels';

interface Wallet {
  histories: History[];
  /** The currency of where the person lives, when one applies there. */
  local: Currency | null;
}

export const walletPage: PageFactory = ({ update }) => {
  const status = statusLine();
  const wallet = resource(async (): Promise<Wallet> => {
    const territoryId = session().me?.person.territoryId;
    const [accounts, currency] = await Promise.all([getWallet(), territoryId ? orNotFound(getCurrencyOfTerritory(territoryId)) : null]);
    return { histories: await Promise.all(accounts.items.map((a) => getHistory(a.id))), local: currency };
  }, update);
  /** One payment form per account, each with its draft and that draft's key. */
  const payments = new Map<string, Component<[account: Account]>>();
  const opening = submission(update, { status });
  const more = submission(update);
  const requestForm = openRequestForm(update);
  let month = new Date().toISOString().slice(0, 7);

  const page: Page = {
    title: () => t('wallet.title'),
    load: (signal) => wallet.load(signal),
    view: () => html`
      <p>${t('wallet.intro')}</p>
      ${status.view()} ${opening.alert()} ${more.alert()}
      ${wallet.view((w) => html`${w.histories.length ? w.histories.map(accountSection) : noAccount(w.local)} ${requestForm.view()}`)}
    `,
  };

  function noAccount(local: Currency | null): TemplateResult {
    if (!local) return html`<p class="notice">${t('wallet.noCurrencyHere')}</p>`;
    const open = async () => {
      await openAccount(local.id);
      status.say('wallet.opened', { code: local.code });
      await wallet.reload();
    };
    return html`<p class="notice">${t('wallet.noAccount', { code: local.code, name: local.name })}</p>
      <p>${opening.action(t('wallet.open', { code: local.code }), open, { kind: 'primary' })}</p>`;
  }

  function accountSection(history: History): TemplateResult {
    const account = history.account;
    const headingId = `account-${account.id}`;
    let payment = payments.get(account.id);
    if (!payment) payments.set(account.id, (payment = paymentForm(update, status, () => wallet.reload())));
    return html`<section aria-labelledby=${headingId} class="account">
      <h2 id=${headingId}>${account.currencyCode}</h2>
      <div class="figures">${figure(t('wallet.balance'), money(account.balanceMinor, account), 'wallet-balance')}</div>
      <p class="muted">${t('wallet.accountNumber')} <code class="account-number">${account.id}</code></p>
      ${historyTable(history)} ${payment.view(account)} ${statementLinks(account)}
    </section>`;
  }

  function historyTable(history: History): TemplateResult {
    const account = history.account;
    if (!history.items.length) return html`<p class="muted">${t('wallet.noEntries')}</p>`;
    return html`<h3>${t('wallet.history')}</h3>
      ${dataTable({
        label: t('wallet.historyOf', { code: account.currencyCode }),
        columns: [
          t('wallet.date'),
          t('wallet.what'),
          t('wallet.reference'),
          { label: t('wallet.amount'), className: 'number' },
          { label: t('wallet.balanceAfter'), className: 'number' },
        ],
        rows: history.items.map(
          (entry) =>
            html`<tr>
              <td>${formatDateTime(entry.postedAt)}</td>
              <td>${entryLabel(entry)}</td>
              <td>${entry.reference}</td>
              <td class="number ${entry.amountMinor < 0 ? 'debit' : 'credit'}">${money(entry.amountMinor, account, true)}</td>
              <td class="number">${money(entry.balanceAfterMinor, account)}</td>
            </tr>`,
        ),
      })}
      ${history.nextCursor ? html`<p>${more.action(t('wallet.more'), () => loadMore(history, history.nextCursor!))}</p>` : nothing}`;
  }

  async function loadMore(history: History, cursor: string): Promise<void> {
    const next = await getHistory(history.account.id, cursor);
    const current = wallet.data;
    if (!current) return;
    const histories = current.histories.map((h) =>
      h.account.id === history.account.id ? { ...next, items: [...h.items, ...next.items] } : h,
    );
    wallet.set({ ...current, histories });
  }

  function statementLinks(account: Account): TemplateResult {
    const named = formatMonth(month);
    return html`<section class="statement" aria-labelledby=${`statement-${account.id}`}>
      <h3 id=${`statement-${account.id}`}>${t('wallet.statement')}</h3>
      <div class="money-row">
        ${inputField({
          id: `statement-month-${account.id}`,
          label: t('wallet.statementMonth'),
          type: 'month',
          value: month,
          onChange: (value) => {
            month = value || month;
            update();
          },
        })}
      </div>
      <p class="actions">
        <a class="button" href=${statementHref(account.id, month, 'pdf')} download>${t('wallet.statementPdf', { month: named })}</a>
        <a class="button" href=${statementHref(account.id, month, 'csv')} download>${t('wallet.statementCsv', { month: named })}</a>
      </p>
    </section>`;
  }

  return page;
};

/** Paying from one account: to an account number, an amount, a reference. */
function paymentForm(update: Update, status: StatusLine, paid: () => Promise<void>): Component<[account: Account]> {
  let draft = { to: '', amount: '', reference: '' };
  // One key per payment: a double click, or a retry after a lost answer, pays once.
  const form = submission(update, { fields: ['toAccountId', 'amountMinor', 'reference'], status });

  async function send(account: Account, key: string): Promise<void> {
    const amountMinor = amountOf(draft.amount, account.minorUnits, 'amountMinor');
    await pay(account.id, { toAccountId: draft.to.trim(), amountMinor, reference: draft.reference.trim() }, key);
    draft = { to: '', amount: '', reference: '' };
    status.say('wallet.paid', { amount: money(amountMinor, account) });
    await paid();
  }

  return {
    view(account) {
      const input = (key: keyof typeof draft, errorKey: string, label: string, hint?: string) =>
        inputField({
          id: `pay-${key}-${account.id}`,
          label,
          hint,
          inputmode: key === 'amount' ? 'decimal' : undefined,
          errors: form.errorsOf(errorKey),
          value: draft[key],
          onInput: (v) => (draft[key] = v),
        });
      const title = t('wallet.payTitle', { code: account.currencyCode });
      return form.form(
        { label: title, send: (key) => send(account, key), heading: html`<h3>${title}</h3>` },
        html`${input('to', 'toAccountId', t('wallet.payTo'), t('wallet.payToHint'))}
          ${input('amount', 'amountMinor', t('wallet.payAmount', { code: account.currencyCode }))}
          ${input('reference', 'reference', t('wallet.payReference'))}
          <div class="actions">${form.button(t('wallet.pay'))}</div>`,
      );
    },
  };
}

/** Opening a merchant's payment request from its QR code's text, its link or its id. */
function openRequestForm(update: Update): Component {
  let code = '';
  const form = submission(update, { fields: ['requestCode'] });

  async function open(): Promise<void> {
    const id = paymentRequestIdFrom(code);
    if (!id) throw invalid({ requestCode: [t('wallet.requestCodeInvalid')] });
    navigate(`/pay/${id}`);
  }

  return {
    view: () =>
      form.form(
        { label: t('wallet.openRequestTitle'), send: open, heading: html`<h2>${t('wallet.openRequestTitle')}</h2>` },
        html`${inputField({
            id: 'request-code',
            label: t('wallet.requestCode'),
            hint: t('wallet.requestCodeHint'),
            errors: form.errorsOf('requestCode'),
            value: code,
            onInput: (v) => (code = v),
          })}
          <div class="actions">${form.button(t('wallet.openRequest'), '')}</div>`,
      ),
  };
}
