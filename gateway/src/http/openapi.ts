// The OpenAPI 3.1 document, generated from the routes' schemas, and a browsable page of it.
import { z } from 'zod';
import { PROBLEM_BASE } from '../problems/catalog.js';
import { problemsByStatus } from './refusals.js';
import type { AnyRoute } from './route.js';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

function parameters(route: AnyRoute): Json[] {
  const fromShape = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema || !(schema instanceof z.ZodObject)) return [];
    return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      schema: jsonSchema(field, 'input'),
    }));
  };
  const list = [...fromShape(route.params, 'path'), ...fromShape(route.query, 'query')];
  list.push({
    name: 'lang',
    in: 'query',
    required: false,
    schema: { type: 'string', enum: ['en', 'fr'] },
    description: 'Language of labels; defaults to the person’s locale',
  } as never);
  if (route.idempotent)
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
      description: 'Retrying with the same key replays the first answer; the same key with another body is refused',
    } as never);
  if (route.ifMatch)
    list.push({
      name: 'If-Match',
      in: 'header',
      required: route.ifMatch === 'required',
      schema: { type: 'string' },
      description: 'The ETag of the version you are changing, as you received it: "3" (W/"3" and 3 are taken too)',
    } as never);
  return list;
}

/** What a refusal of each status says, before the list of its problem types. */
const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each field',
  401: 'Not signed in, or the token is not valid',
  403: 'Not allowed',
  404: 'Not found, or not yours to see',
  409: 'The current state does not allow it',
  412: 'The version changed in the meantime',
  413: 'The body is too large',
  415: 'The body is not JSON',
  429: 'Too many requests',
  503: 'A service is unavailable; try again',
};

/**
 * A refusal response: problem+json whose `type` is one of the route's problem types of that status
 * (each a page at its URI: /v1/problems/<code>).
 */
function refusalResponse(status: number, codes: string[]): Json {
  const types = codes.map((code) => `${PROBLEM_BASE}${code}`);
  return {
    description: `${STATUS_DESCRIPTIONS[status] ?? 'Refused'}. Problem types: ${codes.map((code) => `[${code}](${PROBLEM_BASE}${code})`).join(', ')}`,
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { type: { enum: types } } }] },
      },
    },
    'x-problem-types': types,
  };
}

function operation(route: AnyRoute): Json {
  const success = route.response ?? { status: 200, description: 'OK' };
  const responses: Json = {
    [success.status]: success.schema
      ? { description: success.description, content: { 'application/json': { schema: jsonSchema(success.schema, 'output') } } }
      : { description: success.description },
  };
  for (const [status, codes] of problemsByStatus(route)) responses[status] = refusalResponse(status, codes);
  return {
    operationId: `${route.method}${route.path
      .replace(/\/v1/, '')
      .replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase())
      .replace(/[^A-Za-z]/g, '')}`,
    summary: route.summary,
    tags: [route.tag],
    security:
      route.access === 'public'
        ? []
        : route.access === 'person'
          ? [{ cookieSession: [] }, { bearer: [] }]
          : [{ cookieSession: [] }, { bearer: [] }, { integration: [] }],
    parameters: parameters(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

export function openApiDocument(routes: AnyRoute[], options: { publicUrl: string; tokenUrl: string }): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Engagement 21 API',
      version: '1.0.0',
      description:
        'Societal Activity Rights, projects of general interest, hours, local currency and deliberation of a territory. ' +
        'People sign in with OpenID Connect (browser session or bearer token); integrating bodies use OAuth2 client credentials. ' +
        'Errors are application/problem+json; each operation lists the problem types it can answer with, and each `type` URI ' +
        'is a page saying what the problem means and what to do (GET /v1/problems lists them). ' +
        'A resource with a version has the ETag "<version>", which If-Match takes back as sent to change it.',
    },
    servers: [{ url: options.publicUrl }],
    paths,
    components: {
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: {
              type: 'string',
              description:
                'Stable URI of the problem type, e.g. /v1/problems/stale_version: GET it for its status, meaning and what to do (HTML or JSON); GET /v1/problems lists them all',
            },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
            requestId: { type: 'string' },
          },
        },
      },
      securitySchemes: {
        cookieSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'e21_session',
          description: 'Browser session from /auth/login; writes need the X-CSRF-Token header',
        },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        integration: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: options.tokenUrl, scopes: { api: 'read aggregates of your territory' } } },
        },
      },
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A self-contained HTML page of the document: no script, no external assets. */
export function docsPage(document: Json): string {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters as Json[])
        .map((p) => `<li><code>${escape(String(p.name))}</code> (${p.in}${p.required ? ', required' : ''})</li>`)
        .join('');
      const body = op.requestBody
        ? `<details><summary>Request body</summary><pre>${escape(JSON.stringify((op.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']!.schema, null, 2))}</pre></details>`
        : '';
      const responses = Object.entries(op.responses as Record<string, Json>)
        .map(([status, r]) => {
          const types = r['x-problem-types'] as string[] | undefined;
          const said = types ? String(r.description).split('. Problem types:')[0]! : String(r.description);
          const links = types
            ? `: ${types.map((type) => `<a href="${escape(type)}"><code>${escape(type.slice(PROBLEM_BASE.length))}</code></a>`).join(', ')}`
            : '';
          return `<li><code>${status}</code> ${escape(said)}${links}</li>`;
        })
        .join('');
      const html = `<section id="${escape(String(op.operationId))}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3><p>${escape(String(op.summary))}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${body}<h4>Responses</h4><ul>${responses}</ul></section>`;
      const tag = (op.tags as string[])[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const info = document.info as { title: string; description: string };
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>${ops.join('')}`).join('');
  const toc = [...byTag.keys()].map((tag) => `<li><a href="#tag-${escape(tag)}">${escape(tag)}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1d2a1f}section{border-top:1px solid #ccc;padding:.5rem 0}.method{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#1f6f43}.post{color:#0b5cad}.put,.patch{color:#8a5a00}.delete{color:#b3261e}pre{background:#f4f6f4;padding:.5rem;overflow:auto}</style></head>
<body><header><h1>${escape(info.title)}</h1><p>${escape(info.description)}</p><p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1)</p><nav aria-label="Tags"><ul>${toc}</ul></nav></header><main>${sections}</main></body></html>`;
}
