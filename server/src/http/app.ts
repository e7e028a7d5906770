import express, { type Express } from 'express';
import type { Logger } from '../lib/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { GuideService } from '../services/guides.ts';
import { apiNotFound, errorHandler } from './errors.ts';
import { guidesRouter } from './routes/guides.ts';
import { healthRouter, type HealthState } from './routes/health.ts';
import { spaRouter } from './spa.ts';

export interface AppDependencies {
  guides: GuideService;
  metrics: Metrics;
  health: HealthState;
  logger: Logger;
  staticDir: string | undefined;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter(deps.health, deps.metrics));

  const api = express.Router();
  api.use(express.json({ limit: '64kb' }));
  api.use('/guides', guidesRouter(deps.guides));
  api.use(apiNotFound);
  app.use('/api', api);

  if (deps.staticDir) app.use(spaRouter(deps.staticDir));
  app.use(errorHandler(deps.logger.child({ category: 'http' })));
  return app;
}
