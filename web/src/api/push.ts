import { useEffect, useRef, useState } from 'react';
import { session } from './session';

/** One change pushed by the server (`GET /api/v1/events`): ids and small facts only; pages reload what they show. */
export interface PushEvent {
  topic: string;
  change: string;
  id: string;
  data: Record<string, string | number | boolean | null>;
  sentAt: number;
}

type Listener = (event: PushEvent) => void;
type StatusListener = (live: boolean) => void;

/** What the tabs of one user tell each other on their BroadcastChannel. */
type TabMessage = { kind: 'event'; event: PushEvent } | { kind: 'status'; live: boolean } | { kind: 'hello' };

/** Whether this browser can share one stream between tabs (Web Locks, which needs HTTPS or localhost, and BroadcastChannel). */
const canShare = () => typeof navigator !== 'undefined' && 'locks' in navigator && typeof BroadcastChannel !== 'undefined';

/** The user the access token was issued to (its `sub`): the tabs of one user share a stream, another user's do not. */
function userOf(token: string | null): string | null {
  try {
    const payload = JSON.parse(atob((token ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

/**
 * The app's event stream, one per signed-in user across the browser's tabs: each stream holds one of the six HTTP/1.1
 * connections a browser allows per host, so a counsellor with many tabs open would starve the app's own requests.
 * The tabs of one user elect a holder with the Web Locks API (`xingang-push:<user>`); it reads the stream and fans
 * each event out over a BroadcastChannel of the same name. When the holder tab closes, the browser releases its lock
 * and the next waiting tab takes the stream over. Without those APIs every tab reads its own stream.
 *
 * The stream is read with fetch (not EventSource) so the access token travels in the Authorization header, never in
 * a URL; it reconnects with backoff, refreshing the token when the server says 401, and after the server ends it (the
 * token's lifetime).
 */
class PushStream {
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<StatusListener>();
  private controller: AbortController | null = null;
  private channel: BroadcastChannel | null = null;
  /** Whether this tab reads the stream (for itself, and for the user's other tabs when shared). */
  private holder = false;
  private live = false;
  private retry = 0;
  /** The server's reconnect hint (SSE `retry:`): on SIGTERM it ends the stream and asks for a prompt reconnect. */
  private hintMs: number | null = null;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    listener(this.live);
    return () => this.statusListeners.delete(listener);
  }

  private setLive(live: boolean): void {
    this.live = live;
    for (const listener of this.statusListeners) listener(live);
    if (this.holder) this.tell({ kind: 'status', live });
  }

  private emit(event: PushEvent): void {
    for (const listener of this.listeners) listener(event);
    if (this.holder) this.tell({ kind: 'event', event });
  }

  private tell(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // the channel closed as this tab stopped
    }
  }

  private start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.run(this.controller.signal);
  }

  private stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.setLive(false);
    this.channel?.close();
    this.channel = null;
  }

  /** Shares the stream when the browser can: waits for the user's lock, then holds the stream until stopped. */
  private async run(signal: AbortSignal): Promise<void> {
    if (!session.token) await session.refresh();
    const user = userOf(session.token);
    if (!canShare() || !user) {
      this.holder = true;
      await this.loop(signal);
      this.holder = false;
      return;
    }
    if (signal.aborted) return;
    const name = `xingang-push:${user}`;
    const channel = new BroadcastChannel(name);
    this.channel = channel;
    channel.onmessage = (message: MessageEvent<TabMessage>) => this.heard(message.data);
    // A tab that opens late learns from the holder whether the stream is connected.
    this.tell({ kind: 'hello' });
    try {
      await navigator.locks.request(name, { signal }, async () => {
        this.holder = true;
        this.setLive(false); // the other tabs: not connected until this tab's stream is
        try {
          await this.loop(signal);
        } finally {
          this.holder = false;
        }
      });
    } catch {
      // stopped while waiting for the lock (AbortError)
    }
  }

  /** A message from another tab of this user. */
  private heard(message: TabMessage): void {
    if (this.holder) {
      if (message.kind === 'hello') this.tell({ kind: 'status', live: this.live });
      return;
    }
    if (message.kind === 'event') for (const listener of this.listeners) listener(message.event);
    else if (message.kind === 'status') {
      this.live = message.live;
      for (const listener of this.statusListeners) listener(message.live);
    }
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      this.hintMs = null;
      try {
        await this.readOnce(signal);
        this.retry = 0;
      } catch {
        // network error or a dropped stream: retry below
      }
      if (signal.aborted) return;
      this.setLive(false);
      // The server's hint when it ended the stream itself (spread a little so a fleet does not reconnect at once),
      // else backoff with jitter.
      const wait = this.hintMs !== null ? this.hintMs * (1 + Math.random() / 2) : Math.min(30_000, 1000 * 2 ** this.retry++) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async readOnce(signal: AbortSignal): Promise<void> {
    if (!session.token && !(await session.refresh())) throw new Error('signed out');
    // api: GET /api/v1/events
    let response = await fetch('/api/v1/events', { headers: { Authorization: `Bearer ${session.token ?? ''}`, Accept: 'text/event-stream' }, signal });
    if (response.status === 401 && (await session.refresh())) {
      response = await fetch('/api/v1/events', { headers: { Authorization: `Bearer ${session.token ?? ''}`, Accept: 'text/event-stream' }, signal });
    }
    if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.handle(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  /** One SSE block: `event:` and `data:` lines. */
  private handle(block: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      else if (line.startsWith('retry:') && type === 'bye') this.hintMs = Number(line.slice(6).trim()) || 0;
    }
    if (type === 'ready') this.setLive(true);
    if (type !== 'push' || data.length === 0) return;
    this.emit(JSON.parse(data.join('\n')) as PushEvent);
  }
}

export const pushStream = new PushStream();

/** Calls `onEvent` for pushed changes of the given topics while the component is mounted. */
export function usePush(topics: readonly string[], onEvent: (event: PushEvent) => void): void {
  const handler = useRef(onEvent);
  // The latest handler, kept after each render (not during it) so the subscription need not change.
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = topics.join(',');
  useEffect(
    () =>
      pushStream.subscribe((event) => {
        if (key.split(',').includes(event.topic)) handler.current(event);
      }),
    [key],
  );
}

/** Whether the event stream is connected (for a small "live" indicator). */
export function usePushLive(): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => pushStream.onStatus(setLive), []);
  return live;
}
