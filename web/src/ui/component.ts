// The one shape of a part of a page that keeps state of its own: a form, a list, a section.
import type { TemplateResult } from 'lit-html';

/** Draws the page again; lit-html then changes on screen only what differs. */
export type Update = () => void;

/**
 * A component is made once, by its page or by a larger component, from a function that takes the
 * page's `update` (and what it needs to know) and returns this object. Its state lives in that
 * function's closure and nowhere else: its own handlers change it and then call `update()`, and the
 * page draws it again by calling `view` inside its own view. What it shows from the API it fetches
 * in `load`, which its page's `load` calls. A page is the same shape with a title (see router.ts).
 *
 * Why a closure and not a class or a framework: lit-html redraws a whole page cheaply, so a
 * component needs no lifecycle of its own, and the pages already were closures; a component is a
 * small one with a few variables, where a page used to be one large one with many.
 */
export interface Component<Props extends unknown[] = []> {
  view(...props: Props): TemplateResult;
  /** Fetches what it shows; a call whose signal is aborted has been superseded and changes nothing. */
  load?(signal: AbortSignal): Promise<void>;
  /** Stops its timers and requests when the page is left. */
  dispose?(): void;
}
