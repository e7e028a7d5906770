import { Router } from 'express';
import type { Metrics } from '../../observability/metrics.ts';

export interface HealthState {
  /** False while starting up or shutting down, so a load balancer stops sending traffic. */
  isReady(): boolean;
}

export function healthRouter(health: HealthState, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', (_request, response) => {
    const ready = health.isReady();
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready' });
  });
  router.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
