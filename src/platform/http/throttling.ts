import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import { type ConfigService } from '@nestjs/config';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { Actor } from '../auth/actor.js';
import type { AppConfig } from '../config/app-config.js';

const LOGIN_THROTTLED = 'xingang:login-throttled';

/** Marks sign-in routes for the stricter `login` throttler (per IP). */
export const LoginThrottled = () => SetMetadata(LOGIN_THROTTLED, true);

const isLoginRoute = (context: ExecutionContext) => Reflect.getMetadata(LOGIN_THROTTLED, context.getHandler()) === true;
/** A machine client calling with an API key (an EAP vendor); it gets its own, tighter limit per vendor. */
const isVendorCall = (context: ExecutionContext) => context.switchToHttp().getRequest<{ user?: Actor }>().user?.role === 'vendor';

export function throttlerOptions(config: ConfigService<AppConfig, true>): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'default',
        ttl: 60_000,
        limit: config.get('API_THROTTLE_LIMIT', { infer: true }),
        skipIf: isLoginRoute,
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
        skipIf: (context) => !isLoginRoute(context),
      },
    ],
  };
}

/**
 * Runs after authentication: a signed-in caller is limited per account, a vendor per vendor (however many keys it
 * holds), an anonymous one per IP.
 */
export class AccountThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Request & { user?: Actor }): Promise<string> {
    const user = request.user;
    return Promise.resolve(user?.vendorId ? `vendor:${user.vendorId}` : (user?.userId ?? request.ip ?? 'unknown'));
  }
}
