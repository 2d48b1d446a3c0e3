// Browser sign-in through the code flow (driven with fetch), sessions, CSRF, lockout, client tokens.
import { Client } from 'pg';
import { api, createWorld, PASSWORD, startPlatform, type Platform, type World } from '../../tests/support/platform.js';
import { FetchBrowser, loginForm, loginFormAction } from '../../tests/support/fetch-browser.js';

let platform: Platform;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
});
afterAll(() => platform.stop());

async function openLoginPage(browser: FetchBrowser) {
  const { url, response } = await browser.follow(`${platform.gateway.url}/auth/login?returnTo=/profile`);
  expect(url).toMatch(/\/interaction\//);
  const html = await response!.text();
  return { loginUrl: loginFormAction(html, url), html };
}

/** Signs in on the provider's page and stops where the provider sends the browser back to the gateway. */
async function signInUpToCallback(browser: FetchBrowser, email: string): Promise<string> {
  const { loginUrl } = await openLoginPage(browser);
  const { url } = await browser.follow(loginUrl, loginForm(email, PASSWORD), (next) => next.pathname === '/auth/callback');
  expect(new URL(url).pathname).toBe('/auth/callback');
  return url;
}

async function sessionCount(): Promise<number> {
  const client = new Client({ connectionString: platform.gatewayDatabaseUrl });
  await client.connect();
  const { rows } = await client.query<{ count: string }>('select count(*) from sessions');
  await client.end();
  return Number(rows[0]!.count);
}

describe('signing in with the code flow', () => {
  it('signs in on the provider’s page, comes back with a session, and needs the CSRF token to write', async () => {
    const browser = new FetchBrowser();
    const { loginUrl, html } = await openLoginPage(browser);
    expect(html).toContain('<label for="password">');

    const wrong = await browser.request(loginUrl, loginForm(world.inhabitant.email, 'wrong password!'));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong email or password');

    const { url } = await browser.follow(loginUrl, loginForm(world.inhabitant.email, PASSWORD));
    expect(new URL(url).pathname).toBe('/profile');
    const gatewayHost = new URL(platform.gateway.url).host;
    expect(browser.cookie(gatewayHost, 'e21_session')).toBeTruthy();

    const session = (await (await browser.request(`${platform.gateway.url}/auth/session`)).json()) as {
      authenticated: boolean;
      csrfToken: string;
      personId: string;
    };
    expect(session).toMatchObject({ authenticated: true, personId: world.inhabitant.id });

    const patch = (headers: Record<string, string>) =>
      browser.request(`${platform.gateway.url}/v1/me`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ locale: 'fr' }),
      });
    const withoutToken = await patch({});
    expect(withoutToken.status).toBe(403);
    expect(((await withoutToken.json()) as { type: string }).type).toBe('/v1/problems/csrf_failed');
    const withToken = await patch({ 'x-csrf-token': session.csrfToken });
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { territoryPath: { name: string }[] }).territoryPath.at(-1)!.name).toBe('Union européenne');

    const logout = await browser.request(`${platform.gateway.url}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(logout.status).toBe(200);
    expect(((await logout.json()) as { endSessionUrl: string }).endSessionUrl).toContain(platform.issuer);
    expect((await browser.request(`${platform.gateway.url}/v1/me`)).status).toBe(401);
  });

  it('refuses a callback whose state it did not issue', async () => {
    const response = await fetch(`${platform.gateway.url}/auth/callback?code=stolen&state=forged`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('/v1/problems/sign_in_expired');
  });

  it('refuses a callback finished in another browser than the one that started the sign-in (login CSRF)', async () => {
    // The attacker signs in as themself in their own browser and stops before coming back...
    const attacker = new FetchBrowser();
    const callbackUrl = await signInUpToCallback(attacker, world.colleague.email);
    const before = await sessionCount();
    // ...then makes the victim's browser open that callback (a link, an image, a redirect).
    const victim = new FetchBrowser();
    const forged = await victim.request(callbackUrl);
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { type: string }).type).toBe('/v1/problems/sign_in_expired');
    expect(victim.cookie(new URL(platform.gateway.url).host, 'e21_session')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('finishes a sign-in only once, in the browser that started it, with a short-lived HttpOnly cookie', async () => {
    const browser = new FetchBrowser();
    const login = await browser.request(`${platform.gateway.url}/auth/login`);
    const binding = login.headers.getSetCookie().find((line) => line.startsWith('e21_sign_in='));
    expect(binding).toMatch(/; Max-Age=900;/);
    expect(binding).toMatch(/; HttpOnly/);
    expect(binding).toMatch(/; SameSite=Lax/);
    // plain http here: Secure (and the __Host- prefix) only when the gateway is reached over https
    expect(binding).not.toMatch(/; Secure/);

    // a second sign-in started by the same browser (another tab) shares its binding
    const callbackUrl = await signInUpToCallback(browser, world.colleague.email);
    const host = new URL(platform.gateway.url).host;
    const finished = await browser.request(callbackUrl);
    expect(finished.status).toBe(303);
    expect(browser.cookie(host, 'e21_session')).toBeTruthy();
    // the callback spends the binding: the same callback again is refused and creates no session
    expect(browser.cookie(host, 'e21_sign_in')).toBeUndefined();
    const before = await sessionCount();
    const replayed = await browser.request(callbackUrl, { headers: { cookie: `e21_sign_in=${/e21_sign_in=([^;]+)/.exec(binding!)![1]}` } });
    expect(replayed.status).toBe(400);
    expect(await sessionCount()).toBe(before);
  });

  it('never sends the browser to another site after sign-in', async () => {
    const response = await fetch(`${platform.gateway.url}/auth/login?returnTo=//evil.example/steal`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const state = new URL(response.headers.get('location')!).searchParams.get('state');
    expect(state).toBeTruthy();
    // the pending sign-in remembers "/" instead of the foreign URL
    const client = new Client({ connectionString: platform.gatewayDatabaseUrl });
    await client.connect();
    const { rows } = await client.query('select return_to from pending_sign_ins where state = $1', [state]);
    await client.end();
    expect(rows[0].return_to).toBe('/');
  });

  it('locks an account after five wrong passwords, even against the right one, saying no more than to a wrong password', async () => {
    const target = await world.person('Lock Target', 'marseille', { signsIn: true });
    const browser = new FetchBrowser();
    const { loginUrl } = await openLoginPage(browser);
    for (let attempt = 0; attempt < 5; attempt++) await browser.request(loginUrl, loginForm(target.email, `wrong-${attempt}-password`));
    const locked = await browser.request(loginUrl, loginForm(target.email, PASSWORD));
    expect(locked.status).toBe(401);
    expect(await locked.text()).toContain(
      'Wrong email or password. After 5 failed attempts in a row, an account is locked for 15 minutes.',
    );
    await expect(platform.tokenFor(target.email)).rejects.toThrow(/no token/);
  });
});

describe('integration clients', () => {
  it('reads reference data with a client-credentials token but cannot act as a person', async () => {
    const client = api(platform.gateway.url, await platform.clientToken('integrator-paca', 'integrator-secret'));
    expect((await client('GET', '/v1/territories')).status).toBe(200);
    const me = await client('GET', '/v1/me');
    expect(me.status).toBe(403);
  });
});
