import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { ApiError, ApiErrorCode } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';

/** An error a client can act on: a stable code, an HTTP status and a sentence for people. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new HttpError(404, 'not_found', `${what} was not found. Check the link, or go back to the list.`);

export const validationFailed = (error: z.ZodError) =>
  new HttpError(
    400,
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

export const apiNotFound: RequestHandler = (request) => {
  throw notFound(`The API route ${request.method} ${request.path}`);
};

/** The one place errors become responses. Unknown errors are logged and hidden from clients. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) logger.error({ category: 'http', err: error }, 'request failed');
    const body: ApiError = {
      error: {
        code: httpError.code,
        message: httpError.message,
        ...(httpError.details ? { details: httpError.details } : {}),
      },
    };
    response.status(httpError.status).json(body);
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const bodyParserType = (error as { type?: string } | null)?.type;
  if (bodyParserType === 'entity.parse.failed') {
    return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (bodyParserType === 'entity.too.large') {
    return new HttpError(413, 'payload_too_large', 'The request body is too large.');
  }
  return new HttpError(500, 'internal_error', 'Something went wrong on the server; try again.');
}
