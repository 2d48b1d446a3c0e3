// Home: what Engagement 21 is, and the way in. Also shown in place of any page that needs sign-in.
import { html, nothing } from 'lit-html';
import { t } from '../i18n';
import type { PageFactory } from '../router';
import { session, signInHref } from '../session';

export const homePage: PageFactory = () => ({
  offersSignIn: true,
  title: () => t('home.title'),
  view: () => {
    const elsewhere = location.pathname !== '/';
    return html`
      ${
        session().ended
          ? html`<p class="notice" role="alert">${t('auth.sessionEnded')}</p>`
          : elsewhere
            ? html`<p class="notice">${t('auth.signInRequired')}</p>`
            : nothing
      }
      <p class="lead">${t('home.intro1')}</p>
      <p>${t('home.intro2')}</p>
      <p>${t('home.intro3')}</p>
      <p><a class="button primary" href=${signInHref()}>${t('auth.signIn')}</a></p>
    `;
  },
});
