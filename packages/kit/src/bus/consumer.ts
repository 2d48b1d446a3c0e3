// Durable JetStream consumers whose effects are applied exactly once, through the inbox.
import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { withTransaction, type Pool, type Tx } from '../db/pool.js';
import type { Logger } from '../log.js';
import { eventsConsumed } from '../metrics.js';
import { SpanKind, contextFromHeaders, inSpan } from '../telemetry.js';
import { fromHeaders, headersRecord, traceOf, type CloudEventAttributes } from './cloudevents.js';
import { eventSourceOf, filterSubjectOf, sourceServiceOf, type EventType, type ReceivedEvent } from './event-type.js';
import { ensureStream, isNotFound, streamName } from './nats.js';

/** Applies an event in the transaction that records it in the inbox; it asks no other service. */
export type EventHandler<T> = (tx: Tx, event: ReceivedEvent<T>) => Promise<void>;

/**
 * A handler that needs facts from other services: `prepare` asks for them before the inbox
 * transaction, `apply` writes with them inside it. A redelivered event is prepared again (harmless:
 * prepare only reads), and `apply` must stay right if a fact changed since prepare read it.
 */
export interface PreparedHandler<T, F> {
  prepare(event: ReceivedEvent<T>): Promise<F>;
  apply(tx: Tx, event: ReceivedEvent<T>, facts: F): Promise<void>;
}

interface Registration {
  event: EventType<unknown>;
  handler: PreparedHandler<unknown, unknown>;
}

const nothingToPrepare = async (): Promise<undefined> => undefined;

export interface ConsumerOptions {
  /** The consuming service, e.g. "contracts". */
  service: string;
  /** What the consumer is for, e.g. "consumed-hours"; with the service it names the durable consumer. */
  name: string;
  pool: Pool;
  nats: NatsConnection;
  logger: Logger;
  /** Deliveries before an event is set aside in inbox_failures. */
  maxAttempts?: number;
  ackWaitMs?: number;
}

/**
 * Why an event does not come from the service that owns it, if it does not: its subject must be its
 * type and its CloudEvents source the source of the service named by the type's first segment.
 */
export function provenanceProblem(subject: string, attributes: CloudEventAttributes): string | undefined {
  if (subject !== attributes.type) return `type ${attributes.type} published on subject ${subject}`;
  const owner = sourceServiceOf(attributes.type);
  if (attributes.source !== eventSourceOf(owner))
    return `source ${attributes.source} is not ${eventSourceOf(owner)}, the owner of ${attributes.type}`;
  return undefined;
}

/**
 * Consumes the events of one source service. Each handler applies its event in a transaction that
 * also records the event id in the inbox, so an event redelivered after a crash or a lost ack
 * changes nothing; a handler that needs other services' facts asks for them before (prepare).
 */
export class EventConsumer {
  private readonly registrations = new Map<string, Registration>();
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly options: ConsumerOptions) {}

  get durableName(): string {
    return `${this.options.service}-${this.options.name}`;
  }

  on<T, F = undefined>(event: EventType<T>, handler: EventHandler<T> | PreparedHandler<T, F>): this {
    if (this.registrations.size > 0) {
      const source = sourceServiceOf(this.registrations.values().next().value!.event.type);
      if (sourceServiceOf(event.type) !== source)
        throw new Error(`consumer ${this.durableName} reads ${source} events only; make another consumer for ${event.type}`);
    }
    const prepared = typeof handler === 'function' ? { prepare: nothingToPrepare, apply: handler } : handler;
    this.registrations.set(event.type, { event: event as EventType<unknown>, handler: prepared as PreparedHandler<unknown, unknown> });
    return this;
  }

  async start(): Promise<void> {
    const first = this.registrations.values().next().value;
    if (!first) throw new Error(`consumer ${this.durableName} has no handlers`);
    const source = sourceServiceOf(first.event.type);
    const stream = streamName(source);
    await ensureStream(this.options.nats, source, { createOnly: true });
    const manager = await this.options.nats.jetstreamManager();
    const config = {
      durable_name: this.durableName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // Only what it reads: NATS lets a service create its consumer with this filter and no other.
      filter_subject: filterSubjectOf([...this.registrations.keys()]),
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: -1,
    };
    const existing = await manager.consumers.info(stream, this.durableName).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (existing && existing.config.filter_subject !== config.filter_subject) {
      // It reads other events now: made again, it replays the stream, and the inbox skips what was applied.
      this.options.logger.info(
        { consumer: this.durableName, from: existing.config.filter_subject, to: config.filter_subject },
        'consumer filter changed; replaying its stream',
      );
      await manager.consumers.delete(stream, this.durableName);
    }
    if (existing && existing.config.filter_subject === config.filter_subject) {
      await manager.consumers.update(stream, this.durableName, { ack_wait: config.ack_wait, filter_subject: config.filter_subject });
    } else {
      await manager.consumers.add(stream, config);
    }
    const consumer = await this.options.nats.jetstream().consumers.get(stream, this.durableName);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages);
  }

  /** Stops taking new messages and waits for the one being handled. */
  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop;
    await this.inFlight;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      this.inFlight = this.handle(message);
      await this.inFlight;
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    const attributes = fromHeaders(message.headers);
    if (!attributes) {
      this.options.logger.error({ subject: message.subject }, 'message without CloudEvents id/type; discarded');
      message.term('not a CloudEvent');
      return;
    }
    const forged = provenanceProblem(message.subject, attributes);
    if (forged) {
      // NATS permissions already keep other users off a service's subjects; this is the second lock.
      this.options.logger.error(
        { subject: message.subject, type: attributes.type, source: attributes.source, event: attributes.id },
        `event refused: ${forged}`,
      );
      eventsConsumed.inc({ service: this.options.service, type: attributes.type, outcome: 'refused' });
      message.term(forged);
      return;
    }
    const registration = this.registrations.get(attributes.type);
    if (!registration) {
      eventsConsumed.inc({ service: this.options.service, type: attributes.type, outcome: 'ignored' });
      message.ack();
      return;
    }
    await inSpan(
      this.options.service,
      `${attributes.type} process`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromHeaders(traceOf(message.headers)),
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': attributes.type,
          'messaging.message.id': attributes.id,
          'messaging.consumer.group.name': this.durableName,
        },
      },
      async () => {
        try {
          const outcome = await this.apply(registration, attributes, message.data);
          eventsConsumed.inc({ service: this.options.service, type: attributes.type, outcome });
          message.ack();
        } catch (error) {
          await this.failed(message, attributes, error as Error);
        }
      },
    );
  }

  /**
   * Applies the event once: the inbox row and the effect commit together or not at all. The facts
   * from other services are gathered first, so the transaction never waits on the network.
   */
  private async apply(registration: Registration, attributes: CloudEventAttributes, payload: Uint8Array): Promise<'applied' | 'duplicate'> {
    const event = { ...attributes, data: registration.event.codec.decode(payload) };
    const facts = await registration.handler.prepare(event);
    return withTransaction(this.options.pool, async (tx) => {
      const inserted = await tx.query('insert into inbox (consumer, event_id, type) values ($1, $2, $3) on conflict do nothing', [
        this.durableName,
        attributes.id,
        attributes.type,
      ]);
      if (inserted.rowCount === 0) return 'duplicate';
      await registration.handler.apply(tx, event, facts);
      return 'applied';
    });
  }

  private async failed(message: JsMsg, attributes: CloudEventAttributes, error: Error): Promise<void> {
    const attempts = message.info.deliveryCount;
    const maxAttempts = this.options.maxAttempts ?? 8;
    eventsConsumed.inc({ service: this.options.service, type: attributes.type, outcome: 'failed' });
    if (attempts < maxAttempts) {
      this.options.logger.warn({ err: error, event: attributes.id, type: attributes.type, attempts }, 'event handler failed; will retry');
      message.nak(Math.min(250 * 2 ** attempts, 30_000));
      return;
    }
    this.options.logger.error(
      { err: error, event: attributes.id, type: attributes.type, attempts },
      'event handler keeps failing; set aside in inbox_failures',
    );
    try {
      await this.options.pool.query(
        `insert into inbox_failures (consumer, event_id, type, subject, payload, headers, error, attempts)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (consumer, event_id) do update set error = excluded.error, attempts = excluded.attempts, failed_at = now()`,
        [
          this.durableName,
          attributes.id,
          attributes.type,
          attributes.subject,
          Buffer.from(message.data),
          headersRecord(message.headers),
          error.message,
          attempts,
        ],
      );
      message.term(error.message);
    } catch (recordError) {
      this.options.logger.error({ err: recordError }, 'could not set the event aside; it will be redelivered');
      message.nak(30_000);
    }
  }
}
