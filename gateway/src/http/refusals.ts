// Which problem types each route can answer with. Most follow from the route's shape (who may call
// it, its path ids, If-Match, Idempotency-Key, a body, a cursor); a route adds the codes of its
// service's rules in `refusals`. The OpenAPI document lists them per status, and every gateway test
// run checks each problem a route answers against them (tests/support/declared-problems.ts), so the
// list stays true as routes change.
import { channel } from 'node:diagnostics_channel';
import type { Response } from 'express';
import { problemType } from '../problems/catalog.js';
import type { AnyRoute } from './route.js';

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The codes every route of this shape can answer with, whatever its service. */
function shapeCodes(route: AnyRoute): string[] {
  const codes = ['validation_failed', 'invalid_token', 'rate_limited', 'service_unavailable'];
  if (route.body) codes.push('malformed_json', 'payload_too_large', 'unsupported_media_type');
  if (route.access !== 'public') codes.push('unauthenticated', 'forbidden');
  if (route.method !== 'get') codes.push('csrf_failed');
  if (route.ifMatch) codes.push('stale_version');
  if (route.ifMatch === 'required') codes.push('precondition_required');
  if (route.idempotent) codes.push('idempotency_key_reused');
  const query = route.query as { shape?: Record<string, unknown> } | undefined;
  if (query?.shape && 'cursor' in query.shape) codes.push('invalid_cursor');
  // A path id that names nothing: "projectId" is project_not_found (when the catalog has it).
  for (const [, name] of route.path.matchAll(/:(\w+)Id\b/g)) {
    const code = `${snakeCase(name!)}_not_found`;
    if (problemType(code)) codes.push(code);
  }
  return codes;
}

/** Every problem code the route declares, its shape's and its own. */
export function declaredCodes(route: AnyRoute): Set<string> {
  return new Set([...shapeCodes(route), ...(route.refusals ?? [])]);
}

/** The route's problem codes by HTTP status, for its OpenAPI responses. */
export function problemsByStatus(route: AnyRoute): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const code of [...declaredCodes(route)].sort()) {
    for (const status of problemType(code)?.statuses ?? []) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/**
 * Every problem a route answers is published here (only while something listens: the tests), with
 * whether the route declares it.
 */
export const PROBLEM_CHANNEL = 'e21.gateway.problem';
const answered = channel(PROBLEM_CHANNEL);

export interface AnsweredProblem {
  method: string;
  path: string;
  status: number;
  code: string;
  declared: boolean;
}

/** Called with every problem sent: reports it with the route that was answering, if any. */
export function reportProblem(res: Response, code: string, status: number): void {
  const route = res.locals.route as AnyRoute | undefined;
  if (!route || !answered.hasSubscribers) return;
  const message: AnsweredProblem = {
    method: route.method.toUpperCase(),
    path: route.path,
    status,
    code,
    declared: declaredCodes(route).has(code) && (problemType(code)?.statuses.includes(status) ?? false),
  };
  answered.publish(message);
}
