import { errorPage, escapeHtml, loginPage, pickLanguage } from './login-page.js';

const page = (options: Partial<Parameters<typeof loginPage>[0]> = {}) =>
  loginPage({ language: 'en', action: '/interaction/abc/login', otherLanguageHref: '/interaction/abc?lang=fr', ...options });

const alertsOf = (html: string) => [...html.matchAll(/<[^>]*role="alert"[^>]*>([^<]*)</g)].map((match) => match[1]);

describe('pickLanguage', () => {
  it('takes the first preference that names a supported language', () => {
    expect(pickLanguage('fr', 'en-GB,en;q=0.9')).toBe('fr');
    expect(pickLanguage('en', 'fr-FR,fr;q=0.9')).toBe('en');
  });

  it('skips a preference with no supported language and falls back to the next one', () => {
    expect(pickLanguage(undefined, 'fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLanguage('de', 'fr-CA')).toBe('fr');
    expect(pickLanguage('', 'fr')).toBe('fr');
  });

  it('takes the first supported tag within one preference, past unsupported ones', () => {
    expect(pickLanguage('de it fr en')).toBe('fr');
    expect(pickLanguage('de-DE, de;q=0.9, en-US;q=0.8, fr;q=0.7')).toBe('en');
  });

  it('matches tags whatever their case', () => {
    expect(pickLanguage('FR-be')).toBe('fr');
  });

  it('falls back to English when nothing supported is asked for', () => {
    expect(pickLanguage()).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
    expect(pickLanguage('de', 'es-ES,it;q=0.5')).toBe('en');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('Déconnexion d’Engagement 21 / ok?')).toBe('Déconnexion d’Engagement 21 / ok?');
  });
});

describe('loginPage', () => {
  it('re-displays the email it was given, escaped so it cannot inject HTML', () => {
    const email = `"><script>alert(1)</script><x y='`;
    const html = page({ email });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(`value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;x y=&#39;"`);
  });

  it('escapes the form action and the other-language link', () => {
    const html = page({ action: '/login?a=1&b="2"', otherLanguageHref: '/x"><img src=x onerror=alert(1)>' });
    expect(html).toContain('action="/login?a=1&amp;b=&quot;2&quot;"');
    expect(html).not.toContain('<img src=x');
  });

  it('shows the problem in a role=alert element, in the language of the page', () => {
    const english = page({ language: 'en', problem: { kind: 'invalid' } });
    expect(english).toContain('<html lang="en">');
    expect(alertsOf(english)).toEqual(['Wrong email or password. After 5 failed attempts in a row, an account is locked for 15 minutes.']);

    const french = page({ language: 'fr', problem: { kind: 'tooFast', waitMinutes: 12 } });
    expect(french).toContain('<html lang="fr">');
    expect(alertsOf(french)).toEqual(['Trop de tentatives. Patientez 12 min puis réessayez.']);
  });

  it('shows no alert when there is no problem', () => {
    expect(alertsOf(page())).toEqual([]);
  });

  it('labels the form in the language of the page and offers the other language', () => {
    const french = page({ language: 'fr' });
    expect(french).toContain('<label for="password">Mot de passe</label>');
    expect(french).toMatch(/<a [^>]*hreflang="en"[^>]*>English<\/a>/);
  });
});

describe('errorPage', () => {
  it('says in the page’s language that the sign-in expired', () => {
    expect(errorPage('fr', 'expired')).toContain('Cette connexion a expiré');
    expect(errorPage('en', 'expired')).toContain('This sign-in expired');
  });

  it('escapes the provider’s own description of a refused request', () => {
    const html = errorPage('en', { described: 'unknown client <img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img');
    expect(html).toContain('unknown client &lt;img');
  });
});
