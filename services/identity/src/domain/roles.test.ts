import { isRefusal, type RefusalValue } from '@e21/kit';
import { checkGrant, parseGrantee, type Grantee } from './roles.js';

const PERSON_ID = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';
const person: Grantee = { kind: 'person', personId: PERSON_ID };
const client: Grantee = { kind: 'client', clientId: 'regional-dashboard' };

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

describe('parseGrantee', () => {
  it('reads "person:<uuid>" as a person', () => {
    expect(parseGrantee(`person:${PERSON_ID}`)).toEqual(person);
  });

  it('reads "client:<client id>" as a client', () => {
    expect(parseGrantee('client:regional-dashboard')).toEqual(client);
    expect(parseGrantee('client:Reporting_v2.prod')).toEqual({ kind: 'client', clientId: 'Reporting_v2.prod' });
  });

  it('refuses a person that is not named by a uuid', () => {
    expect(refused(parseGrantee('person:ada')).code).toBe('invalid_grantee');
    expect(refused(parseGrantee('person:')).code).toBe('invalid_grantee');
  });

  it('refuses an empty, overlong or oddly spelled client id', () => {
    for (const text of ['client:', 'client:has space', 'client:a/b', `client:${'c'.repeat(101)}`]) {
      expect(refused(parseGrantee(text)).fields).toEqual([{ field: 'grantee', message: expect.any(String) }]);
    }
    expect(isRefusal(parseGrantee(`client:${'c'.repeat(100)}`))).toBe(false);
  });

  it('refuses any other kind of grantee', () => {
    for (const text of ['', 'robot:r2d2', `organization:${PERSON_ID}`, `Person:${PERSON_ID}`, PERSON_ID]) {
      expect(refused(parseGrantee(text)).code).toBe('invalid_grantee');
    }
  });
});

describe('checkGrant', () => {
  it('gives territory_admin and integrator on territories only', () => {
    for (const scopeKind of ['organization', 'project'] as const) {
      expect(checkGrant('territory_admin', scopeKind, person)?.code).toBe('role_needs_territory');
      expect(checkGrant('integrator', scopeKind, client)?.code).toBe('role_needs_territory');
    }
    expect(checkGrant('territory_admin', 'territory', person)).toBeUndefined();
    expect(checkGrant('integrator', 'territory', client)).toBeUndefined();
  });

  it('gives the other roles on any kind of scope', () => {
    for (const scopeKind of ['territory', 'organization', 'project'] as const) {
      expect(checkGrant('officer', scopeKind, person)).toBeUndefined();
      expect(checkGrant('moderator', scopeKind, person)).toBeUndefined();
    }
  });

  it('gives a client the integrator role only', () => {
    for (const role of ['territory_admin', 'officer', 'assembly_member', 'moderator', 'treasury_officer'] as const) {
      expect(checkGrant(role, 'territory', client)?.code).toBe('client_role');
    }
  });
});
