// application/problem+json (RFC 9457) responses: one shape for every error the gateway returns.
import type { ErrorRequestHandler, Response } from 'express';
import { httpStatusOfKind, Refused, type FieldProblem, type Logger } from '@e21/kit';

export const PROBLEM_BASE = '/v1/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

const TITLES: Record<string, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The body is not valid JSON',
  unsupported_media_type: 'The body must be JSON',
  payload_too_large: 'The body is too large',
  unauthenticated: 'Sign in first',
  invalid_token: 'The access token is not valid',
  sign_in_failed: 'The sign-in could not be completed',
  sign_in_expired: 'This sign-in expired',
  forbidden: 'You are not allowed to do this',
  csrf_failed: 'The request did not come from this site',
  not_found: 'Not found',
  stale_version: 'Someone changed this in the meantime',
  precondition_required: 'Say which version you are changing',
  rate_limited: 'Too many requests',
  service_unavailable: 'A service is unavailable',
  internal: 'Something went wrong on our side',
};

export function sendProblem(res: Response, problem: Omit<Problem, 'type' | 'title'> & { code: string; title?: string }): void {
  const { code, ...rest } = problem;
  const body: Problem = {
    type: `${PROBLEM_BASE}${code}`,
    ...rest,
    title: rest.title || TITLES[code] || code.replace(/_/g, ' '),
    requestId: res.locals.requestId as string | undefined,
  };
  res.status(problem.status).type('application/problem+json').json(body);
}

export function sendRefusal(res: Response, refused: Refused): void {
  sendProblem(res, {
    code: refused.code,
    status: httpStatusOfKind[refused.kind],
    title: TITLES[refused.code] ?? TITLES[refused.kind] ?? refused.code.replace(/_/g, ' '),
    detail: refused.message,
    ...(refused.fields.length ? { errors: refused.fields } : {}),
  });
}

/** Errors thrown by body parsing: malformed JSON, too large, wrong charset. */
function parserProblem(error: { type?: string; status?: number; message?: string }): { code: string; status: number; detail: string } | undefined {
  if (error.type === 'entity.parse.failed') return { code: 'malformed_json', status: 400, detail: 'The body could not be parsed as JSON' };
  if (error.type === 'entity.too.large') return { code: 'payload_too_large', status: 413, detail: 'The body is larger than allowed' };
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') return { code: 'unsupported_media_type', status: 415, detail: error.message ?? '' };
  return undefined;
}

export function problemErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof Refused) return sendRefusal(res, error);
    const parser = parserProblem(error as { type?: string });
    if (parser) return sendProblem(res, parser);
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    sendProblem(res, { code: 'internal', status: 500, detail: 'The error was logged; quote the request id when reporting it' });
  };
}
