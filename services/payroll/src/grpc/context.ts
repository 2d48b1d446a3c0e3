// What every payroll handler needs: the pool, the other services, the clock, the caller, and
// checks on input.
import { callerOf, forbidden, invalid, type Caller, type CallContext, type Logger, type Pool } from '@e21/kit';
import { formReader, needsGrants, type FormReader } from '../domain/views.js';
import type { Directory } from '../directory.js';
import type { FormRecord } from '../store.js';

export { callerOf, requireUuid, requireMonth } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  now(): Date;
  /** The verification page printed on forms: employer documents of earlier forms are written with it. */
  verifyUrl: string;
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
 * The reader the caller is for a form (see `formReader`): identity is asked, both questions at once,
 * only about a caller who is neither the form's person nor the platform.
 */
export async function readerOf(deps: HandlerDeps, caller: Caller | undefined, form: FormRecord): Promise<FormReader> {
  if (!caller || !needsGrants(caller, form)) return formReader(caller, form, { officeOfTerritory: false, employerOfContract: false });
  const [officeOfTerritory, employerOfContract] = await Promise.all([
    deps.directory.may(caller, 'payroll.forms.read', { territoryId: form.territoryId }),
    form.employerId === null ? false : deps.directory.may(caller, 'payroll.exports.read', { organizationId: form.employerId }),
  ]);
  return formReader(caller, form, { officeOfTerritory, employerOfContract });
}

/** The reader of a form who may see some of it; the public is refused. */
export async function requireReader(deps: HandlerDeps, caller: Caller, form: FormRecord): Promise<Exclude<FormReader, 'public'>> {
  const reader = await readerOf(deps, caller, form);
  if (reader === 'public') throw forbidden('Only the person, the officers of the territory and the employer’s HR managers read a form');
  return reader;
}
