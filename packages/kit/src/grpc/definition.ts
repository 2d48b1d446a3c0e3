// Types read off ts-proto's grpc-js service definitions, so handlers and clients are plain async functions.

export interface MethodDefinition<Req, Res> {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  requestSerialize(value: Req): Buffer;
  requestDeserialize(value: Buffer): Req;
  responseSerialize(value: Res): Buffer;
  responseDeserialize(value: Buffer): Res;
}

// Any generated service fits; `unknown` would reject their methods (parameters are contravariant).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type ServiceDefinition = Record<string, MethodDefinition<any, any>>;

export type RequestOf<M> = M extends MethodDefinition<infer Req, unknown> ? Req : never;
export type ResponseOf<M> = M extends { responseDeserialize(value: Buffer): infer Res } ? Res : never;

/** The unary methods of a service (streaming ones are implemented by hand). */
export type UnaryKeys<D extends ServiceDefinition> = {
  [K in keyof D]: D[K] extends { requestStream: false; responseStream: false } ? K : never;
}[keyof D];
