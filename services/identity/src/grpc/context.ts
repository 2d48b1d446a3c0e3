// What every identity handler needs: the pool, the caller, and checks on ids and languages.
import { invalid, Refused, type Caller, type CallContext, type Logger, type Pool } from '@e21/kit';
import { isUuid } from '../domain/people.js';
import type { Language } from '../domain/skills.js';

export interface HandlerDeps {
  pool: Pool;
  logger: Logger;
  /** Issuer URL of the built-in OpenID Connect provider, whose subjects are person ids. */
  ownIssuer?: string;
}

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
  if (!isUuid(value)) throw invalid(field, 'must be a UUID', 'invalid_id');
  return value.toLowerCase();
}

export function optionalUuid(value: string, field: string): string | undefined {
  return value ? requireUuid(value, field) : undefined;
}

export function languageOf(value: string): Language {
  return value === 'fr' ? 'fr' : 'en';
}

export function requireEnum<T>(value: T | undefined, field: string, allowed: readonly string[]): T {
  if (value === undefined) throw invalid(field, `must be one of ${allowed.join(', ')}`, 'invalid_enum');
  return value;
}
