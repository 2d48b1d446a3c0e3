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

/**
 * The narrowest single NATS subject that covers these event types: a consumer receives only what it
 * reads (nats-server 2.9 takes one filter per consumer). One type is itself; several share their
 * common leading tokens: timesheets.period.closed and timesheets.entry.corrected -> timesheets.>.
 */
export function filterSubjectOf(types: readonly string[]): string {
  if (types.length === 0) throw new Error('a consumer reads at least one event type');
  const distinct = [...new Set(types)];
  if (distinct.length === 1) return distinct[0]!;
  const split = distinct.map((type) => type.split('.'));
  const common: string[] = [];
  for (let index = 0; split.every((tokens) => index < tokens.length - 1 && tokens[index] === split[0]![index]); index++)
    common.push(split[0]![index]!);
  if (common.length === 0) throw new Error(`${distinct.join(', ')} come from different services`);
  return `${common.join('.')}.>`;
}
