// Data a page fetches on entry: loading, ready or failed, and the one way each state is shown.
import { html, type TemplateResult } from 'lit-html';
import { isApiError } from '../api';
import { t } from '../i18n';
import { problemAlert } from './feedback';
import { refresh } from '../router';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

export const loading = { status: 'loading' } as const;

export async function loadable<T>(fetchData: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { status: 'ready', data: await fetchData() };
  } catch (error) {
    return { status: 'failed', error };
  }
}

export function whenLoaded<T>(state: Loadable<T>, ready: (data: T) => TemplateResult): TemplateResult {
  switch (state.status) {
    case 'loading':
      return html`<p class="loading" role="status">${t('common.loading')}</p>`;
    case 'ready':
      return ready(state.data);
    case 'failed':
      // A 401 has already switched the app to the signed-out home; nothing to show here.
      if (isApiError(state.error, 401)) return html``;
      return html`${problemAlert(state.error)}
        <p><button type="button" @click=${() => refresh({ reload: true })}>${t('error.retry')}</button></p>`;
  }
}
