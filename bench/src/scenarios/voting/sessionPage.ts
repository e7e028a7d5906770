import type { Person } from '../../lib/people.ts';

interface Watcher {
  event: string;
  test: (data: unknown) => boolean;
  found: (at: number) => void;
}

/**
 * One person's open session page, as far as the session's event stream goes
 * (`GET /api/sessions/:id/events`, server-sent events): it reads the stream as a browser's
 * EventSource does (messages split on a blank line, `event:` and `data:` lines) and tells
 * watchers when a message they wait for arrives. The bench holds 500 of these in one process,
 * so a message is parsed only while someone watches its event (a real page parses each one; that
 * cost is the browser's, not the server's).
 */
export class SessionPage {
  /** Messages received, per event name. */
  readonly received = new Map<string, number>();
  bytes = 0;
  /** Why the stream failed (not opened, or broken before we closed it); null while fine. */
  failure: string | null = null;
  opened = false;
  private watchers: Watcher[] = [];
  private buffer = '';
  private readonly decoder = new TextDecoder();
  readonly done: Promise<void>;

  constructor(
    baseUrl: string,
    sessionId: string,
    readonly person: Person,
    signal: AbortSignal,
  ) {
    this.done = this.read(`${baseUrl}/api/sessions/${sessionId}/events`, signal).catch(
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') this.failure = (error as Error).message;
      },
    );
  }

  /**
   * Resolves with the time (performance.now()) of the first message of `event`, from now on,
   * whose JSON passes `test`. Register before making the change, so an early arrival counts.
   */
  watch(event: string, test: (data: unknown) => boolean): Promise<number> {
    return new Promise((found) => this.watchers.push({ event, test, found }));
  }

  count(event: string): number {
    return this.received.get(event) ?? 0;
  }

  private async read(url: string, signal: AbortSignal): Promise<void> {
    const response = await fetch(url, { headers: this.person.headers, signal });
    if (response.status !== 200 || !response.body) {
      this.failure = `stream answered ${response.status}`;
      await response.arrayBuffer().catch(() => undefined);
      return;
    }
    this.opened = true;
    for await (const chunk of response.body) {
      this.bytes += (chunk as Uint8Array).byteLength;
      this.buffer += this.decoder.decode(chunk as Uint8Array, { stream: true });
      // A message may arrive in pieces, or several in one chunk: only whole ones are read.
      let end = this.buffer.indexOf('\n\n');
      while (end >= 0) {
        this.message(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
        end = this.buffer.indexOf('\n\n');
      }
    }
    if (!signal.aborted) this.failure = 'the server ended the stream';
  }

  private message(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    // Comments (the heartbeat) and the `retry:` line carry no data.
    if (data.length === 0) return;
    this.received.set(event, this.count(event) + 1);
    const interested = this.watchers.filter((watcher) => watcher.event === event);
    if (interested.length === 0) return;
    const at = performance.now();
    const parsed: unknown = JSON.parse(data.join('\n'));
    for (const watcher of interested) {
      if (!watcher.test(parsed)) continue;
      this.watchers = this.watchers.filter((other) => other !== watcher);
      watcher.found(at);
    }
  }
}
