// The frame around every page: skip link, header (brand, nav, language, person), and <main>.
import { html, nothing, type TemplateResult } from 'lit-html';
import { LANGUAGE_NAMES, LANGUAGES, language, t, type Language, type MessageKey } from './i18n';
import type { Page } from './router';
import { changeLanguage, session, signInHref, signOut } from './session';
import { problemAlert } from './ui/feedback';

const NAV: { href: string; label: MessageKey }[] = [
  { href: '/profile', label: 'nav.profile' },
  { href: '/competences', label: 'nav.competences' },
  { href: '/territory', label: 'nav.territory' },
  { href: '/organization', label: 'nav.organization' },
  { href: '/projects', label: 'nav.projects' },
  { href: '/my-projects', label: 'nav.myProjects' },
  { href: '/challenges', label: 'nav.challenges' },
  { href: '/program', label: 'nav.program' },
  { href: '/contracts', label: 'nav.contracts' },
  { href: '/commitments', label: 'nav.commitments' },
  { href: '/hours', label: 'nav.hours' },
  { href: '/validation', label: 'nav.validation' },
  { href: '/periods', label: 'nav.periods' },
  { href: '/wallet', label: 'nav.wallet' },
  { href: '/till', label: 'nav.till' },
  { href: '/treasury', label: 'nav.treasury' },
  { href: '/verifications', label: 'nav.verifications' },
  { href: '/forms', label: 'nav.forms' },
  { href: '/payroll-exports', label: 'nav.payrollExports' },
  { href: '/issuing', label: 'nav.issuing' },
];

// Outcome of the header's own actions (language switch, sign out), shown above the page.
let problem: unknown = null;
let announcement = '';
let shownPage: Page | null = null;
let rerender: () => void = () => {};

/** The layout calls this to redraw itself after one of its own actions. */
export function setLayoutRenderer(render: () => void): void {
  rerender = render;
}

export function layout(page: Page): TemplateResult {
  if (page !== shownPage) {
    shownPage = page;
    problem = null;
  }
  const { authenticated, me } = session();
  return html`
    <a class="skip-link" href="#main">${t('app.skipToContent')}</a>
    <header class="site-header">
      <div class="container header-bar">
        <a class="brand" href="/">Engagement 21</a>
        <div class="header-tools">
          ${languageSwitch()}
          ${
            authenticated && me
              ? html`<span class="person"><span class="visually-hidden">${t('auth.signedInAs')} </span>${me.person.name}</span>
                  <button type="button" @click=${onSignOut}>${t('auth.signOut')}</button>`
              : page.offersSignIn
                ? nothing
                : html`<a class="button" href=${signInHref()}>${t('auth.signIn')}</a>`
          }
        </div>
      </div>
      ${authenticated ? navigation() : nothing}
    </header>
    <main id="main" class="container" tabindex="-1">
      <h1 tabindex="-1">${page.title()}</h1>
      ${problem ? problemAlert(problem) : nothing} ${page.view()}
    </main>
    <div class="visually-hidden" role="status" aria-live="polite">${announcement}</div>
  `;
}

function navigation(): TemplateResult {
  const path = location.pathname;
  return html`<nav class="site-nav" aria-label=${t('nav.label')}>
    <ul class="container">
      ${NAV.map(({ href, label }) => {
        const active = path === href || path.startsWith(`${href}/`);
        return html`<li><a href=${href} aria-current=${active ? 'page' : 'false'}>${t(label)}</a></li>`;
      })}
    </ul>
  </nav>`;
}

function languageSwitch(): TemplateResult {
  const current = language();
  return html`<div class="language-switch">
    <label for="language-select">${t('language.label')}</label>
    <select id="language-select" @change=${onLanguageSelected}>
      ${LANGUAGES.map((lang) => html`<option value=${lang} lang=${lang} ?selected=${lang === current}>${LANGUAGE_NAMES[lang]}</option>`)}
    </select>
  </div>`;
}

async function onLanguageSelected(event: Event): Promise<void> {
  const lang = (event.target as HTMLSelectElement).value as Language;
  problem = null;
  try {
    await changeLanguage(lang);
    announcement = t('language.changed');
  } catch (error) {
    problem = error;
  }
  rerender();
}

async function onSignOut(): Promise<void> {
  problem = null;
  try {
    await signOut();
  } catch (error) {
    problem = error;
    rerender();
  }
}
