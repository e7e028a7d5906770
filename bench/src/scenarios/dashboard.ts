import { setMaxListeners } from 'node:events';
import * as Y from 'yjs';
import { guideText } from '@draftroom/server/testing';
import type { BenchClient } from '../lib/benchClient.ts';
import type { GuidesSetup } from '../lib/people.ts';
import type { ServerUnderTest } from '../lib/processes.ts';
import { percentile } from '../lib/stats.ts';

export interface DashboardLoadOptions {
  /** Open dashboards (each its own event stream, as the organiser's tabs). */
  dashboards: number;
  /** One probe edit this often. */
  probeEveryMs: number;
}

export interface DashboardStats {
  dashboards: number;
  listening: number;
  /** `rows` messages received, over every dashboard. */
  messages: number;
  probes: number;
  /** Probe edits every dashboard showed, and the time each took (send → row, ms; all dashboards). */
  seen: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  failures: number;
}

interface RowSeen {
  guideId: string;
  lastEditAt: string | null;
  words: number;
}

/**
 * The organisers' dashboard open during the conference load: `dashboards` event streams of the
 * organiser, and a probe that writes one word every `probeEveryMs` into a guide of its own (a
 * group added for it, so no one else's typing changes its row). The latency is from the probe's
 * edit being sent to each dashboard receiving the probe guide's row with more words than before:
 * an upper bound of "acknowledged → shown" (the server stores an edit before anyone sees it).
 */
export class DashboardLoad {
  private readonly controller = new AbortController();
  private readonly streams: Promise<void>[] = [];
  private readonly latencies: number[] = [];
  private readonly waiting = new Map<number, { sentAt: number; seenBy: Set<number> }>();
  private probeTimer: NodeJS.Timeout | null = null;
  private probes = 0;
  private messages = 0;
  private listening = 0;
  private failures = 0;

  private constructor(
    private readonly baseUrl: string,
    private readonly options: DashboardLoadOptions,
    private readonly probeGuideId: string,
    private readonly probe: BenchClient,
    private readonly author: Y.Doc,
  ) {
    setMaxListeners(0, this.controller.signal);
  }

  static async start(
    server: ServerUnderTest,
    setup: GuidesSetup,
    options: DashboardLoadOptions,
  ): Promise<DashboardLoad> {
    if (!setup.sessionId) throw new Error('the dashboard needs Draftroom');
    const headers = { ...setup.organiser.headers, 'content-type': 'application/json' };
    const response = await fetch(`${server.url}/api/sessions/${setup.sessionId}/groups`, {
      method: 'POST',
      headers: { ...headers, origin: server.url },
      body: JSON.stringify({ name: 'Dashboard probe', workingLanguage: 'en', capacity: 5 }),
    });
    if (response.status !== 201) throw new Error(`probe group: ${response.status}`);
    const { guideId } = (await response.json()) as { guideId: string };
    const probe = server.client(guideId, { headers: setup.organiser.headers, applyUpdates: false });
    await probe.connect();
    const author = new Y.Doc();
    if (probe.syncPayload) Y.applyUpdate(author, probe.syncPayload);
    author.on('update', (update: Uint8Array) => probe.sendUpdate(update, false));
    const load = new DashboardLoad(server.url, options, guideId, probe, author);
    for (let index = 0; index < options.dashboards; index++) {
      load.listen(index, setup.organiser.headers);
    }
    load.probeTimer = setInterval(() => load.write(), options.probeEveryMs);
    return load;
  }

  async stop(): Promise<DashboardStats> {
    if (this.probeTimer) clearInterval(this.probeTimer);
    // The last probe's rows are still on their way (at most a second's coalescing).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    this.controller.abort();
    await Promise.allSettled(this.streams);
    await this.probe.close();
    this.author.destroy();
    const times = this.latencies;
    return {
      dashboards: this.options.dashboards,
      listening: this.listening,
      messages: this.messages,
      probes: this.probes,
      seen: [...this.waiting.values()].filter((w) => w.seenBy.size === this.options.dashboards)
        .length,
      p50Ms: times.length ? percentile(times, 50) : Number.NaN,
      p95Ms: times.length ? percentile(times, 95) : Number.NaN,
      maxMs: times.length ? Math.max(...times) : Number.NaN,
      failures: this.failures,
    };
  }

  /** One more word: the probe guide then holds `probes` words. */
  private write(): void {
    this.probes++;
    this.waiting.set(this.probes, { sentAt: performance.now(), seenBy: new Set() });
    const text = guideText(this.author);
    text.insert(text.length, ` word${this.probes}`);
  }

  private seen(dashboard: number, row: RowSeen): void {
    const now = performance.now();
    for (const [words, waiting] of this.waiting) {
      if (words > row.words || waiting.seenBy.has(dashboard)) continue;
      waiting.seenBy.add(dashboard);
      this.latencies.push(now - waiting.sentAt);
    }
  }

  private listen(index: number, headers: Record<string, string>): void {
    this.streams.push(
      (async () => {
        const response = await fetch(`${this.baseUrl}/api/dashboard/events`, {
          headers,
          signal: this.controller.signal,
        });
        if (response.status !== 200 || !response.body) {
          this.failures++;
          return;
        }
        this.listening++;
        const decoder = new TextDecoder();
        let buffered = '';
        for await (const chunk of response.body) {
          buffered += decoder.decode(chunk as Uint8Array, { stream: true });
          let end = buffered.indexOf('\n\n');
          while (end >= 0) {
            const data = /^event: rows\ndata: (.*)$/s.exec(buffered.slice(0, end))?.[1];
            buffered = buffered.slice(end + 2);
            if (data) {
              this.messages++;
              const update = JSON.parse(data) as { rows: RowSeen[] };
              const row = update.rows.find((r) => r.guideId === this.probeGuideId);
              if (row) this.seen(index, row);
            }
            end = buffered.indexOf('\n\n');
          }
        }
      })().catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') this.failures++;
      }),
    );
  }
}
