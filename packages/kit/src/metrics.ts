// Prometheus metrics, served on their own port so they never share the public listener.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const grpcServerDuration = new Histogram({
  name: 'e21_grpc_server_duration_seconds',
  help: 'Duration of gRPC calls served, by service, method and status',
  labelNames: ['service', 'method', 'code'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const httpServerDuration = new Histogram({
  name: 'e21_http_server_duration_seconds',
  help: 'Duration of HTTP requests served, by route and status',
  labelNames: ['service', 'method', 'route', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const eventsPublished = new Counter({
  name: 'e21_events_published_total',
  help: 'Events published from the outbox to JetStream',
  labelNames: ['service', 'type'] as const,
  registers: [registry],
});

export const eventsConsumed = new Counter({
  name: 'e21_events_consumed_total',
  help: 'Events handled by consumers, by outcome (applied, duplicate, ignored, failed)',
  labelNames: ['service', 'type', 'outcome'] as const,
  registers: [registry],
});

export const outboxPending = new Gauge({
  name: 'e21_outbox_pending',
  help: 'Outbox events not yet published',
  labelNames: ['service'] as const,
  registers: [registry],
});

export async function startMetricsServer(port: number, host = '0.0.0.0'): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
