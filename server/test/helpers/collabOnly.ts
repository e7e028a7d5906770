import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CollabServer, type CollabServerOptions } from '../../src/collab/collabServer.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { createMetrics, type Metrics } from '../../src/observability/metrics.ts';
import {
  openPersistence,
  type DocumentStore,
  type Persistence,
} from '../../src/persistence/index.ts';
import { InProcessEventBus } from '../../src/services/events/eventBus.ts';
import { createDocumentAccess } from '../../src/services/access/documentAccess.ts';
import { createAuthService } from '../../src/services/auth/authService.ts';
import { prepareFirstStart } from '../../src/services/setup/firstStart.ts';
import { removeTestData, sampleProfile, testDatabaseUrl } from '../../testing/index.ts';
import type { CollabTarget } from './clients.ts';

/** A collaboration server alone (no REST layer) on port 0, over a real SQLite file with the demo. */
export interface CollabOnly {
  persistence: Persistence;
  collab: CollabServer;
  metrics: Metrics;
  /** The organiser's cookie and the endpoint: enough for `connectClient` and raw sockets. */
  target: CollabTarget;
  wsUrl: string;
  databasePath: string;
  close(): Promise<void>;
}

/**
 * For tests that must reach inside the collaboration server's wiring: wrap the real document
 * store (to hold a load, say) or replace the update validator (to test the defences behind it).
 */
export async function startCollabOnly(
  options: {
    store?: (store: DocumentStore) => DocumentStore;
    validateUpdate?: CollabServerOptions['validateUpdate'];
    /** Another instance of the same guides: its database, sign-in and cookie are shared. */
    besides?: CollabOnly;
    relay?: CollabServerOptions['relay'];
    compactAfterUpdates?: number;
  } = {},
): Promise<CollabOnly> {
  const dataDir = options.besides ? null : mkdtempSync(join(tmpdir(), 'draftroom-collab-'));
  const databasePath = options.besides?.databasePath ?? (await testDatabaseUrl(dataDir ?? ''));
  const persistence = await openPersistence(databasePath);
  const events = new InProcessEventBus();
  const auth = createAuthService(persistence, events, { sessionTtlMs: 60_000 });
  let cookie = options.besides?.target.cookie;
  if (!cookie) {
    // Before the collaboration server exists (its store may be wrapped below), the demo's
    // guides go straight to the store; nothing has them loaded yet.
    const {
      join: [organiserLink],
    } = await prepareFirstStart(persistence, auth, {
      demo: true,
      writeGuide: async (documentId, update) => {
        await persistence.documents.appendBatch([{ documentId, update }]);
      },
    });
    // Signed in through the auth service (there is no REST layer here, only the collab server).
    const signIn = await auth.join(
      (organiserLink?.joinPath ?? '').replace('/join/', ''),
      sampleProfile(),
    );
    cookie = `draftroom_session=${signIn.token}`;
  }
  const metrics = createMetrics();
  const collab = new CollabServer({
    store: options.store ? options.store(persistence.documents) : persistence.documents,
    access: createDocumentAccess(persistence, auth),
    events,
    metrics,
    logger: createLogger('silent'),
    allowedOrigins: [],
    compactAfterUpdates: options.compactAfterUpdates ?? 1000,
    compactAfterBytes: 1 << 24,
    idleUnloadMs: 60_000,
    keepaliveMs: 60_000,
    limits: {
      messagesPerSecond: 1000,
      messageBurst: 1000,
      connectionsPerIp: 100,
      documentBytes: 1 << 24,
      documentItems: 1_000_000,
    },
    ...(options.validateUpdate ? { validateUpdate: options.validateUpdate } : {}),
    ...(options.relay ? { relay: options.relay } : {}),
  });
  const http: Server = createServer();
  collab.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const wsUrl = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/collab`;
  return {
    persistence,
    collab,
    metrics,
    wsUrl,
    databasePath,
    target: { wsUrl, cookie },
    async close() {
      await collab.close();
      await new Promise((resolve) => http.close(resolve));
      await persistence.close();
      if (dataDir) await removeTestData(dataDir);
    },
  };
}
