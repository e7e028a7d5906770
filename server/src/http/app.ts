import express, { type Express, type RequestHandler } from 'express';
import type { ClientAddressing } from '../lib/clientAddress.ts';
import type { Limiters } from '../lib/rateLimits.ts';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { DomainError } from '../lib/domainError.ts';
import { apiNotFound, errorHandler, refuseMalformedPaths } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { apiRouter, type ApiRouterOptions } from './routes/api.ts';
import { conferenceHandlers, type ConferenceServices } from './routes/handlers.ts';
import { healthRouter, type HealthState } from './routes/health.ts';
import { securityHeaders } from './securityHeaders.ts';
import type { DashboardEventStreams } from './dashboardEvents.ts';
import type { SessionEventStreams } from './sessionEvents.ts';
import { spaRouter } from './spa.ts';

export interface AppDependencies {
  services: ConferenceServices;
  /** The live streams pages listen to (`sessionEvents.ts`). */
  liveStreams: SessionEventStreams;
  /** The organisers' dashboard's stream (`dashboardEvents.ts`). */
  dashboardStreams: DashboardEventStreams;
  metrics: Metrics;
  health: HealthState;
  logger: Logger;
  staticDir: string | undefined;
  joinRateLimitPerMinute: number;
  /** Where per-address limits count (memory on one instance, Redis with several). */
  limiters?: Limiters;
  /** Who a request comes from (TRUST_PROXY): the same answer for Express and every limit. */
  clients: ClientAddressing;
  allowedOrigins: readonly string[];
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // The compiled function, not the raw setting, so request.ip/protocol match clientAddress().
  app.set('trust proxy', deps.clients.trust);
  app.use(securityHeaders());
  app.use(refuseMalformedPaths);
  app.use(healthRouter(deps.health, deps.metrics));

  const api = express.Router();
  api.use(sameOriginWrites(deps.allowedOrigins));
  api.use(express.json({ limit: '2mb' }));
  const document = openApiDocument();
  api.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  const options: ApiRouterOptions = {
    auth: deps.services.auth,
    repositories: deps.services.repositories,
    joinRateLimitPerMinute: deps.joinRateLimitPerMinute,
    clientAddress: deps.clients.clientAddress,
    limiters: deps.limiters,
  };
  api.use(deps.liveStreams.router());
  api.use(deps.dashboardStreams.router());
  api.use(apiRouter(conferenceHandlers(deps.services), options));
  api.use(apiNotFound);
  app.use('/api', api);

  if (deps.staticDir) app.use(spaRouter(deps.staticDir));
  app.use(errorHandler(deps.logger.child({ category: 'http' })));
  return app;
}

/**
 * Requests that change something must come from our own pages: a browser always sends Origin
 * on them, and another site's Origin is refused (defence in depth on top of SameSite cookies).
 */
function sameOriginWrites(allowedOrigins: readonly string[]): RequestHandler {
  return (request, _response, next) => {
    const origin = request.headers.origin;
    if (request.method === 'GET' || request.method === 'HEAD' || !origin) return next();
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      host = '';
    }
    if (
      host === request.headers.host ||
      allowedOrigins.some((allowed) => new URL(allowed).origin === origin)
    ) {
      return next();
    }
    next(new DomainError('forbidden', 'This request came from another site and was refused.'));
  };
}
