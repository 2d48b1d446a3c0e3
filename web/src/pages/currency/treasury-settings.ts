// A currency's settings in the treasury: its name, the rate of an hour and the redemption fee,
// changed by its treasury officers; or a new currency for a territory that has none.
import { html, nothing, type TemplateResult } from 'lit-html';
import { t } from '../../i18n';
import { amountInput, minorFromText } from '../../money';
import { configureCurrency, type Currency, type CurrencySettings } from '../../services/currency';
import type { Territory } from '../../services/identity';
import type { Component, Update } from '../../ui/component';
import type { StatusLine } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { inputField, selectField } from '../../ui/forms';
import { invalid, submission } from '../../ui/submit';
import { money } from './labels';

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

export interface TreasurySettings extends Component<[currency: Currency]> {
  /** The territories without a currency, and the form to create one there. */
  creation(territories: Territory[]): TemplateResult;
  close(): void;
}

/** `saved` receives the currency as configured. */
export function treasurySettings(update: Update, status: StatusLine, saved: (currency: Currency) => Promise<void>): TreasurySettings {
  let draft: SettingsDraft | null = null;
  let editingVersion: number | undefined;
  const form = submission(update, {
    fields: ['code', 'name', 'minorUnits', 'ratePerHourMinor', 'redemptionFeeBasisPoints'],
    stale: { title: 'treasury.staleTitle', detail: 'treasury.stale' },
    status,
  });

  function cancel(): void {
    draft = null;
    update();
  }

  function open(next: SettingsDraft, version: number | undefined): void {
    draft = next;
    editingVersion = version;
    form.reset();
    update();
    focusLater('#settings-heading');
  }

  async function save(d: SettingsDraft, creating: boolean): Promise<void> {
    const rate = minorFromText(d.rate, d.minorUnits);
    const fee = basisPointsOf(d.feePercent);
    if (rate === null || fee === null) {
      throw invalid({
        ...(rate === null ? { ratePerHourMinor: [t('wallet.amountInvalid', { decimals: d.minorUnits })] } : {}),
        ...(fee === null ? { redemptionFeeBasisPoints: [t('treasury.feeInvalid')] } : {}),
      });
    }
    const body: CurrencySettings = {
      code: d.code.trim(),
      name: d.name.trim(),
      minorUnits: d.minorUnits,
      ratePerHourMinor: rate,
      redemptionFeeBasisPoints: fee,
    };
    const currency = await configureCurrency(d.territoryId, body, creating ? undefined : editingVersion);
    draft = null;
    status.say(creating ? 'treasury.created' : 'treasury.saved', { code: currency.code });
    await saved(currency);
  }

  function settingsForm(d: SettingsDraft, creating: boolean, territoryName: string): TemplateResult {
    const text = (key: 'code' | 'name' | 'rate' | 'feePercent', errorKey: string, label: string, hint?: string) =>
      inputField({
        id: `settings-${key}`,
        label,
        hint,
        readonly: key === 'code' && !creating,
        errors: form.errorsOf(errorKey),
        value: d[key],
        onInput: (v) => (d[key] = v),
      });
    const heading = creating ? t('treasury.createIn', { territory: territoryName }) : t('treasury.settings');
    return form.form(
      {
        label: creating ? t('treasury.create') : t('treasury.settings'),
        send: () => save(d, creating),
        heading: html`<h2 id="settings-heading" tabindex="-1">${heading}</h2>`,
      },
      html`${text('code', 'code', t('treasury.code'), creating ? t('treasury.codeHint') : undefined)}
      ${text('name', 'name', t('treasury.name'))}
      ${
        creating
          ? selectField({
              id: 'settings-minor',
              label: t('treasury.minorUnits'),
              options: [2, 1, 0].map((n) => ({ value: String(n), label: String(n) })),
              value: String(d.minorUnits),
              onChange: (v) => (d.minorUnits = Number(v)),
            })
          : nothing
      }
      ${text('rate', 'ratePerHourMinor', t('treasury.rate'), t('treasury.rateHint'))}
      ${text('feePercent', 'redemptionFeeBasisPoints', t('treasury.fee'))} ${form.actions(t('common.save'), { cancel })}`,
    );
  }

  return {
    view(currency) {
      if (draft && draft.territoryId === currency.territoryId) return settingsForm(draft, false, currency.territoryName);
      const edit = () =>
        open(
          {
            territoryId: currency.territoryId,
            code: currency.code,
            name: currency.name,
            minorUnits: currency.minorUnits,
            rate: amountInput(currency.ratePerHourMinor, currency.minorUnits),
            feePercent: String(currency.redemptionFeeBasisPoints / 100),
          },
          currency.version,
        );
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
        <p><button type="button" @click=${edit}>${t('treasury.change')}</button></p>
      </section>`;
    },

    creation(without) {
      if (!without.length) return html``;
      const creating = draft && without.find((x) => x.id === draft!.territoryId);
      if (draft && creating) return settingsForm(draft, true, creating.name);
      const start = (territory: Territory) =>
        open({ territoryId: territory.id, code: '', name: '', minorUnits: 2, rate: '10', feePercent: '5' }, undefined);
      return html`<section aria-labelledby="create-heading">
        <h2 id="create-heading">${t('treasury.create')}</h2>
        <ul>
          ${without.map(
            (territory) =>
              html`<li>
                <button type="button" @click=${() => start(territory)}>${t('treasury.createIn', { territory: territory.name })}</button>
              </li>`,
          )}
        </ul>
      </section>`;
    },

    close() {
      draft = null;
    },
  };
}
