// How the UI reports outcomes: a polite status line for successes, an alert for problems.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError, type FieldError } from '../api';
import { t, type MessageKey } from '../i18n';
import type { Params } from '../i18n/format';

/** A message kept as key and parameters, so that it is shown in the language of the moment. */
export interface Message {
  key: MessageKey;
  params?: Params;
}

/**
 * A live region that is always in the page (empty when there is nothing to say), because screen
 * readers only announce changes to a region that already existed.
 */
export function statusRegion(message: Message | null): TemplateResult {
  return html`<p class="status" role="status" aria-live="polite">${message ? t(message.key, message.params) : ''}</p>`;
}

/** What a component's last action did, said once in its status line. */
export interface StatusLine {
  readonly message: Message | null;
  /** Keeps the message to say at the next draw (the caller draws). */
  say(key: MessageKey, params?: Params): void;
  clear(): void;
  view(): TemplateResult;
}

export function statusLine(): StatusLine {
  let message: Message | null = null;
  return {
    get message() {
      return message;
    },
    say(key, params) {
      message = { key, params };
    },
    clear() {
      message = null;
    },
    view: () => statusRegion(message),
  };
}

/** Title and detail of a failed call, plus the field errors that no form field displays. */
export function problemAlert(error: unknown, unattached: FieldError[] = []): TemplateResult {
  const { title, detail } = describeProblem(error);
  return html`<div class="problem" role="alert">
    <p class="problem-title">${title}</p>
    ${detail ? html`<p>${detail}</p>` : nothing}
    ${
      unattached.length
        ? html`<ul>
            ${unattached.map((e) => html`<li>${e.field}: ${e.message}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}

export function describeProblem(error: unknown): { title: string; detail: string | null } {
  if (isApiError(error, 0)) return { title: t('error.network'), detail: null };
  if (isApiError(error)) return { title: error.title, detail: error.detail };
  return { title: t('error.unexpected'), detail: error instanceof Error ? error.message : null };
}
