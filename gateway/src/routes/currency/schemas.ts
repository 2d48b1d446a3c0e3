// REST shapes of the currency service's resources, for validation and the OpenAPI document.
import { z } from 'zod';
import { clientString, oneLine, text } from '../common.js';

export const OWNER_KINDS = ['person', 'organization', 'issuance'] as const;
export const TRANSFER_KINDS = ['hours', 'payment', 'request', 'redemption'] as const;
export const PAYMENT_REQUEST_STATUSES = ['open', 'paid', 'expired'] as const;
export const REDEMPTION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export const STATEMENT_FORMATS = ['csv', 'pdf'] as const;

/** No single amount above a billion units with two decimals (the service's own limit). */
export const MAX_AMOUNT_MINOR = 100_000_000_000;

export const amountMinor = z
  .number({ error: 'must be a whole number of minor units' })
  .int('must be a whole number of minor units (no fractions)')
  .min(1, 'must be at least 1 minor unit')
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR} minor units`)
  .describe('in the currency’s minor units: 1250 is 12.50 with two decimals');
export const reference = oneLine(140).optional().describe('shown to both sides, e.g. what was bought');
export const month = clientString().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

export const Currency = z.object({
  id: z.uuid(),
  territoryId: z.uuid(),
  territoryName: z.string(),
  territoryPath: z.array(z.uuid()).describe('territory ids from the root down to the currency’s territory'),
  code: z.string(),
  name: z.string(),
  minorUnits: z.number().int().describe('digits after the decimal point'),
  ratePerHourMinor: z.number().int().describe('minor units paid per approved hour'),
  redemptionFeeBasisPoints: z.number().int().describe('kept on a redemption to euros; 500 = 5 %'),
  version: z.number().int().describe('send it in If-Match to change the settings'),
  configuredAt: z.string(),
  createdAt: z.string(),
});

export const CurrencyIn = z
  .object({
    code: clientString()
      .trim()
      .min(2)
      .max(12)
      .describe('2 to 12 upper-case letters, digits or inner hyphens, e.g. ÉCU-BDR; fixed once created'),
    name: text(80),
    minorUnits: z.number().int().min(0).max(2).describe('fixed once created'),
    ratePerHourMinor: z.number().int().min(1).max(1_000_000),
    redemptionFeeBasisPoints: z.number().int().min(0).max(5_000),
  })
  .strict();

export const Account = z.object({
  id: z.uuid(),
  currencyId: z.uuid(),
  currencyCode: z.string(),
  minorUnits: z.number().int(),
  ownerKind: z.enum(OWNER_KINDS),
  ownerId: z.uuid(),
  ownerName: z.string(),
  balanceMinor: z.number().int(),
  pendingRedemptionMinor: z.number().int().describe('asked for redemption, not yet decided'),
  createdAt: z.string(),
});

const Party = z.object({ kind: z.enum(OWNER_KINDS), id: z.uuid(), name: z.string() });

export const HistoryEntry = z.object({
  transferId: z.uuid(),
  kind: z.enum(TRANSFER_KINDS),
  amountMinor: z.number().int().describe('positive: money in; negative: money out'),
  balanceAfterMinor: z.number().int(),
  postedAt: z.string(),
  counterparty: Party,
  reference: z.string(),
  entryDate: z.string().nullable().describe('pay for hours: the date of the approved entry'),
  entryMinutes: z.number().int().nullable(),
  paymentRequestId: z.uuid().nullable(),
  redemptionId: z.uuid().nullable(),
});

export const History = z.object({ account: Account, items: z.array(HistoryEntry), nextCursor: z.string().nullable() });

export const Transfer = z.object({
  id: z.uuid().describe('the transfer’s idempotency key'),
  currencyId: z.uuid(),
  currencyCode: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  amountMinor: z.number().int(),
  reference: z.string(),
  postedAt: z.string(),
  from: Party.extend({ accountId: z.uuid() }),
  to: Party.extend({ accountId: z.uuid() }),
  entryId: z.uuid().nullable(),
  paymentRequestId: z.uuid().nullable(),
  redemptionId: z.uuid().nullable(),
});

export const PaymentRequest = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  accountId: z.uuid(),
  currencyId: z.uuid(),
  currencyCode: z.string(),
  minorUnits: z.number().int(),
  amountMinor: z.number().int(),
  reference: z.string(),
  expiresAt: z.string(),
  status: z.enum(PAYMENT_REQUEST_STATUSES),
  paymentUri: z.string().describe('e21pay:<id>?amount=<units>&currency=<code>: what the QR code carries'),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  transferId: z.uuid().nullable(),
  paidByName: z.string().nullable().describe('for the merchant only'),
  merchant: z
    .object({
      legalId: z.string().nullable().describe('the registry number an Engagement 21 officer checked'),
      verified: z.boolean().describe('false: not (or no longer) verified, and the request cannot be paid'),
      verifiedAt: z.string().nullable(),
    })
    .describe('who is asking, as verified: tell the real merchant from anyone using its name'),
});

export const Merchant = z.object({
  organizationId: z.uuid(),
  name: z.string(),
  legalId: z.string(),
  kind: z.string(),
  territoryId: z.uuid(),
  verified: z.boolean(),
  decidedAt: z.string().describe('when it was verified, or its verification revoked'),
});

export const Redemption = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  accountId: z.uuid(),
  currencyId: z.uuid(),
  currencyCode: z.string(),
  minorUnits: z.number().int(),
  amountMinor: z.number().int(),
  feeBasisPoints: z.number().int(),
  feeMinor: z.number().int(),
  payoutMinor: z.number().int().describe('amount less fee'),
  payoutEuroCents: z.number().int(),
  status: z.enum(REDEMPTION_STATUSES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  payoutReference: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  transferId: z.uuid().nullable(),
});

export const Supply = z.object({
  currency: Currency,
  issuedMinor: z.number().int().describe('paid for approved hours'),
  redeemedMinor: z.number().int().describe('returned by approved redemptions'),
  inCirculationMinor: z.number().int().describe('held by people and organizations'),
  feesMinor: z.number().int(),
  pendingRedemptionMinor: z.number().int(),
  pendingRedemptions: z.number().int(),
  accounts: z.number().int(),
  transfers: z.number().int(),
  health: z.object({
    balanced: z.boolean().describe('the three figures below are zero'),
    balancesSumMinor: z.number().int().describe('sum of every balance, issuance included'),
    entriesSumMinor: z.number().int().describe('sum of every entry: debits equal credits'),
    mismatchedAccounts: z.number().int().describe('accounts whose balance is not the sum of their entries'),
    checkedAt: z.string(),
  }),
});
