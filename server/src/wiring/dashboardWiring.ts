import type { DocumentHost } from '../collab/documentHost.ts';
import type { Config } from '../config/env.ts';
import { DashboardEventStreams } from '../http/dashboardEvents.ts';
import type { StreamCap } from '../http/streamCap.ts';
import type { Logger } from '../lib/logger.ts';
import type { ConferenceStore, Persistence } from '../persistence/index.ts';
import type { AuthService } from '../services/auth/authService.ts';
import { createDashboardService } from '../services/dashboard/dashboardService.ts';
import type { EventBus } from '../services/events/eventBus.ts';

/**
 * The organisers' dashboard: rows kept current by the document host's hooks (edits, who is
 * online); open comments counted from the comments tables (a comment change reaches the stream
 * through the bus); and the streams its pages hold.
 */
export function wireDashboard(deps: {
  config: Pick<Config, 'DASHBOARD_FIGURES_EVERY_MS'>;
  conference: ConferenceStore;
  persistence: Pick<Persistence, 'repositories'>;
  documents: DocumentHost;
  auth: AuthService;
  events: EventBus;
  cap: StreamCap;
  logger: Logger;
}) {
  const { repositories } = deps.persistence;
  const dashboard = createDashboardService(deps.conference, deps.documents, {
    figuresEveryMs: deps.config.DASHBOARD_FIGURES_EVERY_MS,
    sources: {
      openComments: (guideIds) => repositories.comments.openThreadCounts(guideIds),
    },
  });
  deps.documents.use({
    persisted: (guideId, updates) =>
      dashboard.noteEdits(
        guideId,
        updates.map(({ source }) =>
          source.kind === 'connection' ? source.connection.signIn.personId : null,
        ),
      ),
    connectionOpened: (guideId, connection) =>
      dashboard.noteOnline(guideId, connection.signIn.personId, 1),
    connectionClosed: (guideId, connection) =>
      dashboard.noteOnline(guideId, connection.signIn.personId, -1),
  });
  const dashboardStreams = new DashboardEventStreams({
    auth: deps.auth,
    repositories,
    events: deps.events,
    dashboard,
    cap: deps.cap,
    log: deps.logger.child({ category: 'dashboard' }),
  });
  return { dashboard, dashboardStreams };
}
