// Key figures side by side (a balance, hours committed, the money in circulation).
import './figures.css';
import { html, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';

/** One figure: its label, then its value (with a test id where tests read it). */
export function figure(label: string, value: string, testId?: string): TemplateResult {
  return html`<div class="figure">
    <span class="figure-label">${label}</span> <span class="figure-value" data-testid=${ifDefined(testId)}>${value}</span>
  </div>`;
}
