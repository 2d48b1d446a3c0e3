// Merchants' payment requests: what makes one valid, when it can be paid, and the URI its QR code carries.
import { refusal, type RefusalValue } from '@e21/kit';
import { checkAmount, checkText, formatMinor } from './amounts.js';
import type { Merchant } from './merchants.js';

export const PAYMENT_REQUEST_STATUSES = ['open', 'paid', 'expired'] as const;
export type PaymentRequestStatus = (typeof PAYMENT_REQUEST_STATUSES)[number];
export const MIN_EXPIRY_MINUTES = 1;
export const MAX_EXPIRY_MINUTES = 7 * 24 * 60;
export const REFERENCE_MAX_LENGTH = 140;

export interface PaymentRequestRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  accountId: string;
  currencyId: string;
  currencyCode: string;
  minorUnits: number;
  amountMinor: bigint;
  reference: string;
  expiresAt: Date;
  requestHash: string;
  createdBy: string;
  createdAt: Date;
  paidAt: Date | null;
  paidBy: string | null;
  paidByName: string | null;
  transferId: string | null;
  /** The merchant as currency knows it now (null when never verified): payers see it. */
  merchant: Pick<Merchant, 'legalId' | 'verified' | 'decidedAt'> | null;
}

export interface PaymentRequestTerms {
  amountMinor: bigint;
  reference: string;
  expiresAt: Date;
}

export function validatePaymentRequest(
  input: { amountMinor: bigint; reference: string; expiresInMinutes: number },
  at: Date,
): PaymentRequestTerms | RefusalValue {
  const problem = checkAmount(input.amountMinor) ?? checkText(input.reference, 'reference', REFERENCE_MAX_LENGTH);
  if (problem) return problem;
  const minutes = input.expiresInMinutes;
  if (!Number.isInteger(minutes) || minutes < MIN_EXPIRY_MINUTES || minutes > MAX_EXPIRY_MINUTES) {
    return refusal('invalid', 'validation_failed', `expires_in_minutes must be ${MIN_EXPIRY_MINUTES} to ${MAX_EXPIRY_MINUTES}`, [
      { field: 'expires_in_minutes', message: `must be ${MIN_EXPIRY_MINUTES} to ${MAX_EXPIRY_MINUTES} minutes` },
    ]);
  }
  return { amountMinor: input.amountMinor, reference: input.reference.trim(), expiresAt: new Date(at.getTime() + minutes * 60_000) };
}

/** Paid once paid; otherwise open until its expiry instant, expired from it. */
export function statusAt(request: { paidAt: Date | null; expiresAt: Date }, at: Date): PaymentRequestStatus {
  if (request.paidAt) return 'paid';
  return at.getTime() < request.expiresAt.getTime() ? 'open' : 'expired';
}

/** A request is paid at most once, and never after its expiry. */
export function checkPayable(request: { paidAt: Date | null; expiresAt: Date }, at: Date): RefusalValue | undefined {
  const status = statusAt(request, at);
  if (status === 'paid') return refusal('conflict', 'request_already_paid', 'This payment request is already paid');
  if (status === 'expired') return refusal('conflict', 'request_expired', 'This payment request expired; ask the merchant for a new one');
  return undefined;
}

/** e21pay:<id>?amount=12.50&currency=%C3%89CU-BDR: what the request's QR code carries. */
export function paymentUri(id: string, amountMinor: bigint, minorUnits: number, code: string): string {
  return `e21pay:${id}?amount=${formatMinor(amountMinor, minorUnits)}&currency=${encodeURIComponent(code)}`;
}
