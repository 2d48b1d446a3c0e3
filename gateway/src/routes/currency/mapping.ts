// currency's protobuf messages as the REST API shows them: amounts as JSON numbers, enums in lower case.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/currency/v1/currency';
import { orNull } from '../common.js';

const amount = (value: bigint | undefined) => Number(value ?? 0n);
const ownerKind = (value: proto.OwnerKind) => fromProtoEnum<'person' | 'organization' | 'issuance'>('OWNER_KIND', value) ?? 'person';
const transferKind = (value: proto.TransferKind) =>
  fromProtoEnum<'hours' | 'payment' | 'request' | 'redemption'>('TRANSFER_KIND', value) ?? 'payment';

export const requestStatusIn = (status: string | undefined) =>
  toProtoEnum<proto.PaymentRequestStatus>('PAYMENT_REQUEST_STATUS', status ?? 'unspecified');
export const redemptionStatusIn = (status: string | undefined) =>
  toProtoEnum<proto.RedemptionStatus>('REDEMPTION_STATUS', status ?? 'unspecified');
export const ownerKindIn = (kind: 'person' | 'organization') => toProtoEnum<proto.OwnerKind>('OWNER_KIND', kind);

export const currencyOut = (c: proto.Currency) => ({
  id: c.id,
  territoryId: c.territoryId,
  territoryName: c.territoryName,
  territoryPath: c.territoryPath,
  code: c.code,
  name: c.name,
  minorUnits: c.minorUnits,
  ratePerHourMinor: amount(c.ratePerHourMinor),
  redemptionFeeBasisPoints: c.redemptionFeeBasisPoints,
  version: c.version,
  configuredAt: c.configuredAt,
  createdAt: c.createdAt,
});

export const accountOut = (a: proto.Account) => ({
  id: a.id,
  currencyId: a.currencyId,
  currencyCode: a.currencyCode,
  minorUnits: a.minorUnits,
  ownerKind: ownerKind(a.ownerKind),
  ownerId: a.ownerId,
  ownerName: a.ownerName,
  balanceMinor: amount(a.balanceMinor),
  pendingRedemptionMinor: amount(a.pendingRedemptionMinor),
  createdAt: a.createdAt,
});

export const historyEntryOut = (e: proto.HistoryEntry) => ({
  transferId: e.transferId,
  kind: transferKind(e.kind),
  amountMinor: amount(e.amountMinor),
  balanceAfterMinor: amount(e.balanceAfterMinor),
  postedAt: e.postedAt,
  counterparty: { kind: ownerKind(e.counterpartyKind), id: e.counterpartyId, name: e.counterpartyName },
  reference: e.reference,
  entryDate: orNull(e.entryDate),
  entryMinutes: e.entryDate ? amount(e.entryMinutes) : null,
  paymentRequestId: orNull(e.paymentRequestId),
  redemptionId: orNull(e.redemptionId),
});

export const transferOut = (t: proto.Transfer) => ({
  id: t.id,
  currencyId: t.currencyId,
  currencyCode: t.currencyCode,
  kind: transferKind(t.kind),
  amountMinor: amount(t.amountMinor),
  reference: t.reference,
  postedAt: t.postedAt,
  from: { accountId: t.debitAccountId, kind: ownerKind(t.debitOwnerKind), id: t.debitOwnerId, name: t.debitOwnerName },
  to: { accountId: t.creditAccountId, kind: ownerKind(t.creditOwnerKind), id: t.creditOwnerId, name: t.creditOwnerName },
  entryId: orNull(t.entryId),
  paymentRequestId: orNull(t.paymentRequestId),
  redemptionId: orNull(t.redemptionId),
});

export const paymentRequestOut = (p: proto.PaymentRequest) => ({
  id: p.id,
  organizationId: p.organizationId,
  organizationName: p.organizationName,
  accountId: p.accountId,
  currencyId: p.currencyId,
  currencyCode: p.currencyCode,
  minorUnits: p.minorUnits,
  amountMinor: amount(p.amountMinor),
  reference: p.reference,
  expiresAt: p.expiresAt,
  status: fromProtoEnum<'open' | 'paid' | 'expired'>('PAYMENT_REQUEST_STATUS', p.status) ?? 'open',
  paymentUri: p.paymentUri,
  createdAt: p.createdAt,
  paidAt: orNull(p.paidAt),
  transferId: orNull(p.transferId),
  paidByName: orNull(p.paidByName),
  merchant: { legalId: orNull(p.organizationLegalId), verified: p.merchantVerified, verifiedAt: orNull(p.merchantVerifiedAt) },
});

export const merchantOut = (m: proto.Merchant) => ({
  organizationId: m.organizationId,
  name: m.name,
  legalId: m.legalId,
  kind: m.kind,
  territoryId: m.territoryId,
  verified: m.verified,
  decidedAt: m.decidedAt,
});

export const redemptionOut = (r: proto.Redemption) => ({
  id: r.id,
  organizationId: r.organizationId,
  organizationName: r.organizationName,
  accountId: r.accountId,
  currencyId: r.currencyId,
  currencyCode: r.currencyCode,
  minorUnits: r.minorUnits,
  amountMinor: amount(r.amountMinor),
  feeBasisPoints: r.feeBasisPoints,
  feeMinor: amount(r.feeMinor),
  payoutMinor: amount(r.payoutMinor),
  payoutEuroCents: amount(r.payoutEuroCents),
  status: fromProtoEnum<'requested' | 'approved' | 'rejected'>('REDEMPTION_STATUS', r.status) ?? 'requested',
  requestedAt: r.requestedAt,
  decidedAt: orNull(r.decidedAt),
  payoutReference: orNull(r.payoutReference),
  rejectionReason: orNull(r.rejectionReason),
  transferId: orNull(r.transferId),
});

export const supplyOut = (s: proto.Supply) => ({
  currency: currencyOut(s.currency!),
  issuedMinor: amount(s.issuedMinor),
  redeemedMinor: amount(s.redeemedMinor),
  inCirculationMinor: amount(s.inCirculationMinor),
  feesMinor: amount(s.feesMinor),
  pendingRedemptionMinor: amount(s.pendingRedemptionMinor),
  pendingRedemptions: s.pendingRedemptions,
  accounts: s.accounts,
  transfers: amount(s.transfers),
  health: {
    balanced: s.balanced,
    balancesSumMinor: amount(s.balancesSumMinor),
    entriesSumMinor: amount(s.entriesSumMinor),
    mismatchedAccounts: s.mismatchedAccounts,
    checkedAt: s.checkedAt,
  },
});
