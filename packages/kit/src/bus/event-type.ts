// What an event is on the wire: a CloudEvents type naming a protobuf message.

/** The encode/decode half of a ts-proto message object. */
export interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

export interface EventType<T> {
  /** "<service>.<entity>.<past-tense verb>"; also the NATS subject it is published on. */
  type: string;
  codec: MessageCodec<T>;
}

export function defineEvent<T>(type: string, codec: MessageCodec<T>): EventType<T> {
  if (!/^[a-z]+\.[a-z_]+\.[a-z_]+$/.test(type)) throw new Error(`event type ${type} is not <service>.<entity>.<verb>`);
  return { type, codec };
}

/** The service an event type belongs to: the first segment of its type. */
export const sourceServiceOf = (type: string): string => type.slice(0, type.indexOf('.'));

/** The CloudEvents `source` of a service's events. */
export const eventSourceOf = (service: string): string => `e21/${service}`;

/** A decoded event with its CloudEvents attributes. */
export interface ReceivedEvent<T> {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  data: T;
}
