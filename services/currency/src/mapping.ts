// Domain records to protobuf messages and back: enums, amounts (int64 as bigint), instants.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import type {
  Account,
  Currency,
  HistoryEntry,
  Merchant as MerchantMessage,
  OwnerKind as ProtoOwnerKind,
  PaymentRequest,
  PaymentRequestStatus as ProtoRequestStatus,
  Redemption,
  RedemptionStatus as ProtoRedemptionStatus,
  StatementFormat,
  Transfer,
  TransferKind as ProtoTransferKind,
} from '@e21/proto/e21/currency/v1/currency';
import type { Organization } from '@e21/proto/e21/identity/v1/identity';
import type { CurrencyRecord } from './domain/currencies.js';
import type { AccountRecord, OwnerKind, TransferKind, TransferRecord } from './domain/ledger.js';
import type { Merchant } from './domain/merchants.js';
import { euroCents, type RedemptionRecord, type RedemptionStatus } from './domain/redemptions.js';
import { paymentUri, statusAt, type PaymentRequestRecord, type PaymentRequestStatus } from './domain/requests.js';
import type { HistoryRecord } from './domain/statements.js';

export const ownerKindFromProto = (value: ProtoOwnerKind | undefined) => fromProtoEnum<OwnerKind>('OWNER_KIND', value);
export const ownerKindToProto = (kind: OwnerKind): ProtoOwnerKind => toProtoEnum('OWNER_KIND', kind);
export const transferKindToProto = (kind: TransferKind): ProtoTransferKind => toProtoEnum('TRANSFER_KIND', kind);
export const requestStatusFromProto = (value: ProtoRequestStatus | undefined) =>
  fromProtoEnum<PaymentRequestStatus>('PAYMENT_REQUEST_STATUS', value);
export const redemptionStatusFromProto = (value: ProtoRedemptionStatus | undefined) =>
  fromProtoEnum<RedemptionStatus>('REDEMPTION_STATUS', value);
export const statementFormatFromProto = (value: StatementFormat | undefined) => fromProtoEnum<'csv' | 'pdf'>('STATEMENT_FORMAT', value);

const instant = (value: Date | null | undefined) => value?.toISOString() ?? '';

export function currencyToProto(c: CurrencyRecord): Currency {
  return {
    id: c.id,
    territoryId: c.territoryId,
    territoryPath: c.territoryPath,
    territoryName: c.territoryName,
    code: c.code,
    name: c.name,
    minorUnits: c.minorUnits,
    ratePerHourMinor: c.ratePerHourMinor,
    redemptionFeeBasisPoints: c.redemptionFeeBasisPoints,
    issuanceAccountId: c.issuanceAccountId,
    version: c.version,
    configuredAt: instant(c.configuredAt),
    createdAt: instant(c.createdAt),
  };
}

export function accountToProto(a: AccountRecord): Account {
  return {
    id: a.id,
    currencyId: a.currencyId,
    currencyCode: a.currencyCode,
    minorUnits: a.minorUnits,
    ownerKind: ownerKindToProto(a.ownerKind),
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    balanceMinor: a.balanceMinor,
    createdAt: instant(a.createdAt),
    pendingRedemptionMinor: a.pendingRedemptionMinor,
  };
}

export function transferToProto(t: TransferRecord): Transfer {
  return {
    id: t.id,
    currencyId: t.currencyId,
    currencyCode: t.currencyCode,
    kind: transferKindToProto(t.kind),
    debitAccountId: t.debitAccountId,
    creditAccountId: t.creditAccountId,
    amountMinor: t.amountMinor,
    reference: t.reference,
    postedAt: instant(t.postedAt),
    postedBy: t.postedBy,
    entryId: t.entryId ?? '',
    entryDate: t.entryDate ?? '',
    entryMinutes: t.entryMinutes ?? 0n,
    paymentRequestId: t.paymentRequestId ?? '',
    redemptionId: t.redemptionId ?? '',
    debitOwnerKind: ownerKindToProto(t.debitOwner.kind),
    debitOwnerId: t.debitOwner.id,
    debitOwnerName: t.debitOwner.name,
    creditOwnerKind: ownerKindToProto(t.creditOwner.kind),
    creditOwnerId: t.creditOwner.id,
    creditOwnerName: t.creditOwner.name,
  };
}

export function historyToProto(h: HistoryRecord): HistoryEntry {
  return {
    seq: h.seq,
    transferId: h.transferId,
    kind: transferKindToProto(h.kind),
    amountMinor: h.amountMinor,
    balanceAfterMinor: h.balanceAfterMinor,
    postedAt: instant(h.postedAt),
    counterpartyKind: ownerKindToProto(h.counterpartyKind),
    counterpartyId: h.counterpartyId,
    counterpartyName: h.counterpartyName,
    reference: h.reference,
    entryDate: h.entryDate ?? '',
    entryMinutes: h.entryMinutes ?? 0n,
    paymentRequestId: h.paymentRequestId ?? '',
    redemptionId: h.redemptionId ?? '',
  };
}

/** A request as someone sees it at `at`; only its merchant sees who paid it. */
export function paymentRequestToProto(p: PaymentRequestRecord, at: Date, forMerchant: boolean): PaymentRequest {
  return {
    id: p.id,
    organizationId: p.organizationId,
    organizationName: p.organizationName,
    accountId: p.accountId,
    currencyId: p.currencyId,
    currencyCode: p.currencyCode,
    minorUnits: p.minorUnits,
    amountMinor: p.amountMinor,
    reference: p.reference,
    expiresAt: instant(p.expiresAt),
    status: toProtoEnum<ProtoRequestStatus>('PAYMENT_REQUEST_STATUS', statusAt(p, at)),
    paymentUri: paymentUri(p.id, p.amountMinor, p.minorUnits, p.currencyCode),
    createdAt: instant(p.createdAt),
    paidAt: instant(p.paidAt),
    transferId: p.transferId ?? '',
    paidByName: forMerchant ? (p.paidByName ?? '') : '',
    organizationLegalId: p.merchant?.legalId ?? '',
    merchantVerified: p.merchant?.verified ?? false,
    merchantVerifiedAt: p.merchant?.verified ? instant(p.merchant.decidedAt) : '',
  };
}

export function merchantToProto(m: Merchant): MerchantMessage {
  return {
    organizationId: m.organizationId,
    name: m.name,
    legalId: m.legalId,
    kind: m.kind,
    territoryId: m.territoryId,
    verified: m.verified,
    decidedAt: instant(m.decidedAt),
    version: m.version,
  };
}

/** identity's organization, as its verification event carries it, as the fact currency keeps. */
export function merchantFromOrganization(organization: Organization): Merchant {
  const verification = organization.verification;
  return {
    organizationId: organization.id,
    name: organization.name,
    legalId: organization.legalId,
    kind: fromProtoEnum('ORGANIZATION_KIND', organization.kind) ?? '',
    territoryId: organization.territoryId,
    verified: fromProtoEnum('VERIFICATION_STATUS', verification?.status) === 'verified',
    decidedAt: new Date(verification?.decidedAt || 0),
    version: verification?.version ?? 0,
  };
}

export function redemptionToProto(r: RedemptionRecord): Redemption {
  const payoutMinor = r.amountMinor - r.feeMinor;
  return {
    id: r.id,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    accountId: r.accountId,
    currencyId: r.currencyId,
    currencyCode: r.currencyCode,
    minorUnits: r.minorUnits,
    amountMinor: r.amountMinor,
    feeBasisPoints: r.feeBasisPoints,
    feeMinor: r.feeMinor,
    payoutMinor,
    payoutEuroCents: euroCents(payoutMinor, r.minorUnits),
    status: toProtoEnum<ProtoRedemptionStatus>('REDEMPTION_STATUS', r.status),
    requestedBy: r.requestedBy,
    requestedAt: instant(r.requestedAt),
    decidedBy: r.decidedBy ?? '',
    decidedAt: instant(r.decidedAt),
    payoutReference: r.payoutReference,
    rejectionReason: r.rejectionReason,
    transferId: r.transferId ?? '',
  };
}
