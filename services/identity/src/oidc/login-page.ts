// The sign-in and sign-out pages of the built-in provider, in English and French.
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../domain/credentials.js';

export type PageLanguage = 'en' | 'fr';

const TEXT = {
  en: {
    title: 'Sign in to Engagement 21',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    // One message for an unknown e-mail, a wrong password and a locked account (nobody may tell them
    // apart), which still tells the person whose account is locked why their password is refused.
    invalid: `Wrong email or password. After ${MAX_FAILED_ATTEMPTS} failed attempts in a row, an account is locked for ${LOCKOUT_MINUTES} minutes.`,
    tooFast: 'Too many attempts. Wait {minutes} min and try again.',
    errorTitle: 'Sign-in error',
    expired: 'This sign-in expired or is not valid; start again from the application.',
    unexpected: 'Something went wrong; start again from the application.',
    logoutTitle: 'Sign out of Engagement 21',
    logoutSubmit: 'Sign out',
  },
  fr: {
    title: 'Connexion à Engagement 21',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    invalid: `Adresse e-mail ou mot de passe incorrect. Après ${MAX_FAILED_ATTEMPTS} tentatives échouées de suite, un compte est bloqué pendant ${LOCKOUT_MINUTES} minutes.`,
    tooFast: 'Trop de tentatives. Patientez {minutes} min puis réessayez.',
    errorTitle: 'Erreur de connexion',
    expired: 'Cette connexion a expiré ou n’est pas valide ; recommencez depuis l’application.',
    unexpected: 'Une erreur est survenue ; recommencez depuis l’application.',
    logoutTitle: 'Déconnexion d’Engagement 21',
    logoutSubmit: 'Se déconnecter',
  },
} as const;

/** A refused attempt, or too many of them (with the minutes to wait). */
export type LoginProblem = { kind: 'invalid' } | { kind: 'tooFast'; waitMinutes: number };

/** Language tags of a ui_locales value or an Accept-Language header, most wanted first (q=0 left out). */
function rankedTags(preference: string): string[] {
  return preference
    .split(/[\s,]+/)
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.split(';');
      const q = Number(
        parameters
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The first supported language of the first preference that names one (?lang, ui_locales, Accept-Language). */
export function pickLanguage(...preferences: (string | undefined)[]): PageLanguage {
  for (const preference of preferences) {
    for (const tag of rankedTags(preference ?? '')) {
      const language = tag.slice(0, 2).toLowerCase();
      if (language === 'fr' || language === 'en') return language;
    }
  }
  return 'en';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f6f4;margin:0;display:grid;place-items:center;min-height:100vh;color:#1d2a1f}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:min(24rem,90vw)}
h1{font-size:1.3rem;margin-top:0}label{display:block;margin:1rem 0 .3rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #8a968c;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;background:#1f6f43;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus,input:focus{outline:3px solid #f2b705;outline-offset:1px}
.problem{background:#fdecea;border-left:4px solid #b3261e;padding:.6rem;margin:1rem 0}
nav{margin-top:1rem;font-size:.9rem}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function loginPage(options: {
  language: PageLanguage;
  action: string;
  email?: string;
  problem?: LoginProblem;
  otherLanguageHref: string;
}): string {
  const text = TEXT[options.language];
  const other = options.language === 'en' ? { code: 'fr', name: 'Français' } : { code: 'en', name: 'English' };
  const message =
    options.problem?.kind === 'tooFast'
      ? text.tooFast.replace('{minutes}', String(options.problem.waitMinutes))
      : options.problem
        ? text.invalid
        : '';
  const problem = message ? `<p class="problem" role="alert">${escapeHtml(message)}</p>` : '';
  return page(
    options.language,
    text.title,
    `<h1>${escapeHtml(text.title)}</h1>${problem}
<form method="post" action="${escapeHtml(options.action)}">
<label for="email">${text.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${escapeHtml(options.email ?? '')}" autofocus>
<label for="password">${text.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button type="submit">${text.submit}</button>
</form>
<nav><a href="${escapeHtml(options.otherLanguageHref)}" hreflang="${other.code}" lang="${other.code}">${other.name}</a></nav>`,
  );
}

/**
 * A sign-in that cannot go on: an interaction that expired or never was, something unexpected, or
 * oidc-provider's own description of a refused request (unknown client, wrong redirect URI...).
 */
export function errorPage(language: PageLanguage, problem: 'expired' | 'unexpected' | { described: string }): string {
  const text = TEXT[language];
  const message = typeof problem === 'string' ? text[problem] : problem.described;
  return page(language, text.errorTitle, `<h1>${escapeHtml(text.errorTitle)}</h1><p>${escapeHtml(message)}</p>`);
}

/** The sign-out page's one script; the page's Content-Security-Policy allows it by its hash. */
export const LOGOUT_SCRIPT = 'document.forms[0].submit()';

/** oidc-provider's sign-out confirmation, submitted at once: the gateway already asked the person. */
export function logoutPage(language: PageLanguage, form: string): string {
  const text = TEXT[language];
  const withButton = form.replace('</form>', `<button type="submit" name="logout" value="yes">${text.logoutSubmit}</button></form>`);
  return page(language, text.logoutTitle, `<h1>${text.logoutTitle}</h1>${withButton}<script>${LOGOUT_SCRIPT}</script>`);
}
