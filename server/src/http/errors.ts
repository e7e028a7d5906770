import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError, type z } from 'zod';
import type { ApiError } from '@draftroom/shared';
import type { Logger } from '../lib/logger.ts';

export { AppError as HttpError, notFound, forbidden, conflict } from '../lib/appError.ts';
import { AppError as HttpError, notFound } from '../lib/appError.ts';

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
  // Services validate their own input too (they are also called from the CLI).
  if (error instanceof ZodError) return validationFailed(error);
  const bodyParserType = (error as { type?: string } | null)?.type;
  if (bodyParserType === 'entity.parse.failed') {
    return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (bodyParserType === 'entity.too.large') {
    return new HttpError(413, 'payload_too_large', 'The request body is too large.');
  }
  return new HttpError(500, 'internal_error', 'Something went wrong on the server; try again.');
}
