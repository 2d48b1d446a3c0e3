// Which roles can be given on which kind of scope, and to whom.
import { isUuid, refusal, type RefusalValue } from '@e21/kit';
import type { Grant, Role, ScopeKind } from './policy.js';

const TERRITORY_ONLY: readonly Role[] = ['territory_admin', 'integrator'];

/** A role given to a person or an integration client on a scope, active until revoked. */
export interface RoleGrant extends Grant {
  id: string;
  /** "person:<id>" or "client:<client id>". */
  grantee: string;
  grantedBy: string;
  grantedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export type Grantee = { kind: 'person'; personId: string } | { kind: 'client'; clientId: string };

export function parseGrantee(text: string): Grantee | RefusalValue {
  const separator = text.indexOf(':');
  const [kind, id] = separator > 0 ? [text.slice(0, separator), text.slice(separator + 1)] : ['', ''];
  if (kind === 'person' && isUuid(id)) return { kind, personId: id };
  if (kind === 'client' && /^[a-zA-Z0-9._-]{1,100}$/.test(id)) return { kind, clientId: id };
  return refusal('invalid', 'invalid_grantee', 'grantee must be "person:<uuid>" or "client:<client id>"', [
    { field: 'grantee', message: 'must be "person:<uuid>" or "client:<client id>"' },
  ]);
}

export function checkGrant(role: Role, scopeKind: ScopeKind, grantee: Grantee): RefusalValue | undefined {
  if (TERRITORY_ONLY.includes(role) && scopeKind !== 'territory') {
    return refusal('invalid', 'role_needs_territory', `${role} is given on a territory only`, [
      { field: 'scope_kind', message: 'must be territory for this role' },
    ]);
  }
  if (grantee.kind === 'client' && role !== 'integrator') {
    return refusal('invalid', 'client_role', 'integrating clients can only be given the integrator role', [
      { field: 'role', message: 'must be integrator for a client' },
    ]);
  }
  return undefined;
}
