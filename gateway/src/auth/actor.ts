// Who is calling the gateway, and how that becomes the caller the services authorize.
import { Refused, type Caller } from '@e21/kit';

export interface SessionInfo {
  idHash: string;
  csrfToken: string;
  idToken: string | null;
}

export type Actor =
  | { kind: 'person'; personId: string; locale: 'en' | 'fr'; via: 'session'; session: SessionInfo }
  | { kind: 'person'; personId: string; locale: 'en' | 'fr'; via: 'bearer' }
  | { kind: 'client'; clientId: string; via: 'bearer' }
  | { kind: 'anonymous'; via: 'none' };

export type PersonActor = Extract<Actor, { kind: 'person' }>;

export function callerOf(actor: Actor): Caller {
  if (actor.kind === 'person') return { kind: 'person', personId: actor.personId };
  if (actor.kind === 'client') return { kind: 'client', clientId: actor.clientId };
  throw new Refused('unauthenticated', 'unauthenticated', 'Sign in first');
}

export function requirePerson(actor: Actor): PersonActor {
  if (actor.kind !== 'person') throw new Refused('forbidden', 'forbidden', 'This route is for people');
  return actor;
}
