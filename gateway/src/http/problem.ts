// application/problem+json (RFC 9457) responses: one shape for every error the gateway returns, its
// `type` the page of its problem type in the catalog (problems/catalog.ts).
import type { ErrorRequestHandler, Response } from 'express';
import { httpStatusOfKind, Refused, type FieldProblem, type Logger } from '@e21/kit';
import { PROBLEM_BASE, problemType } from '../problems/catalog.js';
import { reportProblem } from './refusals.js';

export { PROBLEM_BASE };

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

/** The catalog's English title; a code outside the catalog (which its test forbids) reads as itself. */
const titleOf = (code: string, fallback?: string): string =>
  problemType(code)?.en.title ?? (fallback ? problemType(fallback)?.en.title : undefined) ?? code.replace(/_/g, ' ');

export function sendProblem(res: Response, problem: Omit<Problem, 'type' | 'title'> & { code: string; title?: string }): void {
  const { code, ...rest } = problem;
  const body: Problem = {
    type: `${PROBLEM_BASE}${code}`,
    ...rest,
    title: rest.title || titleOf(code),
    requestId: res.locals.requestId as string | undefined,
  };
  reportProblem(res, code, problem.status);
  res.status(problem.status).type('application/problem+json').json(body);
}

export function sendRefusal(res: Response, refused: Refused): void {
  sendProblem(res, {
    code: refused.code,
    status: httpStatusOfKind[refused.kind],
    title: titleOf(refused.code, refused.kind),
    detail: refused.message,
    ...(refused.fields.length ? { errors: refused.fields } : {}),
  });
}

/** Errors thrown by body parsing: malformed JSON, too large, wrong charset. */
function parserProblem(error: {
  type?: string;
  status?: number;
  message?: string;
}): { code: string; status: number; detail: string } | undefined {
  if (error.type === 'entity.parse.failed') return { code: 'malformed_json', status: 400, detail: 'The body could not be parsed as JSON' };
  if (error.type === 'entity.too.large') return { code: 'payload_too_large', status: 413, detail: 'The body is larger than allowed' };
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported')
    return { code: 'unsupported_media_type', status: 415, detail: error.message ?? '' };
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
