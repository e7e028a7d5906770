import type { DocumentHost } from '../collab/documentHost.ts';
import type { Config } from '../config/env.ts';
import type { Logger } from '../lib/logger.ts';
import { registerSearchPending, type Metrics } from '../observability/metrics.ts';
import type { ConferenceStore, Persistence } from '../persistence/index.ts';
import { searchIndexFor } from '../services/search/searchIndexFor.ts';
import { searchUpdater } from '../services/search/searchUpdater.ts';

/**
 * Search, wired into the document host: each stored change re-indexes its guide alone, after a
 * pause in the typing; a guide loaded while the start-up pass still waits for it goes first.
 */
export function wireSearch(deps: {
  config: Pick<Config, 'SEARCH_INDEX_QUIET_MS'>;
  persistence: Pick<Persistence, 'dialect'>;
  conference: ConferenceStore;
  documents: DocumentHost;
  metrics: Metrics;
  logger: Logger;
}) {
  const { config, documents, logger } = deps;
  const searchIndex = searchIndexFor(deps.persistence.dialect, deps.conference);
  const searchIndexing = searchUpdater({
    index: searchIndex,
    documents,
    quietMs: config.SEARCH_INDEX_QUIET_MS,
    // Under typing that never pauses, a guide is re-read whole on the relay's thread this often:
    // every 5 s over 50 busy guides cost the conference load ~5 points of server CPU and its p99
    // 118 → 205 ms (one bench run each way); 15 s keeps a third of that.
    maxWaitMs: Math.max(config.SEARCH_INDEX_QUIET_MS, 15_000),
    onError: (guideId, error) => logger.error({ err: error, guideId }, 'search indexing failed'),
  });
  registerSearchPending(deps.metrics.registry, () => searchIndexing.pendingCount());
  documents.use({
    persisted: (guideId) => searchIndexing.noteEdit(guideId),
    loaded: (guideId) => searchIndexing.noteLoaded(guideId),
  });
  return { searchIndex, searchIndexing };
}
