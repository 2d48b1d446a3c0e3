// Shown for any path no route matches (the gateway serves the app for every non-API path).
import { html } from 'lit-html';
import { t } from '../i18n';
import type { PageFactory } from '../router';

export const notFoundPage: PageFactory = () => ({
  title: () => t('notFound.title'),
  view: () =>
    html`<p>${t('notFound.body')}</p>
      <p><a href="/">${t('notFound.home')}</a></p>`,
});
