import type { Permission } from '../auth/permissions.js';

/**
 * Who may receive a push: named users (their notifications), or staff holding a permission whose unit is at or above
 * one of the given units (their scope: the same materialised-path prefix rule as every list).
 */
export type PushAudience = { users: string[] } | { permission: Permission; unitPaths: string[] };

/**
 * One change pushed to browsers. It carries ids and small facts (level, state), never names or clinical text: the
 * browser reloads what it shows through the API, where scope is checked and the read is audited.
 */
export interface PushMessage {
  /** What changed: `crisis_case`, `desk_request`, `notification`, … */
  topic: string;
  /** How: `opened`, `changed`, `joined`, `created`, … */
  change: string;
  id: string;
  audience: PushAudience;
  data?: Record<string, string | number | boolean | null>;
}

/** The part of a message a browser receives. */
export interface PushEvent {
  topic: string;
  change: string;
  id: string;
  data: Record<string, string | number | boolean | null>;
  /** When this instance sent it (ms since epoch): lets the bench measure commit → browser. */
  sentAt: number;
}

/** A connected browser: who it is, where its scope starts, and how to send to it. */
export interface PushClient {
  userId: string;
  permissions: ReadonlySet<string>;
  /** The path of the user's unit (`/1/4/`): a unit path starting with it is in scope. */
  unitPath: string;
  send: (event: PushEvent) => void;
  /** Ends the stream, telling the browser to reconnect after `retryMs` (SSE `retry:`), e.g. to another instance. */
  end: (retryMs: number) => void;
}

export function reaches(client: PushClient, audience: PushAudience): boolean {
  if ('users' in audience) return audience.users.includes(client.userId);
  return client.permissions.has(audience.permission) && audience.unitPaths.some((path) => client.unitPath !== '' && path.startsWith(client.unitPath));
}
