import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/app-config.js';
import type { Actor } from './actor.js';
import { ROLES, type Role } from './permissions.js';

/** Claims of an access token. Short-lived (ACCESS_TOKEN_TTL_SECONDS); scope is re-derived from the unit per query. */
export interface AccessClaims {
  sub: string;
  usr: string;
  role: Role;
  unit: string;
  wkr: string | null;
  typ: 'access';
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: ConfigService<AppConfig, true>) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken builds (and first tries a public) key on every request,
      // which profiling showed to be a fifth of the cost of an authenticated read.
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true }), 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  validate(request: Request, claims: AccessClaims): Actor | false {
    if (claims.typ !== 'access' || !ROLES.includes(claims.role)) return false;
    return {
      userId: claims.sub,
      username: claims.usr,
      role: claims.role,
      orgUnitId: claims.unit,
      workerId: claims.wkr,
      ip: request.ip ?? null,
    };
  }
}
