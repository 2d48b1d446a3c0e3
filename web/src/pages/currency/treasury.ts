// The treasury of a territory's currency: supply and the ledger's health, the redemptions waiting
// for a decision, and the rate and fee settings (or creating the currency where there is none).
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { ApiError, isApiError } from '../../api';
import { t } from '../../i18n';
import { amountInput, minorFromText } from '../../money';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { getTerritory, type Me, type Territory } from '../../services/identity';
import {
  approveRedemption,
  configureCurrency,
  getSupply,
  listCurrencies,
  listCurrencyRedemptions,
  rejectRedemption,
  type Currency,
  type CurrencySettings,
  type Redemption,
  type Supply,
} from '../../services/currency';
import { problemAlert, statusRegion, type Message } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../../ui/loadable';
import { euros, money, when } from './labels';

interface Treasury {
  supply: Supply;
  waiting: Redemption[];
}

interface SettingsDraft {
  territoryId: string;
  code: string;
  name: string;
  minorUnits: number;
  rate: string;
  feePercent: string;
}

const PERCENT = /^(\d{1,2})(?:[.,](\d{1,2}))?$/;
const basisPointsOf = (text: string): number | null => {
  const match = PERCENT.exec(text.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
};

/** The territories the person is treasury officer of. */
const treasuryTerritories = (me: Me | null) => (me?.roles ?? []).filter((g) => g.role === 'treasury_officer' && g.scopeKind === 'territory').map((g) => g.scopeId);

export const treasuryPage: PageFactory = ({ update }) => {
  let currencies: Currency[] = [];
  let territories: Territory[] = [];
  let currencyId = '';
  let state: Loadable<Treasury> | null = null;
  let settings: SettingsDraft | null = null;
  const decisions = new Map<string, { payoutReference: string; reason: string }>();
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let message: Message | null = null;
  let busy = false;

  const chosen = () => currencies.find((c) => c.id === currencyId);

  async function fetchTreasury(): Promise<Treasury> {
    const [supply, waiting] = await Promise.all([getSupply(currencyId), listCurrencyRedemptions(currencyId, 'requested')]);
    return { supply, waiting: waiting.items };
  }

  const page: Page = {
    title: () => t('treasury.title'),

    async load(signal) {
      const me = await reloadMe().catch(() => session().me);
      const mine = treasuryTerritories(me);
      if (!mine.length) return;
      const [all, named] = await Promise.all([listCurrencies(), Promise.all(mine.map((id) => getTerritory(id)))]).catch((error: unknown) => {
        problem = error;
        return [{ items: [] }, []] as const;
      });
      if (signal.aborted) return;
      currencies = all.items.filter((c) => c.territoryPath.some((id) => mine.includes(id)));
      territories = [...named];
      currencyId ||= currencies[0]?.id ?? '';
      if (currencyId) state = await loadable(fetchTreasury);
    },

    view: () => {
      if (!treasuryTerritories(session().me).length) return html`<p class="notice">${t('treasury.notOfficer')}</p>`;
      return html`
        <p>${t('treasury.intro')}</p>
        ${currencies.length > 1
          ? html`<div class="field">
              <label for="treasury-currency">${t('treasury.currency')}</label>
              <select id="treasury-currency" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
                ${currencies.map((c) => html`<option value=${c.id} ?selected=${c.id === currencyId}>${c.code} — ${c.territoryName}</option>`)}
              </select>
            </div>`
          : nothing}
        ${statusRegion(message)} ${problem ? problemAlert(problem, errors.unattached) : nothing}
        ${state && chosen() ? whenLoaded(state, (data) => html`${supplySection(data.supply)} ${redemptionsSection(data.waiting)} ${settingsSection(chosen()!)}`) : nothing}
        ${creationSection()}
      `;
    },
  };

  function choose(next: string): void {
    currencyId = next;
    settings = null;
    message = null;
    void (async () => {
      state = loading;
      update();
      state = await loadable(fetchTreasury);
      update();
    })();
  }

  function figure(label: string, value: string, testId?: string): TemplateResult {
    return html`<div class="figure"><span class="figure-label">${label}</span> <span class="figure-value" data-testid=${ifDefined(testId)}>${value}</span></div>`;
  }

  function supplySection(supply: Supply): TemplateResult {
    const c = supply.currency;
    return html`<section aria-labelledby="supply-heading">
      <h2 id="supply-heading">${t('treasury.supply', { code: c.code, territory: c.territoryName })}</h2>
      <div class="money-figures">
        ${figure(t('treasury.issued'), money(supply.issuedMinor, c))} ${figure(t('treasury.redeemed'), money(supply.redeemedMinor, c))}
        ${figure(t('treasury.inCirculation'), money(supply.inCirculationMinor, c), 'in-circulation')} ${figure(t('treasury.fees'), money(supply.feesMinor, c))}
        ${figure(t('treasury.pending'), money(supply.pendingRedemptionMinor, c))}
      </div>
      <p class=${supply.health.balanced ? 'health ok' : 'health broken'} data-testid="ledger-health">
        ${supply.health.balanced ? t('treasury.balanced') : t('treasury.unbalanced', { balances: supply.health.balancesSumMinor, entries: supply.health.entriesSumMinor, accounts: supply.health.mismatchedAccounts })}
      </p>
      <p class="muted">${t('treasury.counts', { accounts: supply.accounts, transfers: supply.transfers, time: when(supply.health.checkedAt) })}</p>
    </section>`;
  }

  function redemptionsSection(waiting: Redemption[]): TemplateResult {
    return html`<section aria-labelledby="redemptions-heading">
      <h2 id="redemptions-heading">${t('treasury.waiting')}</h2>
      ${waiting.length
        ? html`<ul class="cards">
            ${waiting.map((r) => {
              const decision = decisions.get(r.id) ?? { payoutReference: '', reason: '' };
              decisions.set(r.id, decision);
              return html`<li class="card" aria-label=${t('treasury.redemptionOf', { merchant: r.organizationName })}>
                <h3>${r.organizationName}</h3>
                <p>${t('treasury.redemptionLine', { amount: money(r.amountMinor, r), fee: money(r.feeMinor, r), payout: euros(r.payoutEuroCents), time: when(r.requestedAt) })}</p>
                <form class="money-row" novalidate @submit=${(e: SubmitEvent) => decide(e, r, 'approve')}>
                  ${field({ id: `payout-${r.id}`, label: t('treasury.payoutReference') }, (a) =>
                    html`<input id=${a.id} type="text" .value=${decision.payoutReference} @input=${(e: Event) => (decision.payoutReference = (e.target as HTMLInputElement).value)} />`,
                  )}
                  <div class="actions"><button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t('treasury.approve')}</button></div>
                </form>
                <form class="money-row" novalidate @submit=${(e: SubmitEvent) => decide(e, r, 'reject')}>
                  ${field({ id: `reason-${r.id}`, label: t('treasury.reason') }, (a) =>
                    html`<input id=${a.id} type="text" .value=${decision.reason} @input=${(e: Event) => (decision.reason = (e.target as HTMLInputElement).value)} />`,
                  )}
                  <div class="actions"><button type="submit" class="danger" aria-disabled=${busy ? 'true' : 'false'}>${t('treasury.reject')}</button></div>
                </form>
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${t('treasury.nothingWaiting')}</p>`}
    </section>`;
  }

  function settingsForm(draft: SettingsDraft, creating: boolean): TemplateResult {
    const text = (key: 'code' | 'name' | 'rate' | 'feePercent', errorKey: string, label: string, hint?: string) =>
      field({ id: `settings-${key}`, label, hint, errors: errors.fields[errorKey] }, (a) =>
        html`<input id=${a.id} type="text" .value=${draft[key]} ?readonly=${key === 'code' && !creating} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)} @input=${(e: Event) => (draft[key] = (e.target as HTMLInputElement).value)} />`,
      );
    return html`<form class="stack" aria-label=${creating ? t('treasury.create') : t('treasury.settings')} novalidate @submit=${(e: SubmitEvent) => save(e, draft, creating)}>
      <h2 id="settings-heading" tabindex="-1">${creating ? t('treasury.createIn', { territory: territories.find((x) => x.id === draft.territoryId)?.name ?? '' }) : t('treasury.settings')}</h2>
      ${text('code', 'code', t('treasury.code'), creating ? t('treasury.codeHint') : undefined)} ${text('name', 'name', t('treasury.name'))}
      ${creating
        ? field({ id: 'settings-minor', label: t('treasury.minorUnits') }, (a) =>
            html`<select id=${a.id} @change=${(e: Event) => (draft.minorUnits = Number((e.target as HTMLSelectElement).value))}>
              ${[2, 1, 0].map((n) => html`<option value=${n} ?selected=${n === draft.minorUnits}>${n}</option>`)}
            </select>`,
          )
        : nothing}
      ${text('rate', 'ratePerHourMinor', t('treasury.rate'), t('treasury.rateHint'))} ${text('feePercent', 'redemptionFeeBasisPoints', t('treasury.fee'))}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t('common.save')}</button>
        <button type="button" @click=${() => { settings = null; errors = noErrors; update(); }}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  function settingsSection(currency: Currency): TemplateResult {
    if (settings && settings.territoryId === currency.territoryId) return settingsForm(settings, false);
    return html`<section aria-labelledby="settings-heading">
      <h2 id="settings-heading">${t('treasury.settings')}</h2>
      <dl class="details">
        <dt>${t('treasury.name')}</dt>
        <dd>${currency.name}</dd>
        <dt>${t('treasury.rate')}</dt>
        <dd data-testid="currency-rate">${t('treasury.perHour', { amount: money(currency.ratePerHourMinor, currency) })}</dd>
        <dt>${t('treasury.fee')}</dt>
        <dd>${(currency.redemptionFeeBasisPoints / 100).toLocaleString()} %</dd>
      </dl>
      <p><button type="button" @click=${() => edit(currency)}>${t('treasury.change')}</button></p>
    </section>`;
  }

  function creationSection(): TemplateResult {
    const without = territories.filter((territory) => !currencies.some((c) => c.territoryPath.includes(territory.id)));
    if (!without.length) return html``;
    if (settings && without.some((x) => x.id === settings!.territoryId)) return settingsForm(settings, true);
    return html`<section aria-labelledby="create-heading">
      <h2 id="create-heading">${t('treasury.create')}</h2>
      <ul>
        ${without.map((territory) => html`<li><button type="button" @click=${() => startCreating(territory)}>${t('treasury.createIn', { territory: territory.name })}</button></li>`)}
      </ul>
    </section>`;
  }

  function edit(currency: Currency): void {
    settings = { territoryId: currency.territoryId, code: currency.code, name: currency.name, minorUnits: currency.minorUnits, rate: amountInput(currency.ratePerHourMinor, currency.minorUnits), feePercent: String(currency.redemptionFeeBasisPoints / 100) };
    errors = noErrors;
    update();
    focusLater('#settings-heading');
  }

  function startCreating(territory: Territory): void {
    settings = { territoryId: territory.id, code: '', name: '', minorUnits: 2, rate: '10', feePercent: '5' };
    errors = noErrors;
    update();
    focusLater('#settings-heading');
  }

  async function save(event: SubmitEvent, draft: SettingsDraft, creating: boolean): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const rate = minorFromText(draft.rate, draft.minorUnits);
    const fee = basisPointsOf(draft.feePercent);
    errors = noErrors;
    problem = null;
    if (rate === null || fee === null) {
      errors = { fields: { ...(rate === null ? { ratePerHourMinor: [t('wallet.amountInvalid', { decimals: draft.minorUnits })] } : {}), ...(fee === null ? { redemptionFeeBasisPoints: [t('treasury.feeInvalid')] } : {}) }, unattached: [] };
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }
    const body: CurrencySettings = { code: draft.code.trim(), name: draft.name.trim(), minorUnits: draft.minorUnits, ratePerHourMinor: rate, redemptionFeeBasisPoints: fee };
    busy = true;
    update();
    try {
      const saved = await configureCurrency(draft.territoryId, body, creating ? undefined : chosen()?.version);
      currencies = [...currencies.filter((c) => c.id !== saved.id), saved];
      currencyId = saved.id;
      settings = null;
      message = { key: creating ? 'treasury.created' : 'treasury.saved', params: { code: saved.code } };
      state = await loadable(fetchTreasury);
    } catch (error) {
      if (isApiError(error, 401)) return;
      errors = formErrorsFrom(error, ['code', 'name', 'minorUnits', 'ratePerHourMinor', 'redemptionFeeBasisPoints']);
      problem = isApiError(error, 412) ? new ApiError({ status: 412, title: t('treasury.staleTitle'), detail: t('treasury.stale') }) : error;
    } finally {
      busy = false;
      update();
    }
  }

  async function decide(event: SubmitEvent, redemption: Redemption, decision: 'approve' | 'reject'): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const entered = decisions.get(redemption.id)!;
    busy = true;
    problem = null;
    message = null;
    update();
    try {
      if (decision === 'approve') await approveRedemption(redemption.id, entered.payoutReference.trim());
      else await rejectRedemption(redemption.id, entered.reason.trim());
      message = { key: decision === 'approve' ? 'treasury.approved' : 'treasury.rejected', params: { merchant: redemption.organizationName, amount: money(redemption.amountMinor, redemption) } };
      state = await loadable(fetchTreasury);
    } catch (error) {
      if (!isApiError(error, 401)) problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  return page;
};
