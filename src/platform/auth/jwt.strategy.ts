import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
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

const secretKey = (secret: string) => createSecretKey(Buffer.from(secret, 'utf8'));

/** The key among `keys` whose HS256 signature the token carries (the full verification follows in passport-jwt). */
export function signingKeyOf(token: string, keys: KeyObject[]): KeyObject | null {
  const [header, payload, signature] = token.split('.');
  if (!signature) return null;
  const given = Buffer.from(signature, 'base64url');
  for (const key of keys) {
    const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
    if (expected.length === given.length && timingSafeEqual(expected, given)) return key;
  }
  return null;
}

/**
 * Access tokens are signed with JWT_SECRET. During a rotation, the secrets in JWT_SECRETS_RETIRED are still accepted
 * (for tokens they signed, until those expire), so nobody is signed out by the switch.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: ConfigService<AppConfig, true>) {
    const current = secretKey(config.get('JWT_SECRET', { infer: true }));
    const retired = (config.get('JWT_SECRETS_RETIRED', { infer: true }) ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(secretKey);
    const keys = [current, ...retired];
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken builds (and first tries a public) key on every request,
      // which profiling showed to be a fifth of the cost of an authenticated read.
      ...(retired.length === 0
        ? { secretOrKey: current as unknown as Buffer }
        : {
            secretOrKeyProvider: (_request: unknown, raw: string, done: (error: unknown, key?: Buffer) => void) =>
              done(null, (signingKeyOf(raw, keys) ?? current) as unknown as Buffer),
          }),
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
