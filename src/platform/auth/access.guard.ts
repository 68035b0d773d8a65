import { ExecutionContext, Injectable, Logger, UnauthorizedException, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { AccessTokens, bearerToken } from './access-tokens.js';
import { AccountStates } from './account-states.js';
import type { Actor } from './actor.js';
import { ApiKeyAuth } from './api-key-auth.js';
import { PERMISSION_KEY, PUBLIC_KEY } from './authorize.decorator.js';
import { roleHas } from './permissions.js';

/**
 * The one global guard, deny by default: a route is reachable only if it is @Public or declares a permission the
 * caller's role holds. A route that forgot to declare one is refused for everybody. Callers are users (JWT access
 * token) or machine clients (an API key, see ApiKeyAuth); both end as an Actor whose role decides, so a vendor key
 * reaches only routes declaring a vendor permission and a user token never reaches those.
 *
 * A user's actor is built from the account as it is now (AccountStates), not from the token's claims: a deactivated
 * or erased account is refused although its token is still unexpired, and a changed role or unit applies at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuth,
    private readonly tokens: AccessTokens,
    private readonly accounts: AccountStates,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const key = this.apiKeys.presentedKey(request);
    const actor = key !== null ? await this.apiKeys.authenticate(key, request) : await this.userActor(request);
    if (!actor) throw new UnauthorizedException();
    request.user = actor;
    const permission = this.reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets);
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

  private async userActor(request: Request): Promise<Actor | null> {
    const token = bearerToken(request.headers.authorization);
    const claims = token === null ? null : this.tokens.verify(token);
    if (!claims) return null;
    const account = await this.accounts.get(claims.sub);
    if (!account?.active) return null;
    return { userId: claims.sub, username: account.username, role: account.role, orgUnitId: account.orgUnitId, orgUnitPath: account.orgUnitPath, workerId: account.workerId, ip: request.ip ?? null };
  }
}
