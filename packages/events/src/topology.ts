// Who publishes and who consumes what: the workloads of the platform and every durable consumer.
// NATS permissions are made from this table, so a consumer missing here cannot read its stream.
import { filterSubjectOf, inboxPrefixOf, sourceServiceOf, streamName, type EventType } from '@e21/kit';
import { currencyEvents, identityEvents, timesheetsEvents } from './catalog.js';

/** The services, in start order (a service starts after those it calls). */
export const SERVICES = ['identity', 'programs', 'contracts', 'timesheets', 'currency', 'payroll'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Every process that holds a workload key: the services and the gateway. */
export const WORKLOADS = [...SERVICES, 'gateway'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** The workloads that call services on behalf of signed-in people and integration clients. */
export const DELEGATES: readonly WorkloadName[] = ['gateway'];

export interface Subscription {
  /** The consuming service. */
  service: ServiceName;
  /** With the service, names the durable consumer: "<service>-<name>". */
  name: string;
  /** The events it reads, all of one service: they make its filter subject (filterSubjectOf). */
  reads: readonly EventType<unknown>[];
}

export const SUBSCRIPTIONS: readonly Subscription[] = [
  { service: 'contracts', name: 'consumed-minutes', reads: [timesheetsEvents.entryApproved, timesheetsEvents.entryCorrected] },
  { service: 'currency', name: 'pay-for-hours', reads: [timesheetsEvents.entryApproved] },
  { service: 'currency', name: 'merchants', reads: [identityEvents.organizationVerified, identityEvents.organizationVerificationRevoked] },
  { service: 'payroll', name: 'issuing', reads: [timesheetsEvents.periodClosed, timesheetsEvents.entryCorrected] },
  { service: 'payroll', name: 'pay', reads: [currencyEvents.transferPosted] },
];

/** The service whose stream a subscription reads. */
export const sourceOf = (subscription: Subscription): ServiceName => sourceServiceOf(subscription.reads[0]!.type) as ServiceName;

export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
}

/**
 * What a service's NATS user may do: publish its own events and manage its own stream; read (and ack)
 * only through its own durable consumers; receive replies on its own inbox prefix only.
 */
export function natsPermissionsOf(service: ServiceName): NatsPermissions {
  const own = streamName(service);
  const publish = [
    `${service}.>`,
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.${own}`,
    `$JS.API.STREAM.CREATE.${own}`,
    `$JS.API.STREAM.UPDATE.${own}`,
  ];
  const sources = new Set<string>();
  for (const subscription of SUBSCRIPTIONS.filter((candidate) => candidate.service === service)) {
    const stream = streamName(sourceOf(subscription));
    const durable = `${service}-${subscription.name}`;
    const filter = filterSubjectOf(subscription.reads.map((event) => event.type));
    if (!sources.has(stream)) {
      sources.add(stream);
      // A consumer that starts before its source creates the stream (never changes it): see ensureStream.
      publish.push(`$JS.API.STREAM.INFO.${stream}`, `$JS.API.STREAM.CREATE.${stream}`);
    }
    publish.push(
      `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
      // Created or updated with its own filter only: it cannot read events it does not consume.
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}.${filter}`,
      `$JS.API.CONSUMER.DELETE.${stream}.${durable}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
      `$JS.ACK.${stream}.${durable}.>`,
    );
  }
  return { publish, subscribe: [`${inboxPrefixOf(service)}.>`] };
}
