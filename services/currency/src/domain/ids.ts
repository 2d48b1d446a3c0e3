// Transfer and request ids derived from what makes them unique (an entry, a request, an idempotency
// key), so that a retry, a redelivery or a second replica arrives at the same id and posts nothing new.
import { createHash } from 'node:crypto';

// The currency service's own UUID namespace (RFC 9562 name-based ids, version 5).
const NAMESPACE = Buffer.from('6f1c2b7e4d3a4e8f9b0a1c2d3e4f5a6b', 'hex');

export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The one transfer that pays a time entry, whichever event or replica carries it. */
export const hoursTransferId = (entryId: string) => uuidV5(`hours:${entryId.toLowerCase()}`);
/** The one transfer that pays a payment request. */
export const requestTransferId = (requestId: string) => uuidV5(`request:${requestId}`);
/** The one transfer that takes a redemption out of circulation. */
export const redemptionTransferId = (redemptionId: string) => uuidV5(`redemption:${redemptionId}`);
/** A payment's id from the payer's account and its idempotency key. */
export const paymentTransferId = (fromAccountId: string, key: string) => uuidV5(`payment:${fromAccountId}:${key}`);
/** A payment request or redemption created with an idempotency key, by whom and for which organization. */
export const keyedId = (what: 'payment_request' | 'redemption', organizationId: string, caller: string, key: string) =>
  uuidV5(`${what}:${organizationId}:${caller}:${key}`);
