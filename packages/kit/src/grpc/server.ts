// gRPC server: async handlers, refusals as status codes, spans, health, graceful shutdown.
import * as grpc from '@grpc/grpc-js';
import {
  HealthCheckResponse_ServingStatus,
  HealthService,
  type HealthCheckRequest,
  type HealthCheckResponse,
} from '@e21/proto/grpc/health/v1/health';
import type { Caller } from '../caller.js';
import { Refused } from '../errors.js';
import type { Logger } from '../log.js';
import { grpcServerDuration } from '../metrics.js';
import { SpanKind, contextFromHeaders, inSpan } from '../telemetry.js';
import type { RequestOf, ResponseOf, ServiceDefinition, UnaryKeys } from './definition.js';
import { refuseControlCharacters } from './input.js';
import { refusalToServiceError } from './refusal-metadata.js';
import type { CallerVerifier } from '../trust/credentials.js';
import { serverCredentials, type GrpcTls } from './tls.js';

export interface CallContext {
  /** Who is calling, from the verified caller token; undefined for an anonymous call (a public page's). */
  caller: Caller | undefined;
  metadata: grpc.Metadata;
  method: string;
  logger: Logger;
}

export type Handlers<D extends ServiceDefinition> = {
  [K in UnaryKeys<D>]: (request: RequestOf<D[K]>, call: CallContext) => Promise<ResponseOf<D[K]>>;
};

export interface ServiceBinding<D extends ServiceDefinition = ServiceDefinition> {
  definition: D;
  handlers: Handlers<D>;
}

/** Pairs a definition with its handlers, keeping their types checked against each other. */
export function bind<D extends ServiceDefinition>(definition: D, handlers: Handlers<D>): ServiceBinding {
  return { definition, handlers } as unknown as ServiceBinding;
}

export interface GrpcServerOptions {
  service: string;
  host: string;
  port: number;
  bindings: ServiceBinding[];
  logger: Logger;
  /** Verifies each call's caller token; a call without a valid one is refused with UNAUTHENTICATED. */
  verifier: CallerVerifier;
  tls?: GrpcTls;
}

export class GrpcServer {
  private readonly server = new grpc.Server({ 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  private serving: HealthCheckResponse_ServingStatus = HealthCheckResponse_ServingStatus.NOT_SERVING;
  private readonly watchers = new Set<grpc.ServerWritableStream<HealthCheckRequest, HealthCheckResponse>>();
  port = 0;

  constructor(private readonly options: GrpcServerOptions) {
    for (const binding of options.bindings) this.server.addService(binding.definition, this.implementation(binding));
    this.server.addService(HealthService, this.health());
  }

  async start(): Promise<number> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${this.options.host}:${this.options.port}`, serverCredentials(this.options.tls), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.setServing(HealthCheckResponse_ServingStatus.SERVING);
    return this.port;
  }

  /** Refuses new calls, lets in-flight calls finish within `graceMs`, then closes. */
  async stop(graceMs = 10_000): Promise<void> {
    this.setServing(HealthCheckResponse_ServingStatus.NOT_SERVING);
    for (const watcher of this.watchers) watcher.end();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private setServing(status: HealthCheckResponse_ServingStatus): void {
    this.serving = status;
    for (const watcher of this.watchers) watcher.write({ status });
  }

  private implementation(binding: ServiceBinding): grpc.UntypedServiceImplementation {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(binding.definition)) {
      const handler = (binding.handlers as Record<string, (request: unknown, call: CallContext) => Promise<unknown>>)[name];
      if (!handler || method.requestStream || method.responseStream) continue;
      implementation[name] = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        void this.serve(method.path, handler, call).then(
          (response) => callback(null, response),
          (error: Partial<grpc.ServiceError>) => callback(error as grpc.ServiceError),
        );
      };
    }
    return implementation;
  }

  private async serve(
    path: string,
    handler: (request: unknown, call: CallContext) => Promise<unknown>,
    call: grpc.ServerUnaryCall<unknown, unknown>,
  ): Promise<unknown> {
    const started = process.hrtime.bigint();
    const method = path.slice(path.lastIndexOf('/') + 1);
    const metadata = call.metadata.getMap() as Record<string, string>;
    let code = grpc.status.OK;
    try {
      return await inSpan(
        this.options.service,
        path.slice(1),
        { kind: SpanKind.SERVER, parent: contextFromHeaders(metadata), attributes: { 'rpc.system': 'grpc', 'rpc.method': method } },
        async () => {
          // Who calls first: nobody without a verified caller token learns anything, even about input.
          const caller = this.options.verifier.callerOf(call.metadata);
          // No handler sees a string with NUL or another control character: refused here for every service.
          refuseControlCharacters(call.request);
          return handler(call.request, { caller, metadata: call.metadata, method, logger: this.options.logger });
        },
      );
    } catch (error) {
      const serviceError = this.toServiceError(error, path);
      code = serviceError.code ?? grpc.status.INTERNAL;
      throw serviceError;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      grpcServerDuration.observe({ service: this.options.service, method, code: grpc.status[code] ?? String(code) }, seconds);
    }
  }

  private toServiceError(error: unknown, path: string): Partial<grpc.ServiceError> {
    if (error instanceof Refused) return refusalToServiceError(error);
    this.options.logger.error({ err: error, method: path }, 'gRPC handler failed');
    return { code: grpc.status.INTERNAL, details: 'internal error' };
  }

  private health(): grpc.UntypedServiceImplementation {
    return {
      check: (_call: grpc.ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, callback: grpc.sendUnaryData<HealthCheckResponse>) =>
        callback(null, { status: this.serving }),
      watch: (call: grpc.ServerWritableStream<HealthCheckRequest, HealthCheckResponse>) => {
        call.write({ status: this.serving });
        this.watchers.add(call);
        call.on('cancelled', () => this.watchers.delete(call));
      },
    };
  }
}
