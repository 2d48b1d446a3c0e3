// Form fields with their label, hint and error, and the sorting of the gateway's field errors.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
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

/** What every field shows around its control. */
export interface FieldText {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
}

/**
 * A labelled field. The control is written by the caller (input, select...) with the attributes
 * given, so that every control gets a <label>, its hint and its error the same way.
 */
export function field(options: FieldText, control: (attributes: ControlAttributes) => TemplateResult): TemplateResult {
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

export interface InputOptions extends FieldText {
  value: string;
  /** Each keystroke: keeps the draft without drawing. */
  onInput?(value: string): void;
  /** A committed change, for choices that redraw the form. */
  onChange?(value: string): void;
  type?: 'text' | 'date' | 'month' | 'email' | 'search' | 'datetime-local';
  /** "decimal" for hours and amounts: a numeric keyboard with a decimal separator. */
  inputmode?: 'decimal';
  maxlength?: number;
  autocomplete?: string;
  required?: boolean;
  readonly?: boolean;
  max?: string;
  step?: string;
  name?: string;
  placeholder?: string;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

/** A labelled text, date or number input with its hint and errors. */
export function inputField(o: InputOptions): TemplateResult {
  return field(
    o,
    (a) =>
      html`<input
        id=${a.id}
        name=${ifDefined(o.name)}
        type=${o.type ?? 'text'}
        inputmode=${ifDefined(o.inputmode)}
        maxlength=${ifDefined(o.maxlength)}
        autocomplete=${ifDefined(o.autocomplete)}
        ?required=${o.required ?? false}
        ?readonly=${o.readonly ?? false}
        max=${ifDefined(o.max)}
        step=${ifDefined(o.step)}
        placeholder=${ifDefined(o.placeholder)}
        .value=${o.value}
        aria-invalid=${a.invalid}
        aria-describedby=${ifDefined(a.describedBy)}
        @input=${(e: Event) => o.onInput?.(valueOf(e))}
        @change=${(e: Event) => o.onChange?.(valueOf(e))}
      />`,
  );
}

export interface TextareaOptions extends FieldText {
  value: string;
  onInput(value: string): void;
  rows?: number;
  maxlength?: number;
  required?: boolean;
}

export function textareaField(o: TextareaOptions): TemplateResult {
  return field(
    o,
    (a) =>
      html`<textarea
        id=${a.id}
        rows=${ifDefined(o.rows)}
        maxlength=${ifDefined(o.maxlength)}
        ?required=${o.required ?? false}
        .value=${o.value}
        aria-invalid=${a.invalid}
        aria-describedby=${ifDefined(a.describedBy)}
        @input=${(e: Event) => o.onInput(valueOf(e))}
      ></textarea>`,
  );
}

export interface SelectOption {
  value: string;
  label: string;
  /** The language of the label, when it is not the page's (a language's own name). */
  lang?: string;
}

export interface SelectOptions extends FieldText {
  options: readonly SelectOption[];
  value: string;
  onChange(value: string): void;
}

/** A labelled choice among a few options (an organization, a year, a territory...). */
export function selectField(o: SelectOptions): TemplateResult {
  return field(
    o,
    (a) =>
      html`<select
        id=${a.id}
        aria-invalid=${a.invalid}
        aria-describedby=${ifDefined(a.describedBy)}
        @change=${(e: Event) => o.onChange(valueOf(e))}
      >
        ${o.options.map(
          (option) =>
            html`<option value=${option.value} lang=${ifDefined(option.lang)} ?selected=${option.value === o.value}>
              ${option.label}
            </option>`,
        )}
      </select>`,
  );
}

export interface CheckboxesOptions {
  /** Prefix of the boxes' ids. */
  id: string;
  legend: string;
  items: readonly { value: string; label: string | TemplateResult }[];
  checked(value: string): boolean;
  onToggle(value: string, checked: boolean): void;
  errors?: string[] | undefined;
  /** Said when there is nothing to choose from. */
  empty?: TemplateResult;
}

/** A group of checkboxes under one legend (competences, challenges, goals, projects). */
export function checkboxes(o: CheckboxesOptions): TemplateResult {
  return html`<fieldset class="choices">
    <legend>${o.legend}</legend>
    ${o.errors?.length ? html`<p class="field-error">${o.errors.join(' ')}</p>` : nothing}
    ${
      o.items.length
        ? o.items.map(
            (item, i) =>
              html`<div class="choice">
                <input
                  type="checkbox"
                  id=${`${o.id}-${i}`}
                  .checked=${o.checked(item.value)}
                  @change=${(e: Event) => o.onToggle(item.value, (e.target as HTMLInputElement).checked)}
                />
                <label for=${`${o.id}-${i}`}>${item.label}</label>
              </div>`,
          )
        : (o.empty ?? nothing)
    }
  </fieldset>`;
}

/**
 * A button's label and, for screen readers only, what it acts on ("Remove" + "first aid"), so that
 * a list of "Remove" buttons can be told apart when heard out of context.
 */
export function withName(label: string, name: string, separator = ' '): TemplateResult {
  return html`${label}<span class="visually-hidden">${separator}${name}</span>`;
}

export interface RadiosOptions {
  /** The group's name, and the prefix of its buttons' ids. */
  name: string;
  legend: string;
  items: readonly { value: string; label: string | TemplateResult }[];
  /** The value chosen, if any. */
  value: string | null;
  onChoose(value: string): void;
}

/** One choice among a few, each a radio button with its label, under one legend. */
export function radios(o: RadiosOptions): TemplateResult {
  return html`<fieldset class="choices">
    <legend>${o.legend}</legend>
    ${o.items.map(
      (item, i) =>
        html`<div class="choice">
          <input
            type="radio"
            name=${o.name}
            id=${`${o.name}-${i}`}
            value=${item.value}
            .checked=${item.value === o.value}
            @change=${() => o.onChoose(item.value)}
          />
          <label for=${`${o.name}-${i}`}>${item.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

/**
 * Choices that redraw the page as they change (an organization, a year, whom a contract is for):
 * a form for what it groups and names, never sent.
 */
export function choiceForm(options: { label?: string; className?: string }, content: TemplateResult): TemplateResult {
  return html`<form class=${options.className ?? 'row'} aria-label=${ifDefined(options.label)} @submit=${(e: Event) => e.preventDefault()}>
    ${content}
  </form>`;
}
