// NATS connection and the JetStream streams: one stream per publishing service.
import { connect, nanos, RetentionPolicy, StorageType, DiscardPolicy, type NatsConnection, type StreamConfig } from 'nats';
import type { Logger } from '../log.js';

export type { NatsConnection } from 'nats';

export interface NatsLogin {
  url: string;
  user: string;
  password: string;
  /** Names the connection in the server's monitoring. */
  name: string;
}

/**
 * Connects as the service's own NATS user. Replies (JetStream acks, API answers) come to an inbox
 * prefix of that user's own, which no other user is allowed to subscribe to.
 */
export async function connectNats(login: NatsLogin, logger: Logger): Promise<NatsConnection> {
  const connection = await connect({
    servers: login.url,
    name: login.name,
    user: login.user,
    pass: login.password,
    inboxPrefix: inboxPrefixOf(login.user),
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  });
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect') logger.warn({ nats: status.type }, `NATS ${status.type}`);
    }
  })();
  return connection;
}

export const inboxPrefixOf = (user: string): string => `_INBOX_${user}`;

/** The stream holding the events of one service: "identity" -> E21_IDENTITY with subjects "identity.>". */
export function streamName(service: string): string {
  return `E21_${service.toUpperCase()}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function streamConfig(service: string, replicas = 1): Partial<StreamConfig> & { name: string } {
  return {
    name: streamName(service),
    subjects: [`${service}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    // Consumers that start late (a new service, a rebuilt projection) replay from here.
    max_age: nanos(365 * DAY_MS),
    // Window in which JetStream drops a re-publish with the same Nats-Msg-Id.
    duplicate_window: nanos(10 * 60 * 1000),
    num_replicas: replicas,
  };
}

/**
 * Creates the stream, or brings an existing one to this configuration. The publishing service owns
 * the configuration; a consumer starting first only creates it (`createOnly`), never changes it.
 */
export async function ensureStream(
  connection: NatsConnection,
  service: string,
  options: { replicas?: number; createOnly?: boolean } = {},
): Promise<void> {
  const manager = await connection.jetstreamManager();
  const config = streamConfig(service, options.replicas ?? 1);
  try {
    await manager.streams.info(config.name);
    if (!options.createOnly) await manager.streams.update(config.name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await manager.streams.add(config);
    } catch (addError) {
      // Another replica created it between our two calls.
      if (!String((addError as Error).message).includes('already in use')) throw addError;
    }
  }
}

export function isNotFound(error: unknown): boolean {
  const text = String((error as Error)?.message ?? '');
  return text.includes('not found') || (error as { code?: string }).code === '404';
}
