// Roles given on a territory reach the territories below it, never beside or above it.
import { personCaller } from '@e21/kit';
import { waitFor } from '@e21/devinfra';
import { PersonStatus, Role, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import { as, registerPerson, startIdentity, SYSTEM, type IdentityUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
import { createTerritoryTree, type Territories } from '../../../tests/support/territories.js';

let identity: IdentityUnderTest;
let territories: Territories;

beforeAll(async () => {
  identity = await startIdentity();
  territories = await createTerritoryTree(identity.client);
});
afterAll(() => identity.stop());

const grant = (personId: string, role: Role, scopeId: string, options = SYSTEM) =>
  identity.client.grantRole({ grantee: `person:${personId}`, role, scopeKind: ScopeKind.SCOPE_KIND_TERRITORY, scopeId }, options);

describe('territory scopes', () => {
  it('lets an officer of a region act on localities below it and not beside it', async () => {
    const regionalOfficer = await registerPerson(identity.client, territories.marseille);
    await grant(regionalOfficer.id, Role.ROLE_OFFICER, territories.bouchesDuRhone);
    const inMarseille = await registerPerson(identity.client, territories.marseille);
    const inAubagne = await registerPerson(identity.client, territories.aubagne);
    const inToulon = await registerPerson(identity.client, territories.toulon);
    expect((await identity.client.getPerson({ id: inMarseille.id }, as(regionalOfficer.id))).id).toBe(inMarseille.id);
    expect((await identity.client.getPerson({ id: inAubagne.id }, as(regionalOfficer.id))).id).toBe(inAubagne.id);
    expect((await refusalOf(identity.client.getPerson({ id: inToulon.id }, as(regionalOfficer.id)))).kind).toBe('forbidden');
    const listed = await identity.client.listPeople(
      { territoryId: territories.bouchesDuRhone, limit: 100, cursor: '' },
      as(regionalOfficer.id),
    );
    expect(listed.people.map((p) => p.id)).toEqual(expect.arrayContaining([inMarseille.id, inAubagne.id]));
    expect(listed.people.map((p) => p.id)).not.toContain(inToulon.id);
    expect(
      (await refusalOf(identity.client.listPeople({ territoryId: territories.paca, limit: 10, cursor: '' }, as(regionalOfficer.id)))).kind,
    ).toBe('forbidden');
  });

  it('keeps a locality’s officer out of the neighbouring locality', async () => {
    const officer = await registerPerson(identity.client, territories.marseille);
    await grant(officer.id, Role.ROLE_OFFICER, territories.marseille);
    const neighbour = await registerPerson(identity.client, territories.aubagne);
    expect((await refusalOf(identity.client.getPerson({ id: neighbour.id }, as(officer.id)))).kind).toBe('forbidden');
  });

  it('stops applying a role once it is revoked', async () => {
    const officer = await registerPerson(identity.client, territories.aubagne);
    const given = await grant(officer.id, Role.ROLE_OFFICER, territories.aubagne);
    const resident = await registerPerson(identity.client, territories.aubagne);
    await identity.client.getPerson({ id: resident.id }, as(officer.id));
    await identity.client.revokeRole({ id: given.id }, SYSTEM);
    expect((await refusalOf(identity.client.getPerson({ id: resident.id }, as(officer.id)))).kind).toBe('forbidden');
  });
});

describe('granting roles', () => {
  it('refuses a role grant from someone who is not a territory admin there', async () => {
    const officer = await registerPerson(identity.client, territories.marseille);
    await grant(officer.id, Role.ROLE_OFFICER, territories.marseille);
    const candidate = await registerPerson(identity.client, territories.marseille);
    const refused = await refusalOf(grant(candidate.id, Role.ROLE_MODERATOR, territories.marseille, as(officer.id)));
    expect(refused.kind).toBe('forbidden');
    const grants = await identity.client.listRoleGrants(
      { grantee: `person:${candidate.id}`, scopeKind: ScopeKind.SCOPE_KIND_UNSPECIFIED, scopeId: '', includeRevoked: true },
      SYSTEM,
    );
    expect(grants.grants).toEqual([]);
  });

  it('lets a territory admin grant below their territory but not elsewhere', async () => {
    const admin = await registerPerson(identity.client, territories.marseille);
    await grant(admin.id, Role.ROLE_TERRITORY_ADMIN, territories.bouchesDuRhone);
    const candidate = await registerPerson(identity.client, territories.marseille);
    const granted = await grant(candidate.id, Role.ROLE_ASSEMBLY_MEMBER, territories.marseille, as(admin.id));
    expect(granted.grantedBy).toBe(`person:${admin.id}`);
    expect((await refusalOf(grant(candidate.id, Role.ROLE_ASSEMBLY_MEMBER, territories.toulon, as(admin.id)))).kind).toBe('forbidden');
    expect((await refusalOf(grant(candidate.id, Role.ROLE_ASSEMBLY_MEMBER, territories.paca, as(admin.id)))).kind).toBe('forbidden');
  });

  it('gives the same grant twice as one grant', async () => {
    const person = await registerPerson(identity.client, territories.marseille);
    const first = await grant(person.id, Role.ROLE_MODERATOR, territories.marseille);
    const second = await grant(person.id, Role.ROLE_MODERATOR, territories.marseille);
    expect(second.id).toBe(first.id);
  });
});

describe('Authorize', () => {
  it('answers other services with the rule that decided', async () => {
    const officer = await registerPerson(identity.client, territories.aubagne);
    await grant(officer.id, Role.ROLE_OFFICER, territories.bouchesDuRhone);
    const allowed = await identity.client.authorize(
      {
        subject: `person:${officer.id}`,
        action: 'identity.people.list',
        scope: { territoryId: territories.aubagne, organizationId: '', projectId: '', personId: '', projectTerritoryId: '' },
      },
      SYSTEM,
    );
    expect(allowed).toEqual({ allowed: true, reason: `officer of territory ${territories.bouchesDuRhone}` });
    const refused = await identity.client.authorize(
      {
        subject: `person:${officer.id}`,
        action: 'identity.people.list',
        scope: { territoryId: territories.toulon, organizationId: '', projectId: '', personId: '', projectTerritoryId: '' },
      },
      SYSTEM,
    );
    expect(refused.allowed).toBe(false);
  });

  it('does not let a person ask about someone else', async () => {
    const curious = await registerPerson(identity.client, territories.marseille);
    const other = await registerPerson(identity.client, territories.marseille);
    const refused = await refusalOf(
      identity.client.authorize(
        { subject: `person:${other.id}`, action: 'identity.people.read', scope: undefined },
        { caller: personCaller(curious.id) },
      ),
    );
    expect(refused.kind).toBe('forbidden');
  });
});

describe('signing in through another issuer', () => {
  const keycloak = 'https://keycloak.example.org/realms/e21';

  it('links a verified email to the person who has it, and finds them again by subject', async () => {
    const person = await registerPerson(identity.client, territories.marseille, { email: 'linked@example.org' });
    const first = await identity.client.resolveSubject(
      { issuer: keycloak, subject: 'kc-1', email: 'Linked@example.org', name: '', locale: '', emailVerified: true },
      SYSTEM,
    );
    expect(first).toMatchObject({ registeredNow: false, person: { id: person.id } });
    const again = await identity.client.resolveSubject(
      { issuer: keycloak, subject: 'kc-1', email: '', name: '', locale: '', emailVerified: false },
      SYSTEM,
    );
    expect(again.person?.id).toBe(person.id);
  });

  it('refuses to link an unverified email, which anyone could claim', async () => {
    await registerPerson(identity.client, territories.marseille, { email: 'victim@example.org' });
    const refused = await refusalOf(
      identity.client.resolveSubject(
        { issuer: keycloak, subject: 'kc-attacker', email: 'victim@example.org', name: '', locale: '', emailVerified: false },
        SYSTEM,
      ),
    );
    expect(refused.code).toBe('email_not_verified');
  });

  it('registers a newcomer with a verified email', async () => {
    const result = await identity.client.resolveSubject(
      { issuer: keycloak, subject: 'kc-new', email: 'newcomer@example.org', name: 'New Comer', locale: 'fr', emailVerified: true },
      SYSTEM,
    );
    expect(result).toMatchObject({
      registeredNow: true,
      person: { name: 'New Comer', locale: 'fr', status: PersonStatus.PERSON_STATUS_VOLUNTEER },
    });
  });

  it('is for the gateway only', async () => {
    const person = await registerPerson(identity.client, territories.marseille);
    const refused = await refusalOf(
      identity.client.resolveSubject(
        { issuer: keycloak, subject: 'kc-x', email: 'x@example.org', name: '', locale: '', emailVerified: true },
        as(person.id),
      ),
    );
    expect(refused.kind).toBe('forbidden');
  });
});

describe('events', () => {
  it('writes each change’s event to the outbox and publishes it', async () => {
    const person = await registerPerson(identity.client, territories.marseille);
    await identity.client.updatePerson({ id: person.id, name: 'Changed' }, as(person.id));
    const published = async () =>
      (
        await identity.service.pool.query<{ type: string; published: boolean }>(
          'select type, published_at is not null as published from outbox where subject = $1 order by seq',
          [person.id],
        )
      ).rows;
    const rows = await waitFor(async () => ((await published()).every((row) => row.published) ? published() : undefined), {
      what: 'the relay',
    });
    expect(rows).toEqual([
      { type: 'identity.person.registered', published: true },
      { type: 'identity.person.updated', published: true },
    ]);
  });
});
