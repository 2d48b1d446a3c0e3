// The organizations the signed-in person acts for as an employer (HR manager or admin).
import type { Me, Membership } from '../../services/identity';

const MANAGING = ['hr_manager', 'admin'];

/**
 * The person's own HR and admin memberships. /v1/me currently lists other people's memberships
 * too (see the contracts report), so each is checked to be the person's own.
 */
export function managedOrganizations(me: Me | null): Membership[] {
  if (!me) return [];
  return me.memberships.filter(
    (m) => MANAGING.includes(m.role) && ((m as Membership & { personId?: string }).personId ?? me.person.id) === me.person.id,
  );
}
