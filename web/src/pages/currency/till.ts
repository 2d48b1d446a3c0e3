// The merchant's till: the balance, a payment request shown as a QR code (watched until it is paid),
// the incoming payments, and redemption to euros for the merchant's admins.
import './currency.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { orNotFound } from '../../api';
import { formatDateTime, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { reloadMe, session } from '../../session';
import { getOrganization, type Me, type Membership } from '../../services/identity';
import {
  getCurrencyOfTerritory,
  getMerchant,
  listOrganizationAccounts,
  listOrganizationRedemptions,
  listPaymentRequests,
  type Account,
  type Currency,
  type PaymentRequest,
  type Redemption,
} from '../../services/currency';
import type { Update } from '../../ui/component';
import { statusLine, type StatusLine } from '../../ui/feedback';
import { figure } from '../../ui/figures';
import { selectField } from '../../ui/forms';
import { resource } from '../../ui/resource';
import { dataTable } from '../../ui/table';
import { money, requestStatusLabel } from './labels';
import { tillRedemption } from './till-redemption';
import { tillRequest } from './till-request';

export interface Till {
  /** Only an organization an Engagement 21 officer verified asks for payments and redeems. */
  verified: boolean;
  organizationName: string;
  currency: Currency | null;
  account: Account | null;
  requests: PaymentRequest[];
  redemptions: Redemption[];
}

/** What the till page gives its components. */
export interface TillContext {
  update: Update;
  status: StatusLine;
  organizationId(): string;
  /** Reads the till again (balance, requests, redemptions) and draws it. */
  reload(): Promise<void>;
}

/** The organizations the person belongs to (their own memberships), merchants first. */
function tills(me: Me | null): Membership[] {
  if (!me) return [];
  const own = me.memberships.filter((m) => ((m as Membership & { personId?: string }).personId ?? me.person.id) === me.person.id);
  return [...own].sort((a, b) => Number(b.organizationKind === 'merchant') - Number(a.organizationKind === 'merchant'));
}

export const tillPage: PageFactory = ({ update }) => {
  let organizationId = new URLSearchParams(location.search).get('organization') ?? '';
  const till = resource(async (): Promise<Till> => {
    const organization = await getOrganization(organizationId);
    const [currency, accounts, requests, redemptions, merchant] = await Promise.all([
      orNotFound(getCurrencyOfTerritory(organization.territoryId)),
      listOrganizationAccounts(organizationId),
      listPaymentRequests(organizationId),
      listOrganizationRedemptions(organizationId),
      orNotFound(getMerchant(organizationId)),
    ]);
    return {
      verified: merchant?.verified ?? false,
      organizationName: organization.name,
      currency,
      account: accounts.items.find((a) => a.currencyId === currency?.id) ?? null,
      requests: requests.items,
      redemptions: redemptions.items,
    };
  }, update);
  const context: TillContext = { update, status: statusLine(), organizationId: () => organizationId, reload: () => till.reload() };
  const request = tillRequest(context);
  const redemption = tillRedemption(context);

  const membership = () => tills(session().me).find((m) => m.organizationId === organizationId);

  const page: Page = {
    title: () => t('till.title'),

    async load(signal) {
      const me = await reloadMe().catch(() => session().me);
      if (signal.aborted) return;
      organizationId ||= tills(me)[0]?.organizationId ?? '';
      if (organizationId) await till.load(signal);
    },

    dispose: () => request.dispose?.(),

    view: () => {
      const organizations = tills(session().me);
      return html`
        <p>${t('till.intro')}</p>
        ${
          organizations.length > 1
            ? selectField({
                id: 'till-organization',
                label: t('till.organization'),
                options: organizations.map((o) => ({ value: o.organizationId, label: o.organizationName })),
                value: organizationId,
                onChange: choose,
              })
            : nothing
        }
        ${context.status.view()} ${organizationId ? till.view(tillView) : html`<p class="notice">${t('till.noOrganization')}</p>`}
      `;
    },
  };

  function choose(next: string): void {
    organizationId = next;
    request.forget();
    context.status.clear();
    void till.reload();
  }

  function tillView(data: Till): TemplateResult {
    if (!data.currency) return html`<p class="notice">${t('till.noCurrency')}</p>`;
    const currency = data.currency;
    return html`
      <div class="figures">
        ${figure(t('till.balance'), money(data.account?.balanceMinor ?? 0, currency), 'till-balance')}
        ${
          data.account?.pendingRedemptionMinor
            ? figure(t('till.pendingRedemption'), money(data.account.pendingRedemptionMinor, currency))
            : nothing
        }
      </div>
      ${
        data.account
          ? html`<p class="muted">${t('wallet.accountNumber')} <code class="account-number">${data.account.id}</code></p>`
          : nothing
      }
      ${
        data.verified
          ? request.view(currency)
          : html`<p class="notice" data-testid="till-not-verified">${t('till.notVerified', { organization: data.organizationName })}</p>`
      }
      ${incoming(data.requests, currency)} ${data.verified && membership()?.role === 'admin' ? redemption.view(data, currency) : nothing}
    `;
  }

  return page;
};

function incoming(requests: PaymentRequest[], currency: Currency): TemplateResult {
  return html`<section aria-labelledby="till-incoming">
    <h2 id="till-incoming">${t('till.incoming')}</h2>
    ${
      requests.length
        ? dataTable({
            columns: [
              t('till.createdAt'),
              t('till.reference'),
              { label: t('wallet.amount'), className: 'number' },
              t('pay.status'),
              t('till.payer'),
            ],
            rows: requests.map(
              (r) =>
                html`<tr>
                  <td>${formatDateTime(r.createdAt)}</td>
                  <td>${r.reference || '—'}</td>
                  <td class="number">${money(r.amountMinor, currency)}</td>
                  <td>${requestStatusLabel(r.status)}</td>
                  <td>${r.paidByName ?? '—'}</td>
                </tr>`,
            ),
          })
        : html`<p class="muted">${t('till.noRequests')}</p>`
    }
  </section>`;
}
