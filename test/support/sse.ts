import http from 'node:http';

export interface SseEvent {
  type: string;
  data: string;
  retry?: number;
}

/**
 * A Server-Sent-Events client for tests: connects with a bearer token, keeps every event and the raw text (to check
 * that nothing sensitive travels), and waits for an event matching a predicate.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  raw = '';
  status = 0;
  ended = false;
  private buffer = '';
  private waiters: Array<() => void> = [];
  private request: http.ClientRequest | null = null;

  private constructor() {}

  static async connect(baseUrl: string, token: string | null, path = '/api/v1/events'): Promise<SseClient> {
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (token) headers.Authorization = `Bearer ${token}`;
      client.request = http.get(new URL(path, baseUrl), { headers }, (response) => {
        client.status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.feed(chunk));
        response.on('end', () => {
          client.ended = true;
          client.wake();
        });
        response.on('error', () => undefined);
        resolve();
      });
      client.request.on('error', reject);
    });
    if (client.status === 200) await client.next((e) => e.type === 'ready');
    return client;
  }

  private feed(chunk: string): void {
    this.raw += chunk;
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { type: 'message', data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event.type = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
        else if (line.startsWith('retry: ')) event.retry = Number(line.slice(7));
      }
      event.data = data.join('\n');
      this.events.push(event);
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The pushed changes (`event: push`), parsed. */
  pushes<T = { topic: string; change: string; id: string; data: Record<string, unknown> }>(): T[] {
    return this.events.filter((e) => e.type === 'push').map((e) => JSON.parse(e.data) as T);
  }

  /** Resolves with the first event (seen or to come) matching `match`; rejects after `timeoutMs`. */
  async next(match: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the event; got ${this.raw}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such event within ${timeoutMs} ms; got ${this.raw}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server has ended the stream. */
  async closed(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('stream still open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.request?.destroy();
  }
}
