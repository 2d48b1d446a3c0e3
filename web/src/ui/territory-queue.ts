// An officer's queue: what waits for a decision in the territories they act for (and below), one
// territory at a time, chosen when they act for several.
import { html, nothing, type TemplateResult } from 'lit-html';
import { language } from '../i18n';
import { reloadMe } from '../session';
import { listTerritories, type Territory } from '../services/identity';
import { indexTerritories, officerTerritories, territoryName } from '../territories';
import type { Component, Update } from './component';
import { selectField } from './forms';
import { resource } from './resource';

export interface Queue<T> {
  items: T[];
  territoryId: string;
  /** The chosen territory's name. */
  territoryName: string;
  territories: ReadonlyMap<string, Territory>;
}

export interface QueueOptions<T> {
  /** The id of the territory choice. */
  id: string;
  text: { intro(): string; territory(): string; notOfficer(): string };
  /** What waits in a territory. */
  fetch(territoryId: string): Promise<T[]>;
  /** Draws what waits, under the territory choice. */
  body(queue: Queue<T>): TemplateResult;
}

export interface TerritoryQueue extends Component {
  load(signal: AbortSignal): Promise<void>;
  /** Reads the queue again (after a decision) and draws it. */
  reload(): Promise<void>;
}

export function territoryQueue<T>(update: Update, o: QueueOptions<T>): TerritoryQueue {
  let territoryId = '';
  const state = resource(async () => {
    const mine = officerTerritories(await reloadMe());
    territoryId ||= mine[0] ?? '';
    const territories = indexTerritories((await listTerritories()).items, language()).byId;
    const items = territoryId ? await o.fetch(territoryId) : [];
    return { mine, queue: { items, territoryId, territoryName: territoryName(territories, territoryId), territories } };
  }, update);

  return {
    load: (signal) => state.load(signal),
    reload: () => state.reload(),
    view: () =>
      state.view(({ mine, queue }) => {
        if (!mine.length) return html`<p>${o.text.notOfficer()}</p>`;
        return html`
          <p>${o.text.intro()}</p>
          ${mine.length > 1
            ? selectField({
                id: o.id,
                label: o.text.territory(),
                options: mine.map((id) => ({ value: id, label: territoryName(queue.territories, id) })),
                value: territoryId,
                onChange: (value) => {
                  territoryId = value;
                  void state.reload();
                },
              })
            : nothing}
          ${o.body(queue)}
        `;
      }),
  };
}
