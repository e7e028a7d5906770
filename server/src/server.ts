import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { CollabServer } from './collab/collabServer.ts';
import { noRelay, type DocumentRelay } from './collab/relay/documentRelay.ts';
import type { Config } from './config/env.ts';
import { createApp } from './http/app.ts';
import { SessionEventStreams, sessionFeed } from './http/sessionEvents.ts';
import { StreamCap } from './http/streamCap.ts';
import { clientAddressing } from './lib/clientAddress.ts';
import type { Logger } from './lib/logger.ts';
import { createMetrics, registerQueryCounter } from './observability/metrics.ts';
import { openPersistence, type ConferenceStore } from './persistence/index.ts';
import { InProcessEventBus, type EventBus } from './services/events/eventBus.ts';
import { memoryLimiters } from './lib/rateLimits.ts';
import { createScaleout } from './scaleout/scaleout.ts';
import { createDocumentAccess } from './services/access/documentAccess.ts';
import { createAuthService } from './services/auth/authService.ts';
import { createGroupService } from './services/conference/groupService.ts';
import { createGuideService } from './services/conference/guideService.ts';
import { createContributorsService } from './services/conference/contributorsService.ts';
import { createLockService } from './services/conference/lockService.ts';
import { createCommentService } from './services/comments/commentService.ts';
import { createReviewService } from './services/review/reviewService.ts';
import { createSessionLiveService } from './services/sessions/sessionLiveService.ts';
import { createInteractionService } from './services/interaction/interactionService.ts';
import { createDotVoteService } from './services/dotVotes/dotVoteService.ts';
import { DotVoteFeed } from './collab/dotVoteFeed.ts';
import { onlineChanges } from './services/sessions/onlineChanges.ts';
import { FreezeScheduler } from './services/sessions/freezeScheduler.ts';
import { createDeviceLinkService } from './services/auth/deviceLinks.ts';
import { createMeService } from './services/conference/meService.ts';
import { createPeopleService } from './services/conference/peopleService.ts';
import { createProgrammeService } from './services/conference/programmeService.ts';
import { prepareFirstStart } from './services/setup/firstStart.ts';
import { createTemplateApplier } from './services/templates/templateApplier.ts';
import { createTemplateService } from './services/templates/templateService.ts';
import { createVersionService } from './services/versions/versionService.ts';
import { createSearchService } from './services/search/searchService.ts';
import { createGuideContentService } from './services/documents/guideContentService.ts';
import { wireCitations } from './services/citations/wireCitations.ts';
import { wireLibrary } from './services/practices/wireLibrary.ts';
import { createRegistrationService } from './services/registration/registrationService.ts';
import { createMail } from './services/mail/createMail.ts';
import { createPersonalProgrammeService } from './services/programme/personalProgrammeService.ts';
import { wireDashboard } from './wiring/dashboardWiring.ts';
import { wireExports } from './wiring/exportWiring.ts';
import { wireSearch } from './wiring/searchWiring.ts';

import type { DraftroomServer, ServerParts } from './serverTypes.ts';

export type { DraftroomServer, ServerParts };

/** Wires the layers together: persistence → services → http + collab, on one HTTP server. */
export async function createDraftroomServer(
  config: Config,
  logger: Logger,
  parts: ServerParts = {},
): Promise<DraftroomServer> {
  const persistence = await openPersistence(config.DATABASE_URL, config.SQLITE_SYNCHRONOUS, {
    logger,
    probeIntervalMs: config.STORE_PROBE_INTERVAL_MS,
  });
  const metrics = createMetrics();
  registerQueryCounter(metrics.registry, persistence.queryCount);
  const listenerFailed = (topic: string, error: unknown) =>
    logger.error({ err: error, topic }, 'live event listener failed');
  // Several instances (REDIS_URL): events, guides' edits and presence, and limits go through
  // Redis. What must happen when events may have been missed is set once everything exists.
  let eventGap = () => {};
  const scaleout = config.REDIS_URL
    ? createScaleout({
        url: config.REDIS_URL,
        instanceId: config.INSTANCE_ID,
        prefix: config.REDIS_PREFIX,
        registry: metrics.registry,
        log: logger,
        onListenerError: listenerFailed,
        onEventGap: () => eventGap(),
      })
    : undefined;
  const events: EventBus = scaleout?.events ?? new InProcessEventBus(listenerFailed);
  const relay: DocumentRelay = scaleout?.relay ?? noRelay;
  const limiters = scaleout?.limiters ?? memoryLimiters;
  // The services see the conference tables only; the document store is the collaboration
  // server's alone.
  const conference: ConferenceStore = {
    repositories: persistence.repositories,
    transaction: persistence.transaction,
  };
  const auth = createAuthService(conference, events, {
    sessionTtlMs: config.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
  });
  let ready = false;
  const clients = clientAddressing(config.TRUST_PROXY);
  // Links in emails need an absolute address: PUBLIC_URL, else where this server listens.
  let listeningUrl = '';
  const mail = createMail(
    config,
    persistence.repositories,
    logger.child({ category: 'mail' }),
    () => (config.PUBLIC_URL ?? listeningUrl).replace(/\/$/, ''),
  );
  // Before the services: those that change or read guides do it through its document host.
  const collab = new CollabServer({
    store: persistence.documents,
    access: createDocumentAccess(conference, auth),
    events,
    metrics,
    logger,
    allowedOrigins: config.ALLOWED_ORIGINS,
    clientAddress: clients.clientAddress,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    compactAfterBytes: config.COMPACT_AFTER_BYTES,
    idleUnloadMs: config.IDLE_UNLOAD_MS,
    keepaliveMs: config.KEEPALIVE_MS,
    relay,
    limits: {
      messagesPerSecond: config.RATE_LIMIT_MESSAGES_PER_SECOND,
      messageBurst: config.RATE_LIMIT_BURST,
      connectionsPerIp: config.MAX_CONNECTIONS_PER_IP,
      documentBytes: config.MAX_DOCUMENT_BYTES,
      documentItems: config.MAX_DOCUMENT_ITEMS,
    },
  });
  // A group's empty guide starts from its session's template: when the group is made, and
  // again whenever someone opens it while it is still unsettled (the claim makes it once).
  const templates = createTemplateApplier(conference, collab.documents, logger);
  collab.documents.use({
    connectionOpened: (guideId) => void templates.applyQuietly(guideId),
  });
  const onlineChanged = onlineChanges(persistence.repositories, events);
  collab.documents.use({
    connectionOpened: (documentId) => onlineChanged(documentId),
    connectionClosed: (documentId) => onlineChanged(documentId),
  });
  const versions = createVersionService(conference, collab.documents, {
    everyMs: config.VERSION_EVERY_MINUTES * 60_000,
    onError: (guideId, error) => logger.error({ err: error, guideId }, 'automatic version failed'),
    limiters,
  });
  // Every stored change (a person's or the server's) counts as activity for automatic versions.
  collab.documents.use({ persisted: (guideId) => versions.noteActivity(guideId) });
  const guides = createGuideService(conference);
  const { searchIndex, searchIndexing } = wireSearch({
    config,
    persistence,
    conference,
    documents: collab.documents,
    metrics,
    logger,
  });
  const versionFailed = (guideId: string, error: unknown) =>
    logger.error({ err: error, guideId }, 'version on lock or freeze failed');
  const locks = createLockService(
    conference,
    guides,
    events,
    (guideId, by) => versions.takeVersion(guideId, { label: '', kind: 'lock', by }),
    versionFailed,
    limiters,
  );
  const review = createReviewService(
    conference,
    events,
    // Labelled with the status moved to; the history shows it in the reader's language.
    (guideId, status, by) => versions.takeVersion(guideId, { label: status, kind: 'review', by }),
    (guideId, error) => logger.error({ err: error, guideId }, 'version on a review move failed'),
    limiters,
  );
  const freezes = new FreezeScheduler(
    persistence.repositories,
    locks,
    events,
    (guideId) => versions.takeVersion(guideId, { label: '', kind: 'freeze', by: null }),
    logger.child({ category: 'sessions' }),
    config.FREEZE_CHECK_MS,
    // Several instances check the same sessions: one freezes them, the others skip that pass.
    (pass) => persistence.exclusively('session-freezes', pass, { wait: false }),
  );
  const sessionLive = createSessionLiveService(
    conference,
    events,
    collab.documents,
    collab,
    limiters,
  );
  const interaction = createInteractionService(conference, events, limiters);
  // Good practices cited in guides and presented in sessions (issue 17).
  const practices = wireCitations({
    conference,
    events,
    limiters,
    guides,
    search: searchIndexing,
    log: logger.child({ category: 'practices' }),
  });
  // Dot votes inside a guide: closing one takes a version (labelled with its title), and every
  // change reaches the guide's open sockets, each with its person's cut.
  const dotVotes = createDotVoteService(
    conference,
    collab.documents,
    events,
    async (guideId, title, by) =>
      (await versions.takeVersion(guideId, { label: title, kind: 'dotVote', by })).id,
    limiters,
  );
  const dotVoteFeed = new DotVoteFeed({
    events,
    sockets: collab,
    votes: dotVotes,
    repositories: persistence.repositories,
    log: logger.child({ category: 'dotVotes' }),
  });
  // One count of open streams per sign-in, whichever page holds them.
  const streamCap = new StreamCap();
  const liveStreams = new SessionEventStreams({
    auth,
    repositories: persistence.repositories,
    events,
    feeds: [
      sessionFeed({ event: 'live', topic: 'sessionLive', ...sessionLive }),
      sessionFeed({
        event: 'interaction',
        topic: 'sessionInteraction',
        snapshot: interaction.snapshot,
        viewFor: interaction.interactionFor,
      }),
      practices.feed,
    ],
    log: logger.child({ category: 'sessions' }),
    cap: streamCap,
  });
  const { dashboard, dashboardStreams } = wireDashboard({
    config,
    conference,
    persistence,
    documents: collab.documents,
    auth,
    events,
    cap: streamCap,
    logger,
  });
  const { exports, closeWorkers } = wireExports({
    config,
    persistence,
    documents: collab.documents,
    limiters,
    interaction,
  });
  const library = wireLibrary({
    conference,
    events,
    limiters,
    searchIndex,
    onError: (practiceId, error) =>
      logger.error({ err: error, practiceId }, 'practice indexing failed'),
  });
  const app = createApp({
    services: {
      auth,
      me: createMeService(conference),
      devices: createDeviceLinkService(conference, {
        ttlMs: config.DEVICE_LINK_TTL_MS,
        codeAttempts: config.DEVICE_CODE_ATTEMPTS,
        limiters,
        sessionTtlMs: config.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
      }),
      programme: createProgrammeService(conference, events),
      groups: createGroupService(conference, events, (guideId) => {
        // A new group's row reaches open dashboards even when no template writes its guide.
        dashboard.noteChanged(guideId);
        return templates.applyQuietly(guideId);
      }),
      guides,
      contributors: createContributorsService(conference, guides),
      locks,
      review,
      comments: createCommentService(conference, collab.documents, events, limiters),
      sessionLive,
      interaction,
      citations: practices.citations,
      runningOrders: practices.runningOrders,
      dotVotes,
      people: createPeopleService(conference, auth, events),
      templates: createTemplateService(conference),
      versions,
      exports,
      search: createSearchService(conference, guides, searchIndex, limiters),
      guideContent: createGuideContentService(guides, collab.documents, { limiters }),
      dashboard,
      registration: createRegistrationService(conference, events, parts.registrationMail ?? mail),
      personalProgramme: createPersonalProgrammeService(conference, {
        publicUrl: config.PUBLIC_URL,
      }),
      library,
      repositories: persistence.repositories,
      cookieSecurity: config.COOKIE_SECURE,
    },
    liveStreams,
    dashboardStreams,
    metrics,
    logger,
    health: {
      isReady: () => ready,
      problem: () => persistence.health?.problem,
      redisProblem: () => scaleout?.problem(),
    },
    limiters,
    staticDir: config.STATIC_DIR,
    joinRateLimitPerMinute: config.JOIN_RATE_LIMIT_PER_MINUTE,
    clients,
    allowedOrigins: config.ALLOWED_ORIGINS,
  });
  const http = createServer(app);
  collab.attach(http);
  // Events from other instances may have been missed: every open socket is decided again from
  // the database, and every open page's stream ends so the browser reconnects and reads afresh.
  // (Missed comment threads are not re-sent to open guides: see the README.)
  eventGap = () => {
    void collab.recheckEveryone();
    liveStreams.resync();
    dashboardStreams.resync();
  };
  await scaleout?.start();
  // What its clients are told this instance can do (their connection state says it).
  const tellServiceState = () =>
    collab.setServiceState(
      persistence.health?.problem
        ? 'storeUnavailable'
        : scaleout && !scaleout.link.up
          ? 'relayDelayed'
          : 'live',
    );
  persistence.health?.onChange(tellServiceState);
  scaleout?.link.onChange(tellServiceState);
  tellServiceState();
  // The demo's guides are written through the document host, like any server change.
  // Instances starting together on one database take turns: the first seeds, the next finds it.
  const firstStart = await persistence.exclusively(
    'first-start',
    () =>
      prepareFirstStart(conference, auth, {
        demo: config.SEED_DEMO,
        writeGuide: async (guideId, content) => {
          await collab.documents.withDocument(guideId, (doc) => Y.applyUpdate(doc, content));
        },
      }),
    { wait: true },
  );
  const startupLinks = firstStart.ran ? firstStart.value.join : [];
  const startupRegistrationLinks = firstStart.ran ? firstStart.value.registration : [];

  let closing: Promise<void> | null = null;
  return {
    http,
    collab,
    persistence,
    auth,
    templates,
    versions,
    search: searchIndexing,
    metrics,
    relay,
    scaleout,
    startupLinks,
    startupRegistrationLinks,
    mail,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.PORT, config.HOST, () => {
          ready = true;
          // Freezes due while the server was down happen now, then every FREEZE_CHECK_MS.
          freezes.start();
          // Guides not indexed yet (a database from before search, or edits a crash kept from
          // the index) are caught up in the background, one per event-loop turn.
          searchIndexing.start();
          void library.catchUp();
          const { port } = http.address() as AddressInfo;
          const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
          listeningUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
          // Emails waiting from before (SMTP was down, or this server was) go out now.
          mail.start();
          resolve(listeningUrl);
        });
      }),
    close: () => {
      closing ??= (async () => {
        ready = false;
        versions.close();
        searchIndexing.close();
        exports.close();
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        liveStreams.closeAll();
        dotVoteFeed.close();
        dashboardStreams.closeAll();
        dashboard.close();
        // Started before anything is awaited: from this turn on, no frame is taken in.
        const collabClosed = collab.close();
        await Promise.all([freezes.stop(), mail.stop()]);
        await collabClosed;
        // The collaboration server's last stored edits, marked for the next start's index.
        await searchIndexing.marksWritten();
        await httpClosed;
        await closeWorkers();
        // After the collaboration server: its last stored edits are still relayed.
        await scaleout?.close();
        await persistence.close();
      })();
      return closing;
    },
  };
}
