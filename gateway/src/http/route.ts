// Schema-first routes: each route's zod schemas validate its input and generate its OpenAPI entry.
import type { Express, Request, Response } from 'express';
import { z } from 'zod';
import { Refused, type FieldProblem } from '@e21/kit';
import type { Actor } from '../auth/actor.js';

/** Who may call a route at all; the services decide what each caller may do. */
export type Access = 'public' | 'person' | 'person_or_client';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  /** Language for labels: ?lang, then the person's locale, then Accept-Language. */
  language: 'en' | 'fr';
  /** The version named by If-Match: the ETag as sent ("3", W/"3") or the bare number, when sent. */
  ifMatch: number | undefined;
  /** The Idempotency-Key header ('' when not sent): a retried write with the same key replays the first. */
  idempotencyKey: string;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as they are instead of JSON: a PDF, a CSV, an SVG. */
  file?: { contentType: string; data: Buffer | string; filename?: string; download?: boolean };
  headers?: Record<string, string>;
  /**
   * The version of the resource, sent as the ETag `"<version>"`: what If-Match takes back, as sent,
   * to change it. Set it wherever the body is one resource with a version.
   */
  version?: number;
}

export interface RouteDefinition<P = unknown, Q = unknown, B = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. /v1/people/:personId */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Documented success response. */
  response?: { status: number; schema?: z.ZodType; description: string };
  ifMatch?: 'optional' | 'required';
  /** The route takes an Idempotency-Key header (documented in OpenAPI; passed to the service). */
  idempotent?: boolean;
  /**
   * The refusal codes of the service's rules this route can answer with (the problem types of
   * problems/catalog.ts), beyond those its shape brings (http/refusals.ts: sign-in, path ids,
   * If-Match, Idempotency-Key, body, cursor). The OpenAPI document lists them; a test run that meets
   * an undeclared one fails.
   */
  refusals?: readonly string[];
  /** How the service names fields the client sent under other names, e.g. { 'terms.competence_skill_ids': 'body.terms.competences' }. */
  fieldNames?: Record<string, string>;
  handler(input: RouteInput<P, Q, B>): Promise<RouteResult>;
}

// Routes of every input type share one list; `unknown` would make each handler unassignable to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyRoute = RouteDefinition<any, any, any>;

export function defineRoute<P, Q, B>(route: RouteDefinition<P, Q, B>): AnyRoute {
  return route as AnyRoute;
}

/** zod issues as field problems named like "body.name" or "query.limit". */
function fieldProblems(part: 'params' | 'query' | 'body', error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [part, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: `${base}.${key}`, message: 'is not a known field' }));
    return [{ field: base, message: issue.message }];
  });
}

/** Parses the path, the query and the body, refusing with every wrong field of the three at once. */
function parseParts(
  route: AnyRoute,
  values: { params: unknown; query: unknown; body: unknown },
): { params: unknown; query: unknown; body: unknown } {
  const parsed = { params: undefined as unknown, query: undefined as unknown, body: undefined as unknown };
  const errors: FieldProblem[] = [];
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = route[part];
    if (!schema) continue;
    const result = schema.safeParse(values[part]);
    if (result.success) parsed[part] = result.data;
    else errors.push(...fieldProblems(part, result.error));
  }
  if (errors.length) throw new Refused('invalid', 'validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  return parsed;
}

function parseIfMatch(header: string | undefined, rule: RouteDefinition['ifMatch']): number | undefined {
  if (!header) {
    if (rule === 'required')
      throw new Refused('invalid', 'precondition_required', 'Send If-Match with the version you are changing', [
        { field: 'header.if-match', message: 'is required' },
      ]);
    return undefined;
  }
  // The ETag as sent, strong ("3") or weak (W/"3"), or the bare version number.
  const match = /^(?:W\/)?(?:"(\d{1,9})"|(\d{1,9}))$/.exec(header.trim());
  if (!match)
    throw new Refused('invalid', 'validation_failed', 'If-Match must be the ETag you received, such as "3"', [
      { field: 'header.if-match', message: 'must be the ETag you received, such as "3"' },
    ]);
  return Number(match[1] ?? match[2]);
}

export interface RouteContext {
  /** Resolves who is calling (session cookie or bearer token); undefined when anonymous. */
  actorOf(req: Request, res: Response): Promise<Actor | undefined>;
  /** Throws unless a cookie-authenticated write carries the session's CSRF token. */
  checkCsrf(req: Request, actor: Actor): void;
}

function languageOf(req: Request, actor: Actor | undefined): 'en' | 'fr' {
  const explicit = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  const preferred = explicit ?? (actor?.kind === 'person' ? actor.locale : undefined) ?? req.acceptsLanguages('en', 'fr') ?? 'en';
  return preferred === 'fr' ? 'fr' : 'en';
}

const requireAccess = (access: Access, actor: Actor | undefined): Actor => {
  if (access === 'public') return actor ?? { kind: 'anonymous', via: 'none' };
  if (!actor || actor.kind === 'anonymous') throw new Refused('unauthenticated', 'unauthenticated', 'Sign in, or send a bearer token');
  if (access === 'person' && actor.kind !== 'person')
    throw new Refused('forbidden', 'forbidden', 'This route is for people, not integration clients');
  return actor;
};

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());

/** Service fields that clients send as headers. */
const HEADER_FIELDS: Record<string, string> = {
  expected_version: 'header.if-match',
  base_version: 'header.if-match',
  idempotency_key: 'header.idempotency-key',
};

/**
 * Services name fields as their protobuf fields ("needs.0.skill_id"); the client sent them as a
 * path parameter, a query parameter, a body field ("body.needs.0.skillId") or a header. Renames the
 * ones it can place, with the route's own names first.
 */
function locateFields(
  refused: Refused,
  parts: { params: unknown; query: unknown; body: unknown },
  names: Record<string, string> = {},
): Refused {
  if (refused.fields.length === 0) return refused;
  const renames = { ...HEADER_FIELDS, ...names };
  const fields = refused.fields.map((problem) => {
    const renamed = Object.keys(renames).find((name) => problem.field === name || problem.field.startsWith(`${name}.`));
    if (renamed) return { ...problem, field: renames[renamed] + problem.field.slice(renamed.length) };
    const segments = problem.field.split('.').map(camelCase);
    const part = (['params', 'query', 'body'] as const).find((key) => {
      const value = parts[key];
      return typeof value === 'object' && value !== null && segments[0]! in value;
    });
    return part ? { ...problem, field: `${part}.${segments.join('.')}` } : problem;
  });
  return new Refused(refused.kind, refused.code, refused.message, fields);
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

function parseIdempotencyKey(header: string | undefined): string {
  if (header === undefined) return '';
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new Refused('invalid', 'validation_failed', 'Idempotency-Key must be 1 to 100 letters, digits or ._:-', [
      { field: 'header.idempotency-key', message: 'must be 1 to 100 letters, digits or ._:-' },
    ]);
  }
  return header;
}

/**
 * The version as the resource's ETag. It validates writes (If-Match), not caches: a representation
 * may show what changes without a new version (a project's filled hours, a contract's acceptances,
 * the caller's role), so a conditional GET never gets "304 Not Modified" on it and nothing stores it.
 */
function versionTag(req: Request, res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
  if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];
}

function sendFile(res: Response, file: NonNullable<RouteResult['file']>): void {
  res.type(file.contentType);
  if (file.filename)
    res.set('Content-Disposition', `${file.download ? 'attachment' : 'inline'}; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
  res.send(file.data);
}

export function registerRoutes(app: Express, routes: AnyRoute[], context: RouteContext): void {
  for (const route of routes) {
    app[route.method](route.path, async (req: Request, res: Response) => {
      // Which route answers, for the problems it sends (http/refusals.ts).
      res.locals.route = route;
      const anyActor = await context.actorOf(req, res);
      const actor = requireAccess(route.access, anyActor);
      if (route.method !== 'get') context.checkCsrf(req, actor);
      const { lang: _lang, ...query } = req.query as Record<string, unknown>;
      const input = {
        ...parseParts(route, { params: req.params, query, body: route.body ? (req.body ?? {}) : undefined }),
        actor,
        language: languageOf(req, anyActor),
        ifMatch: parseIfMatch(req.get('if-match'), route.ifMatch),
        idempotencyKey: parseIdempotencyKey(req.get('idempotency-key')),
        req,
        res,
      };
      const result = await route.handler(input).catch((error: unknown) => {
        throw error instanceof Refused ? locateFields(error, input, route.fieldNames) : error;
      });
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      if (result.version !== undefined) versionTag(req, res, result.version);
      const status = result.status ?? route.response?.status ?? 200;
      if (result.file) sendFile(res.status(status), result.file);
      else if (result.body === undefined) res.status(status).end();
      else res.status(status).json(result.body);
    });
  }
}
