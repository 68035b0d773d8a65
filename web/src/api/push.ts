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

/**
 * The app's one event stream. It is read with fetch (not EventSource) so the access token travels in the
 * Authorization header, never in a URL; it reconnects with backoff, refreshing the token when the server says 401,
 * and after the server ends it (the token's lifetime).
 */
class PushStream {
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<StatusListener>();
  private controller: AbortController | null = null;
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
  }

  private start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.loop(this.controller.signal);
  }

  private stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.setLive(false);
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
      this.setLive(false);
      if (signal.aborted) return;
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
    const event = JSON.parse(data.join('\n')) as PushEvent;
    for (const listener of this.listeners) listener(event);
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
