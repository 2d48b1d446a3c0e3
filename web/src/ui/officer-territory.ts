// What an officer acts on, territory by territory: the territories they may choose among, and the
// queue of what waits for their decision in one of them.
import { html, nothing, type TemplateResult } from 'lit-html';
import { language } from '../i18n';
import { reloadMe } from '../session';
import { listTerritories, type Territory } from '../services/identity';
import { indexTerritories, officerScope, officerTerritories, territoryName, type TerritoryIndex } from '../territories';
import type { Component, Update } from './component';
import { selectField } from './forms';
import { resource } from './resource';

/**
 * The territories the person acts for as an officer and everything below them, and which one is
 * shown: `preferred` when it is one of them, else their first locality.
 */
export async function officerChoices(preferred: string): Promise<{ choices: Territory[]; index: TerritoryIndex; territoryId: string }> {
  const me = await reloadMe();
  const index = indexTerritories((await listTerritories()).items, language());
  const choices = officerScope(me, index);
  const territoryId = choices.some((c) => c.id === preferred)
    ? preferred
    : ((choices.find((c) => c.level === 'locality') ?? choices[0])?.id ?? '');
  return { choices, index, territoryId };
}

/** What waits in the chosen territory, with what the queue's body needs to name it. */
export interface Queue<T> {
  items: T[];
  territoryId: string;
  /** The chosen territory's name. */
  territoryName: string;
  territories: ReadonlyMap<string, Territory>;
}

/** An officer's queue: what waits in the territories they act for (and below), one territory at a time. */
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
          ${
            mine.length > 1
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
              : nothing
          }
          ${o.body(queue)}
        `;
      }),
  };
}
