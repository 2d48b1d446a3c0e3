// The treasury of a territory's currency: supply and the ledger's health, the redemptions waiting
// for a decision, and the rate and fee settings (or creating the currency where there is none).
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDateTime, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { getTerritory, type Me, type Territory } from '../../services/identity';
import {
  approveRedemption,
  getSupply,
  listCurrencies,
  listCurrencyRedemptions,
  rejectRedemption,
  type Redemption,
  type Supply,
} from '../../services/currency';
import { problemAlert, statusLine } from '../../ui/feedback';
import { figure } from '../../ui/figures';
import { inputField, selectField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { euros, money } from './labels';
import { treasurySettings } from './treasury-settings';

/** A waiting redemption is approved with the reference of the euro payout, or rejected with a reason. */
const DECISIONS = {
  approve: { key: 'payoutReference', id: 'payout', label: 'treasury.payoutReference', button: 'treasury.approve', kind: 'primary' },
  reject: { key: 'reason', id: 'reason', label: 'treasury.reason', button: 'treasury.reject', kind: 'danger' },
} as const;

/** The territories the person is treasury officer of. */
const treasuryTerritories = (me: Me | null) =>
  (me?.roles ?? []).filter((g) => g.role === 'treasury_officer' && g.scopeKind === 'territory').map((g) => g.scopeId);

export const treasuryPage: PageFactory = ({ update }) => {
  let currencyId = '';
  // The currencies of the territories the person is treasury officer of (and below), and those territories.
  const scope = resource(async () => {
    const mine = treasuryTerritories(session().me);
    const [all, territories] = await Promise.all([listCurrencies(), Promise.all(mine.map((id) => getTerritory(id)))]);
    return { currencies: all.items.filter((c) => c.territoryPath.some((id) => mine.includes(id))), territories };
  }, update);
  const treasury = resource(async () => {
    const [supply, waiting] = await Promise.all([getSupply(currencyId), listCurrencyRedemptions(currencyId, 'requested')]);
    return { supply, waiting: waiting.items };
  }, update);
  const status = statusLine();
  const settings = treasurySettings(update, status, async (saved) => {
    currencyId = saved.id;
    await scope.reload();
    await treasury.reload();
  });
  const deciding = submission(update, { status });
  /** What the officer typed for each waiting redemption: the payout reference, or why it is refused. */
  const decisions = new Map<string, { payoutReference: string; reason: string }>();

  const chosen = () => scope.data?.currencies.find((c) => c.id === currencyId);

  const page: Page = {
    title: () => t('treasury.title'),

    async load(signal) {
      await reloadMe().catch(() => undefined);
      if (!treasuryTerritories(session().me).length) return;
      await scope.load(signal);
      currencyId ||= scope.data?.currencies[0]?.id ?? '';
      if (currencyId) await treasury.load(signal);
    },

    view: () => {
      if (!treasuryTerritories(session().me).length) return html`<p class="notice">${t('treasury.notOfficer')}</p>`;
      return html`
        <p>${t('treasury.intro')}</p>
        ${scope.state.status === 'failed' ? problemAlert(scope.state.error) : nothing}
        ${
          (scope.data?.currencies.length ?? 0) > 1
            ? selectField({
                id: 'treasury-currency',
                label: t('treasury.currency'),
                options: scope.data!.currencies.map((c) => ({ value: c.id, label: `${c.code} — ${c.territoryName}` })),
                value: currencyId,
                onChange: choose,
              })
            : nothing
        }
        ${status.view()} ${deciding.alert()}
        ${
          currencyId && chosen()
            ? treasury.view((data) => html`${supplySection(data.supply)} ${redemptionsSection(data.waiting)} ${settings.view(chosen()!)}`)
            : nothing
        }
        ${settings.creation(withoutCurrency())}
      `;
    },
  };

  function withoutCurrency(): Territory[] {
    const currencies = scope.data?.currencies ?? [];
    return (scope.data?.territories ?? []).filter((territory) => !currencies.some((c) => c.territoryPath.includes(territory.id)));
  }

  function choose(next: string): void {
    currencyId = next;
    settings.close();
    status.clear();
    void treasury.reload({ fresh: true });
  }

  function supplySection(supply: Supply): TemplateResult {
    const c = supply.currency;
    const health = supply.health;
    const unbalanced = () =>
      t('treasury.unbalanced', { balances: health.balancesSumMinor, entries: health.entriesSumMinor, accounts: health.mismatchedAccounts });
    const balance = health.balanced ? t('treasury.balanced') : unbalanced();
    const checked = formatDateTime(health.checkedAt);
    return html`<section aria-labelledby="supply-heading">
      <h2 id="supply-heading">${t('treasury.supply', { code: c.code, territory: c.territoryName })}</h2>
      <div class="figures">
        ${figure(t('treasury.issued'), money(supply.issuedMinor, c))} ${figure(t('treasury.redeemed'), money(supply.redeemedMinor, c))}
        ${figure(t('treasury.inCirculation'), money(supply.inCirculationMinor, c), 'in-circulation')}
        ${figure(t('treasury.fees'), money(supply.feesMinor, c))} ${figure(t('treasury.pending'), money(supply.pendingRedemptionMinor, c))}
      </div>
      <p class=${health.balanced ? 'health ok' : 'health broken'} data-testid="ledger-health">${balance}</p>
      <p class="muted">${t('treasury.counts', { accounts: supply.accounts, transfers: supply.transfers, time: checked })}</p>
    </section>`;
  }

  function redemptionsSection(waiting: Redemption[]): TemplateResult {
    return html`<section aria-labelledby="redemptions-heading">
      <h2 id="redemptions-heading">${t('treasury.waiting')}</h2>
      ${
        waiting.length
          ? html`<ul class="cards">
              ${waiting.map(redemptionCard)}
            </ul>`
          : html`<p class="muted">${t('treasury.nothingWaiting')}</p>`
      }
    </section>`;
  }

  function redemptionCard(r: Redemption): TemplateResult {
    let typed = decisions.get(r.id);
    if (!typed) decisions.set(r.id, (typed = { payoutReference: '', reason: '' }));
    const entered = typed;
    const decide = (decision: 'approve' | 'reject') => async () => {
      if (decision === 'approve') await approveRedemption(r.id, entered.payoutReference.trim());
      else await rejectRedemption(r.id, entered.reason.trim());
      const params = { merchant: r.organizationName, amount: money(r.amountMinor, r) };
      status.say(decision === 'approve' ? 'treasury.approved' : 'treasury.rejected', params);
      await treasury.reload();
    };
    const line = {
      amount: money(r.amountMinor, r),
      fee: money(r.feeMinor, r),
      payout: euros(r.payoutEuroCents),
      time: formatDateTime(r.requestedAt),
    };
    return html`<li class="card" aria-label=${t('treasury.redemptionOf', { merchant: r.organizationName })}>
      <h3>${r.organizationName}</h3>
      <p>${t('treasury.redemptionLine', line)}</p>
      ${(['approve', 'reject'] as const).map((decision) => {
        const { key, id, label, button, kind } = DECISIONS[decision];
        return deciding.form(
          { className: 'money-row', send: decide(decision), alert: false },
          html`${inputField({ id: `${id}-${r.id}`, label: t(label), value: entered[key], onInput: (v) => (entered[key] = v) })}
            <div class="actions">${deciding.button(t(button), kind)}</div>`,
        );
      })}
    </li>`;
  }

  return page;
};
