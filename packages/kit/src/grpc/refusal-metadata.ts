// How a refusal crosses a gRPC boundary: a status code plus the refusal itself in trailing metadata.
import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { Refused, grpcStatusOfKind, kindOfStatus, type FieldProblem, type RefusalKind } from '../errors.js';

const REFUSAL_KEY = 'e21-refusal-bin';

export function refusalToServiceError(refused: Refused): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set(
    REFUSAL_KEY,
    Buffer.from(JSON.stringify({ kind: refused.kind, code: refused.code, message: refused.message, fields: refused.fields })),
  );
  return { code: grpcStatusOfKind[refused.kind], details: refused.message, metadata };
}

/** Turns an error from a remote call back into the refusal the server made, or a generic one. */
export function serviceErrorToRefused(error: ServiceError, method: string): Refused | ServiceError {
  const encoded = error.metadata?.get(REFUSAL_KEY)[0];
  if (encoded) {
    const refusal = JSON.parse(Buffer.from(encoded as Buffer).toString('utf8')) as {
      kind: RefusalKind;
      code: string;
      message: string;
      fields?: FieldProblem[];
    };
    return new Refused(refusal.kind, refusal.code, refusal.message, refusal.fields ?? []);
  }
  const kind = kindOfStatus(error.code);
  if (!kind || error.code === GrpcStatus.INTERNAL || error.code === GrpcStatus.UNKNOWN) return error;
  const code = kind === 'unavailable' ? 'service_unavailable' : kind;
  return new Refused(kind, code, kind === 'unavailable' ? `A service is unavailable (${method}); try again shortly` : error.details);
}
