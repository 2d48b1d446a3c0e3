// UI language: message lookup (t), the current language, and switching it (stored in localStorage).
import { interpolate, type Params } from './format';
// One catalog file per area of the app, in each language; a new area adds its two files here.
import enIdentity from './en/identity.json' with { type: 'json' };
import frIdentity from './fr/identity.json' with { type: 'json' };
import enPrograms from './en/programs.json' with { type: 'json' };
import frPrograms from './fr/programs.json' with { type: 'json' };
import enContracts from './en/contracts.json' with { type: 'json' };
import frContracts from './fr/contracts.json' with { type: 'json' };
import enTimesheets from './en/timesheets.json' with { type: 'json' };
import frTimesheets from './fr/timesheets.json' with { type: 'json' };
import enCurrency from './en/currency.json' with { type: 'json' };
import frCurrency from './fr/currency.json' with { type: 'json' };
import enPayroll from './en/payroll.json' with { type: 'json' };
import frPayroll from './fr/payroll.json' with { type: 'json' };

const en = { ...enIdentity, ...enPrograms, ...enContracts, ...enTimesheets, ...enCurrency, ...enPayroll };
const fr = { ...frIdentity, ...frPrograms, ...frContracts, ...frTimesheets, ...frCurrency, ...frPayroll };

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;

/** Each language in itself, for language pickers (mark the element with `lang` too). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

// `satisfies` makes a key missing from fr.json a compile error; the unit test checks the rest.
const catalogs = { en, fr } satisfies Record<Language, Record<MessageKey, string>>;

const STORAGE_KEY = 'e21.language';
const listeners = new Set<(lang: Language) => void>();
let current: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function language(): Language {
  return current;
}

/** Picks the stored choice, else the browser's preference, and applies it to <html lang>. */
export function initLanguage(): Language {
  const stored = readStored();
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage);
  current = stored ?? preferred ?? 'en';
  document.documentElement.lang = current;
  return current;
}

/** Switches the UI language, remembers it in this browser and tells the listeners. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private browsing); the choice then lasts for this page only.
  }
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener: (lang: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params?: Params): string {
  return interpolate(catalogs[current][key], params);
}

/** A date (`YYYY-MM-DD`) or an instant, written the way the current language writes dates. */
export function formatDate(value: string): string {
  // A date without time is read as UTC midnight, so it is also shown in UTC: never the day before.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(current, { dateStyle: 'long', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** An instant with its time ("2 May 2030, 09:30"), the way the current language writes it. */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime())
    ? instant
    : new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A month ("2030-05") as the current language names it: "May 2030", "mai 2030". */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(current, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function readStored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}
