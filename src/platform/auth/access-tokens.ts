import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config/app-config.js';
import { ROLES, type Role } from './permissions.js';

/** Claims of an access token. Short-lived (ACCESS_TOKEN_TTL_SECONDS); who the caller is now is read from the account. */
export interface AccessClaims {
  sub: string;
  usr: string;
  role: Role;
  unit: string;
  wkr: string | null;
  typ: 'access';
}

/**
 * Verifies each access token once and keeps its claims until the token's own `exp` (a bounded LRU): a signature is a
 * pure function of the token, so a second verification could only give the same answer. Revocation does not live
 * here: the guard checks the account (AccountStates) on every request.
 */
@Injectable()
export class AccessTokens {
  /**
   * KeyObjects made once (given a string, jsonwebtoken builds, and first tries a public, key on every call): JWT_SECRET
   * first, then the secrets of JWT_SECRETS_RETIRED, still accepted during a rotation for the tokens they signed (until
   * those expire), so nobody is signed out by the switch.
   */
  private readonly keys: KeyObject[];
  private readonly verified = new LRUCache<string, AccessClaims>({ max: 10_000 });

  constructor(config: ConfigService<AppConfig, true>) {
    const retired = (config.get('JWT_SECRETS_RETIRED', { infer: true }) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    this.keys = [config.get('JWT_SECRET', { infer: true }), ...retired].map((secret) => createSecretKey(Buffer.from(secret, 'utf8')));
  }

  /** The claims of a valid, unexpired access token; null for anything else. */
  verify(token: string): AccessClaims | null {
    const cached = this.verified.get(token);
    if (cached) return cached;
    let claims: (AccessClaims & { exp?: number }) | null = null;
    for (const key of this.keys) {
      try {
        claims = jwt.verify(token, key, { algorithms: ['HS256'] }) as AccessClaims & { exp?: number };
        break;
      } catch {
        // not signed by this key (or expired): try the next one
      }
    }
    if (!claims) return null;
    if (claims.typ !== 'access' || !ROLES.includes(claims.role) || typeof claims.exp !== 'number') return null;
    const ttl = claims.exp * 1000 - Date.now();
    if (ttl > 0) this.verified.set(token, claims, { ttl });
    return claims;
  }
}

/** The bearer token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | string[] | undefined): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}
