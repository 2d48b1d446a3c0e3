// OpenTelemetry set-up: one tracer provider per process, W3C trace context, OTLP export on demand.
import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { SpanKind, SpanStatusCode, context, trace, propagation };
export type { Span, Context };

let provider: NodeTracerProvider | undefined;

export interface TelemetryOptions {
  serviceName: string;
  otlpEndpoint?: string;
  /** Extra exporter, e.g. an in-memory one in tests; spans go to it synchronously. */
  exporter?: SpanExporter;
}

/**
 * Registers the process-wide tracer provider. The first call wins: several services started in
 * one test process share it, and each span names its service in the `e21.service` attribute.
 */
export function initTelemetry(options: TelemetryOptions): void {
  if (provider) return;
  const spanProcessors = [];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  if (options.exporter) spanProcessors.push(new SimpleSpanProcessor(options.exporter));
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
}

export async function shutdownTelemetry(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}

export function tracer(service: string) {
  return trace.getTracer(`e21.${service}`);
}

/** Runs `work` inside a new span, recording its failure, and ends the span. */
export async function inSpan<T>(
  service: string,
  name: string,
  options: { kind: SpanKind; attributes?: Record<string, string | number | boolean>; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer(service).startActiveSpan(
    name,
    { kind: options.kind, attributes: { 'e21.service': service, ...options.attributes } },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const recordGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** The W3C trace headers (traceparent, tracestate) of a context, as a plain record. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier, recordSetter);
  return carrier;
}

/** The context described by W3C trace headers, e.g. from HTTP headers, gRPC metadata or NATS headers. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers, recordGetter);
}

/** fetch with a client span and trace headers, for libraries that accept a custom fetch. */
export function tracedFetch(service: string): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    return inSpan(
      service,
      `${method} ${url.host}${url.pathname}`,
      { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'url.full': url.toString() } },
      async (span) => {
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        for (const [key, value] of Object.entries(traceHeaders())) headers.set(key, value);
        const response = await fetch(input, { ...init, headers });
        span.setAttribute('http.response.status_code', response.status);
        return response;
      },
    );
  };
}
