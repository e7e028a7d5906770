import type { Server as HttpServer } from 'node:http';
import type { CollabServer } from './collab/collabServer.ts';
import type { DocumentRelay } from './collab/relay/documentRelay.ts';
import type { Metrics } from './observability/metrics.ts';
import type { Persistence } from './persistence/index.ts';
import type { Scaleout } from './scaleout/scaleout.ts';
import type { AuthService } from './services/auth/authService.ts';
import type { StartupLink, StartupRegistrationLink } from './services/demo/demoConference.ts';
import type { Mail } from './services/mail/mailService.ts';
import type { RegistrationMail } from './services/registration/registrationService.ts';
import type { SearchUpdater } from './services/search/searchUpdater.ts';
import type { TemplateApplier } from './services/templates/templateApplier.ts';
import type { VersionService } from './services/versions/versionService.ts';

/** What `createDraftroomServer` gives back: the running parts tests and `main.ts` reach into. */
export interface DraftroomServer {
  http: HttpServer;
  collab: CollabServer;
  persistence: Persistence;
  auth: AuthService;
  /** Starts groups' guides from their session's template (tests call it directly too). */
  templates: TemplateApplier;
  /** Version history; `versions.takeVersion` is how other features save a version. */
  versions: VersionService;
  /** Keeps the search index current (`settled()` waits for pending re-indexes: tests, bench). */
  search: SearchUpdater;
  metrics: Metrics;
  /** How this instance's guides reach the others (Redis with REDIS_URL, `noRelay` without). */
  relay: DocumentRelay;
  /** Redis (REDIS_URL): the link, events, relay and shared limits; undefined on one instance. */
  scaleout: Scaleout | undefined;
  /**
   * Join links made on first start (the demo's, one per role, or a single organiser link);
   * empty on later starts. `main.ts` prints them; tests join through them like a person would.
   */
  startupLinks: StartupLink[];
  /** The demo's focal point registration link, made on first start (printed with the others). */
  startupRegistrationLinks: StartupRegistrationLink[];
  /**
   * Sign-in emails (SMTP_URL): approvals enqueue into the outbox in their transaction, then
   * `kick()` it; `configured` is false without SMTP (the organisers copy links instead).
   */
  mail: Mail;
  /** Starts listening; resolves with the base URL (useful with PORT=0). */
  listen(): Promise<string>;
  /** Graceful shutdown: refuse new work, close sockets, store everything, close the database. */
  close(): Promise<void>;
}

/** What a test may put in place of a part the environment would otherwise choose. */
export interface ServerParts {
  /**
   * Whether approved delegates are sent their sign-in email, and the nudge for the outbox
   * worker. By default the mail sender (`mail`: configured with SMTP_URL); tests pass
   * `configured: true` to see the outbox rows an approval queues without an SMTP server.
   */
  registrationMail?: RegistrationMail;
}
