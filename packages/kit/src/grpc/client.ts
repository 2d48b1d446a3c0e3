// Typed promise clients for ts-proto service definitions: deadlines, caller, trace context, refusals.
import * as grpc from '@grpc/grpc-js';
import { CALLER_METADATA_KEY, formatCaller, type Caller } from '../caller.js';
import { SpanKind, inSpan, traceHeaders } from '../telemetry.js';
import type { RequestOf, ResponseOf, ServiceDefinition, UnaryKeys } from './definition.js';
import { serviceErrorToRefused } from './refusal-metadata.js';

export interface CallOptions {
  /** On whose behalf the call is made; the callee authorizes this caller. */
  caller?: Caller;
  deadlineMs?: number;
}

export type ServiceClient<D extends ServiceDefinition> = {
  [K in UnaryKeys<D>]: (request: RequestOf<D[K]>, options?: CallOptions) => Promise<ResponseOf<D[K]>>;
} & { close(): void };

export interface ClientOptions {
  /** The calling service, named on client spans. */
  from: string;
  /** Default deadline of every call. */
  deadlineMs?: number;
}

export function createClient<D extends ServiceDefinition>(definition: D, target: string, options: ClientOptions): ServiceClient<D> {
  const client = new grpc.Client(target, grpc.credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.enable_retries': 1,
  });
  const methods: Record<string, unknown> = { close: () => client.close() };
  for (const [name, method] of Object.entries(definition)) {
    if (method.requestStream || method.responseStream) continue;
    methods[name] = (request: unknown, callOptions: CallOptions = {}) => {
      const rpc = method.path.slice(1);
      return inSpan(options.from, rpc, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'grpc', 'rpc.method': name } }, () => {
        // Wait for a connection until the deadline rather than failing while a peer restarts.
        const metadata = new grpc.Metadata({ waitForReady: true });
        for (const [key, value] of Object.entries(traceHeaders())) metadata.set(key, value);
        if (callOptions.caller) metadata.set(CALLER_METADATA_KEY, formatCaller(callOptions.caller));
        const deadline = Date.now() + (callOptions.deadlineMs ?? options.deadlineMs ?? 5000);
        return new Promise((resolve, reject) => {
          client.makeUnaryRequest(
            method.path,
            method.requestSerialize,
            method.responseDeserialize,
            request,
            metadata,
            { deadline },
            (error, response) => (error ? reject(serviceErrorToRefused(error, rpc)) : resolve(response)),
          );
        });
      });
    };
  }
  return methods as ServiceClient<D>;
}
