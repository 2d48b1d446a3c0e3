// Redeeming a merchant's takings to euros (for its admins): the amount asked, with the fee said
// beforehand, and the redemptions already asked with their payout or refusal.
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDateTime, t } from '../../i18n';
import { requestRedemption, type Currency } from '../../services/currency';
import type { Component } from '../../ui/component';
import { formErrorsFrom, inputField } from '../../ui/forms';
import { submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';
import { amountOf, euros, money, redemptionStatusLabel } from './labels';
import type { Till, TillContext } from './till';

export function tillRedemption(context: TillContext): Component<[till: Till, currency: Currency]> {
  let amount = '';
  // One key per redemption: a retried click asks for the euros once.
  const form = submission(context.update, {
    // The amount field of this form is `redeemAmount` (the till's request form has an amount too).
    fields: (error) => {
      const located = formErrorsFrom(error, ['amountMinor']);
      return { fields: { redeemAmount: located.fields.amountMinor }, unattached: located.unattached };
    },
    status: context.status,
  });

  async function send(currency: Currency, key: string): Promise<void> {
    const amountMinor = amountOf(amount, currency.minorUnits, 'redeemAmount');
    await requestRedemption(context.organizationId(), amountMinor, key);
    amount = '';
    context.status.say('till.redemptionAsked', { amount: money(amountMinor, currency) });
    await context.reload();
  }

  function redemptions(till: Till): TemplateResult | typeof nothing {
    if (!till.redemptions.length) return nothing;
    return dataTable({
      label: t('till.redemptions'),
      columns: [
        t('till.createdAt'),
        { label: t('wallet.amount'), className: 'number' },
        { label: t('till.fee'), className: 'number' },
        { label: t('till.payout'), className: 'number' },
        t('pay.status'),
        t('till.payoutReference'),
      ],
      rows: till.redemptions.map(
        (r) =>
          html`<tr>
            <td>${formatDateTime(r.requestedAt)}</td>
            <td class="number">${money(r.amountMinor, r)}</td>
            <td class="number">${money(r.feeMinor, r)}</td>
            <td class="number">${euros(r.payoutEuroCents)}</td>
            <td>${redemptionStatusLabel(r.status)}</td>
            <td>${r.payoutReference ?? r.rejectionReason ?? '—'}</td>
          </tr>`,
      ),
    });
  }

  return {
    view(till, currency) {
      const available = (till.account?.balanceMinor ?? 0) - (till.account?.pendingRedemptionMinor ?? 0);
      const percent = (currency.redemptionFeeBasisPoints / 100).toLocaleString();
      return html`<section aria-labelledby="till-redeem">
        <h2 id="till-redeem">${t('till.redeem')}</h2>
        <p>${t('till.redeemIntro', { percent, available: money(Math.max(available, 0), currency) })}</p>
        ${form.form(
          { label: t('till.redeem'), send: (key) => send(currency, key) },
          html`${inputField({
              id: 'redeem-amount',
              label: t('till.redeemAmount', { code: currency.code }),
              inputmode: 'decimal',
              errors: form.errorsOf('redeemAmount'),
              value: amount,
              onInput: (v) => (amount = v),
            })}
            <div class="actions">${form.button(t('till.redeemSubmit'), '')}</div>`,
        )}
        ${redemptions(till)}
      </section>`;
    },
  };
}
