// Typed calls to the gateway's currency endpoints: currencies, wallets and accounts, payments,
// merchants' payment requests and redemptions, and the treasury's supply.
import { api, idempotent, ifMatch } from '../api';
import type { Items, Page } from './identity';

export type OwnerKind = 'person' | 'organization' | 'issuance';
export type TransferKind = 'hours' | 'payment' | 'request' | 'redemption';
export type PaymentRequestStatus = 'open' | 'paid' | 'expired';
export type RedemptionStatus = 'requested' | 'approved' | 'rejected';

export interface Currency {
  id: string;
  territoryId: string;
  territoryName: string;
  territoryPath: string[];
  code: string;
  name: string;
  minorUnits: number;
  ratePerHourMinor: number;
  redemptionFeeBasisPoints: number;
  version: number;
}

export interface CurrencySettings {
  code: string;
  name: string;
  minorUnits: number;
  ratePerHourMinor: number;
  redemptionFeeBasisPoints: number;
}

export interface Account {
  id: string;
  currencyId: string;
  currencyCode: string;
  minorUnits: number;
  ownerKind: OwnerKind;
  ownerId: string;
  ownerName: string;
  balanceMinor: number;
  pendingRedemptionMinor: number;
}

export interface HistoryEntry {
  transferId: string;
  kind: TransferKind;
  amountMinor: number;
  balanceAfterMinor: number;
  postedAt: string;
  counterparty: { kind: OwnerKind; id: string; name: string };
  reference: string;
  entryDate: string | null;
  entryMinutes: number | null;
}

export interface History {
  account: Account;
  items: HistoryEntry[];
  nextCursor: string | null;
}

export interface Transfer {
  id: string;
  kind: TransferKind;
  amountMinor: number;
  currencyCode: string;
}

/** An amount a merchant asks for: to be paid, or redeemed to euros. */
interface MerchantAmount {
  id: string;
  organizationId: string;
  organizationName: string;
  currencyCode: string;
  minorUnits: number;
  amountMinor: number;
}

export interface PaymentRequest extends MerchantAmount {
  reference: string;
  expiresAt: string;
  status: PaymentRequestStatus;
  paymentUri: string;
  createdAt: string;
  paidAt: string | null;
  paidByName: string | null;
  /** Who asks, as an Engagement 21 officer verified it: payers tell the real merchant from a namesake. */
  merchant: { legalId: string | null; verified: boolean; verifiedAt: string | null };
}

/** An organization currency knows as verified (or no longer): only a verified one takes payments. */
export interface Merchant {
  organizationId: string;
  name: string;
  legalId: string;
  verified: boolean;
  decidedAt: string;
}

export interface Redemption extends MerchantAmount {
  feeBasisPoints: number;
  feeMinor: number;
  payoutMinor: number;
  payoutEuroCents: number;
  status: RedemptionStatus;
  requestedAt: string;
  decidedAt: string | null;
  payoutReference: string | null;
  rejectionReason: string | null;
}

export interface Supply {
  currency: Currency;
  issuedMinor: number;
  redeemedMinor: number;
  inCirculationMinor: number;
  feesMinor: number;
  pendingRedemptionMinor: number;
  pendingRedemptions: number;
  accounts: number;
  transfers: number;
  health: { balanced: boolean; balancesSumMinor: number; entriesSumMinor: number; mismatchedAccounts: number; checkedAt: string };
}

const id = encodeURIComponent;

export const listCurrencies = () => api.get<Items<Currency>>('/v1/currencies');
export const getCurrencyOfTerritory = (territoryId: string) => api.get<Currency>(`/v1/territories/${id(territoryId)}/currency`);
export const configureCurrency = (territoryId: string, settings: CurrencySettings, version?: number) =>
  api.put<Currency>(`/v1/territories/${id(territoryId)}/currency`, settings, version ? ifMatch(version) : undefined);

export const getWallet = () => api.get<Items<Account>>('/v1/wallet');
export const openAccount = (currencyId: string, organizationId?: string) =>
  api.post<Account>('/v1/accounts', { currencyId, organizationId });
export const getHistory = (accountId: string, cursor?: string | null) =>
  api.get<History>(`/v1/accounts/${id(accountId)}/history`, { query: { cursor, limit: 20 } });
export const statementHref = (accountId: string, month: string, format: 'csv' | 'pdf') =>
  `/v1/accounts/${id(accountId)}/statements/${id(month)}?format=${format}`;
export const pay = (fromAccountId: string, body: { toAccountId: string; amountMinor: number; reference: string }, key: string) =>
  api.post<Transfer>(`/v1/accounts/${id(fromAccountId)}/payments`, body, idempotent(key));

export const listOrganizationAccounts = (organizationId: string) =>
  api.get<Items<Account>>(`/v1/organizations/${id(organizationId)}/accounts`);
export const getMerchant = (organizationId: string) => api.get<Merchant>(`/v1/organizations/${id(organizationId)}/merchant`);
export const createPaymentRequest = (
  organizationId: string,
  body: { amountMinor: number; reference: string; expiresInMinutes: number },
  key: string,
) => api.post<PaymentRequest>(`/v1/organizations/${id(organizationId)}/payment-requests`, body, idempotent(key));
export const listPaymentRequests = (organizationId: string, status?: PaymentRequestStatus) =>
  api.get<Page<PaymentRequest>>(`/v1/organizations/${id(organizationId)}/payment-requests`, { query: { status, limit: 20 } });
export const getPaymentRequest = (requestId: string) => api.get<PaymentRequest>(`/v1/payment-requests/${id(requestId)}`);
export const paymentRequestCodeSrc = (requestId: string) => `/v1/payment-requests/${id(requestId)}/qr`;
export const payPaymentRequest = (requestId: string) => api.post<PaymentRequest>(`/v1/payment-requests/${id(requestId)}/payment`, {});

export const requestRedemption = (organizationId: string, amountMinor: number, key: string) =>
  api.post<Redemption>(`/v1/organizations/${id(organizationId)}/redemptions`, { amountMinor }, idempotent(key));
export const listOrganizationRedemptions = (organizationId: string) =>
  api.get<Page<Redemption>>(`/v1/organizations/${id(organizationId)}/redemptions`, { query: { limit: 20 } });
export const listCurrencyRedemptions = (currencyId: string, status?: RedemptionStatus) =>
  api.get<Page<Redemption>>(`/v1/currencies/${id(currencyId)}/redemptions`, { query: { status, limit: 50 } });
export const approveRedemption = (redemptionId: string, payoutReference: string) =>
  api.post<Redemption>(`/v1/redemptions/${id(redemptionId)}/approval`, { payoutReference });
export const rejectRedemption = (redemptionId: string, reason: string) =>
  api.post<Redemption>(`/v1/redemptions/${id(redemptionId)}/rejection`, { reason });
export const getSupply = (currencyId: string) => api.get<Supply>(`/v1/currencies/${id(currencyId)}/supply`);
