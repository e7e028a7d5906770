import type { IncomingMessage } from 'node:http';
import { Router, type Request, type Response } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { z } from 'zod';
import {
  apiRoutes,
  entityIdSchema,
  type ApiRouteName,
  type RouteBody,
  type DownloadFile,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '@draftroom/shared';
import { DomainError, notFound, unauthenticated } from '../../lib/domainError.ts';
import type { Viewer } from '../../services/access/policy.ts';
import type { AuthService, SignIn } from '../../services/auth/authService.ts';
import { loadViewer } from '../../services/conference/viewer.ts';
import type { Repositories } from '../../persistence/index.ts';
import { parseBody } from '../errors.ts';
import { sessionTokenFrom } from '../../lib/sessionToken.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';

export interface HandlerContext<Name extends ApiRouteName = ApiRouteName> {
  request: Request;
  response: Response;
  /** Path parameters named by the route's path, already checked to be well-formed ids. */
  params: RouteParams<Name>;
  /** The body, parsed by the route's request schema (`undefined` when it has none). */
  body: RouteBody<Name>;
  /** The query string, parsed by the route's query schema (`undefined` when it has none). */
  query: RouteQuery<Name>;
  /** The signed-in person; only routes that are not `public` may call it. */
  signedIn(): { viewer: Viewer; signIn: SignIn };
}

/** A route's handler: its parameters, body and answer are typed from the shared route table. */
export type Handler<Name extends ApiRouteName> = (
  context: HandlerContext<Name>,
) => Promise<RouteResponse<Name>>;

/** Every route of the shared table must have a handler: the compiler checks the list. */
export type Handlers = { [Name in ApiRouteName]: Handler<Name> };

export interface ApiRouterOptions {
  auth: AuthService;
  repositories: Repositories;
  joinRateLimitPerMinute: number;
  /** The client a request counts against (`lib/clientAddress.ts`), shared with every limit. */
  clientAddress(request: IncomingMessage): string;
  /** Where the limit counts (Redis with several instances, so it holds across them). */
  limiters?: Limiters;
}

/**
 * Mounts the shared route table: each route gets authentication (unless public), a rate limit
 * (public routes: they are the ones a guesser would hammer), parameter and body validation with
 * the shared schemas, then its handler. A route missing from `handlers` fails the typecheck.
 */
export function apiRouter(handlers: Handlers, options: ApiRouterOptions): Router {
  const router = Router();
  const publicLimit = (options.limiters ?? memoryLimiters)({
    name: 'public',
    points: options.joinRateLimitPerMinute,
    durationSeconds: 60,
  });

  for (const [name, route] of Object.entries(apiRoutes) as [
    ApiRouteName,
    (typeof apiRoutes)[ApiRouteName],
  ][]) {
    router[route.method](route.path, async (request: Request, response: Response) => {
      if (route.access === 'public') {
        await takeOrRefuse(publicLimit, options.clientAddress(request), response);
      }
      let signedIn: { viewer: Viewer; signIn: SignIn } | undefined;
      if (route.access !== 'public') {
        const signIn = await options.auth.authenticate(sessionTokenFrom(request));
        if (!signIn) throw unauthenticated();
        const viewer = await loadViewer(options.repositories, signIn.personId).catch(() => {
          throw unauthenticated();
        });
        signedIn = { viewer, signIn };
      }
      const params = validParams(request.params as Record<string, string>);
      const body =
        'request' in route ? parseBody(route.request as z.ZodType, request.body ?? {}) : undefined;
      const query =
        'query' in route ? parseBody(route.query as z.ZodType, { ...request.query }) : undefined;
      // The one place where the route table's types meet runtime values: the parameters were
      // matched by Express from this route's path and the body parsed by this route's schema.
      const handler = handlers[name] as Handler<ApiRouteName>;
      const result = await handler({
        request,
        response,
        params: params as RouteParams<ApiRouteName>,
        body: body as RouteBody<ApiRouteName>,
        query: query as RouteQuery<ApiRouteName>,
        signedIn: () => {
          if (!signedIn) throw unauthenticated();
          return signedIn;
        },
      });
      if ('download' in route) sendFile(response, result as unknown as DownloadFile);
      else if (route.status === 204) response.status(204).end();
      else response.status(route.status).json(result);
    });
  }
  return router;
}

/**
 * A file to save, never to show: `attachment` with the name in plain ASCII and in UTF-8 (RFC
 * 6266, through Express's content-disposition), and nosniff so no browser reads an exported
 * HTML or Markdown file as a page of this origin.
 */
function sendFile(response: Response, file: DownloadFile): void {
  response.attachment(file.filename);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response
    .status(200)
    .end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Takes one point for `key`, or answers 429 with Retry-After: when the window frees up. */
async function takeOrRefuse(
  limiter: RateLimiterAbstract,
  key: string,
  response: Response,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    response.setHeader(
      'Retry-After',
      String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))),
    );
    throw new DomainError(
      'rate_limited',
      'Too many attempts from your network; wait a minute and try again.',
    );
  }
}

/** Ids in paths have one format; anything else cannot name a thing, so it is "not found". */
function validParams(params: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(params)) {
    if (key === 'token') continue; // invite tokens are checked by the auth service
    if (!entityIdSchema.safeParse(value).success) throw notFound('This item');
  }
  return params;
}
