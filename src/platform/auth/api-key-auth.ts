import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor.js';

/** Resolves a presented API key to an actor, or null when the key is unknown, revoked or expired. */
export type ApiKeyAuthenticator = (key: string, request: Request) => Promise<Actor | null>;

/**
 * The second way in, beside user access tokens: machine clients (EAP vendors) present an API key, either as
 * `X-Api-Key: <key>` or as `Authorization: Bearer <key>`. Keys carry a registered prefix (e.g. `xg_vendor_`), so a key
 * is never mistaken for a JWT. The module owning the keys registers its authenticator at start (as job handlers do),
 * so the platform's guard needs no knowledge of vendors.
 */
@Injectable()
export class ApiKeyAuth {
  private readonly authenticators = new Map<string, ApiKeyAuthenticator>();

  register(prefix: string, authenticator: ApiKeyAuthenticator): void {
    if (this.authenticators.has(prefix)) throw new Error(`API key prefix ${prefix} registered twice`);
    this.authenticators.set(prefix, authenticator);
  }

  /** The key presented with the request, if it looks like one of ours (else the request is left to JWT). */
  presentedKey(request: Request): string | null {
    const header = request.headers['x-api-key'];
    if (typeof header === 'string' && header.length > 0) return header;
    if (Array.isArray(header)) return header[0] ?? null;
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || !/^Bearer /i.test(authorization)) return null;
    const token = authorization.slice(7).trim();
    return [...this.authenticators.keys()].some((prefix) => token.startsWith(prefix)) ? token : null;
  }

  /** The actor for a presented key; null (→ 401) when no registered authenticator accepts it. */
  async authenticate(key: string, request: Request): Promise<Actor | null> {
    for (const [prefix, authenticator] of this.authenticators) {
      if (key.startsWith(prefix)) return authenticator(key, request);
    }
    return null;
  }
}
