// The browser's session with the gateway and the signed-in person, shared by the layout and pages.
import { api, isApiError, setApiLanguage, setCsrfToken } from './api';
import { language, setLanguage, type Language } from './i18n';
import { getMe, updateMe, type Me } from './services/identity';

interface AuthSession {
  authenticated: boolean;
  csrfToken: string | null;
  personId: string | null;
}

export interface SessionState {
  authenticated: boolean;
  personId: string | null;
  /** The signed-in person's profile, as last read from or written to GET/PATCH /v1/me. */
  me: Me | null;
  /** The gateway answered 401 after this page had a session: tell the person why they see the home. */
  ended: boolean;
}

let state: SessionState = { authenticated: false, personId: null, me: null, ended: false };
const listeners = new Set<() => void>();

export function session(): Readonly<SessionState> {
  return state;
}

/** Called after every change of the session or of the person's profile. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads the session and, when signed in, the person. The person's own language then wins over
 * this browser's choice, because the labels the API sends (territories, skills) are in it.
 */
export async function startSession(): Promise<void> {
  setApiLanguage(language());
  const auth = await api.get<AuthSession>('/auth/session');
  setCsrfToken(auth.csrfToken);
  if (!auth.authenticated) return;
  try {
    const me = await getMe();
    state = { authenticated: true, personId: auth.personId, me, ended: false };
    applyLanguage(me.person.locale);
  } catch (error) {
    if (!isApiError(error, 401)) throw error;
  }
}

/** Fetches the person again (e.g. on entering the profile page, or after a 412). */
export async function reloadMe(): Promise<Me> {
  const me = await getMe();
  setMe(me);
  return me;
}

/** Takes the person as returned by a write, so that the header and pages show the new values. */
export function setMe(me: Me): void {
  if (!state.authenticated) return;
  state = { ...state, me };
  notify();
}

/** The gateway said 401: the session is over. Pages that need sign-in give way to the home. */
export function endSession(): void {
  if (!state.authenticated) return;
  setCsrfToken(null);
  state = { authenticated: false, personId: null, me: null, ended: true };
  notify();
}

/** The gateway's login: a full page navigation to the identity provider and back to `returnTo`. */
export function signInHref(returnTo = location.pathname + location.search): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/auth/logout');
  } catch (error) {
    if (!isApiError(error, 401)) throw error; // 401: already signed out, which is what was asked
  }
  // Start again from a fresh document, so that no personal data stays in memory.
  location.assign('/');
}

/**
 * Switches the UI language and, when signed in, first saves it as the person's locale, because
 * the API sends labels (territories, skills) in that locale and pages reload them on the switch.
 * A profile changed elsewhere meanwhile (412) is read again and the save retried once: only the
 * language is sent, so nothing of the other change is lost.
 */
export async function changeLanguage(lang: Language): Promise<void> {
  try {
    const me = state.me;
    if (!state.authenticated || !me || me.person.locale === lang) return;
    try {
      setMe(await updateMe(me.person.version, { locale: lang }));
    } catch (error) {
      if (!isApiError(error, 412)) throw error;
      const fresh = await reloadMe();
      if (fresh.person.locale !== lang) setMe(await updateMe(fresh.person.version, { locale: lang }));
    }
  } finally {
    applyLanguage(lang);
  }
}

export function applyLanguage(lang: Language): void {
  setApiLanguage(lang);
  setLanguage(lang);
}

function notify(): void {
  for (const listener of listeners) listener();
}
