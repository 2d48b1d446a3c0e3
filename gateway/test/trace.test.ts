// One trace from the gateway's HTTP request, through identity's gRPC handler, to a consumer across NATS.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createTestDatabase } from '@e21/devinfra';
import { identityEvents } from '@e21/events';
import {
  connectNats,
  createLogger,
  createPool,
  EventConsumer,
  initTelemetry,
  kitMigrationsDir,
  migrate,
  type NatsConnection,
  type Pool,
} from '@e21/kit';
import { waitFor } from '@e21/devinfra';
import { api, createWorld, startPlatform, type Platform } from '../../tests/support/platform.js';

const exporter = new InMemorySpanExporter();
let platform: Platform;
let consumer: EventConsumer;
let pool: Pool;
let nats: NatsConnection;
const consumed: string[] = [];

beforeAll(async () => {
  initTelemetry({ serviceName: 'trace-test', exporter });
  platform = await startPlatform();
  pool = createPool(await createTestDatabase('audit'));
  await migrate(pool, [{ name: 'kit', dir: kitMigrationsDir }]);
  nats = await connectNats(platform.nats.login('admin'), createLogger('audit', 'silent')); // an operator's consumer, outside the platform's table
  consumer = new EventConsumer({ service: 'audit', name: 'profile-changes', pool, nats, logger: createLogger('audit', 'silent') }).on(
    identityEvents.personUpdated,
    async (_tx, event) => {
      consumed.push(event.subject);
    },
  );
  await consumer.start();
});

afterAll(async () => {
  await consumer.stop();
  await nats.drain();
  await pool.end();
  await platform.stop();
});

it('carries one trace id from the gateway through identity gRPC to an event consumer', async () => {
  const world = await createWorld(platform.identityClient);
  const call = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
  exporter.reset();
  const response = await call('PATCH', '/v1/me', { name: 'Amina H.' });
  expect(response.status).toBe(200);
  await waitFor(() => consumed.includes(world.inhabitant.id), { timeoutMs: 10_000, what: 'the consumer to receive person.updated' });

  const findSpans = () => {
    const spans = exporter.getFinishedSpans();
    return {
      gatewaySpan: spans.find((s) => s.name === 'PATCH /v1/me'),
      grpcServerSpan: spans.find(
        (s) => s.name === 'e21.identity.v1.IdentityService/UpdatePerson' && s.attributes['e21.service'] === 'identity',
      ),
      publishSpan: spans.find((s) => s.name === 'identity.person.updated publish'),
      consumerSpan: spans.find((s) => s.name === 'identity.person.updated process' && s.attributes['e21.service'] === 'audit'),
    };
  };
  // The consumer's span ends once the message is acked, a moment after its handler has run.
  await waitFor(() => Object.values(findSpans()).every(Boolean), { timeoutMs: 10_000, what: 'the four spans to finish' });
  const { gatewaySpan, grpcServerSpan, publishSpan, consumerSpan } = findSpans();
  const traceId = gatewaySpan!.spanContext().traceId;
  expect([grpcServerSpan, publishSpan, consumerSpan].map((span) => span!.spanContext().traceId)).toEqual([traceId, traceId, traceId]);
});
