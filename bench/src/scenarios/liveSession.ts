import { setMaxListeners } from 'node:events';
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
  /** Live-state messages the pages received (each page hears every change). */
  liveMessages: number;
  consoleReads: number;
  announcements: number;
  failures: number;
}

/**
 * A session run live while its groups type (what the guide page and the facilitator's console
 * do): every person's page listens to the session's event stream, which sends the live state
 * (as that person may see it) on opening and after every change; the facilitator's console
 * listens too and reads the console on each change; a timer is started when the load starts,
 * and an announcement to every group goes out every `announceEverySeconds` (each one is sent to
 * every page at once).
 */
export class LiveSessionLoad {
  private readonly controller = new AbortController();

  private readonly streams: Promise<void>[] = [];
  private announcer: NodeJS.Timeout | null = null;
  private readonly stats: LiveSessionStats = {
    pages: 0,
    listening: 0,
    liveMessages: 0,
    consoleReads: 0,
    announcements: 0,
    failures: 0,
  };

  private constructor(
    private readonly baseUrl: string,
    private readonly options: LiveSessionOptions,
  ) {
    // Every page's fetch listens to this one signal: a thousand listeners are expected here.
    setMaxListeners(0, this.controller.signal);
  }

  static async start(
    baseUrl: string,
    setup: GuidesSetup,
    options: LiveSessionOptions,
  ): Promise<LiveSessionLoad> {
    const load = new LiveSessionLoad(baseUrl, options);
    const { sessionId } = options;
    for (const person of setup.guides.flatMap((guide) => guide.people)) load.listen(person, null);
    load.listen(setup.organiser, `/api/sessions/${sessionId}/console`);
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

  /** A page: its event stream, and (the console) `readPath` read again on every change. */
  private listen(person: Person, readPath: string | null): void {
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
          const changes = decoder.decode(chunk as Uint8Array).split('event: live').length - 1;
          if (readPath === null) this.stats.liveMessages += changes;
          else for (let change = 0; change < changes; change++) void this.read(person, readPath);
        }
      })().catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') this.stats.failures++;
      }),
    );
  }

  private async read(person: Person, path: string): Promise<void> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        headers: person.headers,
        signal: this.controller.signal,
      });
      await response.arrayBuffer();
      if (response.status !== 200) this.stats.failures++;
      else this.stats.consoleReads++;
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
