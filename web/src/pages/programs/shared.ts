// What the programs pages share: status labels, who is an officer where, keys for writes that count once.
import './programs.css';
import { html, type TemplateResult } from 'lit-html';
import { minutesFromHours } from '../../hours';
import { t } from '../../i18n';
import type { Me, Territory } from '../../services/identity';
import type { ProjectStatus } from '../../services/programs';

/** Hours typed in a form ("12", "12,5", "12:30") as minutes, or null unless above zero. */
export function minutesOf(hours: string): number | null {
  const minutes = minutesFromHours(hours);
  return minutes ? minutes : null;
}

export function statusTag(status: ProjectStatus): TemplateResult {
  return html`<span class="tag status-${status}">${t(`projectStatus.${status}`)}</span>`;
}

/** Territories where the person is an officer or territory admin: those (and below) they act on. */
export function officerTerritories(me: Me | null): string[] {
  return [...new Set((me?.roles ?? []).filter((r) => r.scopeKind === 'territory' && (r.role === 'officer' || r.role === 'territory_admin')).map((r) => r.scopeId))];
}

/** A territory's name from a list, or its id when the list does not have it. */
export function territoryName(territories: ReadonlyMap<string, Territory>, id: string): string {
  return territories.get(id)?.name ?? id;
}

/** A unique key for a write that should count once, even when retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** YYYY-MM-DD of today, in UTC like the API's dates. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
