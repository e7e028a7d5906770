import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError, type z } from 'zod';
import type { ApiError } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';
import { invalidPathMessage, isDecodablePath } from '../lib/paths.ts';

import { DomainError, httpStatusOf, notFound } from '../lib/domainError.ts';

export const validationFailed = (error: z.ZodError) =>
  new DomainError(
    'validation_failed',
    'Some fields are not valid; correct them and try again.',
    error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );

/** Parses a request body with a shared schema, or throws a 400 listing every problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw validationFailed(result.error);
  return result.data;
}

/**
 * Refuses a path that does not percent-decode (`/%c0%ae%c0%ae/`, a lone `%`) before any route
 * sees it: the router would otherwise throw while decoding a parameter, and a bad link is the
 * client's mistake (400), not the server's (500, logged as an error).
 */
export const refuseMalformedPaths: RequestHandler = (request, _response, next) => {
  if (isDecodablePath(request.path)) return next();
  next(new DomainError('invalid_path', invalidPathMessage));
};

export const apiNotFound: RequestHandler = (request) => {
  throw notFound(`The API route ${request.method} ${request.path}`);
};

/** The one place errors become responses. Unknown errors are logged and hidden from clients. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const { problem, status } = toProblem(error);
    if (status >= 500) logger.error({ category: 'http', err: error }, 'request failed');
    const body: ApiError = {
      error: {
        code: problem.code,
        message: problem.message,
        ...(problem.details ? { details: problem.details } : {}),
      },
    };
    if (problem.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    }
    response.status(status).json(body);
  };
}

function toProblem(error: unknown): { problem: DomainError; status: number } {
  const known = (problem: DomainError) => ({ problem, status: httpStatusOf(problem.code) });
  if (error instanceof DomainError) return known(error);
  // Services validate their own input too (they are also called from the CLI).
  if (error instanceof ZodError) return known(validationFailed(error));
  const bodyParserType = (error as { type?: string } | null)?.type;
  if (bodyParserType === 'entity.parse.failed') {
    return known(new DomainError('invalid_json', 'The request body is not valid JSON.'));
  }
  if (bodyParserType === 'entity.too.large') {
    return known(new DomainError('payload_too_large', 'The request body is too large.'));
  }
  // Any other client error from Express or its parsers (http-errors style: a 4xx `status`), such
  // as an unsupported charset: the request's fault, answered with its own status (415 for a
  // charset) and not logged as an error.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const problem = new DomainError(
      'bad_request',
      'The server could not read this request (its encoding or format); send it as UTF-8 JSON.',
    );
    return { problem, status };
  }
  return known(new DomainError('internal_error', 'Something went wrong on the server; try again.'));
}
