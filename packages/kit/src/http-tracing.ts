// Server spans and duration metrics for HTTP requests, continuing the caller's W3C trace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpServerDuration } from './metrics.js';
import { SpanKind, SpanStatusCode, context, contextFromHeaders, trace, tracer } from './telemetry.js';

/**
 * Express-style middleware. The span is named after the matched route template once the
 * response is finished (`req.route.path`), so /v1/people/:personId stays one span name.
 */
export function httpTracing(service: string) {
  return (req: IncomingMessage & { route?: { path?: string }; baseUrl?: string }, res: ServerResponse, next: () => void) => {
    const started = process.hrtime.bigint();
    const parent = contextFromHeaders(req.headers);
    const span = tracer(service).startSpan(
      `${req.method} request`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'e21.service': service, 'http.request.method': req.method ?? '', 'url.path': (req.url ?? '').split('?')[0]! },
      },
      parent,
    );
    res.once('finish', () => {
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      httpServerDuration.observe({ service, method: req.method ?? '', route, status: String(res.statusCode) }, seconds);
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
