// What every contracts handler needs: the pool, identity and programs, the clock, the caller, checks
// on input, and the caller's standing on a contract.
import {
  forbidden,
  invalid,
  isRefusal,
  Refused,
  refusal,
  type Caller,
  type Clock,
  type Logger,
  type Pool,
  type RefusalValue,
} from '@e21/kit';
import type { ContractRecord } from '../domain/contracts.js';
import type { Party } from '../domain/negotiation.js';
import { partiesOfCaller } from '../domain/parties.js';
import type { Directory } from '../directory.js';
import * as store from '../store/index.js';

export { callerOf, requireUuid, optionalUuid, requireDate, requireVersion, idempotencyKeyOf, requestHash } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** Every instant a step records (proposals, acceptances, decisions) and "today" are read from here. */
  now: Clock;
}

export const COMMENT_MAX_LENGTH = 1000;

export function commentOf(value: string, field = 'comment'): string {
  const comment = value.trim();
  if (comment.length > COMMENT_MAX_LENGTH) throw invalid(field, `must be at most ${COMMENT_MAX_LENGTH} characters`);
  if (comment.includes('\u0000')) throw invalid(field, 'must not contain NUL characters');
  return comment;
}

/** Prefixes the fields a domain refusal names ("yearly_minutes" -> "terms.yearly_minutes"). */
export function prefixed<T>(result: T | RefusalValue, prefix: string): T | RefusalValue {
  if (!isRefusal(result)) return result;
  return refusal(
    result.kind,
    result.code,
    result.message,
    result.fields?.map((f) => ({ ...f, field: `${prefix}.${f.field}` })),
  );
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
