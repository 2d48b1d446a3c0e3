// What every payroll handler needs: the pool, the other services, the clock, the caller, and
// checks on input.
import { forbidden, type Caller, type Clock, type Logger, type Pool } from '@e21/kit';
import type { FormRecord } from '../domain/forms.js';
import { formReader, needsGrants, type FormReader } from '../domain/views.js';
import type { Directory } from '../directory.js';

export { callerOf, clampLimit, personOf, requireUuid, requireMonth } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  now: Clock;
  /** The verification page printed on forms: employer documents of earlier forms are written with it. */
  verifyUrl: string;
}

/** Why only people list their own forms: services and integration clients have none. */
export const ONLY_PEOPLE_HAVE_FORMS = 'Only a person has Societal Activity Forms';

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
