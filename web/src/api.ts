// Fetch wrapper for the gateway API: same-origin cookies, CSRF header on writes, problem+json errors.

/** One field-level error of a problem+json response; `field` is a path such as `body.name`. */
export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call. `status` is 0 when the gateway could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | null;
  readonly fieldErrors: FieldError[];

  constructor(init: { status: number; type?: string; title: string; detail?: string | null; fieldErrors?: FieldError[] }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

// Set by the session once it is known; sent with every write, as the gateway requires.
let csrfToken: string | null = null;
// Sent as Accept-Language so that labels come in the language the UI shows.
let language = 'en';
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called whenever the gateway answers 401 (the session has ended), before the call throws. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...options.headers };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, type: 'network', title: 'Network error', detail: String(error) });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (problem.status === 401) onUnauthorized();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** A write sent with the version it was read at: the gateway refuses it (412) if someone saved since. */
export const ifMatch = (version: number | string): RequestOptions => ({ headers: { 'If-Match': `"${version}"` } });

/** A write sent with its draft's Idempotency-Key: sent again, it counts once. */
export const idempotent = (key: string): RequestOptions => ({ headers: { 'Idempotency-Key': key } });

/** What a read answers, or null when the thing is not there (404). */
export function orNotFound<T>(read: Promise<T>): Promise<T | null> {
  return read.catch((error: unknown) => (isApiError(error, 404) ? null : Promise.reject(error)));
}

/**
 * A fresh Idempotency-Key, for a write that must count once however often it is retried (random,
 * and made with getRandomValues because randomUUID exists only in secure contexts).
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// Anything that is not problem+json (a proxy's HTML error page, say) still becomes an ApiError.
async function readProblem(response: Response): Promise<ApiError> {
  const fallback = { status: response.status, title: response.statusText || `HTTP ${response.status}` };
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(contentType)) return new ApiError(fallback);
  try {
    const body = (await response.json()) as Partial<{
      type: string;
      title: string;
      status: number;
      detail: string;
      errors: unknown;
    }>;
    return new ApiError({
      status: response.status,
      type: typeof body.type === 'string' ? body.type : undefined,
      title: typeof body.title === 'string' && body.title ? body.title : fallback.title,
      detail: typeof body.detail === 'string' ? body.detail : null,
      fieldErrors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
    });
  } catch {
    return new ApiError(fallback);
  }
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof message === 'string';
}
