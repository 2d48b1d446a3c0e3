// What every contracts handler needs: the pool, identity and programs, the caller, checks on
// input, and the caller's standing on a contract.
import { createHash } from 'node:crypto';
import { forbidden, invalid, isRefusal, Refused, refusal, type Caller, type CallContext, type Logger, type Pool, type RefusalValue } from '@e21/kit';
import { isIsoDate } from '../domain/dates.js';
import type { Party } from '../domain/negotiation.js';
import { partiesOfCaller } from '../domain/parties.js';
import type { Directory } from '../directory.js';
import * as store from '../store.js';
import type { ContractRecord } from '../store.js';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
}

export const COMMENT_MAX_LENGTH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

export function callerOf(call: CallContext): Caller {
  if (!call.caller) throw new Refused('unauthenticated', 'unauthenticated', 'This call needs a caller');
  return call.caller;
}

export function callerText(caller: Caller): string {
  if (caller.kind === 'person') return `person:${caller.personId}`;
  if (caller.kind === 'client') return `client:${caller.clientId}`;
  return `system:${caller.service}`;
}

/** The value, if it is a UUID; otherwise an invalid-argument refusal naming the field. */
export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw invalid(field, 'must be a UUID', 'invalid_id');
  return value.toLowerCase();
}

export function optionalUuid(value: string, field: string): string | undefined {
  return value ? requireUuid(value, field) : undefined;
}

export function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw invalid(field, 'must be a date YYYY-MM-DD', 'invalid_date');
  return value;
}

export function requireVersion(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) throw invalid(field, 'must be a version number from 1', 'invalid_version');
  return value;
}

export function commentOf(value: string, field = 'comment'): string {
  const comment = value.trim();
  if (comment.length > COMMENT_MAX_LENGTH) throw invalid(field, `must be at most ${COMMENT_MAX_LENGTH} characters`);
  if (comment.includes('\u0000')) throw invalid(field, 'must not contain NUL characters');
  return comment;
}

export function idempotencyKeyOf(value: string): string | undefined {
  if (!value) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) throw invalid('idempotency_key', 'must be 1 to 100 letters, digits or ._:-', 'invalid_idempotency_key');
  return value;
}

/** A fingerprint of a request, to tell a retry (same request) from a reused key (another one). */
export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)))
    .digest('hex');
}

/** Prefixes the fields a domain refusal names ("yearly_minutes" -> "terms.yearly_minutes"). */
export function prefixed<T>(result: T | RefusalValue, prefix: string): T | RefusalValue {
  if (!isRefusal(result)) return result;
  return refusal(result.kind, result.code, result.message, result.fields?.map((f) => ({ ...f, field: `${prefix}.${f.field}` })));
}

/** The parties a caller may act as on a contract: identity decides who acts for the employer and the office. */
export async function callerParties(deps: HandlerDeps, caller: Caller, contract: ContractRecord): Promise<Party[]> {
  if (caller.kind !== 'person') return [];
  const isPerson = caller.personId === contract.personId;
  if (isPerson) return ['person'];
  const [actsForEmployer, actsForOffice] = await Promise.all([
    contract.employerId ? deps.directory.may(caller, 'contracts.employer.act', contract.employerId) : false,
    deps.directory.may(caller, 'contracts.office.act', contract.officeId),
  ]);
  return partiesOfCaller(contract.kind, { isPerson, actsForEmployer, actsForOffice });
}

/**
 * The contract and the caller's parties on it. Only its parties (and services) read a contract;
 * to anyone else an unknown contract and someone else's look the same.
 */
export async function contractFor(deps: HandlerDeps, caller: Caller, id: string): Promise<{ contract: ContractRecord; parties: Party[] }> {
  const contract = await store.getContract(deps.pool, id);
  if (!contract) {
    if (caller.kind === 'system') throw new Refused('not_found', 'contract_not_found', `No contract with id ${id}`);
    throw forbidden('You are not a party to this contract');
  }
  const parties = await callerParties(deps, caller, contract);
  if (parties.length === 0 && caller.kind !== 'system') throw forbidden('You are not a party to this contract');
  return { contract, parties };
}
