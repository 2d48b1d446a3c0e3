// How a territory and its ancestors are written: "Marseille › Bouches-du-Rhône › … › European Union".
import { html, type TemplateResult } from 'lit-html';
import { t } from '../i18n';
import type { Territory } from '../services/identity';

/** A territory first, then its ancestors; the separators are drawn by CSS. */
export function territoryPath(path: readonly Territory[], label = t('territory.pathLabel')): TemplateResult {
  return html`<ol class="territory-path" aria-label=${label}>
    ${path.map((territory) => html`<li>${territory.name}</li>`)}
  </ol>`;
}
