// Focus moves that keep keyboard and screen-reader users in place when the content changes.

/** Focuses the first element matching the selector once the render in progress is on screen. */
export function focusLater(selector: string): void {
  // lit-html renders synchronously, so the element exists by the next microtask.
  queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());
}
