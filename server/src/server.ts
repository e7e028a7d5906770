import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CollabServer } from './collab/collabServer.ts';
import type { Config } from './config/env.ts';
import { createApp } from './http/app.ts';
import type { Logger } from './lib/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { openPersistence, type Persistence } from './persistence/index.ts';
import { createDocumentAccess } from './services/documentAccess.ts';
import { createGuideService, type GuideService } from './services/guides.ts';

export interface DraftroomServer {
  http: HttpServer;
  collab: CollabServer;
  persistence: Persistence;
  guides: GuideService;
  metrics: Metrics;
  /** Starts listening; resolves with the base URL (useful with PORT=0). */
  listen(): Promise<string>;
  /** Graceful shutdown: refuse new work, close sockets, store everything, close the database. */
  close(): Promise<void>;
}

/** Wires the layers together: persistence → services → http + collab, on one HTTP server. */
export async function createDraftroomServer(
  config: Config,
  logger: Logger,
): Promise<DraftroomServer> {
  const persistence = openPersistence(config.DATABASE_URL, config.SQLITE_SYNCHRONOUS);
  const metrics = createMetrics();
  const guides = createGuideService(persistence.guides, persistence.documents);
  let ready = false;

  if (config.SEED_DEMO) {
    const seeded = await guides.seedDemo();
    if (seeded > 0) logger.info({ category: 'startup', seeded }, 'demo guides created');
  }

  const app = createApp({
    guides,
    metrics,
    logger,
    health: { isReady: () => ready },
    staticDir: config.STATIC_DIR,
  });
  const http = createServer(app);
  const collab = new CollabServer({
    store: persistence.documents,
    access: createDocumentAccess(persistence.guides),
    metrics,
    logger,
    allowedOrigins: config.ALLOWED_ORIGINS,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    compactAfterBytes: config.COMPACT_AFTER_BYTES,
    idleUnloadMs: config.IDLE_UNLOAD_MS,
    keepaliveMs: config.KEEPALIVE_MS,
    limits: {
      messagesPerSecond: config.RATE_LIMIT_MESSAGES_PER_SECOND,
      messageBurst: config.RATE_LIMIT_BURST,
      connectionsPerIp: config.MAX_CONNECTIONS_PER_IP,
      documentBytes: config.MAX_DOCUMENT_BYTES,
    },
  });
  collab.attach(http);

  let closing: Promise<void> | null = null;
  return {
    http,
    collab,
    persistence,
    guides,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          ready = true;
          const { port } = http.address() as AddressInfo;
          const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
        });
      }),
    close: () => {
      closing ??= (async () => {
        ready = false;
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        await collab.close();
        await httpClosed;
        await persistence.close();
      })();
      return closing;
    },
  };
}
