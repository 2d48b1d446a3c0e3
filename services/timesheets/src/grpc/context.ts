// What every timesheets handler needs: the pool, the other services, the clock, the caller, and
// checks on input.
import { callerOf, forbidden, invalid, type CallContext, type Logger, type Pool } from '@e21/kit';
import type { Directory } from '../directory.js';

export { callerOf, requireUuid, optionalUuid, requireDate, requireMonth, idempotencyKeyOf, requestHash } from '@e21/kit';
export { formatCaller as callerText } from '@e21/kit';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  /** The clock: "today" decides future dates and which months are over. */
  now(): Date;
}

/** The person calling: only people log and validate hours. */
export function personOf(call: CallContext): string {
  const caller = callerOf(call);
  if (caller.kind !== 'person') throw forbidden('Only a person can do this');
  return caller.personId;
}

export function requireVersion(value: number, field = 'expected_version'): number {
  if (!Number.isInteger(value) || value < 1) throw invalid(field, 'must be a version number from 1', 'invalid_version');
  return value;
}

