import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import { type ConfigService } from '@nestjs/config';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { parseRefreshToken } from '../auth/refresh-token-format.js';
import type { AppConfig } from '../config/app-config.js';
import { DIALECT } from '../database/dialect.js';
import { FixedWindowThrottlerStorage } from './memory-throttler-storage.js';
import { PgThrottlerStorage } from './pg-throttler-storage.js';

const SESSION_ROUTE = 'xingang:session-route';
type SessionRoute = 'login' | 'refresh';

/** Sign-in: limited per (IP, username), under the per-IP ceiling. */
export const LoginThrottled = () => SetMetadata(SESSION_ROUTE, 'login' satisfies SessionRoute);
/** Token refresh: limited per refresh-token family (one session), under the per-IP ceiling. */
export const RefreshThrottled = () => SetMetadata(SESSION_ROUTE, 'refresh' satisfies SessionRoute);

const sessionRoute = (context: ExecutionContext) => Reflect.getMetadata(SESSION_ROUTE, context.getHandler()) as SessionRoute | undefined;
/** A machine client calling with an API key (an EAP vendor); it gets its own, tighter limit per vendor. */
const isVendorCall = (context: ExecutionContext) => context.switchToHttp().getRequest<{ user?: Actor }>().user?.role === 'vendor';

/** What the trackers read of a request (the body is parsed before guards run). */
type Req = Record<string, unknown> & { ip?: string; body?: Record<string, unknown> };
const ipOf = (req: Req) => req.ip ?? 'unknown';
/** Usernames are matched case-insensitively at sign-in; so is the limit. */
const usernameOf = (req: Req) => (typeof req.body?.username === 'string' ? req.body.username.trim().toLowerCase().slice(0, 100) : '');
/** The family leads the token; a token issued before families were in it counts on its own id. */
function familyOf(req: Req): string {
  const token = parseRefreshToken(req.body?.refreshToken);
  return token ? (token.familyId ?? `token:${token.id}`) : `invalid:${ipOf(req)}`;
}
/** One key per tracker whatever the route: the per-IP ceiling counts sign-ins and refreshes together. */
const sharedKey = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;

/**
 * The limits (issue #16 item 8): an office of 300 behind one NAT must be able to sign in and stay signed in, so
 * sign-in is limited per (IP, username) with the per-account lock-out behind it, refresh per token family, and both
 * share a per-IP ceiling sized for such an office. Everything else: per account, per vendor, or per IP when
 * anonymous. On PostgreSQL the counts live in the database, shared by every instance.
 */
export function throttlerOptions(config: ConfigService<AppConfig, true>, dataSource: DataSource): ThrottlerModuleOptions {
  return {
    storage: DIALECT === 'postgres' ? new PgThrottlerStorage(dataSource) : new FixedWindowThrottlerStorage(),
    throttlers: [
      {
        name: 'default',
        ttl: 60_000,
        limit: config.get('API_THROTTLE_LIMIT', { infer: true }),
        skipIf: (context) => sessionRoute(context) !== undefined,
      },
      {
        name: 'vendor',
        ttl: 60_000,
        limit: config.get('VENDOR_API_THROTTLE_LIMIT', { infer: true }),
        skipIf: (context) => !isVendorCall(context),
      },
      {
        name: 'login',
        ttl: config.get('LOGIN_THROTTLE_TTL_SECONDS', { infer: true }) * 1000,
        limit: config.get('LOGIN_THROTTLE_LIMIT', { infer: true }),
        skipIf: (context) => sessionRoute(context) !== 'login',
        getTracker: (req: Req) => `${ipOf(req)}|${usernameOf(req)}`,
      },
      {
        name: 'refresh',
        ttl: 60_000,
        limit: config.get('REFRESH_THROTTLE_LIMIT', { infer: true }),
        skipIf: (context) => sessionRoute(context) !== 'refresh',
        getTracker: (req: Req) => familyOf(req),
      },
      {
        name: 'session-ip',
        ttl: 60_000,
        limit: config.get('SESSION_IP_THROTTLE_LIMIT', { infer: true }),
        skipIf: (context) => sessionRoute(context) === undefined,
        getTracker: (req: Req) => ipOf(req),
        generateKey: sharedKey,
      },
    ],
  };
}

/**
 * Runs after authentication: a signed-in caller is limited per account, a vendor per vendor (however many keys it
 * holds), an anonymous one per IP. Every 429 says when to come back (`Retry-After`, seconds).
 */
export class AccountThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Request & { user?: Actor }): Promise<string> {
    const user = request.user;
    return Promise.resolve(user?.vendorId ? `vendor:${user.vendorId}` : (user?.userId ?? request.ip ?? 'unknown'));
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}
