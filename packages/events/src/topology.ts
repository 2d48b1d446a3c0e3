// Who publishes and who consumes what: the workloads of the platform and every durable consumer.
// NATS permissions are made from this table, so a consumer missing here cannot read its stream.
import { inboxPrefixOf, streamName } from '@e21/kit';

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
  /** The service whose stream it reads. */
  source: ServiceName;
}

export const SUBSCRIPTIONS: readonly Subscription[] = [
  { service: 'contracts', name: 'consumed-minutes', source: 'timesheets' },
  { service: 'currency', name: 'pay-for-hours', source: 'timesheets' },
  { service: 'payroll', name: 'issuing', source: 'timesheets' },
  { service: 'payroll', name: 'pay', source: 'currency' },
];

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
  const publish = [`${service}.>`, '$JS.API.INFO', `$JS.API.STREAM.INFO.${own}`, `$JS.API.STREAM.CREATE.${own}`, `$JS.API.STREAM.UPDATE.${own}`];
  const sources = new Set<string>();
  for (const subscription of SUBSCRIPTIONS.filter((candidate) => candidate.service === service)) {
    const stream = streamName(subscription.source);
    const durable = `${service}-${subscription.name}`;
    if (!sources.has(stream)) {
      sources.add(stream);
      // A consumer that starts before its source creates the stream (never changes it): see ensureStream.
      publish.push(`$JS.API.STREAM.INFO.${stream}`, `$JS.API.STREAM.CREATE.${stream}`);
    }
    publish.push(
      `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
      `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
      `$JS.ACK.${stream}.${durable}.>`,
    );
  }
  return { publish, subscribe: [`${inboxPrefixOf(service)}.>`] };
}
