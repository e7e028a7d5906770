import type { GuidesSetup, Person } from '../lib/people.ts';

export interface LiveSessionOptions {
  /** The session's id (Draftroom's setup has one). */
  sessionId: string;
  /** One announcement to every group this often, while the load runs. */
  announceEverySeconds: number;
  timerMinutes: number;
}

export interface LiveSessionStats {
  pages: number;
  /** Pages whose event stream opened. */
  listening: number;
  liveReads: number;
  consoleReads: number;
  announcements: number;
  failures: number;
}

/**
 * A session run live while its groups type (what the guide page and the facilitator's console
 * do): every person's page listens to the session's event stream and, on every `changed`, reads
 * the session's live state with its own cookie; the facilitator's console listens too and reads
 * the console on each change; a timer is started when the load starts, and an announcement to
 * every group goes out every `announceEverySeconds` (each one makes every page read again: the
 * herd a real announcement causes).
 */
export class LiveSessionLoad {
  private readonly controller = new AbortController();
  private readonly streams: Promise<void>[] = [];
  private announcer: NodeJS.Timeout | null = null;
  private readonly stats: LiveSessionStats = {
    pages: 0,
    listening: 0,
    liveReads: 0,
    consoleReads: 0,
    announcements: 0,
    failures: 0,
  };

  private constructor(
    private readonly baseUrl: string,
    private readonly options: LiveSessionOptions,
  ) {}

  static async start(
    baseUrl: string,
    setup: GuidesSetup,
    options: LiveSessionOptions,
  ): Promise<LiveSessionLoad> {
    const load = new LiveSessionLoad(baseUrl, options);
    const { sessionId } = options;
    for (const person of setup.guides.flatMap((guide) => guide.people)) {
      load.listen(person, `/api/sessions/${sessionId}/live`);
    }
    load.listen(setup.organiser, `/api/sessions/${sessionId}/console`, true);
    await load.post(setup.organiser, `/api/sessions/${sessionId}/timer`, {
      action: 'start',
      minutes: options.timerMinutes,
    });
    load.announcer = setInterval(() => {
      load.stats.announcements++;
      void load.post(setup.organiser, `/api/sessions/${sessionId}/announcements`, {
        text: `Announcement ${load.stats.announcements}: keep writing.`,
      });
    }, options.announceEverySeconds * 1000);
    return load;
  }

  async stop(): Promise<LiveSessionStats> {
    if (this.announcer) clearInterval(this.announcer);
    // The last announcement's reads are still arriving: let them land before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    this.controller.abort();
    await Promise.allSettled(this.streams);
    return { ...this.stats };
  }

  /** A page: its event stream, and `readPath` read again on every `changed`. */
  private listen(person: Person, readPath: string, console = false): void {
    this.stats.pages++;
    const events = `${this.baseUrl}/api/sessions/${this.options.sessionId}/events`;
    this.streams.push(
      (async () => {
        const response = await fetch(events, {
          headers: person.headers,
          signal: this.controller.signal,
        });
        if (response.status !== 200 || !response.body) {
          this.stats.failures++;
          return;
        }
        this.stats.listening++;
        const decoder = new TextDecoder();
        for await (const chunk of response.body) {
          const changes = decoder.decode(chunk as Uint8Array).split('event: changed').length - 1;
          for (let change = 0; change < changes; change++)
            void this.read(person, readPath, console);
        }
      })().catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') this.stats.failures++;
      }),
    );
  }

  private async read(person: Person, path: string, console: boolean): Promise<void> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        headers: person.headers,
        signal: this.controller.signal,
      });
      await response.arrayBuffer();
      if (response.status !== 200) this.stats.failures++;
      else if (console) this.stats.consoleReads++;
      else this.stats.liveReads++;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.stats.failures++;
    }
  }

  private async post(person: Person, path: string, body: unknown): Promise<void> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { ...person.headers, 'content-type': 'application/json', origin: this.baseUrl },
        body: JSON.stringify(body),
        signal: this.controller.signal,
      });
      await response.arrayBuffer();
      if (response.status >= 300) this.stats.failures++;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.stats.failures++;
    }
  }
}
