import type { Logger } from '../../lib/logger.ts';
import type { OutboxRecord, Repositories } from '../../persistence/index.ts';
import { mintPersonalLink } from '../auth/personalLinks.ts';
import { renderInvitation } from './invitationMessage.ts';
import type { MailTransport } from './smtpTransport.ts';

/**
 * What the rest of the server sees of mail: whether emails go out at all (without SMTP the
 * organisers copy each personal link), and a nudge after a transaction enqueued a message.
 */
export interface Mail {
  readonly configured: boolean;
  kick(): void;
}

export interface MailServiceOptions {
  repositories: Repositories;
  transport: MailTransport;
  /** The address people open links on: PUBLIC_URL, or this server's own once it listens. */
  baseUrl: () => string;
  /** The first retry's delay (MAIL_RETRY_MS); it doubles up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs?: number;
  /** Past this age (MAIL_GIVE_UP_HOURS) a message that fails again is marked failed. */
  giveUpMs: number;
  /** How often due messages are looked for without a kick (MAIL_POLL_MS). */
  pollMs: number;
  log: Logger;
  /** Messages read per look; each is still claimed and sent one at a time. */
  batchSize?: number;
}

const thirtyMinutes = 30 * 60 * 1000;
/**
 * How long a claimed message is this sender's: longer than the transport's own bounds on one
 * attempt (connection, greeting, socket silences), so it never passes to another sender while
 * this one may still be talking to SMTP; if this instance dies, another takes it after this.
 */
const claimMs = 3 * 60 * 1000;

/** The delay before the attempt after `attempts` failures: retryMs, 2×, 4×… up to the cap. */
export function retryDelay(attempts: number, retryMs: number, maxRetryMs = thirtyMinutes): number {
  return Math.min(retryMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)), maxRetryMs);
}

/** Mail is off: messages wait in the outbox; the organisers copy links instead. */
export const mailOff: Mail = { configured: false, kick: () => {} };

/**
 * The outbox's sender: every `pollMs`, and whenever kicked, it takes the due messages one by
 * one. Each is claimed first (so two instances never send one message), rendered with a link
 * minted now (the outbox never holds a usable token), handed to SMTP, then marked sent, or
 * failed for now with the SMTP reply and tried again later, twice as late each time.
 */
export class MailService implements Mail {
  readonly configured = true;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly batchSize: number;
  private readonly maxRetryMs: number;

  constructor(private readonly options: MailServiceOptions) {
    this.batchSize = options.batchSize ?? 10;
    this.maxRetryMs = options.maxRetryMs ?? thirtyMinutes;
  }

  /** Starts polling; messages due while the server was down go out now. */
  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        try {
          await this.drain();
        } catch (error) {
          // The database refused (it comes back; the next poll tries again).
          this.options.log.error({ err: error }, 'mail outbox: could not read due messages');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves when no pass is running (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops polling and waits for the message being sent, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.settled();
    this.options.transport.close();
  }

  private async drain(): Promise<void> {
    const outbox = this.options.repositories.mailOutbox;
    for (;;) {
      const due = await outbox.due(new Date().toISOString(), this.batchSize);
      let taken = 0;
      for (const message of due) {
        if (this.stopped) return;
        const now = Date.now();
        const claimed = await outbox.claim(
          message.id,
          new Date(now).toISOString(),
          new Date(now + claimMs).toISOString(),
        );
        if (!claimed) continue;
        taken += 1;
        await this.attempt(message);
      }
      // A short page was the last; a page all claimed by others is theirs to send.
      if (due.length < this.batchSize || taken === 0) return;
    }
  }

  private async attempt(message: OutboxRecord): Promise<void> {
    const { repositories: repos, log } = this.options;
    let inviteId: string | undefined;
    try {
      const person = message.personId ? await repos.people.get(message.personId) : undefined;
      const delegateStatus = message.delegateId
        ? await repos.mailOutbox.delegateStatus(message.delegateId)
        : 'approved';
      if (!person || (delegateStatus !== undefined && delegateStatus !== 'approved')) {
        // Removed, or declined after approval: the invitation no longer stands.
        await repos.mailOutbox.cancel(message.id);
        log.info({ messageId: message.id }, 'mail: invitation cancelled (no longer approved)');
        return;
      }
      const event = await repos.events.get(message.eventId);
      const created = await mintPersonalLink(repos, person);
      inviteId = created.invite.id;
      const rendered = renderInvitation(message.language, {
        eventName: event?.name ?? '',
        personName: person.displayName,
        link: `${this.options.baseUrl().replace(/\/$/, '')}${created.joinPath}`,
        expiresAt: created.invite.expiresAt,
        contactEmail: event?.contactEmail ?? null,
      });
      await this.options.transport.send({
        to: message.recipient,
        language: message.language,
        ...rendered,
      });
      inviteId = undefined;
      await repos.mailOutbox.markSent(message.id, new Date().toISOString());
      log.info(
        { messageId: message.id, kind: message.kind, attempts: message.attempts + 1 },
        'mail: sent',
      );
    } catch (error) {
      await this.failed(message, error, inviteId);
    }
  }

  private async failed(message: OutboxRecord, error: unknown, inviteId?: string): Promise<void> {
    const { repositories: repos, log } = this.options;
    // The transport's errors are already short and free of credentials; others (the database)
    // keep their first line only.
    const reason = (error instanceof Error ? error.message : String(error))
      .split('\n')[0]
      ?.slice(0, 300);
    const attempts = message.attempts + 1;
    const retryAt = Date.now() + retryDelay(attempts, this.options.retryMs, this.maxRetryMs);
    const givingUp = retryAt - Date.parse(message.createdAt) > this.options.giveUpMs;
    try {
      // The link minted for a message that did not go out was never seen by anyone.
      if (inviteId) await repos.invites.removeUnused(inviteId);
      await repos.mailOutbox.markAttemptFailed(
        message.id,
        reason ?? 'unknown error',
        givingUp ? null : new Date(retryAt).toISOString(),
      );
    } catch (storeError) {
      // Its claim runs out and it is tried again then.
      log.error({ err: storeError, messageId: message.id }, 'mail: could not record a failure');
    }
    log.warn(
      { messageId: message.id, attempts, error: reason, gaveUp: givingUp },
      givingUp ? 'mail: not sent, giving up' : 'mail: not sent, will retry',
    );
  }
}
