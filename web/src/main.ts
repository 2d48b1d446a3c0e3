// Boot: language, session, then the layout and the router take over #app.
import './styles.css';
import { html, render } from 'lit-html';
import { setUnauthorizedHandler } from './api';
import { initLanguage, onLanguageChange, t } from './i18n';
import { layout, setLayoutRenderer } from './layout';
import { notFoundPage } from './pages/not-found';
import { refresh, startRouter, type Page } from './router';
import { routes } from './routes';
import { endSession, onSessionChange, session, startSession } from './session';
import { describeProblem } from './ui/feedback';

const root = document.getElementById('app') as HTMLElement;
let shown: Page | null = null;

function draw(page: Page, navigated: boolean): void {
  shown = page;
  render(layout(page), root);
  // After a navigation, focus goes to the new page's heading, as a page load would put it at the top.
  if (navigated) root.querySelector<HTMLElement>('main h1')?.focus();
}

async function boot(): Promise<void> {
  initLanguage();
  setUnauthorizedHandler(endSession);
  try {
    await startSession();
  } catch (error) {
    const { title, detail } = describeProblem(error);
    render(
      html`<main class="container" id="main">
        <h1>Engagement 21</h1>
        <div class="problem" role="alert">
          <p class="problem-title">${t('error.startFailed')}</p>
          <p>${title}${detail ? ` — ${detail}` : ''}</p>
        </div>
        <p><a href=${location.href}>${t('error.retry')}</a></p>
      </main>`,
      root,
    );
    return;
  }

  let authenticated = session().authenticated;
  onSessionChange(() => {
    // Signing out (a 401) may change which page a path shows; a profile update only redraws.
    if (session().authenticated !== authenticated) {
      authenticated = session().authenticated;
      refresh();
    } else if (shown) {
      draw(shown, false);
    }
  });
  // Labels from the API (territories, skills) are in the chosen language: pages fetch them again.
  onLanguageChange(() => refresh({ reload: true }));
  setLayoutRenderer(() => shown && draw(shown, false));
  startRouter({ routes, notFound: notFoundPage, render: draw });
}

void boot();
