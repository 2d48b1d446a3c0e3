// Typed promise clients for ts-proto service definitions: deadlines, caller tokens, trace context, refusals.
import * as grpc from '@grpc/grpc-js';
import type { Caller } from '../caller.js';
import { refuseInTransaction } from '../db/open-transaction.js';
import { SpanKind, inSpan, traceHeaders } from '../telemetry.js';
import { CREDENTIAL_METADATA_KEY, registeredCredentials, type WorkloadCredentials } from '../trust/credentials.js';
import { channelCredentials, type GrpcTls } from './tls.js';
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
  /** Signs a caller token for each call; by default, the credentials registered for `from`. */
  credentials?: WorkloadCredentials;
  /** Mutual TLS to the callee (GRPC_TLS_*); plaintext when absent. */
  tls?: GrpcTls;
}

/** The service a definition belongs to ("/e21.identity.v1.IdentityService/GetPerson" -> "identity"): a token's audience. */
export function audienceOf(definition: ServiceDefinition): string | undefined {
  const first = Object.values(definition)[0];
  return first ? /^\/e21\.([a-z_]+)\.v\d+\./.exec(first.path)?.[1] : undefined;
}

function credentialsFor(options: ClientOptions, audience: string): WorkloadCredentials {
  const credentials = options.credentials ?? registeredCredentials(options.from);
  if (!credentials) throw new Error(`${options.from} has no workload credentials (registerCredentials) to call ${audience} with`);
  return credentials;
}

export function createClient<D extends ServiceDefinition>(definition: D, target: string, options: ClientOptions): ServiceClient<D> {
  const audience = audienceOf(definition);
  const client = new grpc.Client(target, channelCredentials(options.tls), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.enable_retries': 1,
  });
  const methods: Record<string, unknown> = { close: () => client.close() };
  for (const [name, method] of Object.entries(definition)) {
    if (method.requestStream || method.responseStream) continue;
    methods[name] = async (request: unknown, callOptions: CallOptions = {}) => {
      const rpc = method.path.slice(1);
      // A transaction waiting on the network holds its locks and connection for as long as the callee takes.
      refuseInTransaction(`the gRPC call ${rpc}`);
      return inSpan(options.from, rpc, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'grpc', 'rpc.method': name } }, () => {
        // Wait for a connection until the deadline rather than failing while a peer restarts.
        const metadata = new grpc.Metadata({ waitForReady: true });
        for (const [key, value] of Object.entries(traceHeaders())) metadata.set(key, value);
        // Health checks (the only services outside e21.*) are open, as Kubernetes probes are.
        if (audience)
          metadata.set(CREDENTIAL_METADATA_KEY, `Bearer ${credentialsFor(options, audience).tokenFor(callOptions.caller, audience)}`);
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
