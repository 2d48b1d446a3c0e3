// The one way every form (and every button that changes something) sends: busy while it goes, the
// gateway's problem+json shown at the form and its field errors next to the fields, and one
// Idempotency-Key per draft, so that a double submit or a retry after a lost answer counts once.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { ApiError, isApiError, newIdempotencyKey } from '../api';
import { t, type MessageKey } from '../i18n';
import type { Update } from './component';
import { problemAlert, type StatusLine } from './feedback';
import { formErrorsFrom, noErrors, type FormErrors } from './forms';

/** Thrown by a send for what the browser finds wrong before anything goes: messages per field. */
export class Invalid extends Error {
  constructor(readonly fields: FormErrors['fields']) {
    super('The form has fields in error');
    this.name = 'Invalid';
  }
}

/** `throw invalid({ minutes: [t('terms.hoursInvalid')] })` in a send refuses the draft without sending it. */
export const invalid = (fields: FormErrors['fields']) => new Invalid(fields);

/** Sends the draft with its Idempotency-Key (services that take none ignore it); throws when refused. */
export type Send = (idempotencyKey: string) => Promise<void>;

/** How a button looks: the page's main action, a destructive one, or a plain one. */
export type ButtonKind = 'primary' | 'danger' | '';

export interface SubmissionOptions {
  /** Where the gateway's field errors go: the form's own field names (`body.name` goes to `name`), or a mapping of its own. */
  fields?: readonly string[] | ((error: unknown) => FormErrors);
  /** Said instead of the gateway's words when someone changed the thing meanwhile (412). */
  stale?: { title: MessageKey; detail: MessageKey };
  /** The status line that tells what the last send did: emptied when a new one starts. */
  status?: StatusLine;
  /** After a refusal, before the form is drawn again: to read again what someone else changed. */
  onFailure?(error: unknown): Promise<void> | void;
}

export interface FormOptions {
  send: Send;
  label?: string;
  labelledBy?: string;
  /** `stack` unless said. */
  className?: string;
  /** `search` for a form that finds things rather than changes them. */
  role?: 'search';
  /** Drawn above the problem (the form's heading). */
  heading?: TemplateResult;
  /** False when the problem is shown elsewhere, once for several forms (`alert()`, above a list of them). */
  alert?: boolean;
}

export interface ActionOptions {
  kind?: ButtonKind;
  ariaLabel?: string;
  /** Shown as unavailable (nothing chosen yet); a click still runs, to say why nothing happens. */
  unavailable?: boolean;
}

export interface Submission {
  readonly busy: boolean;
  readonly problem: unknown;
  readonly errors: FormErrors;
  /** The messages to show next to one field. */
  errorsOf(field: string): string[] | undefined;
  /**
   * Sends once: while a send is in flight another is ignored (the first one counts). On success the
   * draft is done and the next one gets a new key; on failure the key stays, so that sending the
   * same draft again is a retry the service recognizes. Resolves true when it succeeded.
   */
  run(send: Send, form?: HTMLFormElement | null): Promise<boolean>;
  /** A new draft (a form opened again, another person chosen): no errors, a new key. */
  reset(): void;
  /** The form: its problem on top, busy while sending, submitted by `send`. */
  form(options: FormOptions, content: TemplateResult): TemplateResult;
  /** Its submit button, marked unavailable while the form is busy. */
  button(label: string, kind?: ButtonKind): TemplateResult;
  /** The submit button and, when the form can be closed unsent, its Cancel button. */
  actions(label: string, options?: { kind?: ButtonKind; cancel?: (() => void) | undefined }): TemplateResult;
  /** A button that runs `send` at once (accept, approve, verify...), with the same busy state. */
  action(label: string | TemplateResult, send: Send, options?: ActionOptions): TemplateResult;
  /** The problem of the last send, for a component that has no form of its own to show it in. */
  alert(): TemplateResult | typeof nothing;
}

const REUSED_KEY = /\/idempotency_key_reused$/;

export function submission(update: Update, options: SubmissionOptions = {}): Submission {
  let busy = false;
  let problem: unknown = null;
  let errors: FormErrors = noErrors;
  let key = newIdempotencyKey();

  const errorsFrom = (error: unknown): FormErrors =>
    typeof options.fields === 'function' ? options.fields(error) : formErrorsFrom(error, options.fields ?? []);

  async function run(send: Send, form?: HTMLFormElement | null): Promise<boolean> {
    if (busy) return false;
    busy = true;
    problem = null;
    errors = noErrors;
    options.status?.clear();
    update();
    try {
      await send(key);
      key = newIdempotencyKey();
      return true;
    } catch (error) {
      if (error instanceof Invalid) {
        errors = { fields: error.fields, unattached: [] };
      } else if (!isApiError(error, 401)) {
        // (A 401 has already switched the app to the signed-out home: nothing to say here.)
        errors = errorsFrom(error);
        problem =
          isApiError(error, 412) && options.stale
            ? new ApiError({ status: 412, title: t(options.stale.title), detail: t(options.stale.detail) })
            : error;
        // The key went with another request that did happen (a lost answer, then an edited draft):
        // the person is told, and what they send next is a new request.
        if (isApiError(error, 409) && REUSED_KEY.test(error.type)) key = newIdempotencyKey();
        await options.onFailure?.(error);
      }
      return false;
    } finally {
      busy = false;
      update();
      if (Object.keys(errors.fields).length) focusFirstInvalid(form);
    }
  }

  const alert = () => (problem ? problemAlert(problem, errors.unattached) : nothing);
  // aria-disabled, not disabled: a disabled button would drop the keyboard focus while it waits;
  // `run` ignores what is clicked meanwhile.
  const button = (label: string, kind: ButtonKind = 'primary') =>
    html`<button type="submit" class=${kind} aria-disabled=${busy ? 'true' : 'false'}>${label}</button>`;

  return {
    get busy() {
      return busy;
    },
    get problem() {
      return problem;
    },
    get errors() {
      return errors;
    },
    errorsOf: (name) => errors.fields[name],
    run,
    reset() {
      problem = null;
      errors = noErrors;
      key = newIdempotencyKey();
    },
    form: (o, content) =>
      html`<form
        class=${o.className ?? 'stack'}
        aria-label=${ifDefined(o.label)}
        aria-labelledby=${ifDefined(o.labelledBy)}
        role=${ifDefined(o.role)}
        aria-busy=${busy ? 'true' : 'false'}
        novalidate
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void run(o.send, event.currentTarget as HTMLFormElement);
        }}
      >
        ${o.heading ?? nothing} ${o.alert === false ? nothing : alert()} ${content}
      </form>`,
    button,
    actions(label, { kind = 'primary', cancel } = {}) {
      return html`<div class="actions">
        ${button(label, kind)} ${cancel ? html`<button type="button" @click=${cancel}>${t('common.cancel')}</button>` : nothing}
      </div>`;
    },
    action: (label, send, { kind = '', ariaLabel, unavailable = false } = {}) =>
      html`<button
        type="button"
        class=${kind}
        aria-label=${ifDefined(ariaLabel)}
        aria-disabled=${busy || unavailable ? 'true' : 'false'}
        @click=${() => void run(send)}
      >
        ${label}
      </button>`,
    alert,
  };
}

// Once the errors are on screen (lit-html draws synchronously), focus goes to the first field in
// error of this form, or of the page when the form is gone or was not given.
function focusFirstInvalid(form: HTMLFormElement | null | undefined): void {
  queueMicrotask(() => (form?.isConnected ? form : document).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
