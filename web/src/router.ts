// Client-side routing with the History API: real paths, one page module per route.
import type { Component } from './ui/component';

/** What the router gives a page when it creates it. */
export interface PageContext {
  /** Values of the route's `:name` segments, decoded. */
  params: Record<string, string>;
  /** Re-renders the page after it changed its own state (a form error, a saved value...). */
  update(): void;
}

/**
 * A page: a component (see ui/component.ts) with a title (the <h1>). Its `load` is called on entry
 * and again when the language changes (labels come from the API in the person's language).
 */
export interface Page extends Component {
  title(): string;
  /** The page has its own "Sign in" link, so the header leaves its one out. */
  offersSignIn?: boolean;
}

export type PageFactory = (context: PageContext) => Page;

export interface Route {
  /** A path such as `/organization/:id`. */
  path: string;
  page: PageFactory;
  /** Where to go instead, when this returns a path (e.g. the home page once signed in). */
  redirect?: () => string | null;
}

export interface RouterOptions {
  routes: Route[];
  notFound: PageFactory;
  /** Draws the page inside the layout; `navigated` is true when the user went to a new page. */
  render(page: Page, navigated: boolean): void;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  keys: string[];
}

let routes: CompiledRoute[] = [];
let options: RouterOptions | null = null;
let current: Page | null = null;
let loading: AbortController | null = null;

export function startRouter(routerOptions: RouterOptions): void {
  options = routerOptions;
  routes = routerOptions.routes.map(compile);
  window.addEventListener('popstate', () => show(false, true));
  document.addEventListener('click', interceptLinks);
  show(false, false);
}

/** Goes to a path of this app without reloading the document. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  show(!replace, true);
}

/**
 * Shows the current path again: after the session changed (so a page may now need sign-in), or
 * with `reload` to fetch the page's data again (after a language change, or "Try again").
 */
export function refresh({ reload = false } = {}): void {
  if (reload && current) {
    void load(current);
    renderCurrent(false);
  } else {
    show(false, false);
  }
}

/** True when the path is one of this app's pages (links to it are handled without a reload). */
export function isAppPath(pathname: string): boolean {
  return routes.some((route) => route.pattern.test(pathname));
}

function show(scrollToTop: boolean, navigated: boolean): void {
  if (!options) return;
  const pathname = location.pathname;
  const match = matchRoute(pathname);
  const target = match?.route.redirect?.();
  if (target && target !== pathname) {
    history.replaceState(null, '', target);
    show(scrollToTop, navigated);
    return;
  }

  current?.dispose?.();
  const page: Page = (match?.route.page ?? options.notFound)({
    params: match?.params ?? {},
    update: () => {
      if (page === current) renderCurrent(false);
    },
  });
  current = page;
  if (scrollToTop) window.scrollTo(0, 0);
  renderCurrent(navigated);
  void load(page);
}

async function load(page: Page): Promise<void> {
  if (!page.load) return;
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  try {
    await page.load(controller.signal);
  } finally {
    if (!controller.signal.aborted && page === current) renderCurrent(false);
  }
}

function renderCurrent(navigated: boolean): void {
  if (!options || !current) return;
  document.title = `${current.title()} · Engagement 21`;
  options.render(current, navigated);
}

function matchRoute(pathname: string): { route: CompiledRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.keys.forEach((key, i) => {
      params[key] = decodeURIComponent(found[i + 1] ?? '');
    });
    return { route, params };
  }
  return null;
}

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, keys, pattern: new RegExp(`^${source}/?$`) };
}

// Plain <a href> links to app pages navigate in place; anything else (the sign-in link that goes
// through the gateway, a new tab, a download) is left to the browser.
function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if (anchor.target && anchor.target !== '_self') return;
  if (anchor.hasAttribute('download') || anchor.getAttribute('href')?.startsWith('#')) return;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || !isAppPath(url.pathname)) return;
  event.preventDefault();
  const path = url.pathname + url.search + url.hash;
  if (path === location.pathname + location.search + location.hash) return;
  navigate(path);
}
