import { Router } from 'express';
import type { Metrics } from '../../observability/metrics.ts';

export interface HealthState {
  /** False while starting up or shutting down, so a load balancer stops sending traffic. */
  isReady(): boolean;
  /** Why a running server cannot serve (the database refuses writes), or undefined. */
  problem(): { reason: string; message: string; since: string } | undefined;
}

export function healthRouter(health: HealthState, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', (_request, response) => {
    if (!health.isReady()) {
      response.status(503).json({ status: 'not_ready' });
      return;
    }
    const problem = health.problem();
    if (problem) response.status(503).json({ status: 'not_ready', ...problem });
    else response.json({ status: 'ready' });
  });
  router.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
