import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const PERMISSION_KEY = 'xingang:permission';
export const PUBLIC_KEY = 'xingang:public';

/** The permission a route requires. A route without one (and not @Public) is refused by the global guard. */
export const Authorize = (permission: string) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '未登录 / Not authenticated' }),
    ApiForbiddenResponse({ description: `需要权限 ${permission} / Requires ${permission}` }),
  );

/** Reachable without a token (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
