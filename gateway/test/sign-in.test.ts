// Browser sign-in through the code flow (driven with fetch), sessions, CSRF, lockout, client tokens.
import { api, createWorld, PASSWORD, startPlatform, type Platform, type World } from '../../tests/support/platform.js';

let platform: Platform;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
});
afterAll(() => platform.stop());

/** A browser reduced to what the flow needs: cookies per origin, redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).host;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (line.includes('Expires=Thu, 01 Jan 1970')) jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    this.cookies.set(origin, jar);
    return response;
  }

  /** Follows redirects until a page that is not one; returns it with its URL. */
  async follow(url: string, init: RequestInit = {}): Promise<{ url: string; response: Response }> {
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      current = new URL(response.headers.get('location')!, current).toString();
      response = await this.request(current);
    }
    return { url: current, response };
  }

  cookie(host: string, name: string): string | undefined {
    return this.cookies.get(host)?.get(name);
  }
}

async function openLoginPage(browser: Browser) {
  const { url, response } = await browser.follow(`${platform.gateway.url}/auth/login?returnTo=/profile`);
  expect(url).toMatch(/\/interaction\//);
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  return { loginUrl: new URL(action.replace(/&amp;/g, '&'), url).toString(), html };
}

const form = (email: string, password: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ email, password }).toString(),
});

describe('signing in with the code flow', () => {
  it('signs in on the provider’s page, comes back with a session, and needs the CSRF token to write', async () => {
    const browser = new Browser();
    const { loginUrl, html } = await openLoginPage(browser);
    expect(html).toContain('<label for="password">');

    const wrong = await browser.request(loginUrl, form(world.inhabitant.email, 'wrong password!'));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong email or password');

    const { url } = await browser.follow(loginUrl, form(world.inhabitant.email, PASSWORD));
    expect(new URL(url).pathname).toBe('/profile');
    const gatewayHost = new URL(platform.gateway.url).host;
    expect(browser.cookie(gatewayHost, 'e21_session')).toBeTruthy();

    const session = (await (await browser.request(`${platform.gateway.url}/auth/session`)).json()) as { authenticated: boolean; csrfToken: string; personId: string };
    expect(session).toMatchObject({ authenticated: true, personId: world.inhabitant.id });

    const patch = (headers: Record<string, string>) =>
      browser.request(`${platform.gateway.url}/v1/me`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ locale: 'fr' }) });
    const withoutToken = await patch({});
    expect(withoutToken.status).toBe(403);
    expect(((await withoutToken.json()) as { type: string }).type).toBe('/v1/problems/csrf_failed');
    const withToken = await patch({ 'x-csrf-token': session.csrfToken });
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { territoryPath: { name: string }[] }).territoryPath.at(-1)!.name).toBe('Union européenne');

    const logout = await browser.request(`${platform.gateway.url}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
    expect(logout.status).toBe(200);
    expect(((await logout.json()) as { endSessionUrl: string }).endSessionUrl).toContain(platform.issuer);
    expect((await browser.request(`${platform.gateway.url}/v1/me`)).status).toBe(401);
  });

  it('refuses a callback whose state it did not issue', async () => {
    const response = await fetch(`${platform.gateway.url}/auth/callback?code=stolen&state=forged`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('/v1/problems/sign_in_expired');
  });

  it('never sends the browser to another site after sign-in', async () => {
    const response = await fetch(`${platform.gateway.url}/auth/login?returnTo=//evil.example/steal`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const state = new URL(response.headers.get('location')!).searchParams.get('state');
    expect(state).toBeTruthy();
    // the pending sign-in remembers "/" instead of the foreign URL
    const { Client } = await import('pg');
    const client = new Client({ connectionString: platform.gatewayDatabaseUrl });
    await client.connect();
    const { rows } = await client.query('select return_to from pending_sign_ins where state = $1', [state]);
    await client.end();
    expect(rows[0].return_to).toBe('/');
  });

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const target = await world.person('Lock Target', 'marseille', { signsIn: true });
    const browser = new Browser();
    const { loginUrl } = await openLoginPage(browser);
    for (let attempt = 0; attempt < 5; attempt++) await browser.request(loginUrl, form(target.email, `wrong-${attempt}-password`));
    const locked = await browser.request(loginUrl, form(target.email, PASSWORD));
    expect(locked.status).toBe(423);
    expect(await locked.text()).toContain('locked');
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
