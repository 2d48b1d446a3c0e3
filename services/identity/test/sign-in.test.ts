// The built-in provider's sign-in against attackers: one answer and one timing for unknown, wrong and
// locked accounts; failed sign-ins limited per client address and per e-mail across replicas; pages
// that no other site can frame.
import { createHash } from 'node:crypto';
import { FetchBrowser, loginForm, loginFormAction } from '../../../tests/support/fetch-browser.js';
import { registerPerson, startIdentity, TEST_CLIENTS, type IdentityUnderTest } from './support.js';
import { createTerritoryTree } from '../../../tests/support/territories.js';

const PASSWORD = 'correct horse battery';
const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';
const CLIENTS = JSON.stringify([
  ...TEST_CLIENTS,
  { client_id: 'e21-web', client_secret: 'web-secret', redirect_uris: [REDIRECT_URI], post_logout_redirect_uris: ['http://127.0.0.1:9/'] },
]);

/** A page's sign-in answer with what varies by request alone (the e-mail typed back, the interaction) taken out. */
const sameness = (body: string, email: string) =>
  body.replaceAll(email, '<email>').replace(/\/interaction\/[A-Za-z0-9_-]+/g, '/interaction/<uid>');

async function openLoginPage(issuer: string, browser = new FetchBrowser(), headers: Record<string, string> = {}) {
  const authorize = new URL('/auth', issuer);
  authorize.search = new URLSearchParams({
    client_id: 'e21-web',
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    state: 'state-of-the-test',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  }).toString();
  const { url, response } = await browser.follow(authorize.toString(), { headers });
  expect(url).toMatch(/\/interaction\//);
  const html = await response!.text();
  return { browser, url, response: response!, html, loginUrl: loginFormAction(html, url) };
}

async function passwordGrant(issuer: string, email: string, password: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('e21-cli:cli-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams({ grant_type: 'password', username: email, password }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { access_token?: string; error?: string; error_description?: string },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(attempt: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await attempt();
  return { ms: performance.now() - started, result };
}

describe('the same answer for an unknown e-mail, a wrong password and a locked account', () => {
  let identity: IdentityUnderTest;
  const people = { wrong: '', locked: '', unknown: '' };

  beforeAll(async () => {
    // Limits high enough that only the lockout (five wrong passwords in a row) is at play here.
    identity = await startIdentity({
      OIDC_CLIENTS_JSON: CLIENTS,
      SIGN_IN_FAILURES_PER_ADDRESS: '1000',
      SIGN_IN_FAILURES_PER_ACCOUNT: '1000',
    });
    const territories = await createTerritoryTree(identity.client);
    people.wrong = (
      await registerPerson(identity.client, territories.marseille, { password: PASSWORD, email: `wrong.${Date.now()}@example.org` })
    ).email;
    people.locked = (
      await registerPerson(identity.client, territories.marseille, { password: PASSWORD, email: `locked.${Date.now()}@example.org` })
    ).email;
    people.unknown = `nobody.${Date.now()}@example.org`;
    for (let attempt = 0; attempt < 5; attempt++) await passwordGrant(identity.issuer, people.locked, `wrong password ${attempt}`);
  });
  afterAll(() => identity.stop());

  it('answers the login page with the same status and page for the three', async () => {
    const { browser, loginUrl } = await openLoginPage(identity.issuer);
    const answers = [];
    for (const email of [people.unknown, people.wrong, people.locked]) {
      const response = await browser.request(loginUrl, loginForm(email, 'not the password'));
      answers.push({ status: response.status, page: sameness(await response.text(), email) });
    }
    expect(answers[0]!.status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // the one message tells a person whose account is locked what to do, without telling anyone else it is
    expect(answers[0]!.page).toContain('locked for 15 minutes');
  });

  it('answers the password grant with the same status and body for the three', async () => {
    const answers = [];
    for (const email of [people.unknown, people.wrong, people.locked])
      answers.push(await passwordGrant(identity.issuer, email, 'not the password').then(({ status, body }) => ({ status, body })));
    expect(answers[0]).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: expect.any(String) } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('refuses the right password of a locked account with that same answer', async () => {
    const { browser, loginUrl } = await openLoginPage(identity.issuer);
    const right = await browser.request(loginUrl, loginForm(people.locked, PASSWORD));
    const wrong = await browser.request(loginUrl, loginForm(people.unknown, PASSWORD));
    expect(right.status).toBe(401);
    expect(sameness(await right.text(), people.locked)).toBe(sameness(await wrong.text(), people.unknown));
    const token = await passwordGrant(identity.issuer, people.locked, PASSWORD);
    expect(token.body.access_token).toBeUndefined();
    expect(token.body).toEqual((await passwordGrant(identity.issuer, people.unknown, PASSWORD)).body);
  });

  it('takes as long for the three, on the login page and at the token endpoint (medians within 2x)', async () => {
    const { browser, loginUrl } = await openLoginPage(identity.issuer);
    const cases = ['unknown', 'wrong', 'locked'] as const;
    const page = { unknown: [] as number[], wrong: [] as number[], locked: [] as number[] };
    const token = { unknown: [] as number[], wrong: [] as number[], locked: [] as number[] };
    // Rounds interleave the cases so that the machine's load falls on all three alike.
    for (let round = 0; round < 5; round++) {
      for (const name of cases) {
        page[name].push((await timed(() => browser.request(loginUrl, loginForm(people[name], `guess ${round}`)).then((r) => r.text()))).ms);
        token[name].push((await timed(() => passwordGrant(identity.issuer, people[name], `guess ${round}`))).ms);
      }
    }
    for (const samples of [page, token]) {
      const medians = cases.map((name) => median(samples[name]));
      // Before: a locked account's page came in ~17 ms and an unknown e-mail's in ~1 s (the scrypt cost), 60x.
      // Any path that skips the hash is that far off; 2x leaves room for a loaded test machine.
      expect(Math.max(...medians) / Math.min(...medians)).toBeLessThan(2);
    }
  }, 180_000);
});

describe('limits on failed sign-ins, shared by every replica of the provider', () => {
  let first: IdentityUnderTest;
  let second: IdentityUnderTest;
  const people = { known: '', sprayed: '', office: '' };
  const limits = { SIGN_IN_FAILURES_PER_ADDRESS: '6', SIGN_IN_FAILURES_PER_ACCOUNT: '3', SIGN_IN_WINDOW_MINUTES: '15' };
  let addressCounter = 0;
  /** A client address of its own, as the ingress in front of the provider reports it. */
  const newAddress = () => ({ 'x-forwarded-for': `198.51.100.${++addressCounter}` });

  beforeAll(async () => {
    // Two replicas of the provider on one database, each behind the proxy that says who the client is.
    first = await startIdentity({ OIDC_CLIENTS_JSON: CLIENTS, OIDC_BEHIND_PROXY: 'true', ...limits });
    second = await startIdentity({ OIDC_CLIENTS_JSON: CLIENTS, OIDC_BEHIND_PROXY: 'true', DATABASE_URL: first.databaseUrl, ...limits });
    const territories = await createTerritoryTree(first.client);
    for (const name of ['known', 'sprayed', 'office'] as const)
      people[name] = (await registerPerson(first.client, territories.marseille, { password: PASSWORD })).email;
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('stops guessing at one e-mail once its failures reach the limit, from any address and on either replica', async () => {
    for (const email of [people.known, `nobody.${Date.now()}@example.org`]) {
      expect((await passwordGrant(first.issuer, email, 'guess 1', newAddress())).status).toBe(400);
      expect((await passwordGrant(second.issuer, email, 'guess 2', newAddress())).status).toBe(400);
      const page = await openLoginPage(first.issuer, undefined, newAddress());
      expect((await page.browser.request(page.loginUrl, loginForm(email, 'guess 3', newAddress()))).status).toBe(401);

      const refused = await passwordGrant(second.issuer, email, PASSWORD, newAddress());
      expect(refused.status).toBe(429);
      expect(refused.body.error).toBe('too_many_attempts');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);

      const onPage = await openLoginPage(second.issuer, undefined, newAddress());
      const pageRefused = await onPage.browser.request(onPage.loginUrl, loginForm(email, PASSWORD, newAddress()));
      expect(pageRefused.status).toBe(429);
      expect(Number(pageRefused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await pageRefused.text()).toContain('Too many attempts');
    }
  });

  it('stops one client address once its failures reach the limit, whatever the e-mails, on either replica', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < 6; attempt++) {
      const provider = attempt % 2 ? second : first;
      expect((await passwordGrant(provider.issuer, `spray.${attempt}.${Date.now()}@example.org`, 'Summer2025!', address)).status).toBe(400);
    }
    expect((await passwordGrant(first.issuer, `spray.last.${Date.now()}@example.org`, 'Summer2025!', address)).status).toBe(429);
    // even the right password of an account nobody guessed at
    expect((await passwordGrant(second.issuer, people.sprayed, PASSWORD, address)).status).toBe(429);
    // another address is not held back by this one
    expect((await passwordGrant(second.issuer, `spray.other.${Date.now()}@example.org`, 'Summer2025!', newAddress())).status).toBe(400);
  });

  it('does not count successful sign-ins: an office behind one address signs in as often as it needs', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < 7; attempt++) {
      const provider = attempt % 2 ? second : first;
      expect((await passwordGrant(provider.issuer, people.office, PASSWORD, address)).body.access_token).toBeTruthy();
    }
  });
});

describe('pages no other site can frame', () => {
  let identity: IdentityUnderTest;
  beforeAll(async () => {
    identity = await startIdentity({ OIDC_CLIENTS_JSON: CLIENTS });
  });
  afterAll(() => identity.stop());

  const expectUnframeable = (response: Response) => {
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    return policy;
  };

  it('sends frame-ancestors none and X-Frame-Options DENY with the login page and its answers', async () => {
    const { response, browser, loginUrl } = await openLoginPage(identity.issuer);
    expectUnframeable(response);
    expectUnframeable(await browser.request(loginUrl, loginForm('nobody@example.org', 'not the password')));
  });

  it('sends them with the error page', async () => {
    const response = await fetch(`${identity.issuer}/auth?client_id=no-such-client&response_type=code&scope=openid`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Sign-in error');
    expectUnframeable(response);
  });

  it('sends them with the page of a sign-in that expired or never was, a 4xx without any internals', async () => {
    for (const response of [
      await fetch(`${identity.issuer}/interaction/no-such-interaction`, { headers: { accept: 'text/html' } }),
      await fetch(`${identity.issuer}/interaction/no-such-interaction/login`, loginForm('nobody@example.org', 'not the password')),
    ]) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('Sign-in error');
      expect(html).not.toMatch(/at .*\.js:\d+/);
      expectUnframeable(response);
    }
  });

  it('sends them with the sign-out page, whose policy still lets its one inline script submit the form', async () => {
    const response = await fetch(`${identity.issuer}/session/end`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const policy = expectUnframeable(response);
    const script = /<script>([^<]*)<\/script>/.exec(await response.text())![1]!;
    expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });
});
