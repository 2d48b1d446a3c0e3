// What the programs pages share: status labels, who sits on a project's board, hours needed.
import './programs.css';
import { html, type TemplateResult } from 'lit-html';
import { minutesFromHours } from '../../hours';
import { t } from '../../i18n';
import type { Project, ProjectStatus } from '../../services/programs';

/** Hours typed in a form ("12", "12,5", "12:30") as minutes, or null unless above zero. */
export function minutesOf(hours: string): number | null {
  const minutes = minutesFromHours(hours);
  return minutes ? minutes : null;
}

export function statusTag(status: ProjectStatus): TemplateResult {
  return html`<span class="tag status-${status}">${t(`projectStatus.${status}`)}</span>`;
}

/** The coordinator and co-managers: the project's board. */
export const isBoard = (p: Project) => p.viewer?.role === 'coordinator' || p.viewer?.role === 'co_manager';
