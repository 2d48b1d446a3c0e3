// What a component shows from the API: read on entry, read again after a change, drawn the one way.
import type { TemplateResult } from 'lit-html';
import type { Update } from './component';
import { loadable, loading, whenLoaded, type Loadable } from './loadable';

export interface Resource<T> {
  /** What was last read or set: loading, ready or failed. */
  readonly state: Loadable<T>;
  /** The data, once read. */
  readonly data: T | undefined;
  /** Reads it, for a page's `load`; a superseded load (aborted signal) leaves it as it was. */
  load(signal?: AbortSignal): Promise<void>;
  /** Reads it again and draws (after a change made here or by someone else); `fresh` shows "Loading" meanwhile. */
  reload(options?: { fresh?: boolean }): Promise<void>;
  /** Takes what a write answered with, instead of reading again (the caller draws). */
  set(data: T): void;
  /** The data as `ready` draws it, or the loading line, or the problem with its "Try again". */
  view(ready: (data: T) => TemplateResult): TemplateResult;
}

/** `read` is called anew each time, so it may depend on what the component has chosen meanwhile. */
export function resource<T>(read: () => Promise<T>, update: Update): Resource<T> {
  let state: Loadable<T> = loading;
  // Only the latest read lands: an earlier, slower answer (another organization, another week)
  // must not replace the one asked for last.
  let latest = 0;

  async function fetch(signal?: AbortSignal): Promise<boolean> {
    const mine = ++latest;
    const next = await loadable(read);
    if (mine !== latest || signal?.aborted) return false;
    state = next;
    return true;
  }

  return {
    get state() {
      return state;
    },
    get data() {
      return state.status === 'ready' ? state.data : undefined;
    },
    async load(signal) {
      await fetch(signal);
    },
    async reload({ fresh = false } = {}) {
      if (fresh) {
        state = loading;
        update();
      }
      if (await fetch()) update();
    },
    set(data) {
      latest++;
      state = { status: 'ready', data };
    },
    view: (ready) => whenLoaded(state, ready),
  };
}
