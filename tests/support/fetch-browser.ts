// A browser reduced to what the sign-in flows need, driven with fetch: a cookie jar per host, redirects followed by hand.

export class FetchBrowser {
  private readonly cookies = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (line.includes('Expires=Thu, 01 Jan 1970')) jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    this.cookies.set(host, jar);
    return response;
  }

  /** Follows redirects until a page that is not one, or until `stopAt` says to stop before requesting a URL. */
  async follow(
    url: string,
    init: RequestInit = {},
    stopAt: (url: URL) => boolean = () => false,
  ): Promise<{ url: string; response: Response | undefined }> {
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      current = new URL(response.headers.get('location')!, current).toString();
      if (stopAt(new URL(current))) return { url: current, response: undefined };
      response = await this.request(current);
    }
    return { url: current, response };
  }

  cookie(host: string, name: string): string | undefined {
    return this.cookies.get(host)?.get(name);
  }
}

/** A login form post (with extra headers, such as the X-Forwarded-For of a proxy). */
export const loginForm = (email: string, password: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams({ email, password }).toString(),
});

/** The absolute URL a login page's form posts to. */
export function loginFormAction(html: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  return new URL(action.replace(/&amp;/g, '&'), pageUrl).toString();
}
