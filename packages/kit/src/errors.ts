// Refusals: the one way a rule says "no", carried across gRPC and turned into problem+json.
import { status as GrpcStatus } from '@grpc/grpc-js';

/** What kind of "no" it is; decides the gRPC status and the HTTP status, in one mapping each. */
export type RefusalKind =
  | 'invalid' // the request is malformed or breaks a rule about its own content
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict' // the current state does not allow it (already signed, period closed...)
  | 'already_exists'
  | 'stale' // the caller's version (If-Match) is not the current one
  | 'rate_limited'
  | 'unavailable';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. "body.name" or "level". */
  field: string;
  message: string;
}

/** A refusal as a value, returned by pure domain functions. */
export interface RefusalValue {
  refused: true;
  kind: RefusalKind;
  /** Stable, machine-readable code such as "stale_version" or "unknown_skill". */
  code: string;
  message: string;
  fields?: FieldProblem[];
}

export function refusal(kind: RefusalKind, code: string, message: string, fields?: FieldProblem[]): RefusalValue {
  return { refused: true, kind, code, message, ...(fields ? { fields } : {}) };
}

export function isRefusal(value: unknown): value is RefusalValue {
  return typeof value === 'object' && value !== null && (value as RefusalValue).refused === true;
}

/** A refusal thrown through layers that cannot return it (handlers, stores, remote calls). */
export class Refused extends Error {
  readonly kind: RefusalKind;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(kind: RefusalKind, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'Refused';
    this.kind = kind;
    this.code = code;
    this.fields = fields;
  }

  static from(value: RefusalValue): Refused {
    return new Refused(value.kind, value.code, value.message, value.fields);
  }
}

/** Unwraps a domain result: returns the value, or throws its refusal. */
export function orThrow<T>(result: T | RefusalValue): T {
  if (isRefusal(result)) throw Refused.from(result);
  return result;
}

/** Throws the refusal of a check that returns one only when it refuses. */
export function throwIfRefused(check: RefusalValue | undefined): void {
  if (check) throw Refused.from(check);
}

export const grpcStatusOfKind: Record<RefusalKind, GrpcStatus> = {
  invalid: GrpcStatus.INVALID_ARGUMENT,
  unauthenticated: GrpcStatus.UNAUTHENTICATED,
  forbidden: GrpcStatus.PERMISSION_DENIED,
  not_found: GrpcStatus.NOT_FOUND,
  conflict: GrpcStatus.FAILED_PRECONDITION,
  already_exists: GrpcStatus.ALREADY_EXISTS,
  stale: GrpcStatus.ABORTED,
  rate_limited: GrpcStatus.RESOURCE_EXHAUSTED,
  unavailable: GrpcStatus.UNAVAILABLE,
};

export const httpStatusOfKind: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  stale: 412,
  rate_limited: 429,
  unavailable: 503,
};

const kindOfGrpcStatus = new Map<number, RefusalKind>(Object.entries(grpcStatusOfKind).map(([kind, code]) => [code, kind as RefusalKind]));

/** The refusal kind a gRPC status stands for when the server sent no kind of its own. */
export function kindOfStatus(code: number): RefusalKind | undefined {
  if (code === GrpcStatus.DEADLINE_EXCEEDED) return 'unavailable';
  return kindOfGrpcStatus.get(code);
}

export const notFound = (what: string, id: string): Refused =>
  new Refused('not_found', `${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id ${id}`);

/** A request that refers to something that does not exist (a body field, not the URL's target). */
export const unknownReference = (field: string, what: string, id: string): Refused =>
  new Refused('invalid', `unknown_${what}`, `${field}: no ${what.replace(/_/g, ' ')} with id ${id}`, [
    { field, message: `is not a known ${what.replace(/_/g, ' ')}` },
  ]);

export const forbidden = (message = 'You are not allowed to do this'): Refused => new Refused('forbidden', 'forbidden', message);

export const invalid = (field: string, message: string, code = 'validation_failed'): Refused =>
  new Refused('invalid', code, `${field}: ${message}`, [{ field, message }]);
