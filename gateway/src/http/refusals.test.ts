import { z } from 'zod';
import { allRoutes } from '../app.js';
import { PROBLEM_TYPES } from '../problems/catalog.js';
import { declaredCodes, problemsByStatus } from './refusals.js';
import { defineRoute } from './route.js';

const handler = async () => ({});

describe('the problem types a route declares', () => {
  it('derives a new route’s from its shape, with no list to write: sign-in, CSRF, path ids, If-Match, Idempotency-Key, body, cursor', () => {
    const route = defineRoute({
      method: 'post',
      path: '/v1/projects/:projectId/decisions/:decisionId/votes',
      summary: 'Vote',
      tag: 'boards',
      access: 'person',
      params: z.object({ projectId: z.string(), decisionId: z.string() }),
      query: z.object({ cursor: z.string().optional() }),
      body: z.object({}),
      ifMatch: 'required',
      idempotent: true,
      handler,
    });
    expect([...declaredCodes(route)].sort()).toEqual(
      [
        'csrf_failed',
        'decision_not_found',
        'forbidden',
        'idempotency_key_reused',
        'invalid_cursor',
        'invalid_token',
        'malformed_json',
        'payload_too_large',
        'precondition_required',
        'project_not_found',
        'rate_limited',
        'service_unavailable',
        'stale_version',
        'unauthenticated',
        'unsupported_media_type',
        'validation_failed',
      ].sort(),
    );
  });

  it('adds the codes of the service’s rules the route names, and groups them by status', () => {
    const route = defineRoute({
      method: 'get',
      path: '/v1/public',
      summary: 'x',
      tag: 'x',
      access: 'public',
      refusals: ['needs_in_use', 'no_currency_here'],
      handler,
    });
    const byStatus = problemsByStatus(route);
    expect([...byStatus.keys()]).toEqual([400, 401, 404, 409, 429, 503]);
    expect(byStatus.get(409)).toEqual(['needs_in_use', 'no_currency_here']);
    expect(byStatus.get(404)).toEqual(['no_currency_here']);
    // A public route has no sign-in of its own, but a bearer token sent may be invalid.
    expect(byStatus.get(401)).toEqual(['invalid_token']);
  });

  it('declares only problem types of the catalog, on every route the gateway serves', () => {
    const unknown = allRoutes({} as never).flatMap((route) =>
      [...declaredCodes(route)].filter((code) => !PROBLEM_TYPES.has(code)).map((code) => `${route.method} ${route.path}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });
});
