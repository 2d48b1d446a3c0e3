// What every payroll handler needs: the pool, the other services, the clock, the caller, and
// checks on input.
import { callerOf, forbidden, invalid, type Caller, type CallContext, type Logger, type Pool } from '@e21/kit';
import type { Directory } from '../directory.js';
import type { FormRecord } from '../store.js';

export { callerOf, requireUuid, requireMonth } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  now(): Date;
}

export function personOf(call: CallContext): string {
  const caller = callerOf(call);
  if (caller.kind !== 'person') throw forbidden('Only a person has Societal Activity Forms');
  return caller.personId;
}

export function requireLimit(value: number, fallback = 50, max = 200): number {
  if (value === 0) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw invalid('limit', `must be from 1 to ${max}`, 'invalid_limit');
  return value;
}

/**
 * Who reads a form: its person, the officers of its territory or above, and the HR managers and
 * admins of its employer (for a form of a contract the employer is a party to).
 */
export async function mayReadForm(deps: HandlerDeps, caller: Caller, form: FormRecord): Promise<boolean> {
  if (caller.kind === 'system') return true;
  if (caller.kind === 'person' && caller.personId === form.personId) return true;
  if (await deps.directory.may(caller, 'payroll.forms.read', { territoryId: form.territoryId })) return true;
  return form.employerId !== null && (await deps.directory.may(caller, 'payroll.exports.read', { organizationId: form.employerId }));
}

export async function requireReadable(deps: HandlerDeps, caller: Caller, form: FormRecord): Promise<void> {
  if (!(await mayReadForm(deps, caller, form))) throw forbidden('Only the person, the officers of the territory and the employer’s HR managers read a form');
}
