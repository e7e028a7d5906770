import type { Logger } from '../../lib/logger.ts';
import type { Repositories } from '../../persistence/index.ts';
import type { LockService } from '../conference/lockService.ts';
import type { EventBus } from '../events/eventBus.ts';

/** Takes a version of a guide marked as the freeze's (the version history provides it). */
export type TakeVersion = (guideId: string) => Promise<unknown>;

/**
 * The scheduled freeze at a session's end: when it is due, every guide of the session gets a
 * version (kind `freeze`, which the history names in each language), then the session's guides
 * are locked, then the freeze is marked done. Checked
 * every `intervalMs` and at once on start, so a freeze due while the server was down happens
 * when it comes back; a crash part-way repeats it (a version more, locks that hold already),
 * never skips it.
 */
export class FreezeScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly repositories: Repositories,
    private readonly locks: LockService,
    private readonly events: EventBus,
    private readonly takeVersion: TakeVersion,
    private readonly log: Logger,
    private readonly intervalMs: number,
    /** Runs a pass unless another instance is running one (`Persistence.exclusively`). */
    private readonly exclusively: (pass: () => Promise<void>) => Promise<unknown> = (pass) =>
      pass(),
  ) {}

  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Freezes every session that is due now (one pass at a time). */
  check(): Promise<void> {
    this.running ??= this.exclusively(() => this.freezeDue())
      .then(
        () => undefined,
        // The database unreachable, say: tried again at the next check, never fatal.
        (error: unknown) => this.log.error({ err: error }, 'freeze check failed'),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async freezeDue(): Promise<void> {
    const now = new Date().toISOString();
    for (const sessionId of await this.repositories.sessionLive.dueFreezes(now)) {
      try {
        const groups = await this.repositories.groups.listBySessions([sessionId]);
        for (const group of groups) await this.takeVersion(group.guideId);
        await this.locks.freeze(sessionId);
        if (await this.repositories.sessionLive.markFrozen(sessionId, new Date().toISOString())) {
          this.events.publish('sessionLive', { sessionId });
          this.log.info({ sessionId, guides: groups.length }, 'session frozen');
        }
      } catch (error) {
        // Tried again at the next check; the other sessions still freeze.
        this.log.error({ err: error, sessionId }, 'session freeze failed');
      }
    }
  }
}
