// Form fields with their label, hint and error, and the sorting of the gateway's field errors.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError, type FieldError } from '../api';

/** Messages per form field (by the field's own name, e.g. `name`), and those no field shows. */
export interface FormErrors {
  fields: Partial<Record<string, string[]>>;
  unattached: FieldError[];
}

export const noErrors: FormErrors = { fields: {}, unattached: [] };

/**
 * Sorts the gateway's field errors (`body.name`, `body.level`) onto the form's fields; errors on
 * anything else (a path parameter, a header) are kept for the summary.
 */
export function formErrorsFrom(error: unknown, fieldNames: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, unattached: [] };
  if (!isApiError(error)) return result;
  for (const fieldError of error.fieldErrors) {
    const name = fieldError.field.replace(/^body\./, '');
    if (fieldNames.includes(name)) (result.fields[name] ??= []).push(fieldError.message);
    else result.unattached.push(fieldError);
  }
  return result;
}

/** What a control needs to be tied to its label, hint and error message. */
export interface ControlAttributes {
  id: string;
  /** Space-separated ids for `aria-describedby`, or undefined (use with `ifDefined`). */
  describedBy: string | undefined;
  /** `"true"` when the field has an error, for `aria-invalid`. */
  invalid: 'true' | 'false';
}

/**
 * A labelled field. The control is written by the caller (input, select...) with the attributes
 * given, so that every control gets a <label>, its hint and its error the same way.
 */
export function field(
  options: { id: string; label: string; hint?: string; errors?: string[] },
  control: (attributes: ControlAttributes) => TemplateResult,
): TemplateResult {
  const { id, label, hint, errors } = options;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing}
    ${control({ id, describedBy, invalid: errors?.length ? 'true' : 'false' })}
    ${errors?.length ? html`<p class="field-error" id=${errorId}>${errors.join(' ')}</p>` : nothing}
  </div>`;
}
