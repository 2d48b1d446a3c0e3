// People, sign-in subjects and profiles.
import { randomUUID } from 'node:crypto';
import {
  clampLimit,
  forbidden,
  invalid,
  isUniqueViolation,
  notFound,
  orThrow,
  Refused,
  unknownReference,
  withTransaction,
  type Handlers,
} from '@e21/kit';
import type { IdentityServiceService } from '@e21/proto/e21/identity/v1/identity';
import { requireAllowed } from '../authorization.js';
import { hashPassword } from '../domain/credentials.js';
import {
  applyPersonUpdate,
  passwordProblem,
  validateNewPerson,
  PERSON_STATUSES,
  type Person,
  type PersonFields,
} from '../domain/people.js';
import { employerOf } from '../domain/organizations.js';
import * as events from '../events.js';
import { grantToProto, membershipToProto, personStatusFromProto, personToProto, skillToProto, territoryToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, languageOf, requireEnum, requireUuid, type HandlerDeps } from './context.js';

type PeopleHandlers = Pick<
  Handlers<typeof IdentityServiceService>,
  'registerPerson' | 'getPerson' | 'updatePerson' | 'listPeople' | 'setPassword' | 'resolveSubject' | 'getProfile'
>;

/** Registers a person in a transaction, with their event; refuses a second account for one email. */
export async function registerPerson(deps: HandlerDeps, fields: PersonFields, password?: string): Promise<Person> {
  const valid = orThrow(validateNewPerson(fields));
  if (password !== undefined && passwordProblem(password)) throw invalid('password', passwordProblem(password)!, 'weak_password');
  const passwordHash = password ? await hashPassword(password) : undefined;
  const now = deps.now();
  const person: Person = { ...valid, id: randomUUID(), version: 1, createdAt: now, updatedAt: now };
  try {
    return await withTransaction(deps.pool, async (tx) => {
      if (!(await store.getTerritory(tx, person.territoryId))) throw unknownReference('territory_id', 'territory', person.territoryId);
      await store.insertPerson(tx, person);
      if (passwordHash) await store.setPasswordHash(tx, person.id, passwordHash);
      await events.personRegistered(tx, person);
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Refused('already_exists', 'email_taken', 'Someone is already registered with this email', [
        { field: 'email', message: 'is already registered' },
      ]);
    throw error;
  }
}

async function existingPerson(deps: HandlerDeps, id: string): Promise<Person> {
  const person = await store.getPerson(deps.pool, id);
  if (!person) throw notFound('person', id);
  return person;
}

export function peopleHandlers(deps: HandlerDeps): PeopleHandlers {
  return {
    async registerPerson(request, call) {
      const caller = callerOf(call);
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      await requireAllowed(deps.pool, caller, 'identity.people.register', { territoryId });
      const status = requireEnum(personStatusFromProto(request.status), 'status', PERSON_STATUSES);
      const locale = languageOf(request.locale || 'en');
      const person = await registerPerson(
        deps,
        { name: request.name, email: request.email, locale, status, territoryId },
        request.password || undefined,
      );
      return personToProto(person);
    },

    async getPerson(request, call) {
      const id = requireUuid(request.id, 'id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.people.read', { personId: id });
      return personToProto(await existingPerson(deps, id));
    },

    async updatePerson(request, call) {
      const id = requireUuid(request.id, 'id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.people.update', { personId: id });
      const changes = {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.locale !== undefined ? { locale: request.locale as Person['locale'] } : {}),
        ...(request.status !== undefined ? { status: requireEnum(personStatusFromProto(request.status), 'status', PERSON_STATUSES) } : {}),
        ...(request.territoryId !== undefined ? { territoryId: requireUuid(request.territoryId, 'territory_id') } : {}),
      };
      const updated = await withTransaction(deps.pool, async (tx) => {
        const person = await store.getPerson(tx, id, { forUpdate: true });
        if (!person) throw notFound('person', id);
        const result = orThrow(applyPersonUpdate(person, changes, request.expectedVersion, deps.now()));
        if (result.changedFields.length === 0) return result.person;
        if (changes.territoryId && !(await store.getTerritory(tx, changes.territoryId)))
          throw unknownReference('territory_id', 'territory', changes.territoryId);
        await store.updatePerson(tx, result.person);
        await events.personUpdated(tx, result.person, result.changedFields);
        return result.person;
      });
      return personToProto(updated);
    },

    async listPeople(request, call) {
      const territoryId = requireUuid(request.territoryId, 'territory_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.people.list', { territoryId });
      const people = await store.listPeopleWithin(deps.pool, territoryId, clampLimit(request.limit), request.cursor || undefined);
      return { people: people.items.map(personToProto), nextCursor: people.nextCursor };
    },

    async setPassword(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.people.set_password', { personId });
      const problem = passwordProblem(request.password);
      if (problem) throw invalid('password', problem, 'weak_password');
      await existingPerson(deps, personId);
      await store.setPasswordHash(deps.pool, personId, await hashPassword(request.password));
      return {};
    },

    async resolveSubject(request, call) {
      if (callerOf(call).kind !== 'system') throw forbidden('Only the gateway resolves sign-in subjects');
      return resolveSubject(deps, request);
    },

    async getProfile(request, call) {
      const personId = requireUuid(request.personId, 'person_id');
      await requireAllowed(deps.pool, callerOf(call), 'identity.people.read', { personId });
      const profile = await store.loadProfile(deps.pool, personId);
      if (!profile) throw notFound('person', personId);
      const language = languageOf(request.language || profile.person.locale);
      return {
        person: personToProto(profile.person),
        territoryPath: profile.territoryPath.map((territory) => territoryToProto(territory, language)),
        memberships: profile.memberships.map(membershipToProto),
        competences: profile.competences.map(({ competence, skill, broader }) => ({
          ...competence,
          skill: skillToProto(skill, language, broader),
        })),
        roles: profile.grants.map(grantToProto),
        employer: mapOptional(employerOf(profile.person.status, profile.memberships), membershipToProto),
      };
    },
  };
}

/**
 * Finds the person behind an OpenID Connect subject. The built-in provider's subjects are person
 * ids; a subject of another issuer (Keycloak) is linked on first sign-in, to the person with the
 * same email or to a newly registered one.
 */
async function resolveSubject(
  deps: HandlerDeps,
  request: { issuer: string; subject: string; email: string; name: string; locale: string; emailVerified: boolean },
): Promise<{ person: ReturnType<typeof personToProto>; registeredNow: boolean }> {
  if (deps.ownIssuer && request.issuer === deps.ownIssuer) {
    return { person: personToProto(await existingPerson(deps, requireUuid(request.subject, 'subject'))), registeredNow: false };
  }
  const linked = await store.findExternalSubject(deps.pool, request.issuer, request.subject);
  if (linked) return { person: personToProto(await existingPerson(deps, linked)), registeredNow: false };
  if (!request.email) throw new Refused('not_found', 'unknown_subject', 'This sign-in is not linked to a person and carries no email');
  if (!request.emailVerified)
    throw new Refused('forbidden', 'email_not_verified', 'Verify your email address with your sign-in provider first');
  const existing = await store.findPersonByEmail(deps.pool, request.email);
  if (existing) {
    await store.linkExternalSubject(deps.pool, request.issuer, request.subject, existing.id);
    return { person: personToProto(existing), registeredNow: false };
  }
  const root = (await store.listTerritories(deps.pool))[0];
  if (!root) throw new Refused('conflict', 'no_territories', 'No territory exists yet to register people in');
  const person = await registerPerson(deps, {
    name: request.name || request.email,
    email: request.email,
    locale: languageOf(request.locale),
    status: 'volunteer',
    territoryId: root.id,
  });
  await store.linkExternalSubject(deps.pool, request.issuer, request.subject, person.id);
  return { person: personToProto(person), registeredNow: true };
}

function mapOptional<T, R>(value: T | undefined, map: (value: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}
