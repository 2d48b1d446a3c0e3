// Message formatting shared by the catalog lookup and its tests: `{name}` placeholders.

export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces each `{name}` with params[name]; an unknown placeholder is left as written so it shows up. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}

/** The placeholder names a message uses, sorted and without duplicates. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] ?? ''))].sort();
}
