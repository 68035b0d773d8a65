import { ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error.js';
import type { Actor } from './actor.js';
import { ApiKeyAuth } from './api-key-auth.js';
import { PERMISSION_KEY, PUBLIC_KEY } from './authorize.decorator.js';
import { roleHas } from './permissions.js';

/**
 * The one global guard, deny by default: a route is reachable only if it is @Public or declares a permission the
 * caller's role holds. A route that forgot to declare one is refused for everybody. Callers are users (JWT access
 * token) or machine clients (an API key, see ApiKeyAuth); both end as an Actor whose role decides, so a vendor key
 * reaches only routes declaring a vendor permission and a user token never reaches those.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuth,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const key = this.apiKeys.presentedKey(request);
    if (key !== null) {
      const keyActor = await this.apiKeys.authenticate(key, request);
      if (!keyActor) throw new UnauthorizedException();
      request.user = keyActor;
    } else {
      await super.canActivate(context);
    }
    const permission = this.reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (!permission) {
      this.logger.error(`Route without a declared permission refused: ${context.getClass().name}.${context.getHandler().name}`);
      throw new DomainError(403, 'FORBIDDEN', '无权执行此操作', 'Not permitted');
    }
    if (!roleHas(actor.role, permission)) {
      throw new DomainError(403, 'FORBIDDEN', `无权执行此操作（需要 ${permission}）`, `Not permitted (requires ${permission})`, {
        permission,
      });
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw new UnauthorizedException();
    return user;
  }
}
