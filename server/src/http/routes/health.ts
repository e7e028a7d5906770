import { Router } from 'express';
import type { Metrics } from '../../observability/metrics.ts';

export interface HealthState {
  /** False while starting up or shutting down, so a load balancer stops sending traffic. */
  isReady(): boolean;
  /** Why a running server cannot serve (the database refuses writes), or undefined. */
  problem(): { reason: string; message: string; since: string } | undefined;
  /** With several instances: why Redis cannot relay, or undefined (always, without Redis). */
  redisProblem?(): { message: string; since: string } | undefined;
}

/** What is down, each with its reason: the store (`storage_unwritable`), Redis (`redis_unreachable`). */
function problems(health: HealthState) {
  const store = health.problem();
  const redis = health.redisProblem?.();
  return [
    ...(store ? [{ component: 'store', ...store }] : []),
    ...(redis ? [{ component: 'redis', reason: 'redis_unreachable', ...redis }] : []),
  ];
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
    // Not ready while Redis is down too: this instance still stores edits, but its people would
    // not see the other instances' edits, presence or access changes; a load balancer should
    // send newcomers to an instance that can relay. The first problem's fields stay at the top
    // (`reason`, `message`, `since`); `down` names every part that is down.
    const down = problems(health);
    const [first] = down;
    if (first) {
      const { component: _component, ...top } = first;
      response.status(503).json({
        status: 'not_ready',
        ...top,
        down: down.map(({ component }) => component),
        problems: down,
      });
    } else response.json({ status: 'ready' });
  });
  router.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
