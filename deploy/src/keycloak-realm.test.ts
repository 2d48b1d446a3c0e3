// The Keycloak realm (deploy/keycloak/realm-e21.json) holds what the gateway and identity rely on
// when Keycloak is the issuer: the clients and their flows, the audience of access tokens, the claim
// telling integrating bodies from people, and the claims people are linked and greeted with.
import { readFileSync } from 'node:fs';

interface Mapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, string>;
}

interface Client {
  clientId: string;
  enabled: boolean;
  protocol: string;
  publicClient: boolean;
  bearerOnly: boolean;
  clientAuthenticatorType: string;
  secret?: string;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
  defaultClientScopes: string[];
  protocolMappers: Mapper[];
}

type Realm = Record<string, unknown> & { clients: Client[] };

const realm = JSON.parse(readFileSync(new URL('../keycloak/realm-e21.json', import.meta.url), 'utf8')) as Realm;

function client(clientId: string): Client {
  const found = realm.clients.find((candidate) => candidate.clientId === clientId);
  if (!found) throw new Error(`no client ${clientId} in the realm`);
  return found;
}

const mappersOfType = (target: Client, type: string) => target.protocolMappers.filter((mapper) => mapper.protocolMapper === type);

/** Every string found under a key of the document, wherever it is nested. */
function valuesOfKeys(value: unknown, keys: RegExp, path = ''): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => valuesOfKeys(item, keys, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(keys.test(key) ? [{ path: `${path}.${key}`, value: inner }] : []),
    ...valuesOfKeys(inner, keys, `${path}.${key}`),
  ]);
}

const PLACEHOLDER = /^\$\{E21_[A-Z0-9_]+\}$/;

describe('Keycloak realm e21', () => {
  it('is the enabled realm "e21", shown as Engagement 21', () => {
    expect(realm.realm).toBe('e21');
    expect(realm.enabled).toBe(true);
    expect(realm.displayName).toBe('Engagement 21');
  });

  it('speaks English and French, English by default', () => {
    expect(realm.internationalizationEnabled).toBe(true);
    expect([...(realm.supportedLocales as string[])].sort()).toEqual(['en', 'fr']);
    expect(realm.defaultLocale).toBe('en');
  });

  it('signs in by email, with one account per verified address (people are linked by email)', () => {
    expect(realm.loginWithEmailAllowed).toBe(true);
    expect(realm.duplicateEmailsAllowed).toBe(false);
    // identity links a Keycloak subject to the person with the same email on first sign-in: an
    // address nobody proved to own would hand that person's account to whoever typed it.
    expect(realm.verifyEmail).toBe(true);
  });

  it('slows down password guessing without locking people out for good', () => {
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.permanentLockout).toBe(false);
    expect(realm.failureFactor).toBe(5);
    expect(realm.waitIncrementSeconds).toBe(900);
  });

  it('asks for passwords of 10 characters, TLS for external requests, and hour-long access tokens', () => {
    expect(realm.passwordPolicy).toBe('length(10)');
    expect(realm.sslRequired).toBe('external');
    expect(realm.accessTokenLifespan).toBe(3600);
  });

  it('holds no users: people register, or are linked to their person by email', () => {
    expect(realm.users ?? []).toEqual([]);
    expect(realm.federatedUsers ?? []).toEqual([]);
    expect(valuesOfKeys(realm, /^credentials$/)).toEqual([]);
  });

  it('has exactly the three clients of the platform, all confidential OpenID Connect clients', () => {
    expect(realm.clients.map((c) => c.clientId).sort()).toEqual(['e21-cli', 'e21-integrator-example', 'e21-web']);
    for (const c of realm.clients) {
      expect({
        clientId: c.clientId,
        enabled: c.enabled,
        protocol: c.protocol,
        publicClient: c.publicClient,
        bearerOnly: c.bearerOnly,
        auth: c.clientAuthenticatorType,
      }).toEqual({
        clientId: c.clientId,
        enabled: true,
        protocol: 'openid-connect',
        publicClient: false,
        bearerOnly: false,
        auth: 'client-secret',
      });
      expect(c.implicitFlowEnabled).toBe(false);
    }
  });

  it('e21-web: authorization code with PKCE S256 only, back to the gateway', () => {
    const web = client('e21-web');
    expect(web.standardFlowEnabled).toBe(true);
    expect(web.directAccessGrantsEnabled).toBe(false);
    expect(web.serviceAccountsEnabled).toBe(false);
    expect(web.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(web.redirectUris).toEqual(['https://e21.example.org/auth/callback']);
    expect(web.webOrigins).toEqual(['https://e21.example.org']);
    expect(web.attributes['post.logout.redirect.uris']).toBe('https://e21.example.org/*');
  });

  it('e21-cli: the password grant only', () => {
    const cli = client('e21-cli');
    expect(cli.directAccessGrantsEnabled).toBe(true);
    expect(cli.standardFlowEnabled).toBe(false);
    expect(cli.serviceAccountsEnabled).toBe(false);
    expect(cli.redirectUris).toEqual([]);
  });

  it('e21-integrator-example: client credentials only, its tokens marked e21_kind=client', () => {
    const integrator = client('e21-integrator-example');
    expect(integrator.serviceAccountsEnabled).toBe(true);
    expect(integrator.standardFlowEnabled).toBe(false);
    expect(integrator.directAccessGrantsEnabled).toBe(false);
    expect(integrator.redirectUris).toEqual([]);
    const kind = mappersOfType(integrator, 'oidc-hardcoded-claim-mapper');
    expect(kind).toHaveLength(1);
    expect(kind[0]!.config).toMatchObject({
      'claim.name': 'e21_kind',
      'claim.value': 'client',
      'jsonType.label': 'String',
      'access.token.claim': 'true',
    });
  });

  it('marks no person-facing client as an integrating client', () => {
    // The gateway takes any token carrying e21_kind=client for an integrating body.
    for (const clientId of ['e21-web', 'e21-cli']) {
      const marks = client(clientId).protocolMappers.filter((mapper) => mapper.config['claim.name'] === 'e21_kind');
      expect({ clientId, marks }).toEqual({ clientId, marks: [] });
    }
  });

  it.each(['e21-web', 'e21-cli', 'e21-integrator-example'])('%s puts urn:e21:api in the audience of its access tokens', (clientId) => {
    const audiences = mappersOfType(client(clientId), 'oidc-audience-mapper');
    expect(audiences).toHaveLength(1);
    expect(audiences[0]!.protocol).toBe('openid-connect');
    expect(audiences[0]!.config).toMatchObject({ 'included.custom.audience': 'urn:e21:api', 'access.token.claim': 'true' });
  });

  it.each(['e21-web', 'e21-cli', 'e21-integrator-example'])('%s carries the locale user attribute into tokens', (clientId) => {
    const locale = mappersOfType(client(clientId), 'oidc-usermodel-attribute-mapper').filter(
      (mapper) => mapper.config['claim.name'] === 'locale',
    );
    expect(locale).toHaveLength(1);
    expect(locale[0]!.config).toMatchObject({ 'user.attribute': 'locale', 'access.token.claim': 'true', 'id.token.claim': 'true' });
  });

  it.each(['e21-web', 'e21-cli', 'e21-integrator-example'])(
    '%s keeps the subject claim (basic scope) and maps no client roles',
    (clientId) => {
      // Since Keycloak 25 `sub` comes from the "basic" client scope; the gateway needs iss + sub.
      expect(client(clientId).defaultClientScopes).toContain('basic');
      expect(mappersOfType(client(clientId), 'oidc-usermodel-client-role-mapper')).toEqual([]);
    },
  );

  it.each(['e21-web', 'e21-cli'])('%s gives people their email and name (profile and email scopes)', (clientId) => {
    expect(client(clientId).defaultClientScopes).toEqual(expect.arrayContaining(['profile', 'email']));
  });

  it('commits no secret: every client secret is its own environment placeholder', () => {
    const secrets = realm.clients.map((c) => c.secret);
    for (const secret of secrets) expect(secret).toMatch(PLACEHOLDER);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(client('e21-web').secret).toBe('${E21_WEB_CLIENT_SECRET}');
    // Anything else that looks like a secret, anywhere in the file, must be a placeholder too.
    for (const found of valuesOfKeys(realm, /secret|password$|privateKey|^value$/i)) {
      expect({ path: found.path, value: found.value }).toEqual({ path: found.path, value: expect.stringMatching(PLACEHOLDER) });
    }
  });
});
